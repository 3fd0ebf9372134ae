#include <doctest/doctest.h>

#include <string>

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

TEST_CASE("managed redis is reported, not dropped, by the Terraform generator") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<ManagedRedis>("amr"); });
  auto result = testing::synthesize(app);
  const auto& d = result.diagnostic("IAC-REDIS-009");
  CHECK(d.severity == Severity::error);
  CHECK(d.path == "app/dev/amr");
  CHECK(d.message.find("not expressible in this provider version") != std::string::npos);
  CHECK(result.file("app/dev/terraform/main.tf").find("azurerm_managed_redis") ==
        std::string::npos);
}

}  // namespace
}  // namespace iac::gen::terraform
