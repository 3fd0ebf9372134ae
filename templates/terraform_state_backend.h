#pragma once
/// TerraformStateBackend: where the Terraform state of an environment's stacks lives, as the
/// production standard asks: its own stack, a storage account with blob versioning, blob and
/// container soft delete, a customer-managed key, shared keys off and no public endpoint.

#include <optional>
#include <string>
#include <string_view>

#include "dsl/azure/storage_account.h"
#include "dsl/core/delivery.h"
#include "dsl/core/naming.h"
#include "dsl/core/principal.h"

namespace iac {
class Stack;
namespace azure {
class KeyVault;
class KeyVaultKey;
class StorageContainer;
class UserAssignedIdentity;
}  // namespace azure
}  // namespace iac

namespace iac::templates {

/// The construct ids the template declares directly under the stack: they make the names.
inline constexpr const char* kStateAccountId = "tfstate";  ///< The storage account.
inline constexpr const char* kStateContainer = "tfstate";  ///< The blob container (and name).
inline constexpr const char* kStateVaultId = "kv";         ///< The vault of the key.
inline constexpr const char* kStateKeyName = "tfstate-cmk";
inline constexpr const char* kStateIdentityId = "cmk";  ///< The account's key identity.

struct TerraformStateBackendProps {
  /// The identity the pipelines deploy with: Storage Blob Data Contributor on the account (the
  /// azurerm backend reads, writes and leases state blobs with Entra ID) and Key Vault Crypto
  /// Officer on the vault (it creates the key). Required.
  Principal deployer;
  /// The fixed expiry of the key's first version, RFC 3339 UTC; Key Vault rotates it 30 days
  /// before and every version after lives a year. Required.
  std::string key_expiration_date;
  /// Days an overwritten or deleted state blob, and a deleted container, can be restored.
  /// @default 30 (the production standard's "soft delete (30 days)")
  int soft_delete_days = 30;
  /// @default GZRS in prod, ZRS elsewhere
  std::optional<azure::Replication> replication;
};

/// What terraform_state_backend() declared.
struct TerraformStateBackend {
  azure::KeyVault& vault;
  azure::KeyVaultKey& key;
  azure::UserAssignedIdentity& identity;
  azure::StorageAccount& account;
  azure::StorageContainer& container;
};

/// Declares, directly under the stack: a premium Key Vault `kv` (RBAC, purge protection) with
/// the HSM key `tfstate-cmk`; the identity `cmk` with Key Vault Crypto Service Encryption
/// User on that key; the storage account `tfstate` (versioning, soft delete, CMK through that
/// identity, Entra ID only, TLS 1.2, private) and its private container `tfstate`; and the
/// deployer's roles. The stack's PrivateNetwork, if any, gives the vault and account their
/// private endpoints; without one both keep a deny-all firewall.
TerraformStateBackend terraform_state_backend(Stack& stack,
                                              const TerraformStateBackendProps& props);

/// The resource group, storage account and container that terraform_state_backend() declares
/// in `app`'s environment `environment` under `naming`: what the apps whose state it keeps put
/// in DeliveryProps::state_backends, computed rather than copied.
StateBackend terraform_state_backend_location(std::string_view app, std::string_view environment,
                                              const NamingConvention& naming = caf_name);

}  // namespace iac::templates
