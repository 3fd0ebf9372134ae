#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "dsl/azure/app_service_plan.h"
#include "dsl/azure/front_door.h"
#include "dsl/azure/web_app.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::azure {
namespace {

/// A web app behind a profile of `sku`, with a WAF (managed rules waived on Standard).
struct Edge {
  FrontDoorProfileProps profile;
  FrontDoorFirewallPolicyProps waf;
  FrontDoorOriginProps origin;
  FrontDoorRouteProps route;
  std::optional<FrontDoorCustomDomainProps> domain;
  bool bind_waf = true;
};

testing::Synthesis synth_edge(Edge edge, Environment env = Environment::dev("eastus")) {
  auto app = testing::make_app(
      [edge](Stack& s, const Environment&) {
        auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::P1v3, .worker_count = 2});
        auto& web = s.add<LinuxWebApp>(
            "web", {.plan = plan, .settings = {.health_check_path = "/healthz"}});
        auto& fd = s.add<FrontDoorProfile>("fd", edge.profile);
        if (edge.bind_waf) fd.firewall_policy(edge.waf);
        auto& group = fd.origin_group("web", {.health_probe = {.path = "/healthz"}});
        group.origin("app", web, edge.origin);
        FrontDoorRouteProps route = edge.route;
        route.origin_group = group;
        if (edge.domain) route.custom_domains = {&fd.custom_domain("site", *edge.domain)};
        fd.endpoint("www").route("all", route);
      },
      {env});
  return testing::synthesize(app);
}

Edge standard_edge() {
  Edge edge;
  edge.profile.sku = FrontDoorSku::standard;
  edge.waf.managed_rules = Control::waived("Standard: custom rules only");
  return edge;
}

TEST_CASE("Front Door is secure by default") {
  FrontDoorProfileProps profile;
  CHECK(profile.sku == FrontDoorSku::premium);
  CHECK(profile.response_timeout_seconds == 60);
  FrontDoorFirewallPolicyProps waf;
  CHECK(waf.enabled.is_enforced());
  CHECK(waf.prevention_mode.is_enforced());
  CHECK(waf.request_body_check.is_enforced());
  CHECK(waf.managed_rules.is_enforced());
  FrontDoorRouteProps route;
  CHECK(route.https_only.is_enforced());
  CHECK(route.patterns == std::vector<std::string>{"/*"});
  CHECK_FALSE(route.cache);
  FrontDoorOriginProps origin;
  CHECK(origin.lock_app.is_enforced());
  CHECK_FALSE(origin.private_link);
  CHECK_FALSE(has_errors(synth_edge({}).diagnostics));
  CHECK_FALSE(has_errors(synth_edge(standard_edge()).diagnostics));
}

TEST_CASE("WAF policy validation") {
  SUBCASE("Detection mode outside dev is refused") {
    Edge edge;
    edge.waf.prevention_mode = Control::waived("tuning");
    CHECK_FALSE(synth_edge(edge).has_rule("IAC-AFD-001"));
    auto result = synth_edge(edge, Environment::staging("eastus"));
    const auto& d = result.diagnostic("IAC-AFD-001");
    CHECK(d.message == "`prevention_mode` is waived in staging: the WAF only logs attacks");
    CHECK(d.fix.find("remove the waiver") != std::string::npos);
  }
  SUBCASE("managed rules on Standard must be waived with a reason") {
    Edge edge;
    edge.profile.sku = FrontDoorSku::standard;
    auto result = synth_edge(edge);
    CHECK(result.diagnostic("IAC-AFD-002").fix.find("Control::waived") != std::string::npos);
    CHECK_FALSE(synth_edge(standard_edge()).has_rule("IAC-AFD-002"));
  }
  SUBCASE("custom rules") {
    Edge edge;
    edge.waf.custom_rules = {WafCustomRule::rate_limit("rate-limit", 1, 100, 1)};
    CHECK(synth_edge(edge).has_rule("IAC-AFD-003"));
    edge.waf.custom_rules = {WafCustomRule::rate_limit("a", 1, 100, 1),
                             WafCustomRule::block_countries("b", 1, {"KP"})};
    CHECK(synth_edge(edge).diagnostic("IAC-AFD-004").fix ==
          "give each custom rule its own priority, 1 or more");
    edge.waf.custom_rules = {WafCustomRule::allow_only_countries("geo", 5, {"us"})};
    CHECK(synth_edge(edge).diagnostic("IAC-AFD-005").message ==
          "custom rule 'geo' matches country 'us'");
    edge.waf.custom_rules = {WafCustomRule{
        .name = "hdr",
        .conditions = {{.variable = WafMatchVariable::request_header, .values = {"x"}}}}};
    CHECK(synth_edge(edge).has_rule("IAC-AFD-005"));
    edge.waf.custom_rules = {WafCustomRule::rate_limit("fast", 1, 5, 2)};
    auto result = synth_edge(edge);
    CHECK(result.diagnostic("IAC-AFD-006").message ==
          "custom rule 'fast' has rate-limit threshold 5");
    edge.waf.custom_rules = {WafCustomRule::rate_limit("ok", 1, 100, 5),
                             WafCustomRule::allow_only_countries("geo", 2, {"US", "CA"})};
    CHECK_FALSE(has_errors(synth_edge(edge).diagnostics));
  }
}

