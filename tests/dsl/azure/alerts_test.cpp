#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::azure {
namespace {

testing::Synthesis synth(StackFunction declare, Environment env = Environment::dev("eastus")) {
  auto app = testing::make_app(std::move(declare), {env});
  return testing::synthesize(app);
}

ActionGroup& team(Stack& s) {
  return s.add<ActionGroup>(
      "team", {.short_name = "team", .emails = {{.name = "ops", .address = "ops@example.com"}}});
}

/// The diagnostic settings of a synthesized stack, by construct path.
std::vector<const DiagnosticSetting*> settings_of(const App& app) {
  std::vector<const DiagnosticSetting*> out;
  for (const Resource* resource : app.stacks().front()->resources()) {
    if (const auto* setting = dynamic_cast<const DiagnosticSetting*>(resource)) {
      out.push_back(setting);
    }
  }
  return out;
}

TEST_CASE("the diagnostics aspect sends every capable resource to the stack's workspace") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& logs = s.add<LogAnalyticsWorkspace>("log");
    s.add<ApplicationInsights>("appi", {.workspace = logs});
    s.add<KeyVault>("kv");
    s.add<StorageAccount>("st");
    s.add<CosmosAccount>("cosmos");
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  auto settings = settings_of(app);
  std::vector<std::string> paths;
  for (const auto* setting : settings) paths.push_back(setting->path());
  // Not the workspace itself; App Insights sends metrics only (its logs are in the workspace).
  CHECK(paths ==
        std::vector<std::string>{"app/dev/appi/diagnostics", "app/dev/kv/diagnostics",
                                 "app/dev/st/diagnostics", "app/dev/st/diagnostics-blob",
                                 "app/dev/st/diagnostics-queue", "app/dev/st/diagnostics-table",
                                 "app/dev/st/diagnostics-file", "app/dev/cosmos/diagnostics"});
  CHECK(settings[0]->props().log_category_groups.empty());
  CHECK(settings[0]->props().metric_categories == std::vector<std::string>{"AllMetrics"});
  CHECK(settings[1]->props().log_category_groups == std::vector<std::string>{"allLogs"});
  CHECK(settings[2]->props().log_category_groups.empty());
  CHECK(settings[2]->props().metric_categories == std::vector<std::string>{"Transaction"});
  CHECK(settings[3]->props().child_type == "blobServices");
  CHECK(settings[7]->props().dedicated_tables);
  CHECK(settings[1]->name() == "diag-log-analytics");
}

TEST_CASE("an opted-out resource gets no setting, and a waiver needs a reason") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<LogAnalyticsWorkspace>("log");
    s.add<KeyVault>("kv").set_diagnostics(Control::waived("sandbox vault, recreated daily"));
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  CHECK(settings_of(app).empty());

  auto result = synth([](Stack& s, const Environment&) {
    s.add<LogAnalyticsWorkspace>("log");
    s.add<KeyVault>("kv").set_diagnostics(Control::waived(""));
  });
  CHECK(result.diagnostic("IAC-SEC-001").message.find("diagnostics") != std::string::npos);
}

TEST_CASE("with several workspaces the stack names the destination") {
  auto ambiguous = testing::make_app([](Stack& s, const Environment&) {
    s.add<LogAnalyticsWorkspace>("a");
    s.add<LogAnalyticsWorkspace>("b");
    s.add<KeyVault>("kv");
  });
  REQUIRE_FALSE(has_errors(ambiguous.synthesize()));
  CHECK(settings_of(ambiguous).empty());

  auto named = testing::make_app([](Stack& s, const Environment&) {
    s.add<LogAnalyticsWorkspace>("a");
    auto& b = s.add<LogAnalyticsWorkspace>("b");
    s.send_diagnostics_to(b);
    s.add<KeyVault>("kv");
  });
  REQUIRE_FALSE(has_errors(named.synthesize()));
  auto settings = settings_of(named);
  // kv, and workspace a sends its query audit to b; b does not send to itself.
  REQUIRE(settings.size() == 2);
  CHECK(settings[0]->path() == "app/dev/a/diagnostics");
  CHECK(settings[1]->props().workspace->construct_id() == "b");
}

TEST_CASE("a declared setting replaces the aspect's for that source") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& logs = s.add<LogAnalyticsWorkspace>("log");
    auto& kv = s.add<KeyVault>("kv");
    s.add<DiagnosticSetting>(
        "kv-audit",
        {.target = kv, .workspace = logs, .log_category_groups = {"audit"}, .name = "audit-only"});
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  auto settings = settings_of(app);
  REQUIRE(settings.size() == 1);
  CHECK(settings[0]->name() == "audit-only");
}

TEST_CASE("a diagnostic setting needs a target, a workspace and something to send") {
  auto result = synth([](Stack& s, const Environment&) {
    s.add<DiagnosticSetting>("empty", {.log_category_groups = {"everything"}});
  });
  CHECK(result.has_rule("IAC-DIAG-001"));
  CHECK(result.has_rule("IAC-DIAG-002"));
  CHECK(result.diagnostic("IAC-DIAG-004").fix.find("allLogs") != std::string::npos);
  auto nothing = synth([](Stack& s, const Environment&) {
    auto& logs = s.add<LogAnalyticsWorkspace>("log");
    auto& kv = s.add<KeyVault>("kv");
    kv.set_diagnostics(Control::waived("declared below"));
    s.add<DiagnosticSetting>("kv-none", {.target = kv, .workspace = logs});
  });
  CHECK(nothing.diagnostic("IAC-DIAG-003").fix.find("AllMetrics") != std::string::npos);
}

