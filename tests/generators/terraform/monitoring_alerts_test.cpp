#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::gen::terraform {
namespace {

using namespace iac::azure;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("diagnostic settings target the resource or its sub-service, to the workspace") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<LogAnalyticsWorkspace>("log");
    s.add<KeyVault>("kv");
    s.add<StorageAccount>("st");
    s.add<CosmosAccount>("cosmos");
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  CHECK(contains(tf, R"(resource "azurerm_monitor_diagnostic_setting" "kv_diagnostics" {
  name                       = "diag-log-analytics"
  target_resource_id         = azurerm_key_vault.kv.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id

  enabled_log {
    category_group = "allLogs"
  }

  enabled_metric {
    category = "AllMetrics"
  }
}
)"));
  CHECK(contains(
      tf, R"(  target_resource_id         = "${azurerm_storage_account.st.id}/queueServices/default"
)"));
  CHECK(contains(tf, R"(resource "azurerm_monitor_diagnostic_setting" "st_diagnostics" {
  name                       = "diag-log-analytics"
  target_resource_id         = azurerm_storage_account.st.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id

  enabled_metric {
    category = "Transaction"
  }
}
)"));
  CHECK(contains(tf, R"(  log_analytics_destination_type = "Dedicated"
)"));
  CHECK_FALSE(contains(tf, R"("azurerm_monitor_diagnostic_setting" "log_diagnostics")"));
}

TEST_CASE("an action group writes the common alert schema and takes its webhook from a variable") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<ActionGroup>(
        "ops",
        {.short_name = "ops",
         .emails = {{.name = "devops", .address = "devops@example.com"}},
         .webhooks = {{.name = "pager",
                       .service_uri = s.parameter(
                           "pager_url", {.description = "paging webhook", .secure = true})}}});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  CHECK(contains(tf, R"(resource "azurerm_monitor_action_group" "ops" {
  name                = "ag-app-dev-ops"
  resource_group_name = azurerm_resource_group.rg.name
  location            = "global"
  short_name          = "ops"
  enabled             = true

  email_receiver {
    name                    = "devops"
    email_address           = "devops@example.com"
    use_common_alert_schema = true
  }

  webhook_receiver {
    name                    = "pager"
    service_uri             = var.pager_url
    use_common_alert_schema = true
  }
)"));
  const std::string& variables = result.file("app/dev/terraform/variables.tf");
  auto pager = variables.find(R"(variable "pager_url")");
  REQUIRE(pager != std::string::npos);
  CHECK(variables.find("sensitive   = true", pager) != std::string::npos);
}

TEST_CASE("a metric alert writes its criteria, dimensions, window and action groups") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& ops = s.add<ActionGroup>(
        "ops", {.short_name = "ops", .emails = {{.name = "a", .address = "a@example.com"}}});
    auto& cosmos = s.add<CosmosAccount>("cosmos");
    auto criterion = metric::cosmos_normalized_ru(80.5);
    criterion.dimensions = {{.name = "Region", .values = {"East US"}}};
    s.add<MetricAlert>("ru", {.description = "RU above 80%",
                              .scope = cosmos,
                              .criteria = {criterion},
                              .severity = 2,
                              .action_groups = {ops}});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  CHECK(contains(result.file("app/dev/terraform/main.tf"),
                 R"(resource "azurerm_monitor_metric_alert" "ru" {
  name                = "alert-app-dev-ru"
  resource_group_name = azurerm_resource_group.rg.name
  scopes              = [azurerm_cosmosdb_account.cosmos.id]
  description         = "RU above 80%"
  severity            = 2
  enabled             = true
  auto_mitigate       = true
  frequency           = "PT5M"
  window_size         = "PT15M"

  criteria {
    metric_namespace = "Microsoft.DocumentDB/databaseAccounts"
    metric_name      = "NormalizedRUConsumption"
    aggregation      = "Maximum"
    operator         = "GreaterThan"
    threshold        = 80.5

    dimension {
      name     = "Region"
      operator = "Include"
      values   = ["East US"]
    }
  }

  action {
    action_group_id = azurerm_monitor_action_group.ops.id
  }
)"));
}

TEST_CASE("a log alert's KQL is escaped into one HCL string") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& logs = s.add<LogAnalyticsWorkspace>("log");
    auto& appi = s.add<ApplicationInsights>("appi", {.workspace = logs});
    s.add<ScheduledQueryAlert>("failures",
                               {.scope = appi,
                                .query = "traces\n| where message has \"a\\\"b\" and x == '${y}' "
                                         "and z has \"%{w}\"\n| extend s = extract(\"(\\\\w+)\", "
                                         "1, message)",
                                .aggregation = Aggregation::average,
                                .metric_measure_column = "failure_percent",
                                .comparison = Comparison::equal,
                                .threshold = 5,
                                .window = "PT30M",
                                .failing_periods = 2,
                                .evaluation_periods = 3});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  CHECK(contains(tf, R"x(resource "azurerm_monitor_scheduled_query_rules_alert_v2" "failures" {
  name                    = "alert-app-dev-failures"
  location                = "eastus"
  resource_group_name     = azurerm_resource_group.rg.name
  scopes                  = [azurerm_application_insights.appi.id]
  severity                = 2
  enabled                 = true
  evaluation_frequency    = "PT5M"
  window_duration         = "PT30M"
  auto_mitigation_enabled = true

  criteria {
    query                   = "traces\n| where message has \"a\\\"b\" and x == '$${y}' and z has \"%%{w}\"\n| extend s = extract(\"(\\\\w+)\", 1, message)"
    time_aggregation_method = "Average"
    metric_measure_column   = "failure_percent"
    operator                = "Equal"
    threshold               = 5

    failing_periods {
      minimum_failing_periods_to_trigger_alert = 2
      number_of_evaluation_periods             = 3
    }
  }
)x"));
}

TEST_CASE("a budget is scoped to the stack's resource group with dated, fixed periods") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& ops = s.add<ActionGroup>(
        "ops", {.short_name = "ops", .emails = {{.name = "a", .address = "a@example.com"}}});
    s.add<ResourceGroupBudget>(
        "budget", {.amount = 100,
                   .start_date = "2026-12-01",
                   .notifications = {{.threshold_percent = 80, .emails = {"a@example.com"}},
                                     {.threshold_percent = 100,
                                      .type = BudgetThresholdType::forecasted,
                                      .action_groups = {ops}}}});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  CHECK(contains(result.file("app/dev/terraform/main.tf"),
                 R"(resource "azurerm_consumption_budget_resource_group" "budget" {
  name              = "budget-app-dev"
  resource_group_id = azurerm_resource_group.rg.id
  amount            = 100
  time_grain        = "Monthly"

  time_period {
    start_date = "2026-12-01T00:00:00Z"
  }

  notification {
    enabled        = true
    threshold      = 80
    operator       = "GreaterThanOrEqualTo"
    threshold_type = "Actual"
    contact_emails = ["a@example.com"]
  }

  notification {
    enabled        = true
    threshold      = 100
    operator       = "GreaterThanOrEqualTo"
    threshold_type = "Forecasted"
    contact_groups = [azurerm_monitor_action_group.ops.id]
  }
}
)"));
}

TEST_CASE("Front Door, PostgreSQL and AI services accounts send all logs and metrics") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<LogAnalyticsWorkspace>("log", {.retention_days = 90});
    auto& edge = s.add<FrontDoorProfile>("edge");
    auto& origins = edge.origin_group("origins");
    origins.origin("origin", {.host = "origin.example.com"});
    edge.endpoint("public").route("all", {.origin_group = origins});
    testing::suppress_rules(s, "AZ-AFD-");
    s.add<PostgresFlexibleServer>("psql").entra_admin(
        {.object_id = s.parameter("admins_object_id"), .kind = PrincipalKind::group},
        s.parameter("admins_name"));
    s.add<CognitiveAccount>("oai");
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  for (const std::string target :
       {"azurerm_cdn_frontdoor_profile.edge", "azurerm_postgresql_flexible_server.psql",
        "azurerm_cognitive_account.oai"}) {
    CAPTURE(target);
    const std::string id = target.substr(target.find('.') + 1);
    CHECK(contains(tf, "resource \"azurerm_monitor_diagnostic_setting\" \"" + id +
                           R"(_diagnostics" {
  name                       = "diag-log-analytics"
  target_resource_id         = )" +
                           target + R"(.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.log.id

  enabled_log {
    category_group = "allLogs"
  }

  enabled_metric {
    category = "AllMetrics"
  }
}
)"));
  }
}

}  // namespace
}  // namespace iac::gen::terraform
