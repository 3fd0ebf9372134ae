/// Pass and fail cases of the App Service rule family (dsl/policy/rules/app_service.cpp), and
/// the ways an app can read a Key Vault secret it holds no role for (AZ-APP-008).

#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/aspect.h"
#include "dsl/policy/engine.h"
#include "tests/support/fixtures.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

/// A plan of `sku` and a function app on it, with what it needs; `tweak` sets the app's props.
LinuxFunctionApp& function_app(Stack& s, PlanSku sku,
                               const std::function<void(LinuxFunctionAppProps&)>& tweak = {}) {
  auto& plan =
      s.add<AppServicePlan>("plan", {.sku = sku, .worker_count = 1, .zone_balancing = false});
  // Y1 and EP keep their content on a file share that needs the account key (IAC-APP-014).
  const bool keys = sku == PlanSku::Y1 || is_elastic_premium(sku);
  auto& st = s.add<StorageAccount>(
      "st", {.entra_only_auth = keys ? Control::waived("Functions content share") : Control{}});
  LinuxFunctionAppProps props;  // assigned, not designated: GCC 12 false -Wmaybe-uninitialized
  props.plan = plan;
  props.storage = st;
  props.settings.health_check_path =
      sku == PlanSku::Y1 ? std::nullopt : std::optional<std::string>("/healthz");
  if (tweak) tweak(props);
  return s.add<LinuxFunctionApp>("func", props);
}

/// A P0v3 plan and a web app on it, with a health check; `tweak` sets the app's settings.
LinuxWebApp& web_app(Stack& s, const std::function<void(SiteSettings&)>& tweak = {}) {
  auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::P0v3, .worker_count = 2});
  LinuxWebAppProps props;
  props.plan = plan;
  props.settings.health_check_path = "/healthz";
  if (tweak) tweak(props.settings);
  return s.add<LinuxWebApp>("web", props);
}

const RegisterRuleCases kCases{{
    {"AZ-PLAN-001", Environment::staging("eastus"),
     [](Stack& s) { s.add<AppServicePlan>("plan", {.sku = PlanSku::S1, .worker_count = 2}); },
     [](Stack& s) { s.add<AppServicePlan>("plan", {.sku = PlanSku::B1, .worker_count = 2}); }},
    {"AZ-PLAN-002", Environment::prod("eastus"),
     [](Stack& s) {
       s.add<AppServicePlan>("plan", {.sku = PlanSku::P1v3, .worker_count = 2});
       // Elastic Premium scales on its own: one worker is not a finding.
       s.add<AppServicePlan>("elastic", {.sku = PlanSku::EP1, .worker_count = 1});
     },
     [](Stack& s) { s.add<AppServicePlan>("plan", {.sku = PlanSku::P1v3, .worker_count = 1}); }},
    {"AZ-PLAN-003", Environment::prod("eastus"),
     [](Stack& s) {
       s.add<AppServicePlan>("plan",
                             {.sku = PlanSku::P1v3, .worker_count = 3, .zone_balancing = true});
     },
     [](Stack& s) { s.add<AppServicePlan>("plan", {.sku = PlanSku::P1v3, .worker_count = 3}); }},
    {"AZ-APP-001", Environment::dev("eastus"), [](Stack& s) { web_app(s); },
     [](Stack& s) {
       web_app(s, [](SiteSettings& x) { x.https_only = Control::waived("legacy client"); });
     }},
    {"AZ-APP-002", Environment::staging("eastus"),
     [](Stack& s) {
       web_app(s, [](SiteSettings& x) {
         x.public_network = PublicNetwork::allow_from({"203.0.113.0/24"}, "partner egress");
       });
     },
     [](Stack& s) {
       web_app(s, [](SiteSettings& x) { x.public_network = PublicNetwork::open("demo"); });
     }},
    {"AZ-APP-003", Environment::prod("eastus"), [](Stack& s) { web_app(s); },
     [](Stack& s) {
       web_app(s, [](SiteSettings& x) {
         x.public_network = PublicNetwork::allow_from({"203.0.113.0/24"}, "partner egress");
       });
     }},
    {"AZ-APP-004", Environment::staging("eastus"),
     [](Stack& s) {
       web_app(s, [](SiteSettings& x) { x.cors_allowed_origins = {"https://app.example.com"}; });
     },
     [](Stack& s) {
       web_app(s, [](SiteSettings& x) {
         x.cors_allowed_origins = {"https://app.example.com", "http://app.example.com",
                                   "https://*.azurewebsites.net"};
       });
     }},
    {"AZ-APP-005", Environment::dev("eastus"), [](Stack& s) { web_app(s); },
     [](Stack& s) {
       web_app(s, [](SiteSettings& x) { x.identity = AppIdentity::none("static site"); });
     }},
    {"AZ-APP-006", Environment::staging("eastus"),
     [](Stack& s) {
       web_app(s);
       // Y1 has no health check to set: not a finding.
       auto& y1 = s.add<AppServicePlan>("y1", {.sku = PlanSku::Y1});
       auto& st = s.add<StorageAccount>(
           "st", {.entra_only_auth = Control::waived("Functions content share")});
       LinuxFunctionAppProps props;
       props.plan = y1;
       props.storage = st;
       s.add<LinuxFunctionApp>("func", props);
     },
     [](Stack& s) { web_app(s, [](SiteSettings& x) { x.health_check_path.reset(); }); }},
    {"AZ-APP-007", Environment::staging("eastus"), [](Stack& s) { function_app(s, PlanSku::P1v3); },
     [](Stack& s) { function_app(s, PlanSku::EP1); }},
    // The failing case the model allows: the Key Vault reference passed as a plain Expr, so the
    // setting(name, KeyVaultSecretReference) overload that grants the role is bypassed. Both
    // overloads produce the same app setting; only the grant differs.
    {"AZ-APP-008", Environment::dev("eastus"),
     [](Stack& s) {
       auto& vault = s.add<KeyVault>("kv");
       function_app(s, PlanSku::P1v3).setting("TOKEN", vault.secret_reference("token"));
     },
     [](Stack& s) {
       auto& vault = s.add<KeyVault>("kv");
       function_app(s, PlanSku::P1v3).setting("TOKEN", vault.secret_reference("token").value());
     }},
}};

