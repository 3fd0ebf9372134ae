#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "generators/review/bicep_reader.h"
#include "generators/review/bicep_rules.h"

namespace iac::review {
namespace {

const BicepResource* find(const BicepFile& file, const std::string& symbol) {
  for (const auto& r : file.resources) {
    if (r.symbol == symbol) return &r;
  }
  return nullptr;
}

TEST_CASE("the Bicep reader flattens resources written by hand and by the writer") {
  const auto file = read_bicep(R"(// header
targetScope = 'resourceGroup'

@description('Stripe secret key of the environment\'s account')
@secure()
param stripe_key string
param prefix string = 'shop'
var tags = {
  env: 'dev' // trailing
}

/* a block
   comment */
@batchSize(1)
resource st 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: 'st${prefix}dev'
  location: resourceGroup().location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  tags: {
    'cost-center': 'retail'
    environment: 'dev'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
      ipRules: [
        {
          value: '203.0.113.0/24'
          action: 'Allow'
        }
      ]
      bypass: 'None'
    }
    note: '''
line one
it's ${not} interpolated
'''
    list: [
      'a'
      'b'
    ]
    inline: ['x', 'y']
    empty: {}
    call: union({
      a: 1
    }, tags)
  }
}

resource blob 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' existing = {
  parent: st
  name: 'default'
}

resource nsg 'Microsoft.Network/networkSecurityGroups@2024-07-01' = if (prefix != 'x') {
  name: 'nsg'
  properties: {
    securityRules: [
      {
        name: 'deny-all'
        properties: {
          access: 'Deny'
          priority: 4096
        }
      }
    ]
  }
}

resource readers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (p, i) in principals: {
  name: guid(st.id, p)
  scope: st
  properties: {
    principalId: p
  }
}]

output endpoint string = st.properties.primaryEndpoints.blob
)");
  REQUIRE(file.error.empty());
  REQUIRE(file.resources.size() == 4);
  CHECK(file.statements ==
        std::vector<std::string>{
            "targetScope = 'resourceGroup'",
            "@description('Stripe secret key of the environment\\'s account') @secure() param "
            "stripe_key string",
            "param prefix string = 'shop'", "var tags = {env: 'dev'}",
            "output endpoint string = st.properties.primaryEndpoints.blob"});
  const auto* st = find(file, "st");
  REQUIRE(st != nullptr);
  CHECK(st->type == "Microsoft.Storage/storageAccounts");
  CHECK(st->api_version == "2025-01-01");
  CHECK(st->line == 15);
  const auto& p = st->properties;
  CHECK(p.at("name") == "'st${prefix}dev'");
  CHECK(p.at("location") == "resourceGroup().location");
  CHECK(p.at("sku.name") == "'Standard_ZRS'");
  CHECK(p.at("tags.cost-center") == "'retail'");
  CHECK(p.at("properties.publicNetworkAccess") == "'Disabled'");
  CHECK(p.at("properties.networkAcls.defaultAction") == "'Deny'");
  CHECK(p.at("properties.networkAcls.ipRules[0].value") == "'203.0.113.0/24'");
  CHECK(p.at("properties.note") == "'''\nline one\nit's ${not} interpolated\n'''");
  CHECK(p.at("properties.list") == "['a', 'b']");
  CHECK(p.at("properties.inline") == "['x', 'y']");
  CHECK(p.at("properties.empty") == "{}");
  CHECK(p.at("properties.call") == "union({a: 1}, tags)");

  const auto* blob = find(file, "blob");
  REQUIRE(blob != nullptr);
  CHECK(blob->existing);
  CHECK(blob->properties.at("parent") == "st");

  const auto* nsg = find(file, "nsg");
  REQUIRE(nsg != nullptr);
  CHECK(nsg->properties.at("(if)") == "(prefix != 'x')");
  CHECK(nsg->properties.at("properties.securityRules[deny-all].properties.access") == "'Deny'");

  const auto* readers = find(file, "readers");
  REQUIRE(readers != nullptr);
  CHECK(readers->properties.at("(for)") == "for (p, i) in principals");
  CHECK(readers->properties.at("properties.principalId") == "p");

  std::string plain;
  CHECK(bicep_plain_string("'it\\'s \\u{41}\\n'", plain));
  CHECK(plain == "it's A\n");
  CHECK_FALSE(bicep_plain_string("'a${b}'", plain));
  CHECK_FALSE(bicep_plain_string("st.id", plain));
}

TEST_CASE("the Bicep reader reports where a file stops being Bicep") {
  const auto unterminated = read_bicep(
      "resource a 'Microsoft.Storage/storageAccounts@2025-01-01' = {\n  name: 'a'\n}\n"
      "resource b 'Microsoft.Storage/storageAccounts@2025-01-01' = {\n  name: 'b\n}\n");
  CHECK(unterminated.error == "line 5: unterminated string: a closing `'` is missing");
  REQUIRE(unterminated.resources.size() == 1);  // what came before the error is kept
  CHECK(unterminated.resources[0].symbol == "a");

  CHECK(read_bicep("resource a 'Microsoft.X/y@1' = {\n  name 'a'\n}\n").error ==
        "line 2: expected `:` after `name`");
  CHECK(read_bicep("resource a 'Microsoft.X/y@1' = {\n  name: 'a'\n")
            .error.find("a `}` is missing") != std::string::npos);
  CHECK(read_bicep("bogus x = 1\n").error == "line 1: unknown declaration `bogus`");
  CHECK(read_bicep("param p object = {\n  a: [1, 2)\n}\n").error.find("unbalanced") !=
        std::string::npos);
}

