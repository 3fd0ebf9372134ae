#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/alerts.h"
#include "dsl/azure/app_service_plan.h"
#include "dsl/azure/autoscale.h"
#include "dsl/azure/postgres.h"
#include "dsl/core/stack.h"
#include "testing/assertions.h"
#include "tests/support/fixtures.h"

namespace iac::gen::bicep {
namespace {

using namespace iac::azure;
using iac::testing::RenderedResources;

TEST_CASE("a read replica is written with createMode Replica in the DR region in Bicep") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) {
        auto& server = s.add<PostgresFlexibleServer>(
            "psql", {.sku_name = "GP_Standard_D2ds_v5", .storage_gb = 128});
        testing::suppress_rules(server, "AZ-PG-");
        server.entra_admin(
            {.object_id = s.parameter("admins_object_id"), .kind = PrincipalKind::group},
            s.parameter("admins_name"));
        server.read_replica("dr", {.sku_name = "MO_Standard_E2ds_v5"});
      },
      {Environment::prod("eastus", "westus")});
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& bicep = result.file("app/prod/bicep/resources.bicep");
  auto rendered = RenderedResources::from_bicep(bicep);
  CHECK(rendered.has_resource("Microsoft.DBforPostgreSQL/flexibleServers",
                              {{"name", "psql-app-prod-dr"},
                               {"location", "westus"},
                               {"sku.name", "Standard_E2ds_v5"},
                               {"sku.tier", "MemoryOptimized"},
                               {"properties.createMode", "Replica"},
                               {"properties.sourceServerResourceId", "psql.id"},
                               {"properties.version", "16"},
                               {"properties.storage.storageSizeGB", "128"},
                               {"properties.storage.autoGrow", "Enabled"},
                               {"properties.authConfig.activeDirectoryAuth", "Enabled"},
                               {"properties.authConfig.passwordAuth", "Disabled"},
                               {"properties.authConfig.tenantId", "subscription().tenantId"},
                               {"properties.network.publicNetworkAccess", "Disabled"}}));
  const auto replica = bicep.substr(bicep.find("resource psqlDr "));
  const auto replica_block = replica.substr(0, replica.find("\n}\n"));
  for (const char* absent :
       {"administratorLogin", "highAvailability", "backup", "maintenanceWindow"}) {
    CAPTURE(absent);
    CHECK(replica_block.find(absent) == std::string::npos);
  }
  CHECK(replica_block.find("dependsOn") != std::string::npos);
  CHECK(rendered.has_resource(
      "Microsoft.DBforPostgreSQL/flexibleServers/configurations",
      {{"parent", "psqlDr"}, {"name", "require_secure_transport"}, {"properties.value", "on"}}));
}

TEST_CASE("an autoscale setting writes the capacity as strings, both rules and notifications") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) {
        auto& ops = s.add<ActionGroup>(
            "ops",
            {.short_name = "ops", .emails = {{.name = "team", .address = "team@example.com"}}});
        auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::S1, .worker_count = 2});
        plan.autoscale({.min = 2, .max = 6, .notify = ops});
      },
      {Environment::staging("eastus")});
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& bicep = result.file("app/staging/bicep/resources.bicep");
  CHECK(bicep.find("'Microsoft.Insights/autoscalesettings@2021-05-01-preview'") !=
        std::string::npos);
  auto rendered = RenderedResources::from_bicep(bicep);
  CHECK(rendered.has_resource("Microsoft.Insights/autoscalesettings",
                              {{"name", "autoscale-app-staging"},
                               {"location", "eastus"},
                               {"properties.name", "autoscale-app-staging"},
                               {"properties.enabled", "true"},
                               {"properties.targetResourceUri", "plan.id"}}));
  const auto setting = bicep.substr(bicep.find("resource planAutoscale "));
  for (const char* line :
       {"minimum: '2'", "maximum: '6'", "default: '2'", "metricName: 'CpuPercentage'",
        "metricNamespace: 'microsoft.web/serverfarms'", "metricResourceUri: plan.id",
        "operator: 'GreaterThan'", "threshold: 70", "operator: 'LessThan'", "threshold: 30",
        "direction: 'Increase'", "direction: 'Decrease'", "value: '1'", "cooldown: 'PT5M'",
        "cooldown: 'PT10M'", "operation: 'Scale'", "sendToSubscriptionAdministrator: false",
        "sendToSubscriptionCoAdministrators: false", "'team@example.com'"}) {
    CAPTURE(line);
    CHECK(setting.find(line) != std::string::npos);
  }
}

}  // namespace
}  // namespace iac::gen::bicep
