#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/cosmos.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::gen::bicep {
namespace {

using namespace iac::azure;

std::string resources_bicep(CosmosAccountProps account, CosmosSqlContainerProps container,
                            std::optional<Throughput> database_throughput = std::nullopt) {
  auto app = testing::make_app([&](Stack& s, const Environment&) {
    auto& cosmos = s.add<CosmosAccount>("cosmos", account);
    cosmos.sql_database("db", {.throughput = database_throughput}).container("items", container);
    cosmos.grant_data_contributor({.object_id = s.parameter("writer_object_id")});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  return result.file("app/dev/bicep/resources.bicep");
}

bool contains(const std::string& text, const std::string& snippet) {
  return text.find(snippet) != std::string::npos;
}

TEST_CASE("the cosmos account writes every security property explicitly") {
  std::string bicep = resources_bicep({}, {.partition_key = "/pk"});
  CHECK(contains(bicep, "resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2025-04-15' = {"));
  CHECK(contains(bicep, "  kind: 'GlobalDocumentDB'\n"));
  CHECK(contains(bicep, R"(    enableAutomaticFailover: true
    enableMultipleWriteLocations: false
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Disabled'
    isVirtualNetworkFilterEnabled: false
    ipRules: []
    enableFreeTier: false
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: 'Continuous7Days'
      }
    }
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
)"));
  CHECK(contains(bicep, R"(    locations: [
      {
        locationName: 'eastus'
        failoverPriority: 0
        isZoneRedundant: true
      }
    ]
)"));
}

TEST_CASE("database and container are children with their throughput in options") {
  std::string bicep = resources_bicep(
      {.capacity = CosmosCapacity::provisioned()},
      {.partition_key = "/pk", .excluded_paths = {"/*"}, .throughput = Throughput::manual(400)},
      Throughput::autoscale(1000));
  CHECK(contains(
      bicep,
      R"(resource cosmosDb 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-04-15' = {
  parent: cosmos
  name: 'db'
  properties: {
    resource: {
      id: 'db'
    }
    options: {
      autoscaleSettings: {
        maxThroughput: 1000
      }
    }
  }
}
)"));
  CHECK(contains(bicep, "  parent: cosmosDb\n  name: 'items'\n"));
  CHECK(contains(bicep, R"(        includedPaths: []
        excludedPaths: [
          {
            path: '/*'
          }
        ]
)"));
  CHECK(contains(bicep, "    options: {\n      throughput: 400\n    }\n"));
}

TEST_CASE("the contributor role assignment is a child of the account") {
  std::string bicep = resources_bicep({}, {.partition_key = "/pk"});
  CHECK(contains(
      bicep,
      R"(resource cosmosDataContributor1 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-04-15' = {
  parent: cosmos
)"));
  CHECK(contains(bicep, R"(  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'
    principalId: writer_object_id
    scope: cosmos.id
  }
)"));
}

}  // namespace
}  // namespace iac::gen::bicep
