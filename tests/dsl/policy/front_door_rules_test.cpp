/// Pass and fail cases of the Front Door rule family (dsl/policy/rules/front_door.cpp).

#include "dsl/azure/resources.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

/// A profile with one endpoint and route to a host origin; `waf` binds a WAF policy.
FrontDoorProfile& edge(
    Stack& s, FrontDoorProfileProps props = {},
    std::optional<FrontDoorFirewallPolicyProps> waf = FrontDoorFirewallPolicyProps{},
    FrontDoorRouteProps route = {}) {
  auto& fd = s.add<FrontDoorProfile>("fd", props);
  if (waf) fd.firewall_policy(*waf);
  auto& group = fd.origin_group("g");
  group.origin("o", {.host = "origin.example.com"});
  route.origin_group = group;
  fd.endpoint("e").route("r", route);
  return fd;
}

/// A web app behind the profile, its origin's props given.
void fronted_app(Stack& s, FrontDoorOriginProps origin) {
  auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::P1v3, .worker_count = 2});
  auto& web = s.add<LinuxWebApp>("web", {.plan = plan, .settings = {.health_check_path = "/h"}});
  auto& fd = s.add<FrontDoorProfile>("fd");
  fd.firewall_policy();
  auto& group = fd.origin_group("g");
  group.origin("o", web, origin);
  fd.endpoint("e").route("r", {.origin_group = group});
}

const RegisterRuleCases kCases{{
    {"AZ-AFD-001", Environment::staging("eastus"), [](Stack& s) { edge(s); },
     [](Stack& s) { edge(s, {}, FrontDoorFirewallPolicyProps{.enabled = Control::waived("x")}); }},
    {"AZ-AFD-002", Environment::dev("eastus"), [](Stack& s) { edge(s); },
     [](Stack& s) {
       edge(s, {}, FrontDoorFirewallPolicyProps{.prevention_mode = Control::waived("tuning")});
     }},
    {"AZ-AFD-003", Environment::staging("eastus"), [](Stack& s) { edge(s); },
     [](Stack& s) {
       edge(s, {}, FrontDoorFirewallPolicyProps{.request_body_check = Control::waived("uploads")});
     }},
    {"AZ-AFD-004", Environment::prod("eastus"), [](Stack& s) { edge(s); },
     [](Stack& s) {
       edge(s, {}, FrontDoorFirewallPolicyProps{.managed_rules = Control::waived("cost")});
     }},
    {"AZ-AFD-005", Environment::prod("eastus"), [](Stack& s) { edge(s); },
     [](Stack& s) {
       edge(s, {.sku = FrontDoorSku::standard},
            FrontDoorFirewallPolicyProps{.managed_rules = Control::waived("Standard")});
     }},
    {"AZ-AFD-006", Environment::staging("eastus"), [](Stack& s) { edge(s); },
     [](Stack& s) {
       edge(s, {}, FrontDoorFirewallPolicyProps{},
            FrontDoorRouteProps{.https_only = Control::waived("legacy clients")});
     }},
    {"AZ-AFD-007", Environment::dev("eastus"), [](Stack& s) { edge(s); },
     [](Stack& s) { edge(s, {}, std::nullopt); }},
    {"AZ-AFD-008", Environment::staging("eastus"), [](Stack& s) { fronted_app(s, {}); },
     [](Stack& s) { fronted_app(s, {.lock_app = Control::waived("partner calls the app")}); }},
}};

}  // namespace
}  // namespace iac::testing