/// The findings of `rule` on a one-environment app.
std::vector<policy::Finding> findings_of(std::string_view rule, const Environment& env,
                                         const std::function<void(Stack&)>& declare) {
  auto app = make_app(
      [&](Stack& s, const Environment&) {
        Tags::of(s).add("cost-center", "test");
        declare(s);
      },
      {env});
  REQUIRE_FALSE(has_errors(app.synthesize()));
  std::vector<policy::Finding> result;
  for (auto& finding : policy::evaluate(app, "2026-01-01").findings) {
    if (finding.rule_id == rule) result.push_back(finding);
  }
  return result;
}

TEST_CASE("an app reading a Key Vault secret needs a role on that vault") {
  SUBCASE("a user-assigned identity granted through setting() can read") {
    CHECK(findings_of("AZ-APP-008", Environment::dev("eastus"), [](Stack& s) {
            auto& vault = s.add<KeyVault>("kv");
            auto& id = s.add<UserAssignedIdentity>("worker");
            auto& web =
                web_app(s, [&](SiteSettings& x) { x.identity = AppIdentity::user_assigned(id); });
            web.setting("TOKEN", vault.secret_reference("token"));
          }).empty());
  }
  SUBCASE("a user-assigned identity that was never granted cannot") {
    auto findings = findings_of("AZ-APP-008", Environment::dev("eastus"), [](Stack& s) {
      auto& vault = s.add<KeyVault>("kv");
      auto& id = s.add<UserAssignedIdentity>("worker");
      auto& other = s.add<UserAssignedIdentity>("other");
      vault.grant_secrets_read(other.principal());  // a grant, but to another identity
      auto& web = web_app(s, [&](SiteSettings& x) { x.identity = AppIdentity::user_assigned(id); });
      web.setting("TOKEN", vault.secret_reference("token").value());
    });
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().message.find("'TOKEN'") != std::string::npos);
    CHECK(findings.front().message.find("app/dev/kv") != std::string::npos);
  }
  SUBCASE("no identity: validation refuses the granting overload, the rule catches the other") {
    auto findings = findings_of("AZ-APP-008", Environment::dev("eastus"), [](Stack& s) {
      auto& vault = s.add<KeyVault>("kv");
      auto& web =
          web_app(s, [](SiteSettings& x) { x.identity = AppIdentity::none("static site"); });
      web.setting("TOKEN", vault.secret_reference("token").value());
    });
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().message.find("no identity") != std::string::npos);
  }
  SUBCASE("a role that is too narrow does not count; a broader data role does") {
    auto with_role = [](BuiltinRole role) {
      return [role](Stack& s) {
        auto& vault = s.add<KeyVault>("kv");
        auto& web = web_app(s);
        s.add<RoleAssignment>("grant", {.scope = vault, .role = role, .principal = web.identity()});
        web.setting("TOKEN", vault.secret_reference("token").value());
      };
    };
    CHECK(findings_of("AZ-APP-008", Environment::dev("eastus"),
                      with_role(BuiltinRole::key_vault_secrets_officer))
              .empty());
    CHECK(findings_of("AZ-APP-008", Environment::dev("eastus"),
                      with_role(BuiltinRole::storage_blob_data_reader))
              .size() == 1);
  }
  SUBCASE("a hand-written reference by vault name or secret URI is recognized") {
    for (const char* reference :
         {"@Microsoft.KeyVault(VaultName=kv-hand-written;SecretName=t)",
          "@Microsoft.KeyVault(SecretUri=https://kv-hand-written.vault.azure.net/secrets/t/)"}) {
      CAPTURE(reference);
      CHECK(findings_of("AZ-APP-008", Environment::dev("eastus"), [&](Stack& s) {
              s.add<KeyVault>("kv", {.name = "kv-hand-written"});
              web_app(s).setting("TOKEN", reference);
            }).size() == 1);
    }
  }
  SUBCASE("a reference to a vault outside the model cannot be checked and is not reported") {
    CHECK(findings_of("AZ-APP-008", Environment::dev("eastus"), [](Stack& s) {
            web_app(s).setting("TOKEN", "@Microsoft.KeyVault(VaultName=kv-elsewhere;SecretName=t)");
          }).empty());
  }
}

