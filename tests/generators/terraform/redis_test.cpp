#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/cosmos.h"  // stable_guid
#include "dsl/azure/managed_redis.h"
#include "dsl/azure/redis_cache.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::gen::terraform {
namespace {

using namespace iac::azure;

TEST_CASE("a redis cache writes TLS, ports, Entra ID and network explicitly") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<RedisCache>("redis"); });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  CHECK(tf.find(R"(resource "azurerm_redis_cache" "redis" {
  name                               = "redis-app-dev"
  location                           = "eastus"
  resource_group_name                = azurerm_resource_group.rg.name
  sku_name                           = "Standard"
  family                             = "C"
  capacity                           = 1
  redis_version                      = "6"
  minimum_tls_version                = "1.2"
  non_ssl_port_enabled               = false
  public_network_access_enabled      = false
  access_keys_authentication_enabled = false
)") != std::string::npos);
  CHECK(tf.find(R"(  redis_configuration {
    active_directory_authentication_enabled = true
    maxmemory_reserved                      = 103
  }
)") != std::string::npos);
}

TEST_CASE("premium zones and replicas are written, basic has no maxmemory_reserved") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<RedisCache>("premium",
                      {.sku = RedisSku::premium, .zones = {"1", "2"}, .replicas_per_primary = 1});
    s.add<RedisCache>("basic", {.sku = RedisSku::basic, .capacity = 0});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  CHECK(tf.find("  zones                              = [\"1\", \"2\"]\n"
                "  replicas_per_primary               = 1\n") != std::string::npos);
  auto basic = tf.find(R"("azurerm_redis_cache" "basic")");
  REQUIRE(basic != std::string::npos);
  CHECK(tf.find("maxmemory_reserved", basic) == std::string::npos);
}

TEST_CASE("a grant is an access policy assignment on the cache, after the one before") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& cache = s.add<RedisCache>("redis");
    cache.grant_data_contributor({.object_id = s.parameter("writer_object_id")});
    cache.grant_data_reader({.object_id = s.parameter("reader_object_id")});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  const std::string contributor = stable_guid(
      "redis-access-policy-assignment:app/dev/redis/"
      "data-contributor-1");
  const std::string reader =
      stable_guid("redis-access-policy-assignment:app/dev/redis/data-reader-1");
  // A child of the cache: no location, resource group or tags.
  CHECK(tf.find(
            R"(resource "azurerm_redis_cache_access_policy_assignment" "redis_data_contributor_1" {
  name               = ")" +
            contributor + R"("
  redis_cache_id     = azurerm_redis_cache.redis.id
  access_policy_name = "Data Contributor"
  object_id          = var.writer_object_id
  object_id_alias    = var.writer_object_id
}
)") != std::string::npos);
  CHECK(tf.find(R"(resource "azurerm_redis_cache_access_policy_assignment" "redis_data_reader_1" {
  name               = ")" +
                reader + R"("
  redis_cache_id     = azurerm_redis_cache.redis.id
  access_policy_name = "Data Reader"
  object_id          = var.reader_object_id
  object_id_alias    = var.reader_object_id
  depends_on         = [azurerm_redis_cache_access_policy_assignment.redis_data_contributor_1]
}
)") != std::string::npos);
}

TEST_CASE("managed redis writes every security setting of the cluster and its database") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<ManagedRedis>("amr"); });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  CHECK(tf.find(R"(resource "azurerm_managed_redis" "amr" {
  name                      = "amr-app-dev"
  location                  = "eastus"
  resource_group_name       = azurerm_resource_group.rg.name
  sku_name                  = "Balanced_B1"
  high_availability_enabled = true
  public_network_access     = "Disabled"
)") != std::string::npos);
  CHECK(tf.find(R"(  default_database {
    access_keys_authentication_enabled = false
    client_protocol                    = "Encrypted"
    clustering_policy                  = "OSSCluster"
    eviction_policy                    = "VolatileLRU"
  }
)") != std::string::npos);
}

TEST_CASE("managed redis writes waived controls and an opened network as stated") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<ManagedRedis>("amr", {.sku = "MemoryOptimized_M10",
                                .high_availability = Control::waived("sandbox cache"),
                                .public_network = PublicNetwork::open("sandbox, no data"),
                                .entra_only_auth = Control::waived("legacy client")});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  CHECK(tf.find("  sku_name                  = \"MemoryOptimized_M10\"\n"
                "  high_availability_enabled = false\n"
                "  public_network_access     = \"Enabled\"\n") != std::string::npos);
  CHECK(tf.find("    access_keys_authentication_enabled = true\n") != std::string::npos);
  // TLS stays on whatever the auth: the model has no plaintext option.
  CHECK(tf.find("    client_protocol                    = \"Encrypted\"\n") != std::string::npos);
}

TEST_CASE("a reference to a managed redis host name renders as its attribute") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& cache = s.add<ManagedRedis>("amr");
    s.output("redis_host", cache.hostname());
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  CHECK(result.file("app/dev/terraform/outputs.tf")
            .find("value = azurerm_managed_redis.amr.hostname") != std::string::npos);
}

}  // namespace
}  // namespace iac::gen::terraform
