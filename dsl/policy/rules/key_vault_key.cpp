/// Key Vault key rules: keys that protect data at rest live in an HSM, expire and rotate.

#include "dsl/azure/key_vault_key.h"
#include "dsl/policy/rules/families.h"

namespace iac::policy::rules {

using azure::KeyVaultKey;

/// The model refuses RSA keys under 3072 bits (IAC-KV-007), an HSM key in a standard vault
/// (IAC-KV-006) and malformed dates and durations: those are validation errors, not rules.
std::vector<Rule> key_vault_key() {
  return {
      for_kind<KeyVaultKey>(
          {.id = "AZ-KVK-001",
           .title = "Key Vault keys expire",
           .rationale = "A key without an expiry date is never retired, and whatever it "
                        "protects stays decryptable with it for as long as it exists.",
           .fix = "remove the waiver of `expiry` and set `.expiration_date` to a fixed RFC 3339 "
                  "time; `auto_rotation` renews the key before it",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_40"},
           .psrule = {},
           .benchmark = "DP-6"},
          [](const KeyVaultKey& key, const Environment&) -> Problem {
            // The date is what the generators write: with it the key expires, waiver or not.
            if (!key.props().expiration_date.empty()) return {};
            return "the key never expires: " + key.props().expiry.reason();
          }),
      for_kind<KeyVaultKey>(
          {.id = "AZ-KVK-002",
           .title = "Key Vault keys are HSM-backed in prod",
           .rationale = "A software-protected key can be used by anyone who obtains the vault's "
                        "data-plane rights; an HSM key never leaves FIPS 140 Level 3 hardware.",
           .fix = "remove the waiver of `hardware_protection` and use a premium vault",
           .levels = {.dev = Level::off, .staging = Level::warning, .prod = Level::error},
           .checkov = {"CKV_AZURE_112"},
           .psrule = {},
           .benchmark = "DP-5"},
          [](const KeyVaultKey& key, const Environment&) -> Problem {
            if (key.props().hardware_protection.is_enforced()) return {};
            return "the key is software-protected: " + key.props().hardware_protection.reason();
          }),
      for_kind<KeyVaultKey>(
          {.id = "AZ-KVK-003",
           .title = "Key Vault keys rotate automatically",
           .rationale = "A key rotated by hand is rotated late or never; with a rotation policy "
                        "Key Vault creates the next version before the current one expires, and "
                        "services using the versionless id follow.",
           .fix = "remove the waiver of `auto_rotation`",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {"Azure.KeyVault.AutoRotationPolicy"},
           .benchmark = "DP-6"},
          [](const KeyVaultKey& key, const Environment&) -> Problem {
            if (key.props().auto_rotation.is_enforced()) return {};
            return "the key has no rotation policy: " + key.props().auto_rotation.reason();
          }),
  };
}

}  // namespace iac::policy::rules
