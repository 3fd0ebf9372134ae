/// Pass and fail cases of the Redis rule family (dsl/policy/rules/redis.cpp).

#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/policy/engine.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

const RegisterRuleCases kCases{{
    {"AZ-REDIS-001", Environment::staging("eastus"), [](Stack& s) { s.add<RedisCache>("redis"); },
     [](Stack& s) {
       s.add<RedisCache>("redis", {.entra_only_auth = Control::waived("client without Entra")});
     }},
    {"AZ-REDIS-002", Environment::staging("eastus"), [](Stack& s) { s.add<RedisCache>("redis"); },
     [](Stack& s) { s.add<RedisCache>("redis", {.public_network = PublicNetwork::open("demo")}); }},
    // Dev reports an open cache too, as a warning.
    {"AZ-REDIS-002", Environment::dev("eastus"),
     [](Stack& s) { s.add<RedisCache>("redis", {.sku = RedisSku::basic, .capacity = 0}); },
     [](Stack& s) {
       s.add<RedisCache>("redis", {.sku = RedisSku::basic,
                                   .capacity = 0,
                                   .public_network = PublicNetwork::open("Y1 caller")});
     }},
    {"AZ-REDIS-003", Environment::prod("eastus"), [](Stack& s) { s.add<RedisCache>("redis"); },
     [](Stack& s) { s.add<RedisCache>("redis", {.sku = RedisSku::standard, .capacity = 0}); }},
    {"AZ-AMR-001", Environment::staging("eastus"), [](Stack& s) { s.add<ManagedRedis>("amr"); },
     [](Stack& s) {
       s.add<ManagedRedis>("amr", {.entra_only_auth = Control::waived("client without Entra")});
     }},
    {"AZ-AMR-002", Environment::staging("eastus"), [](Stack& s) { s.add<ManagedRedis>("amr"); },
     [](Stack& s) { s.add<ManagedRedis>("amr", {.public_network = PublicNetwork::open("demo")}); }},
    {"AZ-AMR-003", Environment::prod("eastus"), [](Stack& s) { s.add<ManagedRedis>("amr"); },
     [](Stack& s) {
       s.add<ManagedRedis>("amr", {.high_availability = Control::waived("cache only")});
     }},
}};

TEST_CASE("AZ-REDIS-002 is a warning in dev and an error in staging and prod") {
  const policy::Rule* rule = policy::find_rule("AZ-REDIS-002");
  REQUIRE(rule != nullptr);
  CHECK(rule->info.levels.in(Tier::dev) == policy::Level::warning);
  CHECK(rule->info.levels.in(Tier::staging) == policy::Level::error);
  CHECK(rule->info.levels.in(Tier::prod) == policy::Level::error);
}

}  // namespace
}  // namespace iac::testing
