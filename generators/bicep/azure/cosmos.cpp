#include "dsl/azure/cosmos.h"

#include <fmt/format.h>

#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

namespace {

constexpr std::string_view kApi = "2025-04-15";

/// `options` of a database or container; nothing when the parent's throughput applies.
void add_throughput(Object& properties, const std::optional<azure::Throughput>& throughput) {
  if (!throughput) return;
  Object options;
  if (throughput->mode() == azure::Throughput::Mode::manual) {
    options.properties.push_back({"throughput", throughput->request_units()});
  } else {
    options.properties.push_back(
        {"autoscaleSettings", Object{{{"maxThroughput", throughput->request_units()}}}});
  }
  properties.properties.push_back({"options", std::move(options)});
}

Array path_objects(const std::vector<std::string>& paths) {
  Array result;
  for (const auto& path : paths) result.emplace_back(Object{{{"path", path}}});
  return result;
}

Array strings(const std::vector<std::string>& values) {
  Array result;
  for (const auto& value : values) result.emplace_back(value);
  return result;
}

}  // namespace

// --- account -------------------------------------------------------------------------------

Value reference(const azure::CosmosAccount&, const std::string& symbol,
                std::string_view attribute) {
  if (attribute == "endpoint") return Reference{symbol, {"properties", "documentEndpoint"}};
  return common_reference(symbol, attribute, "Microsoft.DocumentDB/databaseAccounts");
}

void emit(const azure::CosmosAccount& account, Context& context) {
  const auto& props = account.props();
  Object consistency{
      {{"defaultConsistencyLevel", std::string(to_string(props.consistency.level))}}};
  if (props.consistency.level == azure::ConsistencyLevel::bounded_staleness) {
    consistency.properties.push_back(
        {"maxIntervalInSeconds", props.consistency.max_interval_seconds});
    consistency.properties.push_back(
        {"maxStalenessPrefix", props.consistency.max_staleness_prefix});
  }
  Array locations;
  const auto regions = account.regions();
  for (std::size_t i = 0; i < regions.size(); ++i) {
    locations.emplace_back(Object{{{"locationName", regions[i]},
                                   {"failoverPriority", static_cast<int>(i)},
                                   {"isZoneRedundant", props.zone_redundant}}});
  }
  Array ip_rules;
  for (const auto& range : props.public_network.ip_ranges()) {
    ip_rules.emplace_back(Object{{{"ipAddressOrRange", range}}});
  }
  Object backup;
  if (props.backup.continuous()) {
    backup.properties.push_back({"type", "Continuous"});
    backup.properties.push_back(
        {"continuousModeProperties",
         Object{{{"tier", props.backup.kind() == azure::CosmosBackup::Kind::continuous_30_days
                              ? "Continuous30Days"
                              : "Continuous7Days"}}}});
  } else {
    backup.properties.push_back({"type", "Periodic"});
    backup.properties.push_back(
        {"periodicModeProperties",
         Object{{{"backupIntervalInMinutes", props.backup.interval_minutes()},
                 {"backupRetentionIntervalInHours", props.backup.retention_hours()},
                 {"backupStorageRedundancy", std::string(to_string(props.backup.redundancy()))}}}});
  }
  Object properties{{
      {"databaseAccountOfferType", "Standard"},
      {"consistencyPolicy", std::move(consistency)},
      {"locations", std::move(locations)},
      {"enableAutomaticFailover", props.automatic_failover},
      // Written explicitly: checkov's ARM CKV_AZURE_99 keys on it.
      {"enableMultipleWriteLocations", false},
      {"disableLocalAuth", props.entra_only_auth.is_enforced()},
      {"disableKeyBasedMetadataWriteAccess", props.metadata_writes_through_arm_only.is_enforced()},
      {"minimalTlsVersion", "Tls12"},
      {"publicNetworkAccess", props.public_network.public_endpoint() ? "Enabled" : "Disabled"},
      {"isVirtualNetworkFilterEnabled",
       props.public_network.mode() == PublicNetwork::Mode::allow_listed},
      {"ipRules", std::move(ip_rules)},
      {"enableFreeTier", false},
      {"backupPolicy", std::move(backup)},
  }};
  if (props.capacity.is_serverless()) {
    properties.properties.push_back(
        {"capabilities", Array{Object{{{"name", "EnableServerless"}}}}});
  } else if (const auto& limit = props.capacity.total_limit()) {
    properties.properties.push_back({"capacity", Object{{{"totalThroughputLimit", *limit}}}});
  }
  Object body = context.header(account);
  body.properties.push_back({"kind", "GlobalDocumentDB"});
  body.properties.push_back({"properties", std::move(properties)});
  context.write(account, fmt::format("Microsoft.DocumentDB/databaseAccounts@{}", kApi),
                std::move(body));
}

