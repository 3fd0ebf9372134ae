#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac {
namespace {

using namespace iac::azure;

/// A function app with everything it needs; `tweak` changes the props before it is added.
App function_app(std::function<void(LinuxFunctionAppProps&, PlanSku&)> tweak = {},
                 std::function<void(Stack&, LinuxFunctionApp&)> after = {}) {
  return testing::make_app([=](Stack& s, const Environment&) {
    auto& logs = s.add<LogAnalyticsWorkspace>("logs");
    auto& ai = s.add<ApplicationInsights>("ai", {.workspace = logs});
    auto& st = s.add<StorageAccount>("st");
    PlanSku sku = PlanSku::P0v3;
    LinuxFunctionAppProps props;  // assigned, not designated: GCC 12 false -Wmaybe-uninitialized
    props.storage = st;
    props.insights = ai;
    if (tweak) tweak(props, sku);
    auto& plan = s.add<AppServicePlan>("plan", {.sku = sku});
    props.plan = plan;
    auto& func = s.add<LinuxFunctionApp>("func", props);
    if (after) after(s, func);
  });
}

TEST_CASE("a function app is secure by default") {
  auto app = function_app();
  auto result = testing::synthesize(app);
  CHECK_FALSE(has_errors(result.diagnostics));
  const auto* func = dynamic_cast<const LinuxFunctionApp*>(app.stack("dev")->find("func"));
  REQUIRE(func != nullptr);
  const auto& settings = func->settings();
  CHECK(settings.identity.mode() == AppIdentity::Mode::system_assigned);
  CHECK(settings.https_only.is_enforced());
  CHECK_FALSE(settings.public_network.public_endpoint());
  CHECK(settings.cors_allowed_origins.empty());
  CHECK(func->storage_uses_managed_identity());
  CHECK(func->always_on());
  // Entra-only insights and identity-based storage come with their grants.
  CHECK(func->find("grant-metrics-publisher") != nullptr);
  CHECK(func->find("grant-blob-data-owner") != nullptr);
}

TEST_CASE("app validation names the prop and the fix") {
  SUBCASE("wildcard CORS") {
    auto app = function_app(
        [](LinuxFunctionAppProps& p, PlanSku&) { p.settings.cors_allowed_origins = {"*"}; });
    auto result = testing::synthesize(app);
    CHECK(result.diagnostic("IAC-APP-007").message.find("cors_allowed_origins") !=
          std::string::npos);
  }
  SUBCASE("unsupported runtime") {
    auto app = function_app(
        [](LinuxFunctionAppProps& p, PlanSku&) { p.runtime = Runtime::python("2.7"); });
    CHECK(testing::synthesize(app).diagnostic("IAC-APP-002").message.find("python 2.7") !=
          std::string::npos);
  }
  SUBCASE("no storage") {
    auto app = function_app([](LinuxFunctionAppProps& p, PlanSku&) { p.storage = {}; });
    CHECK(testing::synthesize(app).has_rule("IAC-APP-003"));
  }
  SUBCASE("Y1 content share with Entra-only storage") {
    auto app = function_app([](LinuxFunctionAppProps&, PlanSku& sku) { sku = PlanSku::Y1; });
    CHECK(testing::synthesize(app).diagnostic("IAC-APP-014").fix.find("entra_only_auth") !=
          std::string::npos);
  }
  SUBCASE("Flex Consumption is refused honestly") {
    auto app = function_app([](LinuxFunctionAppProps&, PlanSku& sku) { sku = PlanSku::FC1; });
    CHECK(testing::synthesize(app).has_rule("IAC-APP-013"));
  }
  SUBCASE("health check on a consumption plan, and a root path") {
    auto app = function_app([](LinuxFunctionAppProps& p, PlanSku& sku) {
      sku = PlanSku::Y1;
      p.settings.health_check_path = "healthz";
      p.settings.health_check_eviction_minutes = 1;
    });
    auto result = testing::synthesize(app);
    CHECK(result.has_rule("IAC-APP-008"));
    CHECK(result.has_rule("IAC-APP-009"));
    CHECK(result.has_rule("IAC-APP-010"));
  }
  SUBCASE("no identity: a reason, insights auth and Key Vault references need one") {
    auto app = function_app(
        [](LinuxFunctionAppProps& p, PlanSku&) { p.settings.identity = AppIdentity::none(""); },
        [](Stack& s, LinuxFunctionApp& f) {
          auto& kv = s.add<KeyVault>("kv");
          f.setting("TOKEN", kv.secret_reference("token"));
        });
    auto result = testing::synthesize(app);
    CHECK(result.has_rule("IAC-APP-004"));
    CHECK(result.has_rule("IAC-APP-005"));
    CHECK(result.diagnostic("IAC-APP-006").message.find("TOKEN") != std::string::npos);
  }
  SUBCASE("reserved and duplicate app settings") {
    auto app = function_app({}, [](Stack&, LinuxFunctionApp& f) {
      f.setting("FUNCTIONS_WORKER_RUNTIME", "python");
      f.setting("MODE", "a");
      f.setting("MODE", "b");
    });
    auto result = testing::synthesize(app);
    CHECK(result.has_rule("IAC-APP-011"));
    CHECK(result.has_rule("IAC-APP-012"));
  }
  SUBCASE("a web app on a Functions-only plan") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::EP1});
      s.add<LinuxWebApp>("web", {.plan = plan, .runtime = Runtime::dotnet_isolated("8.0")});
    });
    auto result = testing::synthesize(app);
    CHECK(result.has_rule("IAC-APP-015"));
    CHECK(result.has_rule("IAC-APP-002"));
  }
  SUBCASE("no plan") {
    auto app =
        testing::make_app([](Stack& s, const Environment&) { s.add<LinuxWebApp>("web", {}); });
    CHECK(testing::synthesize(app).has_rule("IAC-APP-001"));
  }
}

