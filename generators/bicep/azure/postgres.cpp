#include "dsl/azure/postgres.h"

#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

namespace {
constexpr const char* kApiVersion = "2024-08-01";
}

Value reference(const azure::PostgresFlexibleServer&, const std::string& symbol,
                std::string_view attribute) {
  if (attribute == "fqdn") return Reference{symbol, {"properties", "fullyQualifiedDomainName"}};
  return common_reference(symbol, attribute, "Microsoft.DBforPostgreSQL/flexibleServers");
}

void emit(const azure::PostgresFlexibleServer& server, Context& context) {
  const auto& props = server.props();
  const bool entra_only = props.entra_only_auth.is_enforced();
  Object body = context.header(server);
  body.properties.push_back({"sku", Object{{{"name", server.size_name()},
                                            {"tier", std::string(to_string(server.tier().value_or(
                                                         azure::PostgresTier::burstable)))}}}});
  Object properties{{
      {"version", props.version},
      {"storage", Object{{{"storageSizeGB", props.storage_gb},
                          {"autoGrow", props.storage_auto_grow ? "Enabled" : "Disabled"}}}},
      {"authConfig", Object{{{"activeDirectoryAuth", "Enabled"},
                             {"passwordAuth", entra_only ? "Disabled" : "Enabled"},
                             {"tenantId", context.value(Builtin::tenant_id)}}}},
      // The point-in-time restore window is the retention: any second of the last N days.
      {"backup",
       Object{{{"backupRetentionDays", props.backup_retention_days},
               {"geoRedundantBackup", props.geo_redundant_backup ? "Enabled" : "Disabled"}}}},
      {"network", Object{{{"publicNetworkAccess",
                           props.public_network.public_endpoint() ? "Enabled" : "Disabled"}}}},
  }};
  if (!entra_only) {
    properties.properties.push_back({"administratorLogin", props.administrator_login});
    properties.properties.push_back(
        {"administratorLoginPassword", context.value(props.administrator_password)});
  }
  Object high_availability{{{"mode", std::string(to_string(props.high_availability))}}};
  if (props.high_availability == azure::PostgresHighAvailability::zone_redundant) {
    high_availability.properties.push_back(
        {"standbyAvailabilityZone", server.effective_standby_zone()});
  }
  properties.properties.push_back({"highAvailability", std::move(high_availability)});
  if (auto zone = server.effective_zone()) {
    properties.properties.push_back({"availabilityZone", *zone});
  }
  if (props.maintenance_window) {
    properties.properties.push_back(
        {"maintenanceWindow", Object{{{"customWindow", "Enabled"},
                                      {"dayOfWeek", props.maintenance_window->day_of_week},
                                      {"startHour", props.maintenance_window->start_hour},
                                      {"startMinute", props.maintenance_window->start_minute}}}});
  }
  body.properties.push_back({"properties", std::move(properties)});
  context.write(server, std::string("Microsoft.DBforPostgreSQL/flexibleServers@") + kApiVersion,
                std::move(body));
}

// --- configuration --------------------------------------------------------------------------

Value reference(const azure::PostgresConfiguration&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute,
                          "Microsoft.DBforPostgreSQL/flexibleServers/configurations");
}

void emit(const azure::PostgresConfiguration& configuration, Context& context) {
  Object body{{
      {"parent", Reference{Context::symbol(configuration.server()), {}}},
      {"name", configuration.name()},
      {"properties", Object{{{"value", configuration.props().value}, {"source", "user-override"}}}},
  }};
  context.write(
      configuration,
      std::string("Microsoft.DBforPostgreSQL/flexibleServers/configurations@") + kApiVersion,
      std::move(body));
}

// --- database -------------------------------------------------------------------------------

Value reference(const azure::PostgresDatabase&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.DBforPostgreSQL/flexibleServers/databases");
}

void emit(const azure::PostgresDatabase& database, Context& context) {
  Object body{{
      {"parent", Reference{Context::symbol(database.server()), {}}},
      {"name", database.name()},
      {"properties",
       Object{{{"charset", database.props().charset}, {"collation", database.props().collation}}}},
  }};
  context.write(database,
                std::string("Microsoft.DBforPostgreSQL/flexibleServers/databases@") + kApiVersion,
                std::move(body));
}

// --- administrator --------------------------------------------------------------------------

Value reference(const azure::PostgresAdministrator&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute,
                          "Microsoft.DBforPostgreSQL/flexibleServers/administrators");
}

void emit(const azure::PostgresAdministrator& admin, Context& context) {
  const auto& props = admin.props();
  // ARM names an administrator by the principal's object id.
  Object body{{
      {"parent", Reference{Context::symbol(admin.server()), {}}},
      {"name", context.value(props.principal.object_id)},
      {"properties", Object{{{"principalType", std::string(to_string(props.principal.kind))},
                             {"principalName", context.value(props.principal_name)},
                             {"tenantId", context.value(Builtin::tenant_id)}}}},
  }};
  context.write(
      admin, std::string("Microsoft.DBforPostgreSQL/flexibleServers/administrators@") + kApiVersion,
      std::move(body));
}

// --- read replica ---------------------------------------------------------------------------

Value reference(const azure::PostgresReplica&, const std::string& symbol,
                std::string_view attribute) {
  if (attribute == "fqdn") return Reference{symbol, {"properties", "fullyQualifiedDomainName"}};
  return common_reference(symbol, attribute, "Microsoft.DBforPostgreSQL/flexibleServers");
}

void emit(const azure::PostgresReplica& replica, Context& context) {
  const auto& props = replica.props();
  const auto& source = replica.source().props();
  Object body = context.header(replica);
  body.properties.push_back(
      {"sku", Object{{{"name", replica.size_name()},
                      {"tier", std::string(to_string(replica.tier().value_or(
                                   azure::PostgresTier::general_purpose)))}}}});
  // The source's version, databases, roles and Entra administrators replicate; no
  // administrator login, high availability or backup settings are set on a replica.
  Object properties{{
      {"createMode", "Replica"},
      {"sourceServerResourceId", context.reference(replica.source().id())},
      {"version", source.version},
      {"storage", Object{{{"storageSizeGB", replica.effective_storage_gb()},
                          {"autoGrow", source.storage_auto_grow ? "Enabled" : "Disabled"}}}},
      {"authConfig",
       Object{{{"activeDirectoryAuth", "Enabled"},
               {"passwordAuth", source.entra_only_auth.is_enforced() ? "Disabled" : "Enabled"},
               {"tenantId", context.value(Builtin::tenant_id)}}}},
      {"network", Object{{{"publicNetworkAccess",
                           props.public_network.public_endpoint() ? "Enabled" : "Disabled"}}}},
  }};
  if (props.zone) properties.properties.push_back({"availabilityZone", *props.zone});
  body.properties.push_back({"properties", std::move(properties)});
  context.write(replica, std::string("Microsoft.DBforPostgreSQL/flexibleServers@") + kApiVersion,
                std::move(body));
}

}  // namespace iac::gen::bicep
