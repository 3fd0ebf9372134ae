#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac {
namespace {

using namespace iac::azure;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

App compute_app() {
  return testing::make_app([](Stack& s, const Environment&) {
    auto& logs = s.add<LogAnalyticsWorkspace>("logs");
    auto& ai = s.add<ApplicationInsights>("ai", {.workspace = logs});
    auto& st = s.add<StorageAccount>("st");
    auto& kv = s.add<KeyVault>("kv");
    kv.secret("token", {.value = s.parameter("token", {.secure = true}),
                        .content_type = "text/plain",
                        .expiration_date = "2026-12-31T00:00:00Z"});
    auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::P1v3, .worker_count = 2});
    auto& func = s.add<LinuxFunctionApp>("func", {.plan = plan, .storage = st, .insights = ai});
    func.setting("TOKEN", kv.secret_reference("token"));
    s.add<LinuxWebApp>(
        "web",
        {.plan = plan,
         .runtime = Runtime::node("20"),
         .settings = {.public_network = PublicNetwork::allow_from({"203.0.113.7"}, "office")}});
  });
}

TEST_CASE("Terraform: a function app writes every security attribute") {
  auto app = compute_app();
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& main = result.file("app/dev/terraform/main.tf");
  CHECK(contains(main,
                 "  storage_uses_managed_identity                  = true\n"
                 "  functions_extension_version                    = \"~4\"\n"
                 "  https_only                                     = true\n"
                 "  public_network_access_enabled                  = false\n"
                 "  ftp_publish_basic_authentication_enabled       = false\n"
                 "  webdeploy_publish_basic_authentication_enabled = false\n"));
  CHECK(contains(main,
                 "    TOKEN                                     = \"@Microsoft.KeyVault("
                 "SecretUri=${azurerm_key_vault.kv.vault_uri}secrets/"
                 "${azurerm_key_vault_secret.kv_token.name}/)\"\n"));
  CHECK(contains(main,
                 "    minimum_tls_version               = \"1.2\"\n"
                 "    scm_minimum_tls_version           = \"1.2\"\n"
                 "    ftps_state                        = \"Disabled\"\n"
                 "    http2_enabled                     = true\n"
                 "    remote_debugging_enabled          = false\n"));
  CHECK(contains(main, "  identity {\n    type = \"SystemAssigned\"\n  }\n"));
}

TEST_CASE("Terraform: a web app restricts access and turns off ARR affinity") {
  auto app = compute_app();
  const std::string main = testing::synthesize(app).file("app/dev/terraform/main.tf");
  CHECK(contains(main, "  client_affinity_enabled                        = false\n"));
  CHECK(contains(main, "      node_version = \"20-lts\"\n"));
  CHECK(contains(main,
                 "    ip_restriction {\n"
                 "      name       = \"allow-1\"\n"
                 "      ip_address = \"203.0.113.7/32\"\n"
                 "      priority   = 100\n"
                 "      action     = \"Allow\"\n"
                 "    }\n"));
  CHECK(contains(main, "    ip_restriction_default_action     = \"Deny\"\n"));
}

TEST_CASE("Terraform: role assignments, plans and secrets") {
  auto app = compute_app();
  const std::string main = testing::synthesize(app).file("app/dev/terraform/main.tf");
  CHECK(contains(main,
                 "resource \"azurerm_role_assignment\" \"kv_secrets_user_func\" {\n"
                 "  # Key Vault Secrets User\n"
                 "  scope              = azurerm_key_vault.kv.id\n"
                 "  role_definition_id = \"/subscriptions/${data.azurerm_client_config.current."
                 "subscription_id}/providers/Microsoft.Authorization/roleDefinitions/"
                 "4633458b-17de-408a-b874-0445c86b69e6\"\n"
                 "  principal_id       = azurerm_linux_function_app.func.identity[0].principal_id\n"
                 "  principal_type     = \"ServicePrincipal\"\n"));
  CHECK(contains(main,
                 "  sku_name               = \"P1v3\"\n"
                 "  worker_count           = 2\n"
                 "  zone_balancing_enabled = false\n"));
  CHECK(contains(main,
                 "  value           = var.token\n"
                 "  content_type    = \"text/plain\"\n"
                 "  expiration_date = \"2026-12-31T00:00:00Z\"\n"));
}

App streamlit_app(std::optional<std::string> command) {
  return testing::make_app([command](Stack& s, const Environment&) {
    auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::B1, .worker_count = 1});
    s.add<LinuxWebApp>("web", {.plan = plan, .settings = {.startup_command = command}});
  });
}

TEST_CASE("Terraform: a startup command is the site's app_command_line") {
  auto app = streamlit_app("python -m streamlit run app.py --server.port 8000");
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  CHECK(contains(result.file("app/dev/terraform/main.tf"),
                 "    app_command_line                  = \"python -m streamlit run app.py "
                 "--server.port 8000\"\n"));
  auto plain = compute_app();
  auto without = testing::synthesize(plain);
  CHECK_FALSE(contains(without.file("app/dev/terraform/main.tf"), "app_command_line"));
}

}  // namespace
}  // namespace iac
