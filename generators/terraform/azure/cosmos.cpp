#include "dsl/azure/cosmos.h"

#include <fmt/format.h>

#include "dsl/azure/resource_group.h"
#include "dsl/core/stack.h"
#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

namespace {

/// `throughput` or an `autoscale_settings` block; nothing when the parent's throughput applies.
void write_throughput(hcl::HclWriter& w, const std::optional<azure::Throughput>& throughput) {
  if (!throughput) return;
  if (throughput->mode() == azure::Throughput::Mode::manual) {
    w.attribute("throughput", throughput->request_units());
    return;
  }
  auto autoscale = w.block("autoscale_settings");
  w.attribute("max_throughput", throughput->request_units());
}

/// Opens a child resource: children have no location and no tags of their own.
hcl::HclWriter::BlockScope open_child(const Resource& resource, std::string_view type,
                                      Context& context) {
  auto& w = context.writer();
  auto block = w.block("resource", {std::string(type), Context::label(resource)});
  w.attribute("name", resource.name());
  w.attribute("resource_group_name",
              context.traversal(context.stack().resource_group().name_ref()));
  return block;
}

}  // namespace

// --- account -------------------------------------------------------------------------------

std::string_view resource_type(const azure::CosmosAccount&) { return "azurerm_cosmosdb_account"; }

std::string attribute(const azure::CosmosAccount&, std::string_view name) {
  if (name == "id" || name == "name" || name == "endpoint") return std::string(name);
  unknown_attribute("azurerm_cosmosdb_account", name);
}

void emit(const azure::CosmosAccount& account, Context& context) {
  const auto& props = account.props();
  auto block = context.open(account, resource_type(account));
  auto& w = context.writer();
  w.attribute("offer_type", "Standard");
  // Written so that checkov evaluates CKV_AZURE_140 (it skips accounts without an explicit kind).
  w.attribute("kind", "GlobalDocumentDB");
  w.attribute("minimal_tls_version", "Tls12");
  // azurerm 4.55 knows only `local_authentication_disabled`; `local_authentication_enabled`
  // arrives in 4.78, and checkov reads the old name.
  w.attribute("local_authentication_disabled", props.entra_only_auth.is_enforced());
  w.attribute("access_key_metadata_writes_enabled",
              !props.metadata_writes_through_arm_only.is_enforced());
  w.attribute("public_network_access_enabled", props.public_network.public_endpoint());
  const bool allow_listed = props.public_network.mode() == PublicNetwork::Mode::allow_listed;
  w.attribute("is_virtual_network_filter_enabled", allow_listed);
  hcl::List ip_ranges;
  for (const auto& range : props.public_network.ip_ranges()) ip_ranges.emplace_back(range);
  w.attribute("ip_range_filter", std::move(ip_ranges));
  w.attribute("automatic_failover_enabled", props.automatic_failover);
  w.attribute("multiple_write_locations_enabled", false);
  w.attribute("free_tier_enabled", false);
  context.tags_and_dependencies(account);
  if (props.capacity.is_serverless()) {
    auto capability = w.block("capabilities");
    w.attribute("name", "EnableServerless");
  } else if (const auto& limit = props.capacity.total_limit()) {
    auto capacity = w.block("capacity");
    w.attribute("total_throughput_limit", *limit);
  }
  {
    auto consistency = w.block("consistency_policy");
    const auto& policy = props.consistency;
    w.attribute("consistency_level", std::string(to_string(policy.level)));
    if (policy.level == azure::ConsistencyLevel::bounded_staleness) {
      w.attribute("max_interval_in_seconds", policy.max_interval_seconds);
      w.attribute("max_staleness_prefix", policy.max_staleness_prefix);
    }
  }
  const auto regions = account.regions();
  for (std::size_t i = 0; i < regions.size(); ++i) {
    auto location = w.block("geo_location");
    w.attribute("location", regions[i]);
    w.attribute("failover_priority", static_cast<int>(i));
    w.attribute("zone_redundant", props.zone_redundant);
  }
  {
    auto backup = w.block("backup");
    const auto& policy = props.backup;
    if (policy.continuous()) {
      w.attribute("type", "Continuous");
      w.attribute("tier", policy.kind() == azure::CosmosBackup::Kind::continuous_30_days
                              ? "Continuous30Days"
                              : "Continuous7Days");
    } else {
      w.attribute("type", "Periodic");
      w.attribute("interval_in_minutes", policy.interval_minutes());
      w.attribute("retention_in_hours", policy.retention_hours());
      w.attribute("storage_redundancy", std::string(to_string(policy.redundancy())));
    }
  }
}

