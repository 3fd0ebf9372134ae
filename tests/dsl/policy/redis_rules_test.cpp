/// Pass and fail cases of the Redis rule family (dsl/policy/rules/redis.cpp).

#include "dsl/azure/resources.h"
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

}  // namespace
}  // namespace iac::testing
