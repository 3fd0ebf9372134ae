/// Policy tests the clinic booking team keeps next to its stack: the verdict per environment,
/// how the payment provider's key travels, and the production capacity the SLA relies on.

#include <doctest/doctest.h>

#include <string>

#include <iacgen/azure.h>
#include <iacgen/testing.h>

#include "stacks/clinic/clinic.h"
#include "tests/examples/reachability.h"

namespace {

using namespace iac;
using namespace iac::azure;
using iac::testing::Synthesized;

TEST_CASE("clinic: no environment has an active error finding") {
  auto app = stacks::clinic();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    CHECK_FALSE(has_errors(synthesized.diagnostics()));
    CHECK(synthesized.findings(Severity::error).empty());
  }
}

TEST_CASE("clinic: the payments key is a secure parameter and a Key Vault reference only") {
  auto app = stacks::clinic();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    const auto& tf = synthesized.terraform();
    CHECK(tf.has_resource("azurerm_key_vault_secret", {{"name", "payments-api-key"},
                                                       {"value", "var.payments_api_key"},
                                                       {"content_type", "text/plain"}}));
    auto setting =
        tf.attribute("azurerm_linux_web_app", "api", "app_settings.StripeSettings__SecretKey");
    REQUIRE(setting);
    CHECK(setting->starts_with("@Microsoft.KeyVault(SecretUri="));
    // The value reaches Terraform and Bicep from the pipeline only: the variable has no
    // default and the parameter file reads it from the environment.
    const std::string& variables = synthesized.files().at("terraform/variables.tf");
    auto begin = variables.find("variable \"payments_api_key\" {");
    REQUIRE(begin != std::string::npos);
    const std::string variable = variables.substr(begin, variables.find("\n}\n", begin) - begin);
    CHECK(variable.find("sensitive   = true") != std::string::npos);
    CHECK(variable.find("default") == std::string::npos);
    const std::string& params = synthesized.files().at("bicep/main.bicepparam");
    CHECK(params.find("param payments_api_key = readEnvironmentVariable(") != std::string::npos);
  }
}

TEST_CASE("clinic: prod runs three zone-balanced Premium v3 workers") {
  auto app = stacks::clinic();
  auto prod = Synthesized::of(app, "prod");
  CHECK(prod.has<AppServicePlan>([](const AppServicePlan& plan) {
    return plan.props().sku == PlanSku::P1v3 && plan.props().worker_count == 3 &&
           plan.props().zone_balancing;
  }));
  CHECK(prod.terraform().has_resource(
      "azurerm_service_plan",
      {{"sku_name", "P1v3"}, {"worker_count", "3"}, {"zone_balancing_enabled", "true"}}));
  CHECK(prod.bicep().has_resource("Microsoft.Web/serverfarms",
                                  {{"sku.capacity", "3"}, {"properties.zoneRedundant", "true"}}));
}

TEST_CASE("clinic: the API is behind Front Door with a WAF and admits only that Front Door") {
  auto app = stacks::clinic();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    const bool premium = env != "dev";
    CHECK(synthesized.has<FrontDoorProfile>([&](const FrontDoorProfile& profile) {
      return profile.security_policy() != nullptr &&
             (profile.props().sku == FrontDoorSku::premium) == premium;
    }));
    const auto& tf = synthesized.terraform();
    CHECK(tf.has_resource("azurerm_cdn_frontdoor_firewall_policy",
                          {{"enabled", "true"},
                           {"mode", "Prevention"},
                           {"request_body_check_enabled", "true"},
                           {"custom_rule.type", "RateLimitRule"}}));
    CHECK(tf.has_resource("azurerm_cdn_frontdoor_route", {{"https_redirect_enabled", "true"},
                                                          {"forwarding_protocol", "HttpsOnly"}}));
    CHECK(tf.attribute("azurerm_linux_web_app", "api",
                       "site_config.ip_restriction_default_action") == "Deny");
    CHECK(synthesized.bicep().has_resource(
        "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies",
        {{"properties.policySettings.enabledState", "Enabled"},
         {"properties.policySettings.mode", "Prevention"}}));
    // Staging and prod reach the app over Private Link: it keeps no public endpoint.
    CHECK(tf.attribute("azurerm_linux_web_app", "api", "public_network_access_enabled") ==
          (premium ? "false" : "true"));
    CHECK(tf.count("azurerm_cdn_frontdoor_origin") == 1);
    const std::string& main_tf = synthesized.files().at("terraform/main.tf");
    CHECK(main_tf.find("x_azure_fdid      = [azurerm_cdn_frontdoor_profile.edge.resource_guid]") !=
          std::string::npos);
    CHECK((main_tf.find("Microsoft_DefaultRuleSet") != std::string::npos) == premium);
    CHECK((main_tf.find("private_link {") != std::string::npos) == premium);
  }
}

TEST_CASE("clinic: every environment's API reaches the database, media, cache and vault") {
  auto app = stacks::clinic();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    for (const auto& problem : testing::examples::unreachable_paths(synthesized)) {
      FAIL_CHECK(problem);
    }
    CHECK(PrivateNetwork::of(synthesized.stack()) != nullptr);
    for (const char* subresource : {"postgresqlServer", "blob", "vault"}) {
      CAPTURE(subresource);
      CHECK(synthesized.has<PrivateEndpoint>([subresource](const PrivateEndpoint& endpoint) {
        return endpoint.props().subresource == subresource;
      }));
    }
    // The endpoints subnet applies its NSG to endpoint traffic: PostgreSQL's port is allowed.
    CHECK(synthesized.has<NetworkSecurityGroup>([](const NetworkSecurityGroup& nsg) {
      for (const auto& rule : nsg.props().rules) {
        if (rule.name == "allow-api-postgres" && rule.destination_ports == "5432") return true;
      }
      return false;
    }));
    for (std::string rule : {"AZ-NET-004", "AZ-PG-003", "AZ-KV-004", "AZ-ST-005"}) {
      CAPTURE(rule);
      CHECK_FALSE(synthesized.fires(rule));
    }
  }
  // Dev: the Basic cache has its endpoint (TLS on 6380); the API keeps its allow-listed public
  // endpoint for Front Door Standard, as a recorded exemption rather than a finding.
  auto dev = Synthesized::of(app, "dev");
  CHECK(dev.has<PrivateEndpoint>([](const PrivateEndpoint& endpoint) {
    return endpoint.props().subresource == "redisCache";
  }));
  CHECK_FALSE(dev.has<PrivateEndpoint>(
      [](const PrivateEndpoint& endpoint) { return endpoint.props().subresource == "sites"; }));
  CHECK(dev.resources<PrivateEndpoint>().size() == 4);
  CHECK_FALSE(dev.fires("AZ-NET-003"));
  CHECK(dev.files().at("terraform/main.tf").find("destination_port_range     = \"6380\"") !=
        std::string::npos);
  CHECK(dev.terraform().attribute("azurerm_linux_web_app", "api", "virtual_network_subnet_id") ==
        "azurerm_subnet.vnet_apps.id");
}

}  // namespace
