#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "dsl/policy/suppression.h"
#include "tests/support/fixtures.h"

namespace iac {
namespace {

using namespace iac::azure;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("main.bicep creates the resource group and deploys resources.bicep into it") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& vault = s.add<KeyVault>("kv");
    s.output("vault_uri", vault.uri());
  });
  auto result = testing::synthesize(app);
  const auto& main = result.file("app/dev/bicep/main.bicep");
  CHECK(contains(main, "targetScope = 'subscription'\n"));
  CHECK(contains(main, "resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {\n"
                       "  name: 'rg-app-dev'\n"
                       "  location: 'eastus'\n"));
  CHECK(contains(main, "module resources 'resources.bicep' = {\n"
                       "  name: 'app-dev'\n"
                       "  scope: rg\n"
                       "}\n"));
  CHECK(contains(main, "output vault_uri string = resources.outputs.vault_uri\n"));
  const auto& resources = result.file("app/dev/bicep/resources.bicep");
  CHECK(contains(resources, "targetScope = 'resourceGroup'\n"));
  CHECK(contains(resources, "output vault_uri string = kv.properties.vaultUri\n"));
}

TEST_CASE("a key vault writes soft delete and purge protection explicitly") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<KeyVault>("kv"); });
  const std::string resources = testing::synthesize(app).file("app/dev/bicep/resources.bicep");
  CHECK(contains(resources,
                 "  properties: {\n"
                 "    tenantId: subscription().tenantId\n"
                 "    sku: {\n"
                 "      family: 'A'\n"
                 "      name: 'standard'\n"
                 "    }\n"
                 "    enableRbacAuthorization: true\n"
                 "    enableSoftDelete: true\n"
                 "    enablePurgeProtection: true\n"
                 "    softDeleteRetentionInDays: 90\n"
                 "    publicNetworkAccess: 'Disabled'\n"));
}

TEST_CASE("a waived purge protection is left out, because ARM refuses false") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& vault = s.add<KeyVault>("kv", {.purge_protection = Control::waived("ephemeral test vault")});
    policy::suppress(vault, "AZ-KV-001", "ephemeral test vault");
  });
  auto result = testing::synthesize(app);
  CHECK_FALSE(contains(result.file("app/dev/bicep/resources.bicep"), "enablePurgeProtection"));
  CHECK(contains(result.file("app/dev/terraform/main.tf"), "purge_protection_enabled        = false"));
}

TEST_CASE("storage writes its blob service with soft delete and versioning") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<StorageAccount>("st", {.blob_soft_delete_days = 14});
  });
  const std::string resources = testing::synthesize(app).file("app/dev/bicep/resources.bicep");
  CHECK(contains(resources, "    allowSharedKeyAccess: false\n"));
  CHECK(contains(resources, "    minimumTlsVersion: 'TLS1_2'\n"));
  CHECK(contains(resources,
                 "resource stBlobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {\n"
                 "  parent: st\n"
                 "  name: 'default'\n"
                 "  properties: {\n"
                 "    isVersioningEnabled: true\n"
                 "    deleteRetentionPolicy: {\n"
                 "      enabled: true\n"
                 "      days: 14\n"));
}

TEST_CASE("symbols are camelCase paths, references use them") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& logs = s.add<LogAnalyticsWorkspace>("audit-logs");
    auto& insights = s.add<ApplicationInsights>("appi", {.workspace = logs});
    insights.depends_on(s.resource_group());
  });
  const std::string resources = testing::synthesize(app).file("app/dev/bicep/resources.bicep");
  CHECK(contains(resources, "resource auditLogs 'Microsoft.OperationalInsights/workspaces@2025-02-01'"));
  CHECK(contains(resources, "    WorkspaceResourceId: auditLogs.id\n"));
  // The module is deployed into the group, so a dependency on it is implied, not written.
  CHECK_FALSE(contains(resources, "dependsOn"));
}

TEST_CASE("secure parameters are @secure() and come from the environment in .bicepparam") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.parameter("api_key", {.description = "Feed API key", .secure = true});
    s.parameter("region_label", {.value = "us-east"});
  });
  auto result = testing::synthesize(app);
  CHECK(contains(result.file("app/dev/bicep/main.bicep"),
                 "@description('Feed API key')\n@secure()\nparam api_key string\n"));
  CHECK(contains(result.file("app/dev/bicep/main.bicep"),
                 "  params: {\n    api_key: api_key\n    region_label: region_label\n  }\n"));
  CHECK(result.file("app/dev/bicep/main.bicepparam") ==
        "// Generated by iacgen from the stack code. Do not edit: change the stack and run "
        "`iacgen synth`.\n"
        "\n"
        "using 'main.bicep'\n"
        "\n"
        "param api_key = readEnvironmentVariable('API_KEY')\n"
        "param region_label = 'us-east'\n");
}

}  // namespace
}  // namespace iac
