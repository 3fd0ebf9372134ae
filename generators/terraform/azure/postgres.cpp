#include "dsl/azure/postgres.h"

#include <fmt/format.h>

#include "dsl/azure/resource_group.h"
#include "dsl/core/stack.h"
#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::PostgresFlexibleServer&) {
  return "azurerm_postgresql_flexible_server";
}

std::string attribute(const azure::PostgresFlexibleServer&, std::string_view name) {
  if (name == "id" || name == "name" || name == "fqdn") return std::string(name);
  unknown_attribute("azurerm_postgresql_flexible_server", name);
}

void emit(const azure::PostgresFlexibleServer& server, Context& context) {
  const auto& props = server.props();
  const bool entra_only = props.entra_only_auth.is_enforced();
  auto block = context.open(server, resource_type(server));
  auto& w = context.writer();
  w.attribute("sku_name", props.sku_name);
  w.attribute("version", props.version);
  w.attribute("storage_mb", props.storage_gb * 1024);
  w.attribute("auto_grow_enabled", props.storage_auto_grow);
  // The point-in-time restore window is the retention: any second of the last N days.
  w.comment(
      fmt::format("Point-in-time restore window: {} days", server.point_in_time_restore_days()));
  w.attribute("backup_retention_days", props.backup_retention_days);
  w.attribute("geo_redundant_backup_enabled", props.geo_redundant_backup);
  w.attribute("public_network_access_enabled", props.public_network.public_endpoint());
  if (!entra_only) {
    w.attribute("administrator_login", props.administrator_login);
    w.attribute("administrator_password", context.value(props.administrator_password));
  }
  if (auto zone = server.effective_zone()) w.attribute("zone", *zone);
  context.tags_and_dependencies(server);
  {
    auto authentication = w.block("authentication");
    w.attribute("active_directory_auth_enabled", true);
    w.attribute("password_auth_enabled", !entra_only);
    w.attribute("tenant_id", context.value(Builtin::tenant_id));
  }
  if (props.high_availability != azure::PostgresHighAvailability::disabled) {
    auto ha = w.block("high_availability");
    w.attribute("mode", std::string(to_string(props.high_availability)));
    if (props.high_availability == azure::PostgresHighAvailability::zone_redundant) {
      w.attribute("standby_availability_zone", server.effective_standby_zone());
    }
  }
  if (props.maintenance_window) {
    auto window = w.block("maintenance_window");
    w.attribute("day_of_week", props.maintenance_window->day_of_week);
    w.attribute("start_hour", props.maintenance_window->start_hour);
    w.attribute("start_minute", props.maintenance_window->start_minute);
  }
  if (props.high_availability != azure::PostgresHighAvailability::disabled ||
      server.effective_zone()) {
    // A failover swaps the primary and standby zones; Terraform must not try to swap them back
    // (the provider rejects changing `zone` in place).
    auto lifecycle = w.block("lifecycle");
    hcl::List ignored{hcl::Traversal{{"zone"}}};
    if (props.high_availability == azure::PostgresHighAvailability::zone_redundant) {
      ignored.emplace_back(hcl::Traversal{{"high_availability[0]", "standby_availability_zone"}});
    }
    w.attribute("ignore_changes", std::move(ignored));
  }
}

// --- configuration --------------------------------------------------------------------------

std::string_view resource_type(const azure::PostgresConfiguration&) {
  return "azurerm_postgresql_flexible_server_configuration";
}

std::string attribute(const azure::PostgresConfiguration&, std::string_view name) {
  return id_or_name("azurerm_postgresql_flexible_server_configuration", name);
}

void emit(const azure::PostgresConfiguration& configuration, Context& context) {
  auto& w = context.writer();
  auto block = w.block("resource",
                       {std::string(resource_type(configuration)), Context::label(configuration)});
  w.attribute("name", configuration.name());
  w.attribute("server_id", context.traversal(configuration.server().id()));
  w.attribute("value", configuration.props().value);
  context.tags_and_dependencies(configuration);
}

// --- database -------------------------------------------------------------------------------

std::string_view resource_type(const azure::PostgresDatabase&) {
  return "azurerm_postgresql_flexible_server_database";
}

