/// Pass and fail cases of the override rules (dsl/policy/rules/overrides.cpp), and the done-when
/// of the escape hatches: an override of a security attribute fails `iacgen check` until it is
/// suppressed with a reason.

#include <doctest/doctest.h>

#include "cli/cli.h"
#include "dsl/azure/resources.h"
#include "dsl/policy/engine.h"
#include "dsl/policy/suppression.h"
#include "tests/support/fixtures.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

const RegisterRuleCases kCases{{
    {"AZ-OVR-001", Environment::staging("eastus"),
     [](Stack& s) {
       auto& redis = s.add<RedisCache>("redis");
       redis.terraform_override("redis_configuration.notify_keyspace_events", "Ex");
       redis.terraform_override("public_network_access_enabled", false);  // only tightens
     },
     [](Stack& s) {
       s.add<RedisCache>("redis").terraform_override("public_network_access_enabled", true);
     }},
    {"AZ-OVR-002", Environment::staging("eastus"),
     [](Stack& s) {
       auto& redis = s.add<RedisCache>("redis");
       redis.override(Setting::minimum_tls_version, "1.2");
       redis.bicep_override("properties.publicNetworkAccess", "Disabled");  // classified
     },
     [](Stack& s) {
       s.add<RedisCache>("redis").bicep_override("properties.updateChannel", "Stable");
     }},
}};

std::vector<policy::Finding> findings(App& app, std::string_view rule) {
  app.synthesize();
  std::vector<policy::Finding> out;
  for (const auto& f : policy::evaluate(app).findings) {
    if (f.rule_id == rule) out.push_back(f);
  }
  return out;
}

TEST_CASE("AZ-OVR-001 names the override, its category and direction, and is a warning in dev") {
  auto app = make_app(
      [](Stack& s, const Environment&) {
        auto& web_plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::P1v3});
        auto& web = s.add<LinuxWebApp>("web", {.plan = web_plan});
        web.override(Setting::http2, false);
        web.terraform_remove("site_config.ftps_state");
      },
      {Environment::dev("eastus"), Environment::prod("eastus", "westus")});
  auto all = findings(app, "AZ-OVR-001");
  REQUIRE(all.size() == 2);
  CHECK(all[0].severity == Severity::warning);
  CHECK(all[1].severity == Severity::error);
  CHECK(all[1].path == "app/prod/web");
  CHECK(all[1].message.find("setting `http2` (terraform `site_config.http2_enabled`) = false "
                            "(TLS, weakens)") != std::string::npos);
  CHECK(all[1].message.find("terraform `site_config.ftps_state` removed (TLS, changes)") !=
        std::string::npos);
}

TEST_CASE("a Bicep path is classified by its azurerm spelling") {
  auto app = make_app([](Stack& s, const Environment&) {
    s.add<StorageAccount>("st").bicep_override("properties.minimumTlsVersion", "TLS1_0");
  });
  CHECK(findings(app, "AZ-OVR-001").size() == 1);
  CHECK(findings(app, "AZ-OVR-002").empty());
}

int check(bool suppressed) {
  std::vector<App> apps;
  apps.push_back(make_app(
      [suppressed](Stack& s, const Environment&) {
        auto& logs = s.add<LogAnalyticsWorkspace>("logs");
        logs.terraform_override("internet_query_enabled", true);
        if (suppressed) {
          policy::suppress(logs, "AZ-OVR-001",
                           "analysts query from the SOC workbook outside the VNet",
                           {.owner = "secops", .expires = "2099-01-01"});
        }
      },
      {Environment::prod("eastus", "westus")}, "shop"));
  std::vector<const char*> argv{"iacgen", "check"};
  return cli::run(apps, static_cast<int>(argv.size()), argv.data());
}

TEST_CASE("an override of a security attribute fails iacgen check until suppressed with a reason") {
  CHECK(check(false) == 1);
  CHECK(check(true) == 0);
}

}  // namespace
}  // namespace iac::testing
