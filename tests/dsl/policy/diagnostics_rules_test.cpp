/// Pass and fail cases of the diagnostics and alerting rule family
/// (dsl/policy/rules/diagnostics.cpp).

#include "dsl/azure/resources.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

ActionGroup& team(Stack& s) {
  return s.add<ActionGroup>(
      "team", {.short_name = "team", .emails = {{.name = "ops", .address = "ops@example.com"}}});
}

const RegisterRuleCases kCases{{
    {"AZ-DIAG-001", Environment::prod("eastus"),
     [](Stack& s) {
       s.add<LogAnalyticsWorkspace>("log", {.retention_days = 90});
       s.add<KeyVault>("kv");
     },
     [](Stack& s) {
       s.add<LogAnalyticsWorkspace>("log", {.retention_days = 90});
       s.add<KeyVault>("kv").set_diagnostics(Control::waived("sandbox vault"));
     }},
    {"AZ-DIAG-002", Environment::prod("eastus"),
     [](Stack& s) {
       s.add<LogAnalyticsWorkspace>("log", {.retention_days = 90});
       s.add<KeyVault>("kv");
     },
     [](Stack& s) { s.add<KeyVault>("kv"); }},
    {"AZ-ALERT-001", Environment::prod("eastus"),
     [](Stack& s) {
       auto& logs = s.add<LogAnalyticsWorkspace>("log", {.retention_days = 90});
       s.add<ScheduledQueryAlert>(
           "errors", {.scope = logs, .query = "AppExceptions", .action_groups = {team(s)}});
     },
     [](Stack& s) {
       auto& logs = s.add<LogAnalyticsWorkspace>("log", {.retention_days = 90});
       team(s);
       s.add<ScheduledQueryAlert>("errors", {.scope = logs, .query = "AppExceptions"});
     }},
    {"AZ-BUDGET-001", Environment::prod("eastus"),
     [](Stack& s) {
       s.add<ResourceGroupBudget>(
           "budget", {.amount = 100,
                      .start_date = "2026-12-01",
                      .notifications = {{.threshold_percent = 80, .emails = {"a@example.com"}}}});
     },
     [](Stack&) {}},
}};

}  // namespace
}  // namespace iac::testing
