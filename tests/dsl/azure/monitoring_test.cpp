#include <doctest/doctest.h>

#include "dsl/azure/application_insights.h"
#include "dsl/azure/log_analytics.h"
#include "dsl/core/stack.h"
#include "templates/observability.h"
#include "tests/support/fixtures.h"

namespace iac::azure {
namespace {

TEST_CASE("monitoring is Entra-only by default") {
  CHECK(LogAnalyticsWorkspaceProps{}.entra_only_auth.is_enforced());
  CHECK(LogAnalyticsWorkspaceProps{}.retention_days == 30);
  CHECK(ApplicationInsightsProps{}.entra_only_auth.is_enforced());
  CHECK(ApplicationInsightsProps{}.retention_days == 90);
}

TEST_CASE("workspace retention and quota are validated") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<LogAnalyticsWorkspace>("log", {.retention_days = 7, .daily_quota_gb = 0});
  });
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-LOG-001").message ==
        "`retention_days` is 7; a PerGB2018 workspace keeps 30 to 730 days");
  CHECK(result.has_rule("IAC-LOG-002"));
}

TEST_CASE("application insights retention and sampling are validated") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& logs = s.add<LogAnalyticsWorkspace>("log");
    s.add<ApplicationInsights>("appi",
                               {.workspace = logs, .retention_days = 45, .sampling_percentage = 101});
  });
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-APPI-001").fix ==
        "use one of 30, 60, 90, 120, 180, 270, 365, 550, 730");
  CHECK(result.has_rule("IAC-APPI-002"));
}

TEST_CASE("the observability template links insights to its workspace") {
  Stack stack("shop", Environment::dev("eastus"));
  auto& monitoring = stack.add<templates::Observability>(
      "monitoring", {.log_retention_days = 60, .telemetry_retention_days = 30});
  CHECK(monitoring.workspace().props().retention_days == 60);
  CHECK(monitoring.insights().props().retention_days == 30);
  CHECK(monitoring.insights().props().workspace.get() == &monitoring.workspace());
}

}  // namespace
}  // namespace iac::azure
