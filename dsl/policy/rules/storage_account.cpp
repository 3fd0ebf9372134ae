/// Storage account rules: no anonymous data, Entra ID instead of keys, private in shared tiers.

#include "dsl/azure/storage_account.h"
#include "dsl/azure/storage_container.h"
#include "dsl/core/stack.h"
#include "dsl/policy/rules/families.h"

namespace iac::policy::rules {

using azure::StorageAccount;
using azure::StorageContainer;

namespace {

/// Whether the account is the one the stack's own versions.tf keeps its state in.
bool holds_own_state(const StorageAccount& account) {
  const auto& backend = account.stack().state_backend();
  return backend && backend->storage_account == account.name();
}

}  // namespace

std::vector<Rule> storage_account() {
  return {
      for_kind<StorageAccount>({.id = "AZ-ST-001",
                                .title = "Storage accepts HTTPS only",
                                .rationale = "Plain HTTP exposes data and SAS tokens on the wire.",
                                .fix = "remove the waiver of `https_only`",
                                .levels = Levels::everywhere(Level::error),
                                .checkov = {"CKV_AZURE_3"},
                                .psrule = {"Azure.Storage.SecureTransfer"},
                                .benchmark = "DP-3"},
                               [](const StorageAccount& account, const Environment&) -> Problem {
                                 if (account.props().https_only.is_enforced()) return {};
                                 return "HTTP is accepted: " + account.props().https_only.reason();
                               }),
      for_kind<StorageAccount>(
          {.id = "AZ-ST-002",
           .title = "Storage allows no anonymous blob access",
           .rationale =
               "One container set to public by mistake publishes its data to the internet.",
           .fix = "remove the waiver of `private_blobs`; serve public content through Front Door",
           .levels = Levels::everywhere(Level::error),
           .checkov = {"CKV_AZURE_190", "CKV2_AZURE_47"},
           .psrule = {"Azure.Storage.BlobPublicAccess"},
           .benchmark = "DP-2"},
          [](const StorageAccount& account, const Environment&) -> Problem {
            if (account.props().private_blobs.is_enforced()) return {};
            return "anonymous blob access is allowed: " + account.props().private_blobs.reason();
          }),
      for_kind<StorageAccount>(
          {.id = "AZ-ST-003",
           .title = "Storage authorizes with Entra ID only (shared keys off)",
           .rationale = "An account key grants full, unaudited access to all data and is easily "
                        "leaked in connection strings.",
           .fix = "remove the waiver of `entra_only_auth`; give apps a managed identity and a "
                  "data role (Y1/EP content shares need keys: suppress with that reason)",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV2_AZURE_40"},
           .psrule = {},
           .benchmark = "IM-1"},
          [](const StorageAccount& account, const Environment&) -> Problem {
            if (account.props().entra_only_auth.is_enforced()) return {};
            return "shared key access is on: " + account.props().entra_only_auth.reason();
          }),
      for_kind<StorageAccount>(
          {.id = "AZ-ST-004",
           .title = "Storage firewall denies by default",
           .rationale = "An account reachable from every address relies on credentials alone.",
           .fix = "use PublicNetwork::disabled() or PublicNetwork::allow_from({ranges}, reason)",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_35"},
           .psrule = {"Azure.Storage.Firewall"},
           .benchmark = "NS-2"},
          [](const StorageAccount& account, const Environment&) -> Problem {
            if (account.props().public_network.denies_by_default()) return {};
            return "the firewall allows every address: " + account.props().public_network.reason();
          }),
      for_kind<StorageAccount>(
          {.id = "AZ-ST-005",
           .title = "Storage has no public endpoint in staging and prod",
           .rationale = "Data of shared environments is reached through private endpoints only.",
           .fix = "use PublicNetwork::disabled() and private endpoints for the services used",
           .levels = {.dev = Level::off, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_59", "CKV2_AZURE_33"},
           .psrule = {},
           .benchmark = "NS-2"},
          [](const StorageAccount& account, const Environment&) -> Problem {
            if (!account.props().public_network.public_endpoint()) return {};
            return "the public endpoint is on: " + account.props().public_network.reason();
          }),
      for_kind<StorageAccount>(
          {.id = "AZ-ST-006",
           .title = "Prod storage is geo-redundant",
           .rationale = "A regional outage must not lose production data.",
           .fix = "set `.replication = Replication::gzrs` (or grs/ragrs/ragzrs) in prod",
           .levels = {.dev = Level::off, .staging = Level::off, .prod = Level::error},
           .checkov = {"CKV_AZURE_206"},
           .psrule = {"Azure.Storage.UseReplication"},
           .benchmark = "BR-1"},
          [](const StorageAccount& account, const Environment&) -> Problem {
            if (azure::is_geo_redundant(account.props().replication)) return {};
            return std::string("replication is ") +
                   std::string(azure::to_string(account.props().replication)) +
                   ", which does not survive a regional outage";
          }),
      for_kind<StorageAccount>(
          {.id = "AZ-ST-007",
           .title = "Deleted blobs and containers are recoverable for a week",
           .rationale = "Soft delete shorter than a week often expires before anyone notices "
                        "a deletion.",
           .fix = "set `.blob_soft_delete_days` and `.container_soft_delete_days` to 7 or more",
           .levels = Levels::everywhere(Level::warning),
           .checkov = {"CKV2_AZURE_38"},
           .psrule = {"Azure.Storage.SoftDelete", "Azure.Storage.ContainerSoftDelete"},
           .benchmark = "DP-8"},
          [](const StorageAccount& account, const Environment&) -> Problem {
            int days = std::min(account.props().blob_soft_delete_days,
                                account.props().container_soft_delete_days);
            if (days >= 7) return {};
            return "soft delete keeps deleted data " + std::to_string(days) + " days";
          }),
      for_kind<StorageContainer>(
          {.id = "AZ-ST-008",
           .title = "Blob containers are private",
           .rationale = "A container with public access serves its blobs to anyone who guesses "
                        "the URL.",
           .fix = "remove the waiver of `private_access`; serve public files through Front Door",
           .levels = Levels::everywhere(Level::error),
           .checkov = {"CKV_AZURE_34"},
           .psrule = {"Azure.Storage.ContainerPublicAccess"},
           .benchmark = "DP-2"},
          [](const StorageContainer& container, const Environment&) -> Problem {
            if (container.props().private_access.is_enforced()) return {};
            return "the container is publicly readable: " +
                   container.props().private_access.reason();
          }),
      for_kind<StorageAccount>(
          {.id = "AZ-ST-009",
           .title = "Terraform state storage is encrypted with a customer-managed key",
           .rationale = "State files hold every secret value the stacks write, in clear; with a "
                        "key of its own the team can revoke access to all state at once, and "
                        "the key's expiry and rotation are audited in its vault.",
           .fix = "set `.customer_managed_key` (templates::terraform_state_backend does)",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV2_AZURE_1"},
           .psrule = {},
           .benchmark = "DP-5"},
          [](const StorageAccount& account, const Environment&) -> Problem {
            if (!holds_own_state(account) || account.props().customer_managed_key) return {};
            return std::string(
                "the account holds this stack's Terraform state with "
                "Microsoft-managed keys only");
          }),
      for_kind<StorageAccount>(
          {.id = "AZ-ST-010",
           .title = "Terraform state storage keeps versions and 30 days of deleted state",
           .rationale = "A corrupted or overwritten state file is restored from a previous "
                        "blob version; a deleted one from soft delete (the production standard: "
                        "versioning, soft delete 30 days).",
           .fix = "set `.blob_versioning = true` and both soft delete periods to 30 days or "
                  "more",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV2_AZURE_38"},
           .psrule = {"Azure.Storage.SoftDelete", "Azure.Storage.ContainerSoftDelete"},
           .benchmark = "DP-8"},
          [](const StorageAccount& account, const Environment&) -> Problem {
            if (!holds_own_state(account)) return {};
            const auto& props = account.props();
            if (!props.blob_versioning) {
              return std::string(
                  "the account holds this stack's Terraform state without blob "
                  "versioning");
            }
            const int days =
                std::min(props.blob_soft_delete_days, props.container_soft_delete_days);
            if (days >= 30) return {};
            return "the account holds this stack's Terraform state and keeps deleted state " +
                   std::to_string(days) + " days";
          }),
  };
}

}  // namespace iac::policy::rules
