#pragma once
/// Key Vault: secrets, keys and certificates, authorized by Azure RBAC.

#include <map>
#include <optional>
#include <string>

#include "dsl/azure/key_vault_key.h"
#include "dsl/azure/key_vault_secret.h"
#include "dsl/core/principal.h"
#include "dsl/core/resource.h"
#include "dsl/core/security.h"

namespace iac::azure {

enum class KeyVaultSku { standard, premium };

class KeyVault;
class RoleAssignment;

/// A reference to a secret by name, for app settings: rendered as
/// `@Microsoft.KeyVault(SecretUri=<vault uri>secrets/<name>/)`, so the platform resolves the
/// latest version at run time and the value never appears in the configuration.
struct KeyVaultSecretReference {
  KeyVault* vault = nullptr;
  std::string secret_name;
  /// A reference to a secret declared in the model also depends on it.
  const KeyVaultSecret* secret = nullptr;

  /// The app-setting value.
  Expr value() const;
};

struct KeyVaultProps {
  /// @default the naming convention: `kv-<app>-<env>` (3-24 characters, globally unique).
  std::optional<std::string> name;
  /// @default standard; premium adds HSM-backed keys.
  KeyVaultSku sku = KeyVaultSku::standard;
  /// Data-plane access through Azure RBAC role assignments, not vault access policies.
  /// @default enforced
  /// @see https://learn.microsoft.com/azure/key-vault/general/rbac-guide
  Control rbac_authorization;
  /// Deleted vaults and objects cannot be purged before the retention ends. It can never be
  /// turned off again once on. @default enforced
  Control purge_protection;
  /// Days a deleted vault or object can be recovered, 7 to 90. @default 90
  int soft_delete_retention_days = 90;
  /// @default no public endpoint: reach the vault through a private endpoint.
  PublicNetwork public_network;
  /// Trusted Azure services pass the firewall. @default true
  bool allow_trusted_azure_services = true;
  /// Let VMs, disk encryption and ARM template deployments read secrets. @default false
  bool enabled_for_deployment = false;
  bool enabled_for_disk_encryption = false;
  bool enabled_for_template_deployment = false;
  std::map<std::string, std::string> tags;
};

/// A vault with RBAC authorization, purge protection and a deny-by-default firewall.
class KeyVault final : public Resource {
 public:
  using Props = KeyVaultProps;
  static const ResourceKind kKind;

  KeyVault(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  std::vector<DiagnosticSource> diagnostic_sources() const override;
  const Props& props() const { return props_; }
  /// One endpoint for the vault's data plane (secrets, keys, certificates).
  std::vector<PrivateLinkService> private_link_services() const override {
    return {{"vault", "privatelink.vaultcore.azure.net"}};
  }
  const PublicNetwork* public_network() const override { return &props_.public_network; }

  /// The vault URI, `https://<name>.vault.azure.net/`.
  Ref uri() const { return ref("uri"); }

  /// Declares a secret in this vault; its value must be secure (see KeyVaultSecretProps).
  KeyVaultSecret& secret(std::string name, KeyVaultSecretProps props);
  /// A Key Vault reference to the secret `name`, for `app.setting(...)`. The secret may be
  /// declared here with secret() or be set outside the model (e.g. by an operator).
  KeyVaultSecretReference secret_reference(std::string name);
  /// Declares a key in this vault (see KeyVaultKeyProps: HSM-backed, expiring, rotated).
  KeyVaultKey& key(std::string name, KeyVaultKeyProps props);
  /// Grants `principal` the Key Vault Crypto Officer role on this vault, once per principal:
  /// creating keys and setting their rotation policy are data-plane operations, which the
  /// deployment identity needs on an RBAC vault.
  RoleAssignment& grant_keys_admin(const Principal& principal);
  /// Grants `principal` the Key Vault Secrets User role on this vault, once per principal.
  RoleAssignment& grant_secrets_read(const Principal& principal);

  void validate(Diagnostics& out) const override;

 private:
  Props props_;
};

}  // namespace iac::azure
