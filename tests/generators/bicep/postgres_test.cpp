#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/postgres.h"
#include "dsl/core/stack.h"
#include "testing/assertions.h"
#include "tests/support/fixtures.h"

namespace iac::gen::bicep {
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

TEST_CASE("a postgres server writes Entra-only auth, TLS parameters and backups in Bicep") {
  auto result = synth({});
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& bicep = result.file("app/dev/bicep/resources.bicep");
  auto rendered = RenderedResources::from_bicep(bicep);
  CHECK(rendered.has_resource("Microsoft.DBforPostgreSQL/flexibleServers",
                              {{"name", "psql-app-dev"},
                               {"sku.name", "Standard_B1ms"},
                               {"sku.tier", "Burstable"},
                               {"properties.version", "16"},
                               {"properties.storage.storageSizeGB", "32"},
                               {"properties.storage.autoGrow", "Enabled"},
                               {"properties.authConfig.activeDirectoryAuth", "Enabled"},
                               {"properties.authConfig.passwordAuth", "Disabled"},
                               {"properties.authConfig.tenantId", "subscription().tenantId"},
                               {"properties.backup.backupRetentionDays", "7"},
                               {"properties.backup.geoRedundantBackup", "Disabled"},
                               {"properties.network.publicNetworkAccess", "Disabled"},
                               {"properties.highAvailability.mode", "Disabled"}}));
  CHECK(bicep.find("administratorLogin") == std::string::npos);
  CHECK(bicep.find("'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01'") != std::string::npos);
  CHECK(rendered.has_resource("Microsoft.DBforPostgreSQL/flexibleServers/configurations",
                              {{"parent", "psql"},
                               {"name", "require_secure_transport"},
                               {"properties.value", "on"},
                               {"properties.source", "user-override"}}));
  CHECK(rendered.has_resource(
      "Microsoft.DBforPostgreSQL/flexibleServers/configurations",
      {{"name", "ssl_min_protocol_version"}, {"properties.value", "TLSv1.2"}}));
  CHECK(rendered.has_resource("Microsoft.DBforPostgreSQL/flexibleServers/administrators",
                              {{"parent", "psql"},
                               {"name", "admins_object_id"},
                               {"properties.principalType", "Group"},
                               {"properties.principalName", "admins_name"},
                               {"properties.tenantId", "subscription().tenantId"}}));
  CHECK(rendered.has_resource("Microsoft.DBforPostgreSQL/flexibleServers/databases",
                              {{"name", "clinic"},
                               {"properties.charset", "UTF8"},
                               {"properties.collation", "en_US.utf8"}}));
  // One change at a time, as in Terraform.
  CHECK(bicep.find("  dependsOn: [\n    psqlRequireSecureTransport\n  ]\n") != std::string::npos);
}

TEST_CASE("prod postgres writes zone-redundant HA, geo backups and the window in Bicep") {
  auto result = synth({.sku_name = "GP_Standard_D2ds_v5",
                       .backup_retention_days = 30,
                       .geo_redundant_backup = true,
                       .high_availability = PostgresHighAvailability::zone_redundant,
                       .maintenance_window = PostgresMaintenanceWindow{.start_hour = 7}},
                      Environment::prod("eastus"));
  REQUIRE_FALSE(has_errors(result.diagnostics));
  auto rendered = RenderedResources::from_bicep(result.file("app/prod/bicep/resources.bicep"));
  CHECK(rendered.has_resource("Microsoft.DBforPostgreSQL/flexibleServers",
                              {{"sku.name", "Standard_D2ds_v5"},
                               {"sku.tier", "GeneralPurpose"},
                               {"properties.backup.backupRetentionDays", "30"},
                               {"properties.backup.geoRedundantBackup", "Enabled"},
                               {"properties.highAvailability.mode", "ZoneRedundant"},
                               {"properties.highAvailability.standbyAvailabilityZone", "2"},
                               {"properties.availabilityZone", "1"},
                               {"properties.maintenanceWindow.customWindow", "Enabled"},
                               {"properties.maintenanceWindow.startHour", "7"}}));
}

TEST_CASE("password authentication on purpose takes the password from a secure param") {
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
  auto rendered = RenderedResources::from_bicep(result.file("app/dev/bicep/resources.bicep"));
  CHECK(rendered.has_resource("Microsoft.DBforPostgreSQL/flexibleServers",
                              {{"properties.administratorLogin", "pgadmin"},
                               {"properties.administratorLoginPassword", "pg_password"},
                               {"properties.authConfig.passwordAuth", "Enabled"}}));
  CHECK(result.file("app/dev/bicep/main.bicep").find("@secure()\nparam pg_password string\n") !=
        std::string::npos);
}

}  // namespace
}  // namespace iac::gen::bicep
