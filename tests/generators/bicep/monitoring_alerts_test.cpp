#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::gen::bicep {
namespace {

using namespace iac::azure;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("diagnostic settings are extension resources scoped to their target") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<LogAnalyticsWorkspace>("log");
    s.add<KeyVault>("kv");
    s.add<StorageAccount>("st");
    s.add<CosmosAccount>("cosmos");
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& bicep = result.file("app/dev/bicep/resources.bicep");
  CHECK(contains(
      bicep,
      R"(resource kvDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-log-analytics'
  scope: kv
  properties: {
    workspaceId: log.id
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}
)"));
  // The blob service is declared by the account; queue, table and file services exist with it.
  CHECK(contains(bicep, "  scope: stBlobService\n"));
  CHECK(contains(
      bicep,
      R"(resource stDiagnosticsQueueTarget 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' existing = {
  parent: st
  name: 'default'
}
)"));
  CHECK(contains(bicep, "  scope: stDiagnosticsQueueTarget\n"));
  CHECK(contains(bicep, "    logAnalyticsDestinationType: 'Dedicated'\n"));
  CHECK_FALSE(contains(bicep, "logDiagnostics"));
}

TEST_CASE("an action group is global and reads its webhook from a secure parameter") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<ActionGroup>(
        "ops", {.short_name = "ops",
                .emails = {{.name = "devops", .address = "devops@example.com"}},
                .webhooks = {
                    {.name = "pager", .service_uri = s.parameter("pager_url", {.secure = true})}}});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& bicep = result.file("app/dev/bicep/resources.bicep");
  CHECK(contains(bicep, "@secure()\nparam pager_url string\n"));
  CHECK(contains(bicep, R"(  properties: {
    groupShortName: 'ops'
    enabled: true
    emailReceivers: [
      {
        name: 'devops'
        emailAddress: 'devops@example.com'
        useCommonAlertSchema: true
      }
    ]
    webhookReceivers: [
      {
        name: 'pager'
        serviceUri: pager_url
        useCommonAlertSchema: true
      }
    ]
  }
)"));
  CHECK(contains(bicep, "  location: 'global'\n"));
  CHECK(contains(result.file("app/dev/bicep/main.bicepparam"),
                 "param pager_url = readEnvironmentVariable('PAGER_URL')"));
}

TEST_CASE("a metric alert writes static criteria, with json() for fractional thresholds") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& ops = s.add<ActionGroup>(
        "ops", {.short_name = "ops", .emails = {{.name = "a", .address = "a@example.com"}}});
    auto& redis = s.add<RedisCache>("redis");
    s.add<MetricAlert>(
        "load",
        {.scope = redis, .criteria = {metric::redis_server_load(80.5)}, .action_groups = {ops}});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  CHECK(contains(result.file("app/dev/bicep/resources.bicep"), R"(    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'criterion1'
          metricNamespace: 'Microsoft.Cache/redis'
          metricName: 'serverLoad'
          timeAggregation: 'Maximum'
          operator: 'GreaterThan'
          threshold: json('80.5')
        }
      ]
    }
    autoMitigate: true
    actions: [
      {
        actionGroupId: ops.id
      }
    ]
)"));
}

TEST_CASE("a log alert's KQL is a verbatim multi-line string when it can be") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& logs = s.add<LogAnalyticsWorkspace>("log");
    s.add<ScheduledQueryAlert>("verbatim",
                               {.scope = logs,
                                .query = "AppTraces\n| where Message has \"${x}\" and A == 'b'\n"
                                         "| extend s = extract(\"(\\\\w+)\", 1, Message)",
                                .comparison = Comparison::less_than,
                                .threshold = 1});
    s.add<ScheduledQueryAlert>("escaped", {.scope = logs, .query = "print '''\nx'"});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& bicep = result.file("app/dev/bicep/resources.bicep");
  CHECK(contains(bicep, R"x(          query: '''
AppTraces
| where Message has "${x}" and A == 'b'
| extend s = extract("(\\w+)", 1, Message)'''
          timeAggregation: 'Count'
          operator: 'LessThan'
          threshold: 1
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
)x"));
  CHECK(contains(bicep, R"(          query: 'print \'\'\'\nx\''
)"));
  CHECK(contains(bicep, "  location: 'eastus'\n"));
}

TEST_CASE("a budget is a resource-group budget with named notifications") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<ResourceGroupBudget>(
        "budget", {.amount = 100,
                   .start_date = "2026-12-01",
                   .end_date = "2027-11-30",
                   .notifications = {{.threshold_percent = 80, .emails = {"a@example.com"}}}});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  CHECK(contains(result.file("app/dev/bicep/resources.bicep"),
                 R"(resource budget 'Microsoft.Consumption/budgets@2024-08-01' = {
  name: 'budget-app-dev'
  properties: {
    category: 'Cost'
    amount: 100
    timeGrain: 'Monthly'
    timePeriod: {
      startDate: '2026-12-01T00:00:00Z'
      endDate: '2027-11-30T00:00:00Z'
    }
    notifications: {
      actual80: {
        enabled: true
        operator: 'GreaterThanOrEqualTo'
        threshold: 80
        thresholdType: 'Actual'
        contactEmails: [
          'a@example.com'
        ]
      }
    }
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
  const std::string& bicep = result.file("app/dev/bicep/resources.bicep");
  for (const std::string symbol : {"edge", "psql", "oai"}) {
    CAPTURE(symbol);
    CHECK(contains(bicep,
                   "resource " + symbol +
                       R"(Diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-log-analytics'
  scope: )" + symbol + R"(
  properties: {
    workspaceId: log.id
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}
)"));
  }
}

}  // namespace
}  // namespace iac::gen::bicep
