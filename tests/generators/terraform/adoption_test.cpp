#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "generators/review/hcl_reader.h"
#include "generators/review/review.h"
#include "tests/support/fixtures.h"

#ifndef IACGEN_SOURCE_DIR
#define IACGEN_SOURCE_DIR "."
#endif

namespace iac::gen::terraform {
namespace {

using namespace iac::azure;

constexpr const char* kGroup = "/subscriptions/${subscription_id}/resourceGroups/rg-orders-prod";

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string unquote(const std::string& text) {
  return text.size() >= 2 && text.front() == '"' ? text.substr(1, text.size() - 2) : text;
}

/// The orders environment of tests/fixtures/adopt/main.tf, declared in iacgen: every resource
/// of the hand-written configuration adopted by its id.
void orders(Stack& s, const Environment&) {
  const std::string group = kGroup;
  s.resource_group().adopt(group);
  auto& logs = s.add<LogAnalyticsWorkspace>("logs", {.retention_days = 90});
  logs.adopt(group + "/providers/Microsoft.OperationalInsights/workspaces/log-orders-prod");
  auto& insights = s.add<ApplicationInsights>("insights", {.workspace = logs});
  insights.adopt(group + "/providers/Microsoft.Insights/components/appi-orders-prod");
  auto& storage = s.add<StorageAccount>("functions", {.replication = Replication::gzrs});  // ZRS today: prod wants geo
  storage.adopt(group + "/providers/Microsoft.Storage/storageAccounts/stordersprod");
  auto& vault = s.add<KeyVault>("vault");
  vault.adopt(group + "/providers/Microsoft.KeyVault/vaults/kv-orders-prod");
  auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::P1v3, .worker_count = 3, .zone_balancing = true});
  plan.adopt(group + "/providers/Microsoft.Web/serverFarms/asp-orders-prod");
  auto& api = s.add<LinuxFunctionApp>("api", {.plan = plan,
                                              .storage = storage,
                                              .runtime = Runtime::python("3.11"),
                                              .insights = insights,
                                              .settings = {.health_check_path = "/api/health"}});
  api.adopt(group + "/providers/Microsoft.Web/sites/func-orders-api-prod");
  vault.grant_secrets_read(api.identity())
      .adopt(group +
             "/providers/Microsoft.KeyVault/vaults/kv-orders-prod/providers/"
             "Microsoft.Authorization/roleAssignments/5b8d3e2a-41c7-4d3e-9a0f-7c21e6b4d901");
}

/// The ARM id a hand-written resource has, from its type, name and group, as the azurerm
/// documentation gives each type's import id; role assignments from their scope.
std::string import_id_of(const review::HclBlock& block,
                         const std::map<std::string, std::string>& ids) {
  static const std::map<std::string, std::string> kTypes{
      {"azurerm_log_analytics_workspace", "Microsoft.OperationalInsights/workspaces"},
      {"azurerm_application_insights", "Microsoft.Insights/components"},
      {"azurerm_storage_account", "Microsoft.Storage/storageAccounts"},
      {"azurerm_key_vault", "Microsoft.KeyVault/vaults"},
      {"azurerm_service_plan", "Microsoft.Web/serverFarms"},
      {"azurerm_linux_function_app", "Microsoft.Web/sites"},
  };
  const std::string& type = block.labels[0];
  const std::string name = unquote(block.attributes.at("name"));
  if (type == "azurerm_resource_group") {
    return "/subscriptions/${var.subscription_id}/resourceGroups/" + name;
  }
  if (type == "azurerm_role_assignment") {
    // scope = azurerm_key_vault.vault.id: the id of that resource.
    std::string scope = block.attributes.at("scope");
    scope = scope.substr(0, scope.rfind(".id"));
    return ids.at(scope) + "/providers/Microsoft.Authorization/roleAssignments/" + name;
  }
  REQUIRE_MESSAGE(kTypes.count(type) == 1, "no import id known for " << type);
  return "/subscriptions/${var.subscription_id}/resourceGroups/rg-orders-prod/providers/" +
         kTypes.at(type) + "/" + name;
}

