#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/alerts.h"
#include "dsl/azure/app_service_plan.h"
#include "dsl/azure/autoscale.h"
#include "dsl/azure/postgres.h"
#include "dsl/core/stack.h"
#include "testing/assertions.h"
#include "tests/support/fixtures.h"

namespace iac::gen::terraform {
namespace {

using namespace iac::azure;
using iac::testing::RenderedResources;

TEST_CASE("a read replica is written as a Replica-mode server in the DR region") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) {
        auto& server = s.add<PostgresFlexibleServer>(
            "psql", {.sku_name = "GP_Standard_D2ds_v5", .storage_gb = 128});
        testing::suppress_rules(server, "AZ-PG-");
        server.entra_admin(
            {.object_id = s.parameter("admins_object_id"), .kind = PrincipalKind::group},
            s.parameter("admins_name"));
        server.read_replica("dr", {.zone = "2"});
      },
      {Environment::prod("eastus", "westus")});
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/prod/terraform/main.tf");
  auto rendered = RenderedResources::from_terraform(tf);
  CHECK(rendered.has_resource(
      "azurerm_postgresql_flexible_server",
      {{"name", "psql-app-prod-dr"},
       {"location", "westus"},
       {"create_mode", "Replica"},
       {"source_server_id", "azurerm_postgresql_flexible_server.psql.id"},
       {"sku_name", "GP_Standard_D2ds_v5"},
       {"version", "16"},
       {"storage_mb", "131072"},
       {"auto_grow_enabled", "true"},
       {"public_network_access_enabled", "false"},
       {"zone", "2"},
       {"authentication.active_directory_auth_enabled", "true"},
       {"authentication.password_auth_enabled", "false"},
       {"authentication.tenant_id", "data.azurerm_client_config.current.tenant_id"}}));
  CHECK(rendered.has_resource("azurerm_postgresql_flexible_server",
                              {{"name", "psql-app-prod"}, {"location", "eastus"}}));
  // What a replica inherits or cannot have is not written on it.
  const auto replica = tf.substr(tf.find("\"psql_dr\""));
  const auto replica_block = replica.substr(0, replica.find("\n}\n"));
  for (const char* absent : {"administrator_login", "high_availability", "backup_retention_days",
                             "geo_redundant_backup_enabled", "maintenance_window"}) {
    CAPTURE(absent);
    CHECK(replica_block.find(absent) == std::string::npos);
  }
  CHECK(replica_block.find("ignore_changes = [create_mode, source_server_id, zone]") !=
        std::string::npos);
  CHECK(replica_block.find("depends_on") != std::string::npos);
  // Its own TLS parameters.
  CHECK(rendered.has_resource("azurerm_postgresql_flexible_server_configuration",
                              {{"name", "require_secure_transport"},
                               {"server_id", "azurerm_postgresql_flexible_server.psql_dr.id"},
                               {"value", "on"}}));
  CHECK(rendered.has_resource("azurerm_postgresql_flexible_server_configuration",
                              {{"name", "ssl_min_protocol_version"},
                               {"server_id", "azurerm_postgresql_flexible_server.psql_dr.id"},
                               {"value", "TLSv1.2"}}));
}

TEST_CASE("an autoscale setting writes the capacity, both rules and the notification") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) {
        auto& ops = s.add<ActionGroup>(
            "ops", {.short_name = "ops",
                    .emails = {{.name = "team", .address = "team@example.com"}},
                    .webhooks = {{.name = "pager",
                                  .service_uri = s.parameter("pager_url", {.secure = true})}}});
        auto& plan = s.add<AppServicePlan>(
            "plan", {.sku = PlanSku::P1v3, .worker_count = 3, .zone_balancing = true});
        plan.autoscale({.min = 3,
                        .max = 10,
                        .default_count = 4,
                        .scale_out = cpu_above(75),
                        .scale_in = cpu_below(25),
                        .notify = ops});
      },
      {Environment::prod("eastus")});
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/prod/terraform/main.tf");
  auto rendered = RenderedResources::from_terraform(tf);
  CHECK(
      rendered.has_resource("azurerm_monitor_autoscale_setting",
                            {{"name", "autoscale-app-prod"},
                             {"location", "eastus"},
                             {"target_resource_id", "azurerm_service_plan.plan.id"},
                             {"enabled", "true"},
                             {"profile.name", "default"},
                             {"profile.capacity.default", "4"},
                             {"profile.capacity.minimum", "3"},
                             {"profile.capacity.maximum", "10"},
                             {"notification.email.send_to_subscription_administrator", "false"},
                             {"notification.email.send_to_subscription_co_administrator", "false"},
                             {"notification.webhook.service_uri", "var.pager_url"}}));
  const auto setting = tf.substr(tf.find("\"azurerm_monitor_autoscale_setting\""));
  for (const char* line :
       {"metric_name        = \"CpuPercentage\"",
        "metric_namespace   = \"microsoft.web/serverfarms\"",
        "metric_resource_id = azurerm_service_plan.plan.id", "operator           = \"GreaterThan\"",
        "threshold          = 75", "operator           = \"LessThan\"", "threshold          = 25",
        "direction = \"Increase\"", "direction = \"Decrease\"", "cooldown  = \"PT5M\"",
        "cooldown  = \"PT10M\"", "time_window        = \"PT15M\"",
        "custom_emails                         = [\"team@example.com\"]"}) {
    CAPTURE(line);
    CHECK(setting.find(line) != std::string::npos);
  }
  // The plan leaves its count to autoscale after creation.
  CHECK(rendered.has_resource("azurerm_service_plan", {{"worker_count", "3"}}));
  CHECK(tf.find("ignore_changes = [worker_count]") != std::string::npos);
}

TEST_CASE("a plan without autoscale keeps managing its worker count") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<AppServicePlan>("plan", {.sku = PlanSku::S1, .worker_count = 2});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  CHECK(tf.find("ignore_changes = [worker_count]") == std::string::npos);
  CHECK(tf.find("azurerm_monitor_autoscale_setting") == std::string::npos);
}

}  // namespace
}  // namespace iac::gen::terraform
