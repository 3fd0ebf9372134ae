/// Cosmos DB rules: Entra ID only, management through ARM, private and recoverable data.

#include "dsl/azure/cosmos.h"
#include "dsl/policy/rules/families.h"

namespace iac::policy::rules {

using azure::CosmosAccount;

std::vector<Rule> cosmos() {
  return {
      for_kind<CosmosAccount>(
          {.id = "AZ-COSMOS-001",
           .title = "Cosmos DB accepts Entra ID only (account keys off)",
           .rationale = "An account key grants full read-write access to every database and never "
                        "expires; apps should use their managed identity and a data role.",
           .fix = "remove the waiver of `entra_only_auth`; grant the app "
                  "`cosmos.grant_data_contributor(app.identity())`",
           .levels = Levels::everywhere(Level::error),
           .checkov = {"CKV_AZURE_140"},
           .psrule = {"Azure.Cosmos.DisableLocalAuth"},
           .benchmark = "IM-1"},
          [](const CosmosAccount& account, const Environment&) -> Problem {
            if (account.props().entra_only_auth.is_enforced()) return {};
            return "account keys are accepted: " + account.props().entra_only_auth.reason();
          }),
      for_kind<CosmosAccount>(
          {.id = "AZ-COSMOS-002",
           .title = "Cosmos DB databases and containers change only through ARM",
           .rationale = "With key-based metadata writes on, anyone holding a key can drop a "
                        "container outside Azure RBAC and the activity log.",
           .fix = "remove the waiver of `metadata_writes_through_arm_only`",
           .levels = Levels::everywhere(Level::error),
           .checkov = {"CKV_AZURE_132"},
           .psrule = {"Azure.Cosmos.DisableMetadataWrite"},
           .benchmark = "PA-7"},
          [](const CosmosAccount& account, const Environment&) -> Problem {
            if (account.props().metadata_writes_through_arm_only.is_enforced()) return {};
            return "key-based metadata writes are on: " +
                   account.props().metadata_writes_through_arm_only.reason();
          }),
      for_kind<CosmosAccount>(
          {.id = "AZ-COSMOS-003",
           .title = "Cosmos DB firewall denies by default",
           .rationale = "An account reachable from every address relies on credentials alone. "
                        "A warning in dev: an app without VNet integration (Functions on Y1) "
                        "calls from outbound addresses no firewall can list, and AZ-COSMOS-001 "
                        "keeps those credentials Entra ID tokens with a data role; staging and "
                        "prod are private.",
           .fix = "use PublicNetwork::disabled() and a private endpoint (PrivateNetwork), or "
                  "PublicNetwork::allow_from({ranges}, reason) for callers with fixed addresses",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_99"},
           .psrule = {},
           .benchmark = "NS-2"},
          [](const CosmosAccount& account, const Environment&) -> Problem {
            if (account.props().public_network.denies_by_default()) return {};
            return "the firewall allows every address: " + account.props().public_network.reason();
          }),
      for_kind<CosmosAccount>(
          {.id = "AZ-COSMOS-004",
           .title = "Cosmos DB has no public endpoint in staging and prod",
           .rationale = "Data of shared environments is reached through a private endpoint only.",
           .fix = "use PublicNetwork::disabled() and a private endpoint (subresource Sql)",
           .levels = {.dev = Level::off, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_101"},
           .psrule = {"Azure.Cosmos.PublicAccess"},
           .benchmark = "NS-2"},
          [](const CosmosAccount& account, const Environment&) -> Problem {
            if (!account.props().public_network.public_endpoint()) return {};
            return "the public endpoint is on: " + account.props().public_network.reason();
          }),
      for_kind<CosmosAccount>(
          {.id = "AZ-COSMOS-005",
           .title = "Cosmos DB keeps continuous backups in staging and prod",
           .rationale = "Point-in-time restore recovers from a bad write or a deleted container "
                        "to the second; periodic snapshots lose up to hours of data.",
           .fix = "set `.backup = CosmosBackup::continuous_7_days()` (or 30 days)",
           .levels = {.dev = Level::off, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {"Azure.Cosmos.ContinuousBackup"},
           .benchmark = "BR-1"},
          [](const CosmosAccount& account, const Environment&) -> Problem {
            if (account.props().backup.continuous()) return {};
            return "backups are periodic snapshots";
          }),
      for_kind<CosmosAccount>(
          {.id = "AZ-COSMOS-006",
           .title = "Prod Cosmos DB is zone redundant",
           .rationale = "A zone outage must not take production data offline.",
           .fix = "set `.zone_redundant = true` in prod",
           .levels = {.dev = Level::off, .staging = Level::off, .prod = Level::error},
           .checkov = {},
           .psrule = {"Azure.Cosmos.AvailabilityZone"},
           .benchmark = "BR-1"},
          [](const CosmosAccount& account, const Environment&) -> Problem {
            if (account.props().zone_redundant) return {};
            return "the account is not zone redundant";
          }),
      for_kind<CosmosAccount>(
          {.id = "AZ-COSMOS-007",
           .title = "Prod Cosmos DB replicates to the DR region",
           .rationale = "An environment with a DR region must be able to fail its data over there.",
           .fix = "leave `.regions` empty (the environment's regions) or list the DR region too",
           .levels = {.dev = Level::off, .staging = Level::off, .prod = Level::warning},
           .checkov = {},
           .psrule = {},
           .benchmark = "BR-1"},
          [](const CosmosAccount& account, const Environment& env) -> Problem {
            if (!env.secondary_location || account.regions().size() > 1) return {};
            return "the account has one region while the environment's DR region is " +
                   *env.secondary_location;
          }),
  };
}

}  // namespace iac::policy::rules
