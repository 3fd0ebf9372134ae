#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/cosmos.h"  // stable_guid
#include "dsl/azure/managed_redis.h"
#include "dsl/azure/redis_cache.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::gen::bicep {
namespace {

using namespace iac::azure;

TEST_CASE("a redis cache writes TLS, the non-TLS port and Entra ID explicitly") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<RedisCache>("redis"); });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  CHECK(result.file("app/dev/bicep/resources.bicep").find(R"(  properties: {
    sku: {
      name: 'Standard'
      family: 'C'
      capacity: 1
    }
    redisVersion: '6'
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
    disableAccessKeyAuthentication: true
    redisConfiguration: {
      'aad-enabled': 'True'
      'maxmemory-reserved': '103'
    }
  }
)") != std::string::npos);
}

TEST_CASE("a grant is an access policy assignment under the cache, after the one before") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& cache = s.add<RedisCache>("redis");
    cache.grant_data_owner({.object_id = s.parameter("owner_object_id")});
    cache.grant_data_contributor({.object_id = s.parameter("writer_object_id")});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& bicep = result.file("app/dev/bicep/resources.bicep");
  const std::string owner =
      stable_guid("redis-access-policy-assignment:app/dev/redis/data-owner-1");
  const std::string contributor = stable_guid(
      "redis-access-policy-assignment:app/dev/redis/"
      "data-contributor-1");
  CHECK(
      bicep.find(
          R"(resource redisDataOwner1 'Microsoft.Cache/redis/accessPolicyAssignments@2024-11-01' = {
  parent: redis
  name: ')" +
          owner + R"('
  properties: {
    accessPolicyName: 'Data Owner'
    objectId: owner_object_id
    objectIdAlias: owner_object_id
  }
}
)") != std::string::npos);
  CHECK(
      bicep.find(
          R"(resource redisDataContributor1 'Microsoft.Cache/redis/accessPolicyAssignments@2024-11-01' = {
  parent: redis
  name: ')" +
          contributor + R"('
  properties: {
    accessPolicyName: 'Data Contributor'
    objectId: writer_object_id
    objectIdAlias: writer_object_id
  }
  dependsOn: [
    redisDataOwner1
  ]
}
)") != std::string::npos);
}

TEST_CASE("managed redis renders the cluster and its TLS-only, Entra-only database") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<ManagedRedis>("amr"); });
  auto result = testing::synthesize(app);
  const std::string& bicep = result.file("app/dev/bicep/resources.bicep");
  CHECK(bicep.find(R"(  sku: {
    name: 'Balanced_B1'
  }
  properties: {
    minimumTlsVersion: '1.2'
    highAvailability: 'Enabled'
    publicNetworkAccess: 'Disabled'
  }
)") != std::string::npos);
  CHECK(
      bicep.find(R"(resource amrDatabase 'Microsoft.Cache/redisEnterprise/databases@2025-07-01' = {
  parent: amr
  name: 'default'
  properties: {
    clientProtocol: 'Encrypted'
    accessKeysAuthentication: 'Disabled'
)") != std::string::npos);
}

}  // namespace
}  // namespace iac::gen::bicep