TEST_CASE("every committed Bicep file of the bundled apps reads without error") {
  namespace fs = std::filesystem;
  int files = 0;
  int resources = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(IACGEN_SOURCE_DIR) / "out")) {
    if (entry.path().extension() != ".bicep") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const auto file = read_bicep(text.str());
    CHECK_MESSAGE(file.error.empty(), entry.path().string() << ": " << file.error);
    for (const auto& r : file.resources) {
      CHECK_MESSAGE(r.properties.count("name") == 1, entry.path().string() << ": " << r.symbol);
    }
    ++files;
    resources += static_cast<int>(file.resources.size());
  }
  CHECK(files >= 24);
  CHECK(resources > 500);
}

TEST_CASE("ARM property changes are classified like their azurerm counterparts") {
  const auto open = classify_property("Microsoft.Storage/storageAccounts",
                                      "properties.publicNetworkAccess", "'Disabled'", "'Enabled'");
  CHECK(open.category == "network exposure");
  CHECK(open.effect == Effect::weakens);
  CHECK(classify_property("Microsoft.Storage/storageAccounts",
                          "properties.networkAcls.defaultAction", "'Deny'", "'Allow'")
            .effect == Effect::weakens);
  CHECK(classify_property("Microsoft.Storage/storageAccounts",
                          "properties.networkAcls.ipRules[1].value", "", "'0.0.0.0/0'")
            .effect == Effect::weakens);
  CHECK(classify_property("Microsoft.KeyVault/vaults", "properties.enablePurgeProtection", "true",
                          "false")
            .effect == Effect::weakens);
  CHECK(classify_property("Microsoft.DocumentDB/databaseAccounts", "properties.disableLocalAuth",
                          "true", "false")
            .category == "authentication");
  CHECK(classify_property("Microsoft.Cache/redis", "properties.minimumTlsVersion", "'1.2'", "'1.0'")
            .effect == Effect::weakens);
  CHECK(classify_property("Microsoft.Web/sites", "properties.siteConfig.cors.allowedOrigins",
                          "['https://a.example']", "['https://a.example', '*']")
            .effect == Effect::weakens);
  CHECK(classify_property("Microsoft.Network/FrontDoorWebApplicationFirewallPolicies",
                          "properties.policySettings.mode", "'Prevention'", "'Detection'")
            .effect == Effect::weakens);
  CHECK(classify_property("Microsoft.Cache/redis", "properties.redisConfiguration.aad-enabled",
                          "'True'", "'False'")
            .effect == Effect::weakens);
  CHECK(classify_property("Microsoft.Storage/storageAccounts", "sku.name", "'Standard_GZRS'",
                          "'Standard_LRS'")
            .effect == Effect::weakens);
  CHECK(classify_property("Microsoft.Cache/redis",
                          "properties.redisConfiguration.maxmemory-reserved", "'125'", "'250'")
            .category.empty());
  CHECK(classify_property("Microsoft.KeyVault/vaults/secrets", "properties.value", "'a'", "'b'")
            .sensitive);
  CHECK(classify_property("Microsoft.DBforPostgreSQL/flexibleServers",
                          "properties.administratorLoginPassword", "'a'", "'b'")
            .sensitive);
}

TEST_CASE("ARM changes that cannot be made in place are named") {
  CHECK(classify_property("Microsoft.KeyVault/vaults", "name", "'kv-a'", "'kv-b'")
            .replaces.find("another resource") != std::string::npos);
  CHECK(classify_property("Microsoft.Authorization/roleAssignments", "name", "guid(a)", "guid(b)")
            .replaces.find("leaves the old one in place, with its access") != std::string::npos);
  CHECK(classify_property("Microsoft.KeyVault/vaults", "location", "'eastus'", "'westus'")
            .replaces.find("deployment fails") != std::string::npos);
  CHECK(classify_property("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers",
                          "properties.resource.partitionKey.paths", "['/tenant']", "['/id']")
            .replaces.find("partition key") != std::string::npos);
  CHECK(classify_property("Microsoft.Storage/storageAccounts", "sku.name", "'Standard_LRS'",
                          "'Standard_ZRS'")
            .replaces.find("zone boundary") != std::string::npos);
  CHECK(classify_property("Microsoft.Storage/storageAccounts", "sku.name", "'Standard_LRS'",
                          "'Standard_GRS'")
            .replaces.empty());
  CHECK_FALSE(
      classify_property("Microsoft.Cache/redis", "properties.sku.name", "'Standard'", "'Basic'")
          .replaces.empty());
  CHECK(classify_property("Microsoft.Cache/redis", "properties.sku.name", "'Standard'", "'Premium'")
            .replaces.empty());
  CHECK(arm_security_category_of_type("Microsoft.Authorization/roleAssignments") ==
        "role assignment");
  CHECK(arm_holds_data("Microsoft.DocumentDB/databaseAccounts"));
  CHECK_FALSE(arm_holds_data("Microsoft.Insights/metricAlerts"));
}

}  // namespace
}  // namespace iac::review