// --- SQL database --------------------------------------------------------------------------

std::string_view resource_type(const azure::CosmosSqlDatabase&) {
  return "azurerm_cosmosdb_sql_database";
}

std::string attribute(const azure::CosmosSqlDatabase&, std::string_view name) {
  return id_or_name("azurerm_cosmosdb_sql_database", name);
}

void emit(const azure::CosmosSqlDatabase& database, Context& context) {
  auto block = open_child(database, resource_type(database), context);
  auto& w = context.writer();
  w.attribute("account_name", context.traversal(database.account().name_ref()));
  write_throughput(w, database.props().throughput);
  context.tags_and_dependencies(database);
}

// --- SQL container -------------------------------------------------------------------------

std::string_view resource_type(const azure::CosmosSqlContainer&) {
  return "azurerm_cosmosdb_sql_container";
}

std::string attribute(const azure::CosmosSqlContainer&, std::string_view name) {
  return id_or_name("azurerm_cosmosdb_sql_container", name);
}

void emit(const azure::CosmosSqlContainer& container, Context& context) {
  const auto& props = container.props();
  auto block = open_child(container, resource_type(container), context);
  auto& w = context.writer();
  w.attribute("account_name", context.traversal(container.database().account().name_ref()));
  w.attribute("database_name", context.traversal(container.database().name_ref()));
  hcl::List paths;
  for (const auto& path : props.partition_key.paths) paths.emplace_back(path);
  w.attribute("partition_key_paths", std::move(paths));
  w.attribute("partition_key_kind", props.partition_key.paths.size() > 1 ? "MultiHash" : "Hash");
  w.attribute("partition_key_version", props.partition_key_version);
  if (props.default_ttl) w.attribute("default_ttl", static_cast<int>(props.default_ttl->count()));
  write_throughput(w, props.throughput);
  context.tags_and_dependencies(container);
  {
    auto indexing = w.block("indexing_policy");
    w.attribute("indexing_mode", "consistent");
    for (const auto& path : container.effective_included_paths()) {
      auto included = w.block("included_path");
      w.attribute("path", path);
    }
    for (const auto& path : props.excluded_paths) {
      auto excluded = w.block("excluded_path");
      w.attribute("path", path);
    }
  }
  for (const auto& key : props.unique_keys) {
    auto unique = w.block("unique_key");
    hcl::List key_paths;
    for (const auto& path : key) key_paths.emplace_back(path);
    w.attribute("paths", std::move(key_paths));
  }
}

// --- SQL role assignment -------------------------------------------------------------------

std::string_view resource_type(const azure::CosmosSqlRoleAssignment&) {
  return "azurerm_cosmosdb_sql_role_assignment";
}

std::string attribute(const azure::CosmosSqlRoleAssignment&, std::string_view name) {
  return id_or_name("azurerm_cosmosdb_sql_role_assignment", name);
}

void emit(const azure::CosmosSqlRoleAssignment& assignment, Context& context) {
  const auto& account = assignment.account();
  auto block = open_child(assignment, resource_type(assignment), context);
  auto& w = context.writer();
  w.attribute("account_name", context.traversal(account.name_ref()));
  // Built-in role definitions live under every account, at a fixed GUID.
  w.attribute("role_definition_id",
              context.value(Expr(account.id()) +
                            fmt::format("/sqlRoleDefinitions/{}",
                                        role_definition_guid(assignment.props().role))));
  w.attribute("principal_id", context.value(assignment.props().principal.object_id));
  w.attribute("scope", context.traversal(account.id()));
  context.tags_and_dependencies(assignment);
}

}  // namespace iac::gen::terraform
