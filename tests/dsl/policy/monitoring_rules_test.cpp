/// Pass and fail cases of the monitoring rule family (dsl/policy/rules/monitoring.cpp).

#include "dsl/azure/resources.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

const RegisterRuleCases kCases{{
    {"AZ-LOG-001", Environment::dev("eastus"),
     [](Stack& s) { s.add<LogAnalyticsWorkspace>("log"); },
     [](Stack& s) {
       s.add<LogAnalyticsWorkspace>("log", {.entra_only_auth = Control::waived("old agent")});
     }},
    {"AZ-LOG-002", Environment::prod("eastus"),
     [](Stack& s) { s.add<LogAnalyticsWorkspace>("log", {.retention_days = 90}); },
     [](Stack& s) { s.add<LogAnalyticsWorkspace>("log", {.retention_days = 30}); }},
    {"AZ-APPI-001", Environment::prod("eastus"),
     [](Stack& s) {
       auto& logs = s.add<LogAnalyticsWorkspace>("log");
       s.add<ApplicationInsights>("appi", {.workspace = logs});
     },
     [](Stack& s) {
       auto& logs = s.add<LogAnalyticsWorkspace>("log");
       s.add<ApplicationInsights>("appi",
                                  {.workspace = logs, .entra_only_auth = Control::waived("sdk")});
     }},
}};

}  // namespace
}  // namespace iac::testing
