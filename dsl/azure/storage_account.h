#pragma once
/// Storage account: blobs, queues and tables, locked to Entra ID and private access by default.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "dsl/azure/storage_container.h"
#include "dsl/core/resource.h"
#include "dsl/core/security.h"

namespace iac::azure {

class KeyVaultKey;
class UserAssignedIdentity;

/// Encryption at rest with a key the team holds in its own vault instead of a Microsoft-managed
/// one: revoking the identity's access to the key makes the data unreadable, and the key's
/// expiry and rotation are the team's. The account follows the key's rotations (the versionless
/// key id). The identity needs Key Vault Crypto Service Encryption User on the key
/// (`key.grant_encryption_use(identity.principal())`), granted before the account uses it.
/// @see https://learn.microsoft.com/azure/storage/common/customer-managed-keys-overview
struct CustomerManagedKey {
  /// A key with wrap and unwrap operations, in a vault with purge protection. Required.
  Link<KeyVaultKey> key;
  /// The user-assigned identity the account reads the key with. Required.
  Link<UserAssignedIdentity> identity;
};

/// How many copies Azure keeps, and where. Production wants a geo-redundant one.
enum class Replication { lrs, zrs, grs, gzrs, ragrs, ragzrs };
std::string_view to_string(Replication replication);  ///< "LRS", "ZRS", ...
bool is_geo_redundant(Replication replication);

enum class AccessTier { hot, cool, cold };
std::string_view to_string(AccessTier tier);  ///< "Hot", "Cool", "Cold"

struct StorageAccountProps {
  /// @default the naming convention: `st<app><env>` (3-24 lowercase letters and digits,
  /// globally unique).
  std::optional<std::string> name;
  /// @default ZRS: survives a zone outage; use GZRS in production.
  Replication replication = Replication::zrs;
  /// @default Hot
  AccessTier access_tier = AccessTier::hot;
  /// @default no public endpoint: reach the account through private endpoints.
  /// @see https://learn.microsoft.com/azure/storage/common/storage-network-security
  PublicNetwork public_network;
  /// Trusted Azure services (backup, monitoring) pass the firewall. @default true
  bool allow_trusted_azure_services = true;
  /// Data access only with Microsoft Entra ID: shared keys and account SAS are disabled.
  /// Functions on Consumption plans need keys for their content share; waive it there.
  /// @default enforced
  /// @see https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent
  Control entra_only_auth;
  /// No container or blob can be made anonymously readable. @default enforced
  Control private_blobs;
  /// Requests over plain HTTP are refused. @default enforced
  Control https_only;
  /// A second layer of encryption at rest (cannot be changed later). @default true
  bool infrastructure_encryption = true;
  /// Days a deleted blob, and a deleted container, can be restored. 1 to 365. @default 7
  int blob_soft_delete_days = 7;
  int container_soft_delete_days = 7;
  /// Keep previous versions of every blob. @default true
  bool blob_versioning = true;
  /// @default none: Microsoft-managed keys (still AES-256, with `infrastructure_encryption`).
  std::optional<CustomerManagedKey> customer_managed_key;
  /// Longest validity of a SAS token, `d.hh:mm:ss`; longer ones are logged. @default 1 day
  std::string sas_expiration_period = "1.00:00:00";
  std::map<std::string, std::string> tags;
};

/// A StorageV2 account with TLS 1.2, HTTPS only, no anonymous access and Entra-only auth.
class StorageAccount final : public Resource {
 public:
  using Props = StorageAccountProps;
  static const ResourceKind kKind;

  StorageAccount(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  std::vector<DiagnosticSource> diagnostic_sources() const override;
  const Props& props() const { return props_; }
  /// Blob always (containers and the data the account holds); queue and table too when a
  /// function app uses the account as its host storage (keys and leases in blobs, trigger
  /// bookkeeping in queues and tables), and file when that app's plan (Y1, Elastic Premium)
  /// mounts its content share on Azure Files. An endpoint per unused service would cost
  /// without serving traffic.
  std::vector<PrivateLinkService> private_link_services() const override;
  const PublicNetwork* public_network() const override { return &props_.public_network; }

  Ref primary_blob_endpoint() const { return ref("primary_blob_endpoint"); }
  Ref primary_queue_endpoint() const { return ref("primary_queue_endpoint"); }
  Ref primary_table_endpoint() const { return ref("primary_table_endpoint"); }
  /// The first account key (sensitive). Only for what cannot use Entra ID, such as the Azure
  /// Files content share of Functions on Consumption and Elastic Premium plans.
  Ref primary_access_key() const { return ref("primary_access_key", /*sensitive=*/true); }

  /// Adds a private blob container; `id` is also its name unless props set one.
  StorageContainer& container(std::string id, StorageContainerProps props = {});

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  Props props_;
};

}  // namespace iac::azure
