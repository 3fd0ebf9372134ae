#pragma once
/// Key Vault key: an RSA key for customer-managed encryption at rest, HSM-backed, expiring and
/// rotated automatically by Key Vault.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/principal.h"
#include "dsl/core/resource.h"
#include "dsl/core/security.h"

namespace iac::azure {

class KeyVault;
class RoleAssignment;

/// What a key may be used for. Encryption at rest (storage, Cosmos DB, disks) only wraps and
/// unwraps data keys.
enum class KeyOperation { decrypt, encrypt, sign, verify, wrap_key, unwrap_key };
std::string_view to_string(KeyOperation operation);  ///< "wrapKey", "unwrapKey", ...

struct KeyVaultKeyProps {
  /// The key's name in the vault: 1-127 letters, digits and '-'. Set by `vault.key(name)`.
  std::optional<std::string> name;
  /// The key never leaves a FIPS 140 Level 3 HSM (RSA-HSM); needs a premium vault. Waive it
  /// (software-protected RSA) only where a standard vault is enough, e.g. dev.
  /// @default enforced
  /// @see CKV_AZURE_112
  Control hardware_protection;
  /// RSA modulus length: 3072 or 4096 bits (2048 is refused: below current guidance for keys
  /// that protect data for years). @default 3072
  int key_size = 3072;
  /// @default wrap and unwrap only: what encryption at rest needs, nothing more.
  std::vector<KeyOperation> operations = {KeyOperation::wrap_key, KeyOperation::unwrap_key};
  /// When the first version expires, a fixed RFC 3339 UTC time such as "2027-12-31T00:00:00Z" (a
  /// moving `timestamp()` would change every plan). Required while `expiry` is enforced; later
  /// versions take their expiry from `expire_after`.
  /// @see CKV_AZURE_40
  std::string expiration_date;
  /// The key expires. @default enforced
  Control expiry;
  /// Key Vault creates a new version `rotate_before_expiry` before each version expires;
  /// services that use the versionless key id pick it up without a deployment.
  /// @default enforced
  /// @see Azure.KeyVault.AutoRotationPolicy
  Control auto_rotation;
  /// Lifetime of each rotated version, an ISO 8601 duration of at least 28 days. @default P1Y
  std::string expire_after = "P1Y";
  /// When to rotate (and notify), before expiry; at least 7 days. @default P30D
  std::string rotate_before_expiry = "P30D";
  std::map<std::string, std::string> tags;
};

/// A key in a Key Vault, declared with `vault.key("name", {...})`.
class KeyVaultKey final : public Resource {
 public:
  using Props = KeyVaultKeyProps;
  static const ResourceKind kKind;

  KeyVaultKey(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }
  /// The vault that holds the key (its scope in the tree).
  const KeyVault& vault() const { return *vault_; }

  /// The key's URI without a version, `https://<vault>.vault.azure.net/keys/<name>`: services
  /// that encrypt with it follow its rotations.
  Ref versionless_id() const { return ref("versionless_id"); }

  /// Grants `principal` the Key Vault Crypto Service Encryption User role on this key only
  /// (wrap/unwrap, read the key), once per principal: what a storage account's identity needs
  /// to encrypt with it.
  RoleAssignment& grant_encryption_use(const Principal& principal);

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  KeyVault* vault_;
  Props props_;
};

/// Days in an ISO 8601 duration of one unit, `P<n>D`, `P<n>M` (30 days) or `P<n>Y` (365 days);
/// nothing when `text` is not of that form.
std::optional<int> iso8601_days(std::string_view text);

}  // namespace iac::azure
