#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/app_service_plan.h"
#include "dsl/azure/front_door.h"
#include "dsl/azure/web_app.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::gen::bicep {
namespace {

using namespace iac::azure;

/// A web app behind Front Door: Premium with Private Link, or Standard over the public endpoint.
App edge_app(bool premium) {
  return testing::make_app([premium](Stack& s, const Environment&) {
    auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::P1v3, .worker_count = 2});
    auto& web = s.add<LinuxWebApp>("web", {.plan = plan});
    auto& fd = s.add<FrontDoorProfile>(
        "fd", {.sku = premium ? FrontDoorSku::premium : FrontDoorSku::standard});
    fd.firewall_policy(
        {.managed_rules = premium ? Control::enforced() : Control::waived("Standard SKU"),
         .custom_rules = {WafCustomRule::rate_limit("ratelimit", 10, 300, 1),
                          WafCustomRule::allow_only_countries("geo", 20, {"US", "CA"})}});
    auto& group = fd.origin_group("web", {.health_probe = {.path = "/healthz"}});
    group.origin("app", web,
                 {.private_link = premium ? std::optional<FrontDoorPrivateLink>(
                                                FrontDoorPrivateLink{.request_message = "web"})
                                          : std::nullopt});
    auto& domain = fd.custom_domain("site", {.host_name = "www.example.com"});
    fd.endpoint("www").route(
        "all", {.origin_group = group,
                .custom_domains = {&domain},
                .cache = FrontDoorRouteCache{.query_strings = QueryStringCaching::ignore}});
  });
}

TEST_CASE("a Premium Front Door renders the WAF with managed rules and a Private Link origin") {
  auto app = edge_app(true);
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& bicep = result.file("app/dev/bicep/resources.bicep");
  CHECK(bicep.find(R"(resource fd 'Microsoft.Cdn/profiles@2025-04-15' = {
  name: 'afd-app-dev-fd'
  location: 'global'
)") != std::string::npos);
  CHECK(bicep.find(R"(  sku: {
    name: 'Premium_AzureFrontDoor'
  }
  properties: {
    policySettings: {
      enabledState: 'Enabled'
      mode: 'Prevention'
      requestBodyCheck: 'Enabled'
    }
)") != std::string::npos);
  CHECK(bicep.find(R"(      managedRuleSets: [
        {
          ruleSetType: 'Microsoft_DefaultRuleSet'
          ruleSetVersion: '2.1'
          ruleSetAction: 'Block'
        }
        {
          ruleSetType: 'Microsoft_BotManagerRuleSet'
          ruleSetVersion: '1.1'
          ruleSetAction: 'Block'
        }
      ]
)") != std::string::npos);
  CHECK(bicep.find(R"(    enforceCertificateNameCheck: true
    sharedPrivateLinkResource: {
      privateLink: {
        id: web.id
      }
      groupId: 'sites'
      privateLinkLocation: 'eastus'
      requestMessage: 'web'
    }
)") != std::string::npos);
  CHECK(bicep.find(R"(    tlsSettings: {
      certificateType: 'ManagedCertificate'
      minimumTlsVersion: 'TLS12'
    }
)") != std::string::npos);
  CHECK(bicep.find(R"(    forwardingProtocol: 'HttpsOnly'
    linkToDefaultDomain: 'Enabled'
    httpsRedirect: 'Enabled'
    enabledState: 'Enabled'
  }
  dependsOn: [
    fdWebApp
  ]
)") != std::string::npos);
  CHECK(bicep.find(R"(      associations: [
        {
          domains: [
            {
              id: fdWww.id
            }
            {
              id: fdSite.id
            }
          ]
          patternsToMatch: [
            '/*'
          ]
        }
      ]
)") != std::string::npos);
  CHECK(bicep.find("    publicNetworkAccess: 'Disabled'\n") != std::string::npos);
}

TEST_CASE("an app behind Front Door Standard admits the profile's X-Azure-FDID only") {
  auto app = edge_app(false);
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& bicep = result.file("app/dev/bicep/resources.bicep");
  CHECK(bicep.find("    publicNetworkAccess: 'Enabled'\n") != std::string::npos);
  CHECK(bicep.find(R"(      ipSecurityRestrictions: [
        {
          name: 'front-door'
          tag: 'ServiceTag'
          ipAddress: 'AzureFrontDoor.Backend'
          priority: 90
          action: 'Allow'
          headers: {
            'x-azure-fdid': [
              fd.properties.frontDoorId
            ]
          }
        }
      ]
      ipSecurityRestrictionsDefaultAction: 'Deny'
      scmIpSecurityRestrictionsUseMain: false
      scmIpSecurityRestrictions: []
      scmIpSecurityRestrictionsDefaultAction: 'Deny'
)") != std::string::npos);
  CHECK(bicep.find("managedRuleSets: []") != std::string::npos);
  CHECK(bicep.find("sharedPrivateLinkResource") == std::string::npos);
}

}  // namespace
}  // namespace iac::gen::bicep
