#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/postgres.h"
#include "dsl/core/stack.h"
#include "testing/assertions.h"
#include "tests/support/fixtures.h"

namespace iac::gen::terraform {
namespace {

using namespace iac::azure;
using iac::testing::RenderedResources;

testing::Synthesis synth(PostgresFlexibleServerProps props,
                         Environment env = Environment::dev("eastus")) {
  auto app = testing::make_app(
      [props](Stack& s, const Environment&) {
        auto& server = s.add<PostgresFlexibleServer>("psql", props);
        testing::suppress_rules(server, "AZ-PG-");
        server.entra_admin(
            {.object_id = s.parameter("admins_object_id"), .kind = PrincipalKind::group},
            s.parameter("admins_name"));
        server.database("clinic");
      },
      {env});
  return testing::synthesize(app);
}

TEST_CASE("a postgres server writes Entra-only auth, TLS parameters and backups explicitly") {
  auto result = synth({});
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  auto rendered = RenderedResources::from_terraform(tf);
  CHECK(rendered.has_resource(
      "azurerm_postgresql_flexible_server",
      {{"name", "psql-app-dev"},
       {"sku_name", "B_Standard_B1ms"},
       {"version", "16"},
       {"storage_mb", "32768"},
       {"auto_grow_enabled", "true"},
       {"backup_retention_days", "7"},
       {"geo_redundant_backup_enabled", "false"},
       {"public_network_access_enabled", "false"},
       {"authentication.active_directory_auth_enabled", "true"},
       {"authentication.password_auth_enabled", "false"},
       {"authentication.tenant_id", "data.azurerm_client_config.current.tenant_id"}}));
  CHECK(tf.find("# Point-in-time restore window: 7 days\n") != std::string::npos);
  // No password administrator at all, not even an empty one.
  CHECK(tf.find("administrator_login") == std::string::npos);
  CHECK(tf.find("administrator_password") == std::string::npos);
  CHECK(tf.find("high_availability") == std::string::npos);
  CHECK(rendered.has_resource("azurerm_postgresql_flexible_server_configuration",
                              {{"name", "require_secure_transport"},
                               {"server_id", "azurerm_postgresql_flexible_server.psql.id"},
                               {"value", "on"}}));
  CHECK(rendered.has_resource("azurerm_postgresql_flexible_server_configuration",
                              {{"name", "ssl_min_protocol_version"}, {"value", "TLSv1.2"}}));
  CHECK(rendered.has_resource("azurerm_postgresql_flexible_server_active_directory_administrator",
                              {{"server_name", "azurerm_postgresql_flexible_server.psql.name"},
                               {"resource_group_name", "azurerm_resource_group.rg.name"},
                               {"tenant_id", "data.azurerm_client_config.current.tenant_id"},
                               {"object_id", "var.admins_object_id"},
                               {"principal_name", "var.admins_name"},
                               {"principal_type", "Group"}}));
  CHECK(rendered.has_resource(
      "azurerm_postgresql_flexible_server_database",
      {{"name", "clinic"}, {"charset", "UTF8"}, {"collation", "en_US.utf8"}}));
  // One change at a time: the second parameter waits for the first, the admin for the second.
  CHECK(tf.find("  depends_on = [azurerm_postgresql_flexible_server_configuration.psql_require_"
                "secure_transport]\n") != std::string::npos);
  CHECK(tf.find("  depends_on          = [azurerm_postgresql_flexible_server_configuration.psql_"
                "ssl_min_protocol_version]\n") != std::string::npos);
  // Dev databases can be destroyed with their environment.
  CHECK(tf.find("prevent_destroy") == std::string::npos);
}

TEST_CASE("prod postgres writes zone-redundant HA, geo backups and keeps its databases") {
  auto result = synth({.sku_name = "GP_Standard_D2ds_v5",
                       .backup_retention_days = 30,
                       .geo_redundant_backup = true,
                       .high_availability = PostgresHighAvailability::zone_redundant,
                       .maintenance_window = PostgresMaintenanceWindow{.start_hour = 7}},
                      Environment::prod("eastus"));
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/prod/terraform/main.tf");
  auto rendered = RenderedResources::from_terraform(tf);
  CHECK(rendered.has_resource("azurerm_postgresql_flexible_server",
                              {{"sku_name", "GP_Standard_D2ds_v5"},
                               {"backup_retention_days", "30"},
                               {"geo_redundant_backup_enabled", "true"},
                               {"zone", "1"},
                               {"high_availability.mode", "ZoneRedundant"},
                               {"high_availability.standby_availability_zone", "2"},
                               {"maintenance_window.day_of_week", "0"},
                               {"maintenance_window.start_hour", "7"},
                               {"maintenance_window.start_minute", "0"}}));
  CHECK(tf.find("# Point-in-time restore window: 30 days\n") != std::string::npos);
  CHECK(tf.find("    ignore_changes = [zone, high_availability[0].standby_availability_zone]\n") !=
        std::string::npos);
  CHECK(tf.find("    prevent_destroy = true\n") != std::string::npos);
}

TEST_CASE("password authentication on purpose writes the login and the sensitive variable") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& server = s.add<PostgresFlexibleServer>(
        "psql", {.entra_only_auth = Control::waived("legacy reporting tool"),
                 .administrator_login = "pgadmin",
                 .administrator_password = s.parameter("pg_password", {.secure = true})});
    testing::suppress_rules(server, "AZ-PG-");
    server.entra_admin({.object_id = s.parameter("admins_object_id")}, "dbadmins");
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  auto rendered = RenderedResources::from_terraform(result.file("app/dev/terraform/main.tf"));
  CHECK(rendered.has_resource("azurerm_postgresql_flexible_server",
                              {{"administrator_login", "pgadmin"},
                               {"administrator_password", "var.pg_password"},
                               {"authentication.password_auth_enabled", "true"}}));
  const std::string& variables = result.file("app/dev/terraform/variables.tf");
  CHECK(variables.find("variable \"pg_password\" {") != std::string::npos);
  CHECK(variables.find("variable \"pg_password\" {\n  type      = string\n  sensitive = true\n}") !=
        std::string::npos);
}

}  // namespace
}  // namespace iac::gen::terraform