std::string attribute(const azure::PostgresDatabase&, std::string_view name) {
  return id_or_name("azurerm_postgresql_flexible_server_database", name);
}

void emit(const azure::PostgresDatabase& database, Context& context) {
  auto& w = context.writer();
  auto block =
      w.block("resource", {std::string(resource_type(database)), Context::label(database)});
  w.attribute("name", database.name());
  w.attribute("server_id", context.traversal(database.server().id()));
  w.attribute("charset", database.props().charset);
  w.attribute("collation", database.props().collation);
  context.tags_and_dependencies(database);
  if (!database.stack().env().is_dev()) {
    // Dropping a database loses its data: outside dev, `terraform destroy` and replacements
    // fail instead (backups do not survive the deletion of the server).
    auto lifecycle = w.block("lifecycle");
    w.attribute("prevent_destroy", true);
  }
}

// --- administrator --------------------------------------------------------------------------

std::string_view resource_type(const azure::PostgresAdministrator&) {
  return "azurerm_postgresql_flexible_server_active_directory_administrator";
}

std::string attribute(const azure::PostgresAdministrator&, std::string_view name) {
  if (name == "id") return std::string(name);
  unknown_attribute("azurerm_postgresql_flexible_server_active_directory_administrator", name);
}

void emit(const azure::PostgresAdministrator& admin, Context& context) {
  const auto& props = admin.props();
  auto& w = context.writer();
  auto block = w.block("resource", {std::string(resource_type(admin)), Context::label(admin)});
  w.attribute("server_name", context.traversal(admin.server().name_ref()));
  w.attribute("resource_group_name", context.traversal(admin.stack().resource_group().name_ref()));
  w.attribute("tenant_id", context.value(Builtin::tenant_id));
  w.attribute("object_id", context.value(props.principal.object_id));
  w.attribute("principal_name", context.value(props.principal_name));
  w.attribute("principal_type", std::string(to_string(props.principal.kind)));
  context.tags_and_dependencies(admin);
}

// --- read replica ---------------------------------------------------------------------------

std::string_view resource_type(const azure::PostgresReplica&) {
  return "azurerm_postgresql_flexible_server";
}

std::string attribute(const azure::PostgresReplica&, std::string_view name) {
  if (name == "id" || name == "name" || name == "fqdn") return std::string(name);
  unknown_attribute("azurerm_postgresql_flexible_server", name);
}

void emit(const azure::PostgresReplica& replica, Context& context) {
  const auto& props = replica.props();
  const auto& source = replica.source().props();
  auto block = context.open(replica, resource_type(replica));
  auto& w = context.writer();
  w.attribute("create_mode", "Replica");
  w.attribute("source_server_id", context.traversal(replica.source().id()));
  w.attribute("sku_name", replica.effective_sku_name());
  // The source's version, databases, roles and Entra administrators replicate; no
  // administrator login, high availability or backup settings are set on a replica.
  w.attribute("version", source.version);
  w.attribute("storage_mb", replica.effective_storage_gb() * 1024);
  w.attribute("auto_grow_enabled", source.storage_auto_grow);  // must match the source's
  w.attribute("public_network_access_enabled", props.public_network.public_endpoint());
  if (props.zone) w.attribute("zone", *props.zone);
  context.tags_and_dependencies(replica);
  {
    // As on the source, whose Entra administrators the replica inherits.
    auto authentication = w.block("authentication");
    w.attribute("active_directory_auth_enabled", true);
    w.attribute("password_auth_enabled", !source.entra_only_auth.is_enforced());
    w.attribute("tenant_id", context.value(Builtin::tenant_id));
  }
  // Promotion (the DR runbook) turns the replica into a standalone server outside Terraform;
  // Terraform must then not re-create it to make it a replica again.
  auto lifecycle = w.block("lifecycle");
  hcl::List ignored{hcl::Traversal{{"create_mode"}}, hcl::Traversal{{"source_server_id"}}};
  if (props.zone) ignored.emplace_back(hcl::Traversal{{"zone"}});
  w.attribute("ignore_changes", std::move(ignored));
}

}  // namespace iac::gen::terraform
