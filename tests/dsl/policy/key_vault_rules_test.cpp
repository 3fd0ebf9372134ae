/// Pass and fail cases of the key vault rule family (dsl/policy/rules/key_vault.cpp).

#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/policy/engine.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

const RegisterRuleCases kCases{{
    {"AZ-KV-001", Environment::dev("eastus"), [](Stack& s) { s.add<KeyVault>("kv"); },
     [](Stack& s) { s.add<KeyVault>("kv", {.purge_protection = Control::waived("sandbox")}); }},
    {"AZ-KV-002", Environment::dev("eastus"), [](Stack& s) { s.add<KeyVault>("kv"); },
     [](Stack& s) { s.add<KeyVault>("kv", {.rbac_authorization = Control::waived("legacy")}); }},
    {"AZ-KV-003", Environment::dev("eastus"),
     [](Stack& s) {
       s.add<KeyVault>("kv",
                       {.public_network = PublicNetwork::allow_from({"203.0.113.0/24"}, "runner")});
     },
     [](Stack& s) { s.add<KeyVault>("kv", {.public_network = PublicNetwork::open("demo")}); }},
    {"AZ-KV-004", Environment::prod("eastus"), [](Stack& s) { s.add<KeyVault>("kv"); },
     [](Stack& s) {
       s.add<KeyVault>("kv",
                       {.public_network = PublicNetwork::allow_from({"203.0.113.0/24"}, "runner")});
     }},
    {"AZ-KV-005", Environment::prod("eastus"), [](Stack& s) { s.add<KeyVault>("kv"); },
     [](Stack& s) { s.add<KeyVault>("kv", {.soft_delete_retention_days = 30}); }},
}};

// An open firewall is a warning in dev, where an app without VNet integration (Functions on Y1)
// has no listable outbound address and AZ-KV-002 keeps every caller on Entra ID; it stays an
// error where the environments are shared.
TEST_CASE("AZ-KV-003 is a warning in dev and an error in staging and prod") {
  const policy::Rule* rule = policy::find_rule("AZ-KV-003");
  REQUIRE(rule != nullptr);
  CHECK(rule->info.levels.in(Tier::dev) == policy::Level::warning);
  CHECK(rule->info.levels.in(Tier::staging) == policy::Level::error);
  CHECK(rule->info.levels.in(Tier::prod) == policy::Level::error);
  const policy::Rule* guard = policy::find_rule("AZ-KV-002");
  REQUIRE(guard != nullptr);
  CHECK(guard->info.levels.in(Tier::dev) == policy::Level::error);
}

}  // namespace
}  // namespace iac::testing
