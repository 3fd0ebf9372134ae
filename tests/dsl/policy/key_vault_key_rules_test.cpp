/// Pass and fail cases of the Key Vault key rule family (dsl/policy/rules/key_vault_key.cpp).

#include "dsl/azure/resources.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

constexpr const char* kExpiry = "2027-12-01T00:00:00Z";

/// A premium vault holding one key; `props` sets the rest.
void key(Stack& s, KeyVaultKeyProps props) {
  s.add<KeyVault>("kv", {.sku = KeyVaultSku::premium}).key("cmk", std::move(props));
}

const RegisterRuleCases kCases{{
    {"AZ-KVK-001", Environment::staging("eastus"),
     [](Stack& s) { key(s, {.expiration_date = kExpiry}); },
     [](Stack& s) { key(s, {.expiry = Control::waived("archive key, revoked by hand")}); }},
    {"AZ-KVK-002", Environment::prod("eastus"),
     [](Stack& s) { key(s, {.expiration_date = kExpiry}); },
     [](Stack& s) {
       key(s, {.hardware_protection = Control::waived("software key"), .expiration_date = kExpiry});
     }},
    {"AZ-KVK-003", Environment::staging("eastus"),
     [](Stack& s) { key(s, {.expiration_date = kExpiry}); },
     [](Stack& s) {
       key(s, {.expiration_date = kExpiry,
               .auto_rotation = Control::waived("rotated by the HSM team's runbook")});
     }},
}};

}  // namespace
}  // namespace iac::testing
