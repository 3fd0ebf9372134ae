/// Policy tests the HSO data team keeps next to its stack: the verdict per environment, the
/// Streamlit front end's settings, keyless Computer Vision and private staging and prod.

#include <doctest/doctest.h>

#include <string>

#include <iacgen/azure.h>
#include <iacgen/testing.h>

#include "stacks/docextract/docextract.h"

namespace {

using namespace iac;
using namespace iac::azure;
using iac::testing::Synthesized;

TEST_CASE("docextract: no environment has an active error finding") {
  auto app = stacks::docextract();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    CHECK_FALSE(has_errors(synthesized.diagnostics()));
    CHECK(synthesized.findings(Severity::error).empty());
  }
}

TEST_CASE("docextract: the Streamlit front end runs on its port, HTTPS only, without usage stats") {
  auto app = stacks::docextract();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    const auto& tf = synthesized.terraform();
    auto setting = [&](const std::string& name) {
      return tf.attribute("azurerm_linux_web_app", "web", "app_settings." + name);
    };
    CHECK(setting("WEBSITES_PORT") == "8000");
    CHECK(setting("APP_PORT") == "8000");
    CHECK(setting("STREAMLIT_BROWSER_GATHER_USAGE_STATS") == "false");
    CHECK(setting("USE_MOCK_AZURE") == "false");
    CHECK(tf.has_resource("azurerm_linux_web_app", {{"https_only", "true"}}));
    CHECK(tf.attribute("azurerm_linux_web_app", "web", "site_config.health_check_path") ==
          "/_stcore/health");
    CHECK(tf.attribute("azurerm_linux_web_app", "web", "site_config.app_command_line")
              .value_or("")
              .find("--server.port 8000") != std::string::npos);
    CHECK(synthesized.bicep().has_resource("Microsoft.Web/sites",
                                           {{"properties.httpsOnly", "true"}}));
    // The function key comes from Key Vault, never a literal.
    CHECK(setting("AZURE_FUNCTION_KEY").value_or("").find("@Microsoft.KeyVault(") !=
          std::string::npos);
  }
  auto prod = Synthesized::of(app, "prod");
  CHECK(prod.terraform().attribute("azurerm_linux_web_app", "web", "app_settings.DEBUG") ==
        "false");
  CHECK(prod.terraform().attribute("azurerm_linux_web_app", "web", "app_settings.LOG_LEVEL") ==
        "INFO");
}

TEST_CASE("docextract: Computer Vision is keyless and called with the extractor's identity") {
  auto app = stacks::docextract();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    CHECK(synthesized.terraform().has_resource("azurerm_cognitive_account",
                                               {{"kind", "ComputerVision"},
                                                {"local_auth_enabled", "false"},
                                                {"public_network_access_enabled", "false"}}));
    CHECK(synthesized.has<RoleAssignment>([](const RoleAssignment& grant) {
      return grant.props().role == BuiltinRole::cognitive_services_user;
    }));
    // The extraction is an HTTP function behind a function key.
    const std::string& function_json =
        synthesized.files().at("functions/func/extract/function.json");
    CHECK(function_json.find("\"authLevel\": \"function\"") != std::string::npos);
    // Alerts go to the operations action group.
    CHECK(synthesized.resources<ActionGroup>().size() == 1);
    CHECK(synthesized.resources<MetricAlert>().size() == 1);
    CHECK(synthesized.resources<ScheduledQueryAlert>().size() == 1);
  }
}

TEST_CASE("docextract: staging and prod are private, dev is cheap") {
  auto app = stacks::docextract();
  for (std::string env : {"staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    CHECK(PrivateNetwork::of(synthesized.stack()) != nullptr);
    CHECK_FALSE(synthesized.fires("AZ-NET-003"));
    CHECK_FALSE(synthesized.fires("AZ-NET-004"));
    // Computer Vision, Key Vault, both storage accounts and both apps have endpoints.
    CHECK(synthesized.has<PrivateEndpoint>(
        [](const PrivateEndpoint& endpoint) { return endpoint.props().subresource == "account"; }));
    CHECK(synthesized.has<PrivateEndpoint>(
        [](const PrivateEndpoint& endpoint) { return endpoint.props().subresource == "sites"; }));
  }
  auto dev = Synthesized::of(app, "dev");
  CHECK(PrivateNetwork::of(dev.stack()) == nullptr);
  CHECK(dev.terraform().has_resource("azurerm_service_plan", {{"sku_name", "Y1"}}));
  CHECK(dev.terraform().has_resource("azurerm_service_plan", {{"sku_name", "B1"}}));
  auto prod = Synthesized::of(app, "prod");
  CHECK(prod.terraform().has_resource("azurerm_storage_account",
                                      {{"account_replication_type", "GZRS"}}));
}

}  // namespace
