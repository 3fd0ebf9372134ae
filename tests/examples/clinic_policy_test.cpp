/// Policy tests the clinic booking team keeps next to its stack: the verdict per environment,
/// how the payment provider's key travels, and the production capacity the SLA relies on.

#include <doctest/doctest.h>

#include <string>

#include <iacgen/azure.h>
#include <iacgen/testing.h>

#include "stacks/clinic/clinic.h"

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

}  // namespace
