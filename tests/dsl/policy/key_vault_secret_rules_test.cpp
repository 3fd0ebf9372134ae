/// Pass and fail cases of the Key Vault secret rule family (dsl/policy/rules/key_vault_secret.cpp).

#include "dsl/azure/resources.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

/// A vault holding one secret from a secure parameter; `props` sets the rest.
void secret(Stack& s, KeyVaultSecretProps props) {
  props.value = s.parameter("token", {.secure = true});
  s.add<KeyVault>("kv").secret("token", std::move(props));
}

const RegisterRuleCases kCases{{
    {"AZ-KVS-001", Environment::staging("eastus"),
     [](Stack& s) {
       secret(s, {.content_type = "text/plain", .expiration_date = "2026-12-31T00:00:00Z"});
     },
     [](Stack& s) {
       secret(s, {.content_type = "text/plain",
                  .expiry = Control::waived("partner API key, rotated by the partner")});
     }},
}};

}  // namespace
}  // namespace iac::testing