TEST_CASE("the generated import blocks cover every resource of a hand-written environment") {
  const review::HclFile hand =
      review::read_hcl(read_file(std::string(IACGEN_SOURCE_DIR) + "/tests/fixtures/adopt/main.tf"));
  REQUIRE(hand.error.empty());

  auto app = testing::make_app(orders, {Environment::prod("westeurope")}, "orders");
  auto result = testing::synthesize(app);
  for (const auto& d : result.diagnostics)
    if (d.severity == Severity::error) MESSAGE(d.path << " " << d.rule_id << " " << d.message);
  REQUIRE_FALSE(has_errors(result.diagnostics));

  const review::HclFile imports = review::read_hcl(result.file("orders/prod/terraform/imports.tf"));
  REQUIRE(imports.error.empty());
  const review::HclFile main = review::read_hcl(result.file("orders/prod/terraform/main.tf"));
  REQUIRE(main.error.empty());
  std::set<std::string> declared;
  for (const auto& block : main.blocks) {
    if (block.kind == "resource") declared.insert(block.labels[0] + "." + block.labels[1]);
  }
  // Import id → generated address, for every import block; each targets a declared resource.
  std::multimap<std::string, std::string> imported;
  for (const auto& block : imports.blocks) {
    REQUIRE(block.kind == "import");
    const std::string to = block.attributes.at("to");
    CHECK_MESSAGE(declared.count(to) == 1, to << " is imported but not declared in main.tf");
    imported.emplace(unquote(block.attributes.at("id")), to);
  }

  std::map<std::string, std::string> ids;  // hand-written address → its id
  int covered = 0;
  for (const auto& block : hand.blocks) {
    if (block.kind != "resource") continue;
    const std::string address = block.labels[0] + "." + block.labels[1];
    const std::string id = import_id_of(block, ids);
    ids[address] = id;
    CAPTURE(address);
    CAPTURE(id);
    auto match = imported.find(id);
    REQUIRE_MESSAGE(match != imported.end(), "no import block for " << address);
    // Same azurerm type: the import lands in the resource that manages it.
    CHECK(match->second.substr(0, match->second.find('.')) == block.labels[0]);
    ++covered;
  }
  CHECK(covered == 8);
  CHECK(imported.size() == 8);
}

TEST_CASE("import blocks use var.subscription_id and Terraform 1.5 or later") {
  auto app = testing::make_app(orders, {Environment::prod("westeurope")}, "orders");
  auto result = testing::synthesize(app);
  for (const auto& d : result.diagnostics)
    if (d.severity == Severity::error) MESSAGE(d.path << " " << d.rule_id << " " << d.message);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& imports = result.file("orders/prod/terraform/imports.tf");
  CHECK(imports.find(R"(import {
  to = azurerm_key_vault.vault
  id = "/subscriptions/${var.subscription_id}/resourceGroups/rg-orders-prod/providers/Microsoft.KeyVault/vaults/kv-orders-prod"
}
)") != std::string::npos);
  CHECK(imports.find(R"(import {
  to = azurerm_resource_group.rg
  id = "/subscriptions/${var.subscription_id}/resourceGroups/rg-orders-prod"
}
)") != std::string::npos);
  // The adopted names are the ids': the naming convention would have said kv-orders-prod too,
  // but the plan's would be asp-..., and the ids win.
  CHECK(result.file("orders/prod/terraform/main.tf")
            .find("= \"asp-orders-prod\"") != std::string::npos);
  // An adopted role assignment keeps its GUID.
  CHECK(result.file("orders/prod/terraform/main.tf")
            .find("= \"5b8d3e2a-41c7-4d3e-9a0f-7c21e6b4d901\"") !=
        std::string::npos);
  CHECK(result.file("orders/prod/terraform/versions.tf").find("required_version = \">= 1.9.0\"") !=
        std::string::npos);
}

TEST_CASE("iacgen diff shows adopted resources as will be imported") {
  auto app = testing::make_app(orders, {Environment::prod("westeurope")}, "orders");
  auto result = testing::synthesize(app);
  for (const auto& d : result.diagnostics)
    if (d.severity == Severity::error) MESSAGE(d.path << " " << d.rule_id << " " << d.message);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  review::Input input;
  input.generated = result.files;
  input.committed_manifest_present = false;
  const review::Review review = review::build_review(input);
  const std::string text = review::render_text(review, {});
  CAPTURE(text);
  CHECK(text.find("<=  azurerm_key_vault.vault (will be imported)") != std::string::npos);
  CHECK(text.find("<=  azurerm_resource_group.rg (will be imported)") != std::string::npos);
  // Created by the stack, not imported: the diagnostic settings of the diagnostics aspect.
  CHECK(text.find("+   azurerm_monitor_diagnostic_setting.vault_diagnostics (added)") !=
        std::string::npos);
  CHECK(text.find("8 will be imported") != std::string::npos);
  const std::string json = review::render_json(review, {});
  CHECK(json.find("\"import_id\"") != std::string::npos);
  CHECK(json.find("/resourceGroups/rg-orders-prod/providers/Microsoft.Web/sites/func-orders-api-prod") !=
        std::string::npos);
}

TEST_CASE("a stack that adopts nothing writes no imports.tf") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<KeyVault>("kv"); });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  CHECK(result.files.count("app/dev/terraform/imports.tf") == 0);
}

