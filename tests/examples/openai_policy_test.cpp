/// Policy tests the AI platform team keeps next to its stack: the verdict per environment,
/// keyless access to the models, data residency and the hardening report's settings.

#include <doctest/doctest.h>

#include <string>

#include <iacgen/azure.h>
#include <iacgen/testing.h>

#include "stacks/openai/openai.h"
#include "tests/examples/reachability.h"

namespace {

using namespace iac;
using namespace iac::azure;
using iac::testing::Synthesized;

TEST_CASE("openai: no environment has an active error finding") {
  auto app = stacks::openai();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    CHECK_FALSE(has_errors(synthesized.diagnostics()));
    CHECK(synthesized.findings(Severity::error).empty());
  }
}

TEST_CASE("openai: the models are called with Entra ID only, from Australia East") {
  auto app = stacks::openai();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    CHECK(synthesized.stack().env().location == "australiaeast");
    const auto& tf = synthesized.terraform();
    CHECK(tf.has_resource("azurerm_cognitive_account",
                          {{"kind", "OpenAI"},
                           {"location", "australiaeast"},
                           {"local_auth_enabled", "false"},
                           {"public_network_access_enabled", "false"},
                           {"outbound_network_access_restricted", "true"}}));
    CHECK(synthesized.bicep().has_resource("Microsoft.CognitiveServices/accounts",
                                           {{"properties.disableLocalAuth", "true"}}));
    // Regional deployments only: prompts are processed where the account is.
    CHECK(synthesized.resources<CognitiveDeployment>().size() == 2);
    CHECK_FALSE(synthesized.has<CognitiveDeployment>(
        [](const CognitiveDeployment& d) { return !regional(d.props().sku); }));
    CHECK_FALSE(synthesized.fires("AZ-COG-005"));
    // The API calls the models and reads its secrets with its own identity.
    CHECK(synthesized.has<RoleAssignment>([](const RoleAssignment& grant) {
      return grant.props().role == BuiltinRole::cognitive_services_openai_user;
    }));
    CHECK(synthesized.has<RoleAssignment>([](const RoleAssignment& grant) {
      return grant.props().role == BuiltinRole::key_vault_secrets_user;
    }));
    // No key anywhere: nothing reads the account's access keys.
    const std::string& main_tf = synthesized.files().at("terraform/main.tf");
    CHECK(main_tf.find("primary_access_key") == std::string::npos);
  }
}

TEST_CASE("openai: retries, logging and audit retention follow the hardening report") {
  auto app = stacks::openai();
  auto prod = Synthesized::of(app, "prod");
  const auto& tf = prod.terraform();
  auto setting = [&](const std::string& name) {
    return tf.attribute("azurerm_linux_web_app", "api", "app_settings." + name);
  };
  CHECK(setting("OPENAI_RETRY_MAX_RETRIES") == "3");
  CHECK(setting("OPENAI_RETRY_BACKOFF_MULTIPLIER") == "2");
  CHECK(setting("OPENAI_RETRY_MAX_BACKOFF_MS") == "30000");
  CHECK(setting("OPENAI_RETRY_STATUS_CODES") == "429,500,502,503,504");
  CHECK(setting("LOG_LEVEL") == "info");
  CHECK(setting("AZURE_OPENAI_CHAT_DEPLOYMENT") == "chat");
  CHECK(setting("AZURE_OPENAI_ENDPOINT") == "azurerm_cognitive_account.oai.endpoint");
  CHECK(tf.has_resource("azurerm_log_analytics_workspace", {{"retention_in_days", "90"}}));
  auto dev = Synthesized::of(app, "dev");
  CHECK(dev.terraform().attribute("azurerm_linux_web_app", "api", "app_settings.LOG_LEVEL") ==
        "debug");
  CHECK(dev.terraform().has_resource("azurerm_log_analytics_workspace",
                                     {{"retention_in_days", "90"}}));
}

TEST_CASE("openai: every environment reaches the models, the vault and the API privately only") {
  auto app = stacks::openai();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    CHECK(PrivateNetwork::of(synthesized.stack()) != nullptr);
    CHECK_FALSE(synthesized.fires("AZ-NET-003"));
    CHECK_FALSE(synthesized.fires("AZ-NET-004"));
    for (const char* subresource : {"account", "vault", "sites"}) {
      CAPTURE(subresource);
      CHECK(synthesized.has<PrivateEndpoint>([subresource](const PrivateEndpoint& endpoint) {
        return endpoint.props().subresource == subresource;
      }));
    }
    // The account's audit, request and trace logs go to the 90-day workspace.
    CHECK(synthesized.terraform().has_resource(
        "azurerm_monitor_diagnostic_setting",
        {{"name", "diag-log-analytics"},
         {"target_resource_id", "azurerm_cognitive_account.oai.id"}}));
  }
}

TEST_CASE("openai: every environment's API reaches its data, and its runner the API") {
  auto app = stacks::openai();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    for (const auto& problem : testing::examples::unreachable_paths(synthesized)) {
      FAIL_CHECK(problem);
    }
    // Nothing is opened to get there.
    CHECK_FALSE(synthesized.fires("AZ-COG-002"));
    CHECK_FALSE(synthesized.fires("AZ-KV-004"));
    CHECK(synthesized.terraform().attribute("azurerm_linux_web_app", "api",
                                            "virtual_network_subnet_id") ==
          "azurerm_subnet.vnet_apps.id");
  }
  // Dev is the smallest private network: three endpoints on a B1 plan.
  auto dev = Synthesized::of(app, "dev");
  CHECK(dev.resources<PrivateEndpoint>().size() == 3);
  CHECK(dev.terraform().has_resource("azurerm_service_plan", {{"sku_name", "B1"}}));
  CHECK(dev.files().at("terraform/main.tf").find("\"10.42.0.0/16\"") != std::string::npos);
}

}  // namespace