TEST_CASE("an action group validates its short name, receivers and webhook secrets") {
  CHECK_FALSE(has_errors(synth([](Stack& s, const Environment&) { team(s); }).diagnostics));
  auto result = synth([](Stack& s, const Environment&) {
    s.add<ActionGroup>(
        "ag",
        {.short_name = "much-too-long-name",
         .emails = {{.name = "ops", .address = "not-an-address"},
                    {.name = "ops", .address = "ops@example.com"}},
         .webhooks = {{.name = "pager", .service_uri = "https://pager.example/hook?token=x"}}});
  });
  CHECK(result.diagnostic("IAC-ALERT-001").fix.find("1-12") != std::string::npos);
  CHECK(result.has_rule("IAC-ALERT-003"));
  CHECK(result.has_rule("IAC-ALERT-004"));
  CHECK(result.diagnostic("IAC-ALERT-005").fix.find(".secure = true") != std::string::npos);
  CHECK(synth([](Stack& s, const Environment&) {
          s.add<ActionGroup>("ag", {.short_name = "x"});
        }).has_rule("IAC-ALERT-002"));
  CHECK_FALSE(has_errors(
      synth([](Stack& s, const Environment&) {
        s.add<ActionGroup>(
            "ag", {.short_name = "x",
                   .webhooks = {{.name = "pager",
                                 .service_uri = s.parameter("pager_url", {.secure = true})}}});
      }).diagnostics));
}

TEST_CASE("metric alerts validate window, frequency, severity and criteria") {
  auto ok = synth([](Stack& s, const Environment&) {
    auto& redis = s.add<RedisCache>("redis");
    s.add<MetricAlert>(
        "load",
        {.scope = redis, .criteria = {metric::redis_server_load(80)}, .action_groups = {team(s)}});
  });
  CHECK_FALSE(has_errors(ok.diagnostics));
  auto bad = synth([](Stack& s, const Environment&) {
    auto& redis = s.add<RedisCache>("redis");
    s.add<MetricAlert>("load", {.scope = redis,
                                .criteria = {metric::redis_server_load(80)},
                                .severity = 5,
                                .frequency = "PT10M",
                                .window = "PT7M"});
    s.add<MetricAlert>("none", {.scope = redis, .frequency = "PT15M", .window = "PT5M"});
  });
  CHECK(bad.diagnostic("IAC-ALERT-006").fix.find("0 (critical) to 4") != std::string::npos);
  CHECK(bad.diagnostic("IAC-ALERT-008").message.find("PT10M") != std::string::npos);
  CHECK(bad.has_rule("IAC-ALERT-009"));
  int window_errors = 0;
  for (const auto& d : bad.diagnostics) window_errors += d.rule_id == "IAC-ALERT-008";
  CHECK(window_errors == 3);  // PT10M, PT7M, and PT5M window under PT15M frequency
  CHECK(synth([](Stack& s, const Environment&) {
          s.add<MetricAlert>("x", {.criteria = {metric::http_5xx(1)}});
        }).has_rule("IAC-ALERT-007"));
}

TEST_CASE("log alerts query Application Insights or Log Analytics only") {
  auto result = synth([](Stack& s, const Environment&) {
    auto& kv = s.add<KeyVault>("kv");
    s.add<ScheduledQueryAlert>("bad", {.scope = kv,
                                       .query = "  \n",
                                       .aggregation = Aggregation::average,
                                       .frequency = "PT7M",
                                       .failing_periods = 3,
                                       .evaluation_periods = 2});
  });
  CHECK(result.diagnostic("IAC-ALERT-007").message.find("Key Vault") != std::string::npos);
  CHECK(result.has_rule("IAC-ALERT-011"));
  CHECK(result.has_rule("IAC-ALERT-008"));
  CHECK(result.has_rule("IAC-ALERT-012"));
}

TEST_CASE("a budget has a fixed first-of-month start and notifications with recipients") {
  auto ok = synth([](Stack& s, const Environment&) {
    s.add<ResourceGroupBudget>(
        "budget", {.amount = 100,
                   .start_date = "2026-12-01",
                   .end_date = "2028-02-29",
                   .notifications = {{.threshold_percent = 80, .emails = {"a@example.com"}},
                                     {.threshold_percent = 100,
                                      .type = BudgetThresholdType::forecasted,
                                      .action_groups = {team(s)}}}});
  });
  CHECK_FALSE(has_errors(ok.diagnostics));
  auto bad = synth([](Stack& s, const Environment&) {
    s.add<ResourceGroupBudget>(
        "budget", {.start_date = "2026-12-15",
                   .end_date = "2027-02-30",
                   .notifications = {{.threshold_percent = 80}, {.threshold_percent = 80}}});
    s.add<ResourceGroupBudget>("old", {.amount = 1, .start_date = "2017-05-01"});
  });
  CHECK(bad.has_rule("IAC-BUDGET-001"));
  CHECK(bad.diagnostic("IAC-BUDGET-002").fix.find("YYYY-MM-01") != std::string::npos);
  CHECK(bad.has_rule("IAC-BUDGET-003"));
  CHECK(bad.has_rule("IAC-BUDGET-004"));
  CHECK(bad.has_rule("IAC-BUDGET-005"));
  int start_errors = 0;
  for (const auto& d : bad.diagnostics) start_errors += d.rule_id == "IAC-BUDGET-002";
  CHECK(start_errors == 2);
}

}  // namespace
}  // namespace iac::azure