// --- SQL database --------------------------------------------------------------------------

Value reference(const azure::CosmosSqlDatabase&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.DocumentDB/databaseAccounts/sqlDatabases");
}

void emit(const azure::CosmosSqlDatabase& database, Context& context) {
  Object properties{{{"resource", Object{{{"id", database.name()}}}}}};
  add_throughput(properties, database.props().throughput);
  Object body{{{"parent", Reference{Context::symbol(database.account()), {}}},
               {"name", database.name()},
               {"properties", std::move(properties)}}};
  context.write(database,
                fmt::format("Microsoft.DocumentDB/databaseAccounts/sqlDatabases@{}", kApi),
                std::move(body));
}

// --- SQL container -------------------------------------------------------------------------

Value reference(const azure::CosmosSqlContainer&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute,
                          "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers");
}

void emit(const azure::CosmosSqlContainer& container, Context& context) {
  const auto& props = container.props();
  Object resource{{
      {"id", container.name()},
      {"partitionKey",
       Object{{{"paths", strings(props.partition_key.paths)},
               {"kind", props.partition_key.paths.size() > 1 ? "MultiHash" : "Hash"},
               {"version", props.partition_key_version}}}},
  }};
  if (props.default_ttl) {
    resource.properties.push_back({"defaultTtl", static_cast<int>(props.default_ttl->count())});
  }
  resource.properties.push_back(
      {"indexingPolicy",
       Object{{{"indexingMode", "consistent"},
               {"automatic", true},
               {"includedPaths", path_objects(container.effective_included_paths())},
               {"excludedPaths", path_objects(props.excluded_paths)}}}});
  if (!props.unique_keys.empty()) {
    Array keys;
    for (const auto& key : props.unique_keys) keys.emplace_back(Object{{{"paths", strings(key)}}});
    resource.properties.push_back({"uniqueKeyPolicy", Object{{{"uniqueKeys", std::move(keys)}}}});
  }
  Object properties{{{"resource", std::move(resource)}}};
  add_throughput(properties, props.throughput);
  Object body{{{"parent", Reference{Context::symbol(container.database()), {}}},
               {"name", container.name()},
               {"properties", std::move(properties)}}};
  context.write(
      container,
      fmt::format("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@{}", kApi),
      std::move(body));
}

// --- SQL role assignment -------------------------------------------------------------------

Value reference(const azure::CosmosSqlRoleAssignment&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute,
                          "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments");
}

void emit(const azure::CosmosSqlRoleAssignment& assignment, Context& context) {
  const auto& account = assignment.account();
  const std::string account_symbol = Context::symbol(account);
  Object body{{
      {"parent", Reference{account_symbol, {}}},
      {"name", assignment.name()},
      {"properties",
       Object{{{"roleDefinitionId",
                context.value(Expr(account.id()) +
                              fmt::format("/sqlRoleDefinitions/{}",
                                          role_definition_guid(assignment.props().role)))},
               {"principalId", context.value(assignment.props().principal.object_id)},
               {"scope", context.value(account.id())}}}},
  }};
  context.write(assignment,
                fmt::format("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@{}", kApi),
                std::move(body));
}

}  // namespace iac::gen::bicep
