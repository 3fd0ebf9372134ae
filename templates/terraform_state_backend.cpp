#include "templates/terraform_state_backend.h"

#include "dsl/azure/key_vault.h"
#include "dsl/azure/key_vault_key.h"
#include "dsl/azure/resource_group.h"
#include "dsl/azure/role_assignment.h"
#include "dsl/azure/storage_container.h"
#include "dsl/azure/user_assigned_identity.h"
#include "dsl/core/stack.h"

namespace iac::templates {

TerraformStateBackend terraform_state_backend(Stack& stack,
                                              const TerraformStateBackendProps& props) {
  const Environment& env = stack.env();
  // Premium: the key lives in an HSM (the price is per key and operation, not per vault).
  auto& vault = stack.add<azure::KeyVault>(
      kStateVaultId, {.sku = azure::KeyVaultSku::premium, .soft_delete_retention_days = 90});
  auto& key = vault.key(kStateKeyName, {.expiration_date = props.key_expiration_date});
  auto& identity = stack.add<azure::UserAssignedIdentity>(kStateIdentityId, {});
  auto& key_use = key.grant_encryption_use(identity.principal());
  // The deployer creates the key, a data-plane operation that needs the role first.
  key.depends_on(vault.grant_keys_admin(props.deployer));

  auto& account = stack.add<azure::StorageAccount>(
      kStateAccountId,
      {.replication = props.replication.value_or(env.is_prod() ? azure::Replication::gzrs
                                                               : azure::Replication::zrs),
       .public_network = PublicNetwork::disabled(),
       .blob_soft_delete_days = props.soft_delete_days,
       .container_soft_delete_days = props.soft_delete_days,
       .blob_versioning = true,
       .customer_managed_key = azure::CustomerManagedKey{.key = key, .identity = identity}});
  // Azure checks the identity's access to the key when the account is created.
  account.depends_on(key_use);
  auto& container = account.container(kStateContainer);
  stack.add<azure::RoleAssignment>(
      "tfstate-deployer", {.scope = account,
                           .role = azure::BuiltinRole::storage_blob_data_contributor,
                           .principal = props.deployer,
                           .description = "Terraform state: read, write and lease state blobs"});
  return {
      .vault = vault, .key = key, .identity = identity, .account = account, .container = container};
}

StateBackend terraform_state_backend_location(std::string_view app, std::string_view environment,
                                              const NamingConvention& naming) {
  auto name = [&](const ResourceKind& kind, std::string_view id) {
    return naming(
        {.abbreviation = kind.abbreviation, .app = app, .environment = environment, .id = id},
        kind.naming);
  };
  return {.resource_group = name(azure::ResourceGroup::kKind, "rg"),
          .storage_account = name(azure::StorageAccount::kKind, kStateAccountId),
          .container = kStateContainer};
}

}  // namespace iac::templates
