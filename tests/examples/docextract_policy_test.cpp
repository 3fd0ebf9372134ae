/// Policy tests the HSO data team keeps next to its stack: the verdict per environment, the
/// Streamlit front end's settings, keyless Computer Vision and private staging and prod.

#include <doctest/doctest.h>

#include <string>

#include <iacgen/azure.h>
#include <iacgen/testing.h>

#include "stacks/docextract/docextract.h"
#include "tests/examples/reachability.h"

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

TEST_CASE("docextract: every environment is private, dev at the least cost") {
  auto app = stacks::docextract();
  for (std::string env : {"dev", "staging", "prod"}) {
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
  // Dev: one B1 plan runs both apps (no Y1: it cannot join a VNet), the host storage is Entra
  // ID only and needs no file endpoint, and the front end keeps its VPN allow list.
  auto dev = Synthesized::of(app, "dev");
  CHECK(dev.terraform().count("azurerm_service_plan") == 1);
  CHECK(dev.terraform().has_resource("azurerm_service_plan", {{"sku_name", "B1"}}));
  CHECK(dev.terraform().has_resource("azurerm_linux_function_app",
                                     {{"service_plan_id", "azurerm_service_plan.web_plan.id"},
                                      {"storage_uses_managed_identity", "true"},
                                      {"site_config.always_on", "true"}}));
  CHECK_FALSE(dev.has<StorageAccount>(
      [](const StorageAccount& st) { return !st.props().entra_only_auth.is_enforced(); }));
  CHECK_FALSE(dev.has<PrivateEndpoint>(
      [](const PrivateEndpoint& endpoint) { return endpoint.props().subresource == "file"; }));
  CHECK(dev.resources<PrivateEndpoint>().size() == 7);
  CHECK_FALSE(dev.fires("AZ-ST-003"));
  CHECK_FALSE(dev.fires("AZ-ST-004"));
  auto prod = Synthesized::of(app, "prod");
  CHECK(prod.terraform().has_resource("azurerm_storage_account",
                                      {{"account_replication_type", "GZRS"}}));
}

TEST_CASE("docextract: every environment's apps reach the documents, the models and the vault") {
  auto app = stacks::docextract();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    for (const auto& problem : testing::examples::unreachable_paths(synthesized)) {
      FAIL_CHECK(problem);
    }
    // Nothing the apps read is opened to get there.
    for (std::string rule : {"AZ-COG-002", "AZ-COG-003", "AZ-KV-004", "AZ-ST-005", "AZ-NET-004"}) {
      CAPTURE(rule);
      CHECK_FALSE(synthesized.fires(rule));
    }
  }
}

}  // namespace
