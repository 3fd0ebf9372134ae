#pragma once
/// Key Vault secret: a value stored in a vault, never written in code.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "dsl/core/resource.h"
#include "dsl/core/security.h"

namespace iac::azure {

class KeyVault;

struct KeyVaultSecretProps {
  /// The secret's name in the vault: 1-127 letters, digits and '-'. Set by `vault.secret(name)`.
  std::optional<std::string> name;
  /// The value: a secure stack parameter (`s.parameter("x", {.secure = true})`) or another
  /// resource's sensitive attribute. A literal would sit in the repository and is refused.
  Expr value;
  /// What the value is, e.g. "text/plain" or "application/x-connection-string". Required.
  /// @see CKV_AZURE_114
  std::string content_type;
  /// When the secret expires, a fixed RFC 3339 UTC time such as "2026-12-31T00:00:00Z" (a
  /// moving `timestamp()` would change every plan). Required while `expiry` is enforced.
  /// @see CKV_AZURE_41
  std::string expiration_date;
  /// The secret expires and must be rotated. @default enforced
  Control expiry;
  std::map<std::string, std::string> tags;
};

/// A secret in a Key Vault, declared with `vault.secret("name", {...})`.
class KeyVaultSecret final : public Resource {
 public:
  using Props = KeyVaultSecretProps;
  static const ResourceKind kKind;

  KeyVaultSecret(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }
  /// The vault that holds the secret (its scope in the tree).
  const KeyVault& vault() const { return *vault_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const KeyVault* vault_;
  Props props_;
};

/// Whether `text` is an RFC 3339 UTC date-time, `YYYY-MM-DDTHH:MM:SSZ`.
bool is_rfc3339_utc(std::string_view text);

}  // namespace iac::azure
