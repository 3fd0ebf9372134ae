/// Key Vault secret rules: every secret expires, so a leaked value stops working.

#include "dsl/azure/key_vault_secret.h"
#include "dsl/policy/rules/families.h"

namespace iac::policy::rules {

using azure::KeyVaultSecret;

/// The model already refuses a secret without `content_type` (IAC-KV-003, CKV_AZURE_114), with
/// a literal value (IAC-KV-002) or with a bad name (IAC-NAME-001, Azure.KeyVault.SecretName):
/// those cannot be weakened, so they are validation errors, not rules.
std::vector<Rule> key_vault_secret() {
  return {
      for_kind<KeyVaultSecret>(
          {.id = "AZ-KVS-001",
           .title = "Key Vault secrets expire",
           .rationale = "A secret without an expiry date is never rotated, and a leaked copy "
                        "works for as long as the system does.",
           .fix = "remove the waiver of `expiry` and set `.expiration_date` to a fixed RFC 3339 "
                  "time, rotating before it",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_41"},
           .psrule = {},
           .benchmark = "DP-6"},
          [](const KeyVaultSecret& secret, const Environment&) -> Problem {
            // The date is what the generators write: with it the secret expires, waiver or not.
            if (!secret.props().expiration_date.empty()) return {};
            return "the secret never expires: " + secret.props().expiry.reason();
          }),
  };
}

}  // namespace iac::policy::rules
