#pragma once
/// Role assignment: a built-in Azure RBAC role granted to a principal on one resource.

#include <string>
#include <string_view>

#include "dsl/core/principal.h"
#include "dsl/core/resource.h"

namespace iac::azure {

/// The built-in roles the model grants. Each maps to its fixed, documented definition GUID,
/// which is the same in every tenant and subscription.
/// @see https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
enum class BuiltinRole {
  key_vault_administrator,
  key_vault_secrets_officer,
  key_vault_secrets_user,
  storage_account_contributor,
  storage_blob_data_owner,
  storage_blob_data_contributor,
  storage_blob_data_reader,
  storage_queue_data_contributor,
  storage_table_data_contributor,
  monitoring_metrics_publisher,
  acr_pull,
  website_contributor,
  cognitive_services_openai_user,
  cognitive_services_user,
  key_vault_crypto_officer,
  key_vault_crypto_service_encryption_user,
};

/// A built-in role's display name and definition GUID.
struct RoleDefinition {
  std::string_view name;  ///< e.g. "Key Vault Secrets User".
  std::string_view guid;  ///< e.g. "4633458b-17de-408a-b874-0445c86b69e6".
};

const RoleDefinition& definition(BuiltinRole role);

struct RoleAssignmentProps {
  /// The resource the role is granted on. Required.
  Link<Resource> scope;
  /// @default Key Vault Secrets User: the narrowest data-plane read role the model uses most.
  BuiltinRole role = BuiltinRole::key_vault_secrets_user;
  /// Who receives the role: an identity's `principal()` or a parameter. Required.
  Principal principal;
  /// Why the grant exists, shown in the portal. @default none
  std::string description;
};

/// A role assignment. Azure names it by a GUID: Bicep derives it with `guid()` from the scope,
/// the principal's owner and the role, so a redeploy updates it in place.
class RoleAssignment final : public Resource {
 public:
  using Props = RoleAssignmentProps;
  static const ResourceKind kKind;

  RoleAssignment(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  Props props_;
};

/// A construct id for a grant of `role` to `principal`, stable across runs: the role's prefix
/// and the principal owner's path below the stack (`secrets-user-ingestion`).
std::string grant_id(std::string_view prefix, const Principal& principal);

/// Whether `text` is a GUID in its 8-4-4-4-12 hexadecimal form.
bool is_guid(std::string_view text);

}  // namespace iac::azure
