/// Front Door rules: a WAF in Prevention mode on every endpoint and custom domain, the managed
/// rule sets on Premium (Premium in prod), HTTPS only at the edge, and apps that accept traffic
/// from their Front Door only.

#include <string>

#include "dsl/azure/front_door.h"
#include "dsl/policy/rules/families.h"

namespace iac::policy::rules {

using azure::FrontDoorCustomDomain;
using azure::FrontDoorEndpoint;
using azure::FrontDoorFirewallPolicy;
using azure::FrontDoorOrigin;
using azure::FrontDoorProfile;
using azure::FrontDoorRoute;
using azure::FrontDoorSku;

namespace {

Problem unprotected(const FrontDoorProfile& profile) {
  if (profile.security_policy() != nullptr) return {};
  return "profile " + profile.path() + " has no WAF policy bound";
}

}  // namespace

std::vector<Rule> front_door() {
  return {
      for_kind<FrontDoorFirewallPolicy>(
          {.id = "AZ-AFD-001",
           .title = "Front Door WAF policies are enabled",
           .rationale = "A disabled policy inspects nothing: the endpoints are unprotected "
                        "while looking protected.",
           .fix = "remove the waiver of `enabled`",
           .levels = Levels::everywhere(Level::error),
           .checkov = {"CKV_AZURE_123"},
           .psrule = {"Azure.FrontDoorWAF.Enabled", "Azure.FrontDoor.WAF.Enabled"},
           .benchmark = "NS-6"},
          [](const FrontDoorFirewallPolicy& waf, const Environment&) -> Problem {
            if (waf.props().enabled.is_enforced()) return {};
            return "the WAF policy is disabled: " + waf.props().enabled.reason();
          }),
      for_kind<FrontDoorFirewallPolicy>(
          {.id = "AZ-AFD-002",
           .title = "Front Door WAF policies block in Prevention mode",
           .rationale = "Detection mode only logs what the rules match; attacks reach the app. "
                        "It is for tuning rules in dev.",
           .fix = "remove the waiver of `prevention_mode`",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {"Azure.FrontDoorWAF.PreventionMode", "Azure.FrontDoor.WAF.Mode"},
           .benchmark = "NS-6"},
          [](const FrontDoorFirewallPolicy& waf, const Environment&) -> Problem {
            if (waf.props().prevention_mode.is_enforced()) return {};
            return "the WAF runs in Detection mode: " + waf.props().prevention_mode.reason();
          }),
      for_kind<FrontDoorFirewallPolicy>(
          {.id = "AZ-AFD-003",
           .title = "Front Door WAF policies inspect request bodies",
           .rationale = "Without body inspection, injection in a POST or JSON body passes the "
                        "WAF unseen.",
           .fix = "remove the waiver of `request_body_check`",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {},
           .benchmark = "NS-6"},
          [](const FrontDoorFirewallPolicy& waf, const Environment&) -> Problem {
            if (waf.props().request_body_check.is_enforced()) return {};
            return "request bodies are not inspected: " + waf.props().request_body_check.reason();
          }),
      for_kind<FrontDoorFirewallPolicy>(
          {.id = "AZ-AFD-004",
           .title = "Premium WAF policies run the Default Rule Set and Bot Manager",
           .rationale = "The managed rule sets are what protects against the OWASP Top 10 and "
                        "bad bots; custom rules alone do not.",
           .fix = "remove the waiver of `managed_rules` (Premium runs DRS 2.1 and Bot Manager "
                  "1.1)",
           .levels = Levels::everywhere(Level::error),
           .checkov = {"CKV_AZURE_133"},
           .psrule = {"Azure.FrontDoorWAF.RuleGroups"},
           .benchmark = "NS-6"},
          [](const FrontDoorFirewallPolicy& waf, const Environment&) -> Problem {
            if (waf.sku() != FrontDoorSku::premium || waf.props().managed_rules.is_enforced()) {
              return {};
            }
            return "the managed rule sets are off: " + waf.props().managed_rules.reason();
          }),
      for_kind<FrontDoorProfile>(
          {.id = "AZ-AFD-005",
           .title = "Prod Front Door profiles are Premium",
           .rationale = "Only Premium runs the managed WAF rule sets and reaches apps over "
                        "Private Link, so production apps need no public endpoint.",
           .fix = "set `.sku = FrontDoorSku::premium` in prod",
           .levels = {.dev = Level::off, .staging = Level::off, .prod = Level::error},
           .checkov = {},
           .psrule = {"Azure.FrontDoorWAF.RuleGroups"},
           .benchmark = "NS-6"},
          [](const FrontDoorProfile& profile, const Environment&) -> Problem {
            if (profile.props().sku == FrontDoorSku::premium) return {};
            return std::string("the profile is Standard: custom WAF rules only, no Private Link");
          }),
      for_kind<FrontDoorRoute>(
          {.id = "AZ-AFD-006",
           .title = "Front Door routes redirect HTTP to HTTPS",
           .rationale = "A route serving plain HTTP exposes requests, cookies and tokens on the "
                        "wire between the client and Front Door.",
           .fix = "remove the waiver of `https_only`",
           .levels = Levels::everywhere(Level::error),
           .checkov = {},
           .psrule = {},
           .benchmark = "DP-3"},
          [](const FrontDoorRoute& route, const Environment&) -> Problem {
            if (route.props().https_only.is_enforced()) return {};
            return "the route serves HTTP: " + route.props().https_only.reason();
          }),
      {.info = {.id = "AZ-AFD-007",
                .title = "Every Front Door endpoint and custom domain is behind a WAF",
                .rationale = "Without a security policy binding a WAF, requests reach the "
                             "origins uninspected.",
                .fix = "call `profile.firewall_policy({...})`, which binds the WAF to every "
                       "endpoint and custom domain of the profile",
                .levels = Levels::everywhere(Level::error),
                .checkov = {"CKV_AZURE_121"},
                .psrule = {"Azure.FrontDoor.UseWAF"},
                .benchmark = "NS-6"},
       .kinds = {&FrontDoorEndpoint::kKind, &FrontDoorCustomDomain::kKind},
       .check = [](const Resource& resource, const Environment&) -> Problem {
         if (&resource.kind() == &FrontDoorEndpoint::kKind) {
           return unprotected(static_cast<const FrontDoorEndpoint&>(resource).profile());
         }
         return unprotected(static_cast<const FrontDoorCustomDomain&>(resource).profile());
       }},
      for_kind<FrontDoorOrigin>(
          {.id = "AZ-AFD-008",
           .title = "Apps behind Front Door accept traffic from their Front Door only",
           .rationale = "An app reachable around Front Door is reachable around its WAF; the "
                        "AzureFrontDoor.Backend service tag alone admits every customer's Front "
                        "Door, so the X-Azure-FDID header must match too.",
           .fix = "remove the waiver of `lock_app` on the origin",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {},
           .benchmark = "NS-2"},
          [](const FrontDoorOrigin& origin, const Environment&) -> Problem {
            if (origin.props().app == nullptr || origin.props().lock_app.is_enforced()) return {};
            return "the app is not locked to Front Door: " + origin.props().lock_app.reason();
          }),
  };
}

}  // namespace iac::policy::rules
