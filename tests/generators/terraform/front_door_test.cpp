#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/app_service_plan.h"
#include "dsl/azure/front_door.h"
#include "dsl/azure/web_app.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::gen::terraform {
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

TEST_CASE("a Premium Front Door writes the WAF with managed rules and a Private Link origin") {
  auto app = edge_app(true);
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  CHECK(tf.find(R"(resource "azurerm_cdn_frontdoor_profile" "fd" {
  name                     = "afd-app-dev-fd"
  resource_group_name      = azurerm_resource_group.rg.name
  sku_name                 = "Premium_AzureFrontDoor"
  response_timeout_seconds = 60
)") != std::string::npos);
  CHECK(tf.find(R"(  sku_name                   = "Premium_AzureFrontDoor"
  enabled                    = true
  mode                       = "Prevention"
  request_body_check_enabled = true
)") != std::string::npos);
  CHECK(tf.find(R"(  managed_rule {
    type    = "Microsoft_DefaultRuleSet"
    version = "2.1"
    action  = "Block"
  }

  managed_rule {
    type    = "Microsoft_BotManagerRuleSet"
    version = "1.1"
    action  = "Block"
  }
)") != std::string::npos);
  CHECK(tf.find(R"(    match_condition {
      match_variable     = "RemoteAddr"
      operator           = "GeoMatch"
      negation_condition = true
      match_values       = ["US", "CA"]
    }
)") != std::string::npos);
  CHECK(tf.find(R"(  host_name                      = azurerm_linux_web_app.web.default_hostname
  origin_host_header             = azurerm_linux_web_app.web.default_hostname
  http_port                      = 80
  https_port                     = 443
  certificate_name_check_enabled = true
)") != std::string::npos);
  CHECK(tf.find(R"(  private_link {
    request_message        = "web"
    target_type            = "sites"
    location               = "eastus"
    private_link_target_id = azurerm_linux_web_app.web.id
  }
)") != std::string::npos);
  CHECK(tf.find(R"(  host_name                = "www.example.com"

  tls {
    certificate_type    = "ManagedCertificate"
    minimum_tls_version = "TLS12"
  }
)") != std::string::npos);
  CHECK(tf.find(R"(  cdn_frontdoor_origin_ids        = [azurerm_cdn_frontdoor_origin.fd_web_app.id]
  cdn_frontdoor_custom_domain_ids = [azurerm_cdn_frontdoor_custom_domain.fd_site.id]
  enabled                         = true
  supported_protocols             = ["Http", "Https"]
  https_redirect_enabled          = true
  forwarding_protocol             = "HttpsOnly"
)") != std::string::npos);
  CHECK(tf.find(R"(  cache {
    query_string_caching_behavior = "IgnoreQueryString"
    compression_enabled           = true
)") != std::string::npos);
  // The WAF covers the endpoint and the custom domain.
  CHECK(tf.find(R"(        domain {
          cdn_frontdoor_domain_id = azurerm_cdn_frontdoor_endpoint.fd_www.id
        }

        domain {
          cdn_frontdoor_domain_id = azurerm_cdn_frontdoor_custom_domain.fd_site.id
        }
)") != std::string::npos);
  // Private Link: the app keeps no public endpoint, and still admits only this Front Door.
  CHECK(tf.find("  public_network_access_enabled                  = false\n") != std::string::npos);
  CHECK(tf.find("x_azure_fdid      = [azurerm_cdn_frontdoor_profile.fd.resource_guid]") !=
        std::string::npos);
}

TEST_CASE("an app behind Front Door Standard is public, locked to the profile, SCM closed") {
  auto app = edge_app(false);
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  CHECK(tf.find("  public_network_access_enabled                  = true\n") != std::string::npos);
  CHECK(tf.find(R"(    ip_restriction_default_action     = "Deny"
    scm_ip_restriction_default_action = "Deny"
    scm_use_main_ip_restriction       = false
)") != std::string::npos);
  CHECK(tf.find(R"(    ip_restriction {
      name        = "front-door"
      service_tag = "AzureFrontDoor.Backend"
      priority    = 90
      action      = "Allow"

      headers {
        x_azure_fdid      = [azurerm_cdn_frontdoor_profile.fd.resource_guid]
        x_fd_health_probe = []
        x_forwarded_for   = []
        x_forwarded_host  = []
      }
    }
)") != std::string::npos);
  CHECK(tf.find("scm_ip_restriction {") == std::string::npos);
  CHECK(tf.find("managed_rule {") == std::string::npos);
  CHECK(tf.find("private_link {") == std::string::npos);
}

TEST_CASE("weakened Front Door settings are written as stated") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& fd = s.add<FrontDoorProfile>("fd");
    fd.firewall_policy({.enabled = Control::waived("test"),
                        .prevention_mode = Control::waived("tuning"),
                        .request_body_check = Control::waived("large uploads"),
                        .managed_rules = Control::waived("test")});
    auto& group = fd.origin_group("g");
    group.origin("o", {.host = "origin.example.com"});
    fd.endpoint("e").route("r", {.origin_group = group, .https_only = Control::waived("test")});
    testing::suppress_rules(s, "AZ-AFD-");
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  CHECK(tf.find(R"(  enabled                    = false
  mode                       = "Detection"
  request_body_check_enabled = false
)") != std::string::npos);
  CHECK(tf.find("  https_redirect_enabled        = false\n") != std::string::npos);
  CHECK(tf.find("  host_name                      = \"origin.example.com\"\n") !=
        std::string::npos);
}

}  // namespace
}  // namespace iac::gen::terraform
