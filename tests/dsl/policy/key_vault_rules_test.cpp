/// Pass and fail cases of the key vault rule family (dsl/policy/rules/key_vault.cpp).

#include "dsl/azure/resources.h"
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

}  // namespace
}  // namespace iac::testing