const RegisterRuleCases kAutoscaleCases{{
    {"AZ-PLAN-004", Environment::prod("eastus"),
     [](Stack& s) {
       auto& plan = s.add<AppServicePlan>(
           "plan", {.sku = PlanSku::P1v3, .worker_count = 3, .zone_balancing = true});
       plan.autoscale({.min = 3, .max = 10});
       // Elastic Premium scales itself: no autoscale setting is expected.
       s.add<AppServicePlan>("elastic", {.sku = PlanSku::EP1, .zone_balancing = false});
     },
     [](Stack& s) {
       s.add<AppServicePlan>("plan",
                             {.sku = PlanSku::P1v3, .worker_count = 3, .zone_balancing = true});
     }},
    {"AZ-PLAN-005", Environment::staging("eastus"),
     [](Stack& s) {
       s.add<AppServicePlan>("plan", {.sku = PlanSku::S1, .worker_count = 2})
           .autoscale({.min = 2, .max = 4});
     },
     [](Stack& s) {
       s.add<AppServicePlan>("plan", {.sku = PlanSku::S1, .worker_count = 2})
           .autoscale({.min = 1, .max = 4});
     }},
}};

TEST_CASE("a prod plan without autoscale is a warning, and only in prod") {
  auto fixed = [](Stack& s) {
    s.add<AppServicePlan>("plan",
                          {.sku = PlanSku::P1v3, .worker_count = 3, .zone_balancing = true});
  };
  const auto prod = findings_of("AZ-PLAN-004", Environment::prod("eastus"), fixed);
  REQUIRE(prod.size() == 1);
  CHECK(prod.front().severity == Severity::warning);
  CHECK(prod.front().message == "the plan runs a fixed 3 workers");
  CHECK(findings_of("AZ-PLAN-004", Environment::staging("eastus"), fixed).empty());
}

TEST_CASE("App Service rules are off or warnings where dev needs a cheap plan") {
  auto y1_app = [](Stack& s) { function_app(s, PlanSku::Y1); };
  for (auto rule : {"AZ-PLAN-001", "AZ-PLAN-002", "AZ-PLAN-003", "AZ-APP-006", "AZ-APP-007"}) {
    CAPTURE(rule);
    CHECK(findings_of(rule, Environment::dev("eastus"), y1_app).empty());
  }
  auto basic = [](Stack& s) { s.add<AppServicePlan>("plan", {.sku = PlanSku::B1}); };
  CHECK(findings_of("AZ-PLAN-001", Environment::dev("eastus"), basic).empty());
  CHECK(findings_of("AZ-PLAN-001", Environment::prod("eastus"), basic).front().severity ==
        Severity::error);
  auto open = [](Stack& s) {
    web_app(s, [](SiteSettings& x) { x.public_network = PublicNetwork::open("demo"); });
  };
  CHECK(findings_of("AZ-APP-002", Environment::dev("eastus"), open).front().severity ==
        Severity::warning);
  // A Y1 plan in prod has no zones to balance over: the finding says why.
  CHECK(findings_of("AZ-PLAN-003", Environment::prod("eastus"), y1_app)
            .front()
            .message.find("cannot spread") != std::string::npos);
}

}  // namespace
}  // namespace iac::testing
