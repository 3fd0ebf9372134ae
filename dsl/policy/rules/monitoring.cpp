/// Monitoring rules: telemetry and logs accessed with Entra ID, kept long enough in prod.

#include "dsl/azure/application_insights.h"
#include "dsl/azure/log_analytics.h"
#include "dsl/policy/rules/families.h"

namespace iac::policy::rules {

using azure::ApplicationInsights;
using azure::LogAnalyticsWorkspace;

std::vector<Rule> monitoring() {
  return {
      for_kind<LogAnalyticsWorkspace>(
          {.id = "AZ-LOG-001",
           .title = "Log Analytics accepts Entra ID only (workspace keys off)",
           .rationale = "Workspace shared keys let anyone who holds them write and read logs, "
                        "outside RBAC and audit.",
           .fix = "remove the waiver of `entra_only_auth`; use the Azure Monitor Agent",
           .levels = Levels::everywhere(Level::error),
           .checkov = {},
           .psrule = {},
           .benchmark = "LT-6"},
          [](const LogAnalyticsWorkspace& workspace, const Environment&) -> Problem {
            if (workspace.props().entra_only_auth.is_enforced()) return {};
            return "workspace keys are accepted: " + workspace.props().entra_only_auth.reason();
          }),
      for_kind<LogAnalyticsWorkspace>(
          {.id = "AZ-LOG-002",
           .title = "Prod logs are kept 90 days",
           .rationale = "Incident investigations reach back further than a month.",
           .fix = "set `.retention_days = 90` or more in prod",
           .levels = {.dev = Level::off, .staging = Level::off, .prod = Level::warning},
           .checkov = {},
           .psrule = {},
           .benchmark = "LT-6"},
          [](const LogAnalyticsWorkspace& workspace, const Environment&) -> Problem {
            if (workspace.props().retention_days >= 90) return {};
            return "logs are kept " + std::to_string(workspace.props().retention_days) + " days";
          }),
      for_kind<ApplicationInsights>(
          {.id = "AZ-APPI-001",
           .title = "Application Insights accepts Entra-authenticated telemetry only",
           .rationale = "With local auth on, anyone who reads the connection string can inject "
                        "telemetry and hide or fake incidents.",
           .fix = "remove the waiver of `entra_only_auth`; set "
                  "APPLICATIONINSIGHTS_AUTHENTICATION_STRING "
                  "in apps",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {},
           .benchmark = "LT-1"},
          [](const ApplicationInsights& insights, const Environment&) -> Problem {
            if (insights.props().entra_only_auth.is_enforced()) return {};
            return "instrumentation-key ingestion is accepted: " +
                   insights.props().entra_only_auth.reason();
          }),
  };
}

}  // namespace iac::policy::rules
