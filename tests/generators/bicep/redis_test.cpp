#include <doctest/doctest.h>

#include <string>

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
