/// Key Vault rules: the vault that holds every other secret is locked down first.

#include "dsl/azure/key_vault.h"
#include "dsl/policy/rules/families.h"

namespace iac::policy::rules {

using azure::KeyVault;

std::vector<Rule> key_vault() {
  return {
      for_kind<KeyVault>(
          {.id = "AZ-KV-001",
           .title = "Key Vault purge protection is on",
           .rationale = "Without purge protection a deleted vault or secret can be purged at once, "
                        "by mistake or by an attacker, and is gone for good.",
           .fix = "remove the waiver of `purge_protection` (it cannot be turned off again)",
           .levels = Levels::everywhere(Level::error),
           .checkov = {"CKV_AZURE_42", "CKV_AZURE_110"},
           .psrule = {"Azure.KeyVault.PurgeProtect"},
           .benchmark = "DP-8"},
          [](const KeyVault& vault, const Environment&) -> Problem {
            if (vault.props().purge_protection.is_enforced()) return {};
            return "purge protection is waived: " + vault.props().purge_protection.reason();
          }),
      for_kind<KeyVault>(
          {.id = "AZ-KV-002",
           .title = "Key Vault authorizes with Azure RBAC",
           .rationale =
               "Access policies grant vault-wide permissions outside Azure RBAC, so they "
               "escape PIM, conditional access and the access reviews of the subscription.",
           .fix = "remove the waiver of `rbac_authorization` and grant roles with role assignments",
           .levels = Levels::everywhere(Level::error),
           .psrule = {"Azure.KeyVault.RBAC"},
           .benchmark = "PA-7"},
          [](const KeyVault& vault, const Environment&) -> Problem {
            if (vault.props().rbac_authorization.is_enforced()) return {};
            return "RBAC authorization is waived: " + vault.props().rbac_authorization.reason();
          }),
      for_kind<KeyVault>(
          {.id = "AZ-KV-003",
           .title = "Key Vault firewall denies by default",
           .rationale = "A vault whose firewall allows every address can be attacked from anywhere "
                        "with a stolen token. A warning in dev: an app without VNet integration "
                        "(Functions on Y1) resolves its Key Vault references over the internet "
                        "from outbound addresses no firewall can list, and AZ-KV-002 keeps every "
                        "read behind an Entra ID token and an RBAC role; staging and prod are "
                        "private.",
           .fix = "use PublicNetwork::disabled() and a private endpoint (PrivateNetwork), or "
                  "PublicNetwork::allow_from({ranges}, reason) for callers with fixed addresses",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_109", "CKV_AZURE_189"},
           .psrule = {"Azure.KeyVault.Firewall"},
           .benchmark = "NS-2"},
          [](const KeyVault& vault, const Environment&) -> Problem {
            if (vault.props().public_network.denies_by_default()) return {};
            return "the firewall allows every address: " + vault.props().public_network.reason();
          }),
      for_kind<KeyVault>(
          {.id = "AZ-KV-004",
           .title = "Key Vault has no public endpoint in staging and prod",
           .rationale = "Secrets of shared environments are reached through a private endpoint "
                        "only, so a leaked credential is useless outside the network.",
           .fix = "use PublicNetwork::disabled() and a private endpoint",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_189", "CKV2_AZURE_32"},
           .psrule = {},
           .benchmark = "NS-2"},
          [](const KeyVault& vault, const Environment&) -> Problem {
            if (!vault.props().public_network.public_endpoint()) return {};
            return "the public endpoint is on: " + vault.props().public_network.reason();
          }),
      for_kind<KeyVault>(
          {.id = "AZ-KV-005",
           .title = "Prod Key Vault keeps deleted objects 90 days",
           .rationale = "Recovering a deleted production secret must stay possible for the full "
                        "soft-delete window Azure allows.",
           .fix = "set `.soft_delete_retention_days = 90` in prod",
           .levels = {.dev = Level::off, .staging = Level::off, .prod = Level::warning},
           .checkov = {},
           .psrule = {"Azure.KeyVault.SoftDelete"},
           .benchmark = "DP-8"},
          [](const KeyVault& vault, const Environment&) -> Problem {
            if (vault.props().soft_delete_retention_days >= 90) return {};
            return "deleted objects are kept " +
                   std::to_string(vault.props().soft_delete_retention_days) + " days";
          }),
  };
}

}  // namespace iac::policy::rules