TEST_CASE("a diagnostic setting imports as target id and name joined by a bar") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    const std::string group = "/subscriptions/${subscription_id}/resourceGroups/rg-app-dev";
    s.resource_group().adopt(group);
    auto& logs = s.add<LogAnalyticsWorkspace>("logs");
    auto& vault = s.add<KeyVault>("kv");
    vault.adopt(group + "/providers/Microsoft.KeyVault/vaults/kv-app-dev");
    vault.set_diagnostics(Control::waived("declared below, adopted"));
    s.add<DiagnosticSetting>(
         "kv-diag",
         {.target = vault, .workspace = logs, .log_category_groups = {"audit"}, .name = "audit"})
        .adopt(group +
               "/providers/Microsoft.KeyVault/vaults/kv-app-dev/providers/"
               "Microsoft.Insights/diagnosticSettings/audit");
    testing::suppress_rules(s, "AZ-DIAG-");
  });
  auto result = testing::synthesize(app);
  for (const auto& d : result.diagnostics)
    if (d.severity == Severity::error) MESSAGE(d.path << " " << d.rule_id << " " << d.message);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  CHECK(
      result.file("app/dev/terraform/imports.tf")
          .find("id = \"/subscriptions/${var.subscription_id}/resourceGroups/rg-app-dev/providers/"
                "Microsoft.KeyVault/vaults/kv-app-dev|audit\"") != std::string::npos);
}

TEST_CASE("a Key Vault secret imports by its versioned URL") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.resource_group().adopt("/subscriptions/${subscription_id}/resourceGroups/rg-app-dev");
    auto& vault = s.add<KeyVault>("kv");
    vault.adopt(
        "/subscriptions/${subscription_id}/resourceGroups/rg-app-dev/providers/"
        "Microsoft.KeyVault/vaults/kv-app-dev");
    auto password = s.parameter("db_password", {.secure = true});
    vault.secret("db-password", {.value = password,
                                  .content_type = "password",
                                  .expiration_date = "2027-06-30T00:00:00Z"})
        .adopt(
            "https://kv-app-dev.vault.azure.net/secrets/db-password/"
            "0123456789abcdef0123456789abcdef");
  });
  auto result = testing::synthesize(app);
  for (const auto& d : result.diagnostics)
    if (d.severity == Severity::error) MESSAGE(d.path << " " << d.rule_id << " " << d.message);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  CHECK(result.file("app/dev/terraform/imports.tf")
            .find("id = \"https://kv-app-dev.vault.azure.net/secrets/db-password/"
                  "0123456789abcdef0123456789abcdef\"") != std::string::npos);
}

TEST_CASE("reference-only constructs are data sources and never resources") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& shared =
        from_id<KeyVault>(s, "shared-kv",
                          "/subscriptions/${subscription_id}/resourceGroups/rg-platform/providers/"
                          "Microsoft.KeyVault/vaults/kv-platform");
    auto& logs = from_id<LogAnalyticsWorkspace>(
        s, "central-logs",
        "/subscriptions/${subscription_id}/resourceGroups/rg-platform/providers/"
        "Microsoft.OperationalInsights/workspaces/log-platform");
    auto& hub = from_id<VirtualNetwork>(
        s, "hub",
        "/subscriptions/${subscription_id}/resourceGroups/rg-network/providers/"
        "Microsoft.Network/virtualNetworks/vnet-hub");
    auto& endpoints = hub.subnet("snet-endpoints", {});
    auto& id = s.add<UserAssignedIdentity>("id");
    shared.grant_secrets_read(id.principal());
    s.add<ApplicationInsights>("ai", {.workspace = logs});
    s.output("vault_uri", shared.uri());
    s.output("endpoints_subnet", endpoints.id());
  });
  auto result = testing::synthesize(app);
  for (const auto& d : result.diagnostics)
    if (d.severity == Severity::error) MESSAGE(d.path << " " << d.rule_id << " " << d.message);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& main = result.file("app/dev/terraform/main.tf");
  CHECK(main.find(R"(data "azurerm_key_vault" "shared_kv" {
  name                = "kv-platform"
  resource_group_name = "rg-platform"
}
)") != std::string::npos);
  CHECK(main.find(R"(data "azurerm_subnet" "hub_snet_endpoints" {
  name                 = "snet-endpoints"
  virtual_network_name = "vnet-hub"
  resource_group_name  = "rg-network"
}
)") != std::string::npos);
  CHECK(main.find("resource \"azurerm_key_vault\"") == std::string::npos);
  CHECK(main.find("= data.azurerm_key_vault.shared_kv.id") !=
        std::string::npos);
  CHECK(main.find("= data.azurerm_log_analytics_workspace.central_logs.id") !=
        std::string::npos);
  // No diagnostic setting for the references: they are someone else's.
  CHECK(main.find("target_resource_id = data.") == std::string::npos);
  CHECK(result.file("app/dev/terraform/outputs.tf")
            .find("data.azurerm_key_vault.shared_kv.vault_uri") != std::string::npos);
  CHECK(result.file("app/dev/terraform/outputs.tf")
            .find("data.azurerm_subnet.hub_snet_endpoints.id") != std::string::npos);
  // Every generated file still parses.
  for (const auto& [path, text] : result.files) {
    if (path.size() > 3 && path.substr(path.size() - 3) == ".tf") {
      CAPTURE(path);
      CHECK(review::read_hcl(text).error.empty());
    }
  }
}

}  // namespace
}  // namespace iac::gen::terraform
