/// Pass and fail cases of the Cosmos DB rule family (dsl/policy/rules/cosmos.cpp).

#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/policy/engine.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

const RegisterRuleCases kCases{{
    {"AZ-COSMOS-001", Environment::dev("eastus"), [](Stack& s) { s.add<CosmosAccount>("cosmos"); },
     [](Stack& s) {
       s.add<CosmosAccount>("cosmos", {.entra_only_auth = Control::waived("legacy SDK")});
     }},
    {"AZ-COSMOS-002", Environment::dev("eastus"), [](Stack& s) { s.add<CosmosAccount>("cosmos"); },
     [](Stack& s) {
       s.add<CosmosAccount>("cosmos",
                            {.metadata_writes_through_arm_only = Control::waived("data explorer")});
     }},
    {"AZ-COSMOS-003", Environment::dev("eastus"),
     [](Stack& s) {
       s.add<CosmosAccount>(
           "cosmos", {.public_network = PublicNetwork::allow_from({"203.0.113.0/24"}, "office")});
     },
     [](Stack& s) {
       s.add<CosmosAccount>("cosmos", {.public_network = PublicNetwork::open("demo")});
     }},
    {"AZ-COSMOS-004", Environment::staging("eastus"),
     [](Stack& s) { s.add<CosmosAccount>("cosmos"); },
     [](Stack& s) {
       s.add<CosmosAccount>(
           "cosmos", {.public_network = PublicNetwork::allow_from({"203.0.113.0/24"}, "office")});
     }},
    {"AZ-COSMOS-005", Environment::staging("eastus"),
     [](Stack& s) { s.add<CosmosAccount>("cosmos"); },
     [](Stack& s) { s.add<CosmosAccount>("cosmos", {.backup = CosmosBackup::periodic()}); }},
    {"AZ-COSMOS-006", Environment::prod("eastus"),
     [](Stack& s) { s.add<CosmosAccount>("cosmos", {.capacity = CosmosCapacity::provisioned()}); },
     [](Stack& s) {
       s.add<CosmosAccount>("cosmos",
                            {.capacity = CosmosCapacity::provisioned(), .zone_redundant = false});
     }},
    {"AZ-COSMOS-007", Environment::prod("eastus", "westus"),
     [](Stack& s) { s.add<CosmosAccount>("cosmos", {.capacity = CosmosCapacity::provisioned()}); },
     [](Stack& s) {
       s.add<CosmosAccount>("cosmos",
                            {.capacity = CosmosCapacity::provisioned(), .regions = {"eastus"}});
     }},
}};

// An open firewall is a warning in dev, where an app without VNet integration (Functions on Y1)
// has no listable outbound address and AZ-COSMOS-001 keeps every caller on Entra ID; it stays an
// error where the environments are shared.
TEST_CASE("AZ-COSMOS-003 is a warning in dev and an error in staging and prod") {
  const policy::Rule* rule = policy::find_rule("AZ-COSMOS-003");
  REQUIRE(rule != nullptr);
  CHECK(rule->info.levels.in(Tier::dev) == policy::Level::warning);
  CHECK(rule->info.levels.in(Tier::staging) == policy::Level::error);
  CHECK(rule->info.levels.in(Tier::prod) == policy::Level::error);
  const policy::Rule* guard = policy::find_rule("AZ-COSMOS-001");
  REQUIRE(guard != nullptr);
  CHECK(guard->info.levels.in(Tier::dev) == policy::Level::error);
}

}  // namespace
}  // namespace iac::testing
