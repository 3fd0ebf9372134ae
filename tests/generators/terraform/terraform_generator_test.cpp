#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/aspect.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac {
namespace {

using namespace iac::azure;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("every stack gets the five Terraform files, pinned to the schema's provider") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<KeyVault>("kv"); });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  for (const char* file : {"versions.tf", "providers.tf", "main.tf", "variables.tf", "outputs.tf"}) {
    CAPTURE(file);
    CHECK(result.files.count(std::string("app/dev/terraform/") + file) == 1);
  }
  const auto& versions = result.file("app/dev/terraform/versions.tf");
  CHECK(contains(versions, "      source  = \"hashicorp/azurerm\"\n      version = \"4.55.0\"\n"));
  CHECK(contains(versions, "    key              = \"app/dev.tfstate\"\n    use_azuread_auth = true\n"));
  CHECK(contains(result.file("app/dev/terraform/providers.tf"), "storage_use_azuread = true"));
}

TEST_CASE("a key vault renders every security setting explicitly") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<KeyVault>("kv"); });
  const std::string main = testing::synthesize(app).file("app/dev/terraform/main.tf");
  CHECK(contains(main, "data \"azurerm_client_config\" \"current\" {}"));
  CHECK(contains(main,
                 "resource \"azurerm_key_vault\" \"kv\" {\n"
                 "  name                            = \"kv-app-dev\"\n"
                 "  location                        = \"eastus\"\n"
                 "  resource_group_name             = azurerm_resource_group.rg.name\n"
                 "  tenant_id                       = data.azurerm_client_config.current.tenant_id\n"
                 "  sku_name                        = \"standard\"\n"
                 "  rbac_authorization_enabled      = true\n"
                 "  purge_protection_enabled        = true\n"
                 "  soft_delete_retention_days      = 90\n"
                 "  public_network_access_enabled   = false\n"));
  CHECK(contains(main,
                 "  network_acls {\n"
                 "    bypass         = \"AzureServices\"\n"
                 "    default_action = \"Deny\"\n"
                 "    ip_rules       = []\n"
                 "  }\n"));
}

TEST_CASE("weakened settings render as written, with the allow list") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<StorageAccount>("st", {.replication = Replication::lrs,
                                 .public_network = PublicNetwork::allow_from(
                                     {"203.0.113.0/24"}, "office egress"),
                                 .entra_only_auth = Control::waived("Functions Y1 content share")});
  });
  const std::string main = testing::synthesize(app).file("app/dev/terraform/main.tf");
  CHECK(contains(main, "account_replication_type          = \"LRS\""));
  CHECK(contains(main, "public_network_access_enabled     = true"));
  CHECK(contains(main, "shared_access_key_enabled         = true"));
  CHECK(contains(main, "    ip_rules       = [\"203.0.113.0/24\"]\n"));
  CHECK(contains(main, "    default_action = \"Deny\"\n"));
  CHECK_FALSE(contains(main, "azurerm_client_config"));
}

TEST_CASE("references become traversals, explicit dependencies become depends_on") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& logs = s.add<LogAnalyticsWorkspace>("log");
    auto& insights = s.add<ApplicationInsights>("appi", {.workspace = logs});
    auto& vault = s.add<KeyVault>("kv");
    vault.depends_on(insights);
    s.output("connection", insights.connection_string(), "for apps");
    s.output("uri", "https://" + Expr(vault.name_ref()) + ".example/");
  });
  auto result = testing::synthesize(app);
  const auto& main = result.file("app/dev/terraform/main.tf");
  CHECK(contains(main, "workspace_id                  = azurerm_log_analytics_workspace.log.id\n"));
  CHECK(contains(main, "  depends_on = [azurerm_application_insights.appi]\n"));
  const auto& outputs = result.file("app/dev/terraform/outputs.tf");
  CHECK(contains(outputs,
                 "output \"connection\" {\n"
                 "  description = \"for apps\"\n"
                 "  value       = azurerm_application_insights.appi.connection_string\n"
                 "  sensitive   = true\n"
                 "}\n"));
  CHECK(contains(outputs, "value = \"https://${azurerm_key_vault.kv.name}.example/\""));
}

TEST_CASE("parameters become variables, secrets are sensitive and have no default") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.parameter("alert_email", {.description = "On-call mailbox", .value = "oncall@example.com"});
    s.parameter("api_key", {.secure = true});
  });
  const std::string variables = testing::synthesize(app).file("app/dev/terraform/variables.tf");
  CHECK(contains(variables,
                 "variable \"alert_email\" {\n"
                 "  description = \"On-call mailbox\"\n"
                 "  type        = string\n"
                 "  default     = \"oncall@example.com\"\n"
                 "}\n"));
  CHECK(contains(variables,
                 "variable \"api_key\" {\n"
                 "  type      = string\n"
                 "  sensitive = true\n"
                 "}\n"));
}

TEST_CASE("nested constructs get path labels, colliding labels are a diagnostic") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<KeyVault>("a-b", {.name = "kv-one"});
    s.add<KeyVault>("a_b", {.name = "kv-two"});
  });
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-GEN-001").message ==
        "Terraform label 'a_b' is used by two constructs");
}

TEST_CASE("synthesis is deterministic") {
  auto declare = [](Stack& s, const Environment& env) {
    Tags::of(s).add("z", "1").add("a", "2");
    s.add<StorageAccount>("st", {.replication = env.is_prod() ? Replication::gzrs : Replication::lrs});
    s.add<KeyVault>("kv");
  };
  auto first = testing::make_app(declare, {Environment::dev("eastus"), Environment::prod("eastus")});
  auto second = testing::make_app(declare, {Environment::dev("eastus"), Environment::prod("eastus")});
  CHECK(testing::synthesize(first).files == testing::synthesize(second).files);
}

}  // namespace
}  // namespace iac
