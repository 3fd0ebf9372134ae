#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::gen::bicep {
namespace {

using namespace iac::azure;

const std::string kGroup = "/subscriptions/${subscription_id}/resourceGroups/rg-app-dev";
const std::string kVault = kGroup + "/providers/Microsoft.KeyVault/vaults/kv-app-dev";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("an adopted resource says so above its Bicep declaration") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.resource_group().adopt(kGroup);
    s.add<KeyVault>("kv").adopt(kVault);
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& resources = result.file("app/dev/bicep/resources.bicep");
  CHECK(contains(resources, "// Adopted: " + kVault + "\n"));
  CHECK(contains(resources, "// It exists already: deploying updates it in place"));
  CHECK(contains(resources,
                 "resource kv 'Microsoft.KeyVault/vaults@2024-11-01' = {\n  name: 'kv-app-dev'"));
  CHECK(contains(result.file("app/dev/bicep/main.bicep"), "// Adopted: " + kGroup + "\n"));
}

TEST_CASE("an adopted role assignment keeps its GUID name in Bicep") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.resource_group().adopt(kGroup);
    auto& vault = s.add<KeyVault>("kv");
    vault.adopt(kVault);
    auto& id = s.add<UserAssignedIdentity>("id");
    vault.grant_secrets_read(id.principal())
        .adopt(kVault +
               "/providers/Microsoft.Authorization/roleAssignments/"
               "5b8d3e2a-41c7-4d3e-9a0f-7c21e6b4d901");
  });
  auto result = testing::synthesize(app);
  for (const auto& d : result.diagnostics) CAPTURE(d.rule_id + " " + d.message);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  CHECK(contains(result.file("app/dev/bicep/resources.bicep"),
                 "name: '5b8d3e2a-41c7-4d3e-9a0f-7c21e6b4d901'"));
}

TEST_CASE("reference-only constructs are existing resources scoped to their group") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& shared = from_id<KeyVault>(
        s, "shared-kv",
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-platform/"
        "providers/Microsoft.KeyVault/vaults/kv-platform");
    auto& logs = from_id<LogAnalyticsWorkspace>(
        s, "central-logs",
        "/subscriptions/${subscription_id}/resourceGroups/rg-platform/providers/"
        "Microsoft.OperationalInsights/workspaces/log-platform");
    auto& local = from_id<StorageAccount>(
        s, "local-st", kGroup + "/providers/Microsoft.Storage/storageAccounts/stlocal");
    auto& id = s.add<UserAssignedIdentity>("id");
    shared.grant_secrets_read(id.principal());
    auto& reader = s.add<RoleAssignment>("reader", {.scope = local,
                                                    .role = BuiltinRole::storage_blob_data_reader,
                                                    .principal = id.principal()});
    (void)reader;
    s.add<ApplicationInsights>("ai", {.workspace = logs});
    s.output("vault_uri", shared.uri());
  });
  auto result = testing::synthesize(app);
  for (const auto& d : result.diagnostics) CAPTURE(d.rule_id + " " + d.message);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& resources = result.file("app/dev/bicep/resources.bicep");
  CHECK(contains(resources, R"(resource sharedKv 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: 'kv-platform'
  scope: resourceGroup('00000000-0000-0000-0000-000000000001', 'rg-platform')
})"));
  CHECK(contains(
      resources,
      R"(resource centralLogs 'Microsoft.OperationalInsights/workspaces@2025-02-01' existing = {
  name: 'log-platform'
  scope: resourceGroup('rg-platform')
})"));
  // In the stack's own group: no scope.
  CHECK(contains(resources,
                 R"(resource localSt 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: 'stlocal'
})"));
  CHECK(contains(resources, "WorkspaceResourceId: centralLogs.id"));
  CHECK(contains(resources, "output vault_uri string = sharedKv.properties.vaultUri"));
  // The grant on the other group's vault is deployed there, by a module.
  CHECK(contains(resources, "module sharedKvSecretsUserId 'role-sharedKvSecretsUserId.bicep' = {"));
  CHECK(contains(resources,
                 "scope: resourceGroup('00000000-0000-0000-0000-000000000001', 'rg-platform')"));
  const std::string& module = result.file("app/dev/bicep/role-sharedKvSecretsUserId.bicep");
  CHECK(contains(module,
                 "resource target 'Microsoft.KeyVault/vaults@2024-11-01' existing = {\n  name: "
                 "'kv-platform'\n}"));
  CHECK(contains(module, "scope: target"));
  CHECK(contains(module, "principalId: principalId"));
  // The grant on the account of the stack's group is written in place.
  CHECK(contains(resources, "scope: localSt"));
  CHECK_FALSE(contains(resources, "resource sharedKv 'Microsoft.KeyVault/vaults@2024-11-01' = {"));
}

}  // namespace
}  // namespace iac::gen::bicep