TEST_CASE("plan validation keeps zones and workers to what the SKU allows") {
  auto plan = [](AppServicePlanProps props) {
    return testing::make_app(
        [=](Stack& s, const Environment&) { s.add<AppServicePlan>("plan", props); });
  };
  auto zones_on_basic = plan({.sku = PlanSku::B1, .worker_count = 2, .zone_balancing = true});
  CHECK(testing::synthesize(zones_on_basic).has_rule("IAC-PLAN-001"));
  auto one_zone_worker = plan({.sku = PlanSku::P1v3, .zone_balancing = true});
  CHECK(testing::synthesize(one_zone_worker).has_rule("IAC-PLAN-002"));
  auto workers_on_y1 = plan({.sku = PlanSku::Y1, .worker_count = 3});
  CHECK(testing::synthesize(workers_on_y1).has_rule("IAC-PLAN-003"));
  auto fine = plan({.sku = PlanSku::EP1, .worker_count = 2, .zone_balancing = true});
  CHECK_FALSE(has_errors(testing::synthesize(fine).diagnostics));
}

TEST_CASE("role assignments need a scope and a real principal, built-in GUIDs are fixed") {
  CHECK(definition(BuiltinRole::key_vault_secrets_user).guid ==
        "4633458b-17de-408a-b874-0445c86b69e6");
  CHECK(definition(BuiltinRole::storage_blob_data_owner).guid ==
        "b7e6dc6d-f1e8-4753-8033-0f276bb0955b");
  CHECK(definition(BuiltinRole::website_contributor).name == "Website Contributor");
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<RoleAssignment>("no-scope", {.principal = {.object_id = "not-a-guid"}});
    s.add<RoleAssignment>("no-principal", {.scope = s.resource_group()});
  });
  auto result = testing::synthesize(app);
  CHECK(result.has_rule("IAC-ROLE-001"));
  CHECK(result.has_rule("IAC-ROLE-002"));
  CHECK(result.diagnostic("IAC-ROLE-003").message.find("not-a-guid") != std::string::npos);
}

TEST_CASE("grant_secrets_read is idempotent and named after the principal's owner") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& kv = s.add<KeyVault>("kv");
    auto& id = s.add<UserAssignedIdentity>("worker");
    auto& first = kv.grant_secrets_read(id.principal());
    auto& second = kv.grant_secrets_read(id.principal());
    CHECK(&first == &second);
    CHECK(first.construct_id() == "secrets-user-worker");
  });
  CHECK_FALSE(has_errors(testing::synthesize(app).diagnostics));
}

TEST_CASE("a Key Vault secret takes only secure values, a content type and a fixed expiry") {
  auto secret = [](KeyVaultSecretProps props, bool secure_param = false) {
    return testing::make_app([=](Stack& s, const Environment&) mutable {
      if (secure_param) props.value = s.parameter("token", {.secure = true});
      s.add<KeyVault>("kv").secret("token", props);
    });
  };
  auto literal = secret({.value = "hunter2",
                         .content_type = "text/plain",
                         .expiration_date = "2026-12-31T00:00:00Z"});
  CHECK(testing::synthesize(literal).diagnostic("IAC-KV-002").message.find("literal") !=
        std::string::npos);
  auto bare = secret({}, true);
  auto result = testing::synthesize(bare);
  CHECK_FALSE(result.has_rule("IAC-KV-002"));
  CHECK(result.has_rule("IAC-KV-003"));
  CHECK(result.has_rule("IAC-KV-004"));
  auto bad_date = secret({.content_type = "text/plain", .expiration_date = "2026-12-31"}, true);
  CHECK(testing::synthesize(bad_date).has_rule("IAC-KV-005"));
  auto waived = secret({.content_type = "text/plain", .expiry = Control::waived("")}, true);
  CHECK(testing::synthesize(waived).has_rule("IAC-SEC-001"));
  CHECK(is_rfc3339_utc("2026-12-31T23:59:59Z"));
  CHECK_FALSE(is_rfc3339_utc("2026-13-01T00:00:00Z"));
}

App streamlit_app(std::optional<std::string> command) {
  return testing::make_app([command](Stack& s, const Environment&) {
    auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::B1, .worker_count = 1});
    s.add<LinuxWebApp>("web", {.plan = plan, .settings = {.startup_command = command}});
  });
}

TEST_CASE("a startup command is one non-empty command line") {
  CHECK_FALSE(SiteSettings{}.startup_command.has_value());
  auto good = streamlit_app("python -m streamlit run app.py");
  CHECK_FALSE(has_errors(testing::synthesize(good).diagnostics));
  for (const std::string bad : {"  ", "python app.py\nrm -rf /"}) {
    CAPTURE(bad);
    auto app = streamlit_app(bad);
    auto result = testing::synthesize(app);
    CHECK(result.diagnostic("IAC-APP-016").fix.find("one command line") != std::string::npos);
  }
}

}  // namespace
}  // namespace iac