TEST_CASE("profile, origin, route and domain validation") {
  SUBCASE("response timeout") {
    Edge edge;
    edge.profile.response_timeout_seconds = 10;
    CHECK(synth_edge(edge).diagnostic("IAC-AFD-010").fix == "set it between 16 and 240");
  }
  SUBCASE("Private Link needs Premium") {
    Edge edge = standard_edge();
    edge.origin.private_link = FrontDoorPrivateLink{};
    CHECK(synth_edge(edge).diagnostic("IAC-AFD-032").message ==
          "`private_link` is set, but the profile is Standard");
    Edge premium;
    premium.origin.private_link = FrontDoorPrivateLink{};
    CHECK_FALSE(synth_edge(premium).has_rule("IAC-AFD-032"));
  }
  SUBCASE("Private Link needs a plan that takes private endpoints") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::Y1});
      auto& web = s.add<LinuxWebApp>("web", {.plan = plan});
      auto& fd = s.add<FrontDoorProfile>("fd");
      fd.firewall_policy();
      auto& group = fd.origin_group("g");
      group.origin("o", web, {.private_link = FrontDoorPrivateLink{}});
      fd.endpoint("e").route("r", {.origin_group = group});
    });
    auto result = testing::synthesize(app);
    CHECK(result.diagnostic("IAC-AFD-032").message ==
          "`private_link` is set, but the app runs on a Y1 plan, which takes no private endpoint");
  }
  SUBCASE("an origin is an app or a host, not both") {
    Edge edge;
    edge.origin.host = "origin.example.com";
    CHECK(synth_edge(edge).has_rule("IAC-AFD-030"));
  }
  SUBCASE("route patterns are paths") {
    Edge edge;
    edge.route.patterns = {"api/*"};
    CHECK(synth_edge(edge).diagnostic("IAC-AFD-041").message ==
          "pattern 'api/*' does not start with '/'");
  }
  SUBCASE("cache query string names go with the specified behaviours") {
    Edge edge;
    edge.route.cache = FrontDoorRouteCache{.query_strings = QueryStringCaching::include_specified};
    CHECK(synth_edge(edge).has_rule("IAC-AFD-043"));
  }
  SUBCASE("custom domain host names are validated") {
    Edge edge;
    edge.domain = FrontDoorCustomDomainProps{.host_name = "Api.Example.com"};
    CHECK(synth_edge(edge).diagnostic("IAC-AFD-050").message ==
          "`host_name` 'Api.Example.com' is no host name: it has upper-case letters");
    edge.domain = FrontDoorCustomDomainProps{.host_name = "localhost"};
    CHECK(synth_edge(edge).has_rule("IAC-AFD-050"));
    edge.domain = FrontDoorCustomDomainProps{.host_name = "bad_label.example.com"};
    CHECK(synth_edge(edge).has_rule("IAC-AFD-050"));
    edge.domain = FrontDoorCustomDomainProps{.host_name = "api.clinic.example.com"};
    CHECK_FALSE(synth_edge(edge).has_rule("IAC-AFD-050"));
  }
  SUBCASE("the WAF policy name has letters and digits only") {
    Edge edge;
    edge.waf.name = "waf-prod";
    CHECK(synth_edge(edge).has_rule("IAC-NAME-001"));
    edge.waf.name = "wafprod";
    CHECK_FALSE(synth_edge(edge).has_rule("IAC-NAME-001"));
  }
}

TEST_CASE("an app behind Front Door knows the profile that locks it") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::P1v3, .worker_count = 2});
    auto& locked = s.add<LinuxWebApp>("locked", {.plan = plan});
    auto& linked = s.add<LinuxWebApp>("linked", {.plan = plan});
    auto& open = s.add<LinuxWebApp>("open", {.plan = plan});
    auto& fd = s.add<FrontDoorProfile>("fd");
    fd.firewall_policy();
    auto& group = fd.origin_group("g");
    group.origin("a", locked);
    group.origin("b", linked, {.private_link = FrontDoorPrivateLink{}});
    group.origin("c", open, {.lock_app = Control::waived("test")});
    fd.endpoint("e").route("r", {.origin_group = group});
    auto& second = s.add<FrontDoorProfile>("fd2");
    second.firewall_policy({.name = "wafsecond"});
    auto& second_group = second.origin_group("g");
    second_group.origin("a", locked, {.private_link = FrontDoorPrivateLink{}});
    second.endpoint("e2").route("r", {.origin_group = second_group});
    testing::suppress_rules(s, "AZ-");
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  const auto& stack = *app.stacks().front();
  const FrontDoorProfile* profile = nullptr;
  const Site* locked = nullptr;
  const Site* linked = nullptr;
  const Site* open = nullptr;
  for (const Resource* r : stack.resources()) {
    if (r->kind().abbreviation == std::string_view("afd") && profile == nullptr) {
      profile = static_cast<const FrontDoorProfile*>(r);
    }
    if (const auto* site = dynamic_cast<const Site*>(r)) {
      if (site->construct_id() == "locked") locked = site;
      if (site->construct_id() == "linked") linked = site;
      if (site->construct_id() == "open") open = site;
    }
  }
  REQUIRE(profile != nullptr);
  REQUIRE(locked != nullptr);
  REQUIRE(linked != nullptr);
  REQUIRE(open != nullptr);
  CHECK(front_door_access(*locked).profile == profile);
  CHECK(front_door_access(*locked).needs_public_endpoint);
  REQUIRE(front_door_access(*locked).profiles.size() == 2);
  CHECK(front_door_access(*locked).profiles[0] == profile);
  CHECK(front_door_access(*locked).profiles[1]->construct_id() == "fd2");
  CHECK(front_door_access(*linked).profiles.size() == 1);
  CHECK(front_door_access(*linked).profile == profile);
  CHECK_FALSE(front_door_access(*linked).needs_public_endpoint);
  CHECK(front_door_access(*open).profile == nullptr);
}

}  // namespace
}  // namespace iac::azure
