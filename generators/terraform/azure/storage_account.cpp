#include "dsl/azure/storage_account.h"

#include "dsl/azure/key_vault_key.h"
#include "dsl/azure/user_assigned_identity.h"
#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::StorageAccount&) { return "azurerm_storage_account"; }

std::string attribute(const azure::StorageAccount&, std::string_view name) {
  if (name == "id" || name == "name" || name == "primary_blob_endpoint" ||
      name == "primary_queue_endpoint" || name == "primary_table_endpoint" ||
      name == "primary_access_key") {
    return std::string(name);
  }
  unknown_attribute("azurerm_storage_account", name);
}

void emit(const azure::StorageAccount& account, Context& context) {
  const auto& props = account.props();
  auto block = context.open(account, resource_type(account));
  auto& w = context.writer();
  w.attribute("account_kind", "StorageV2");
  w.attribute("account_tier", "Standard");
  w.attribute("account_replication_type", std::string(to_string(props.replication)));
  w.attribute("access_tier", std::string(to_string(props.access_tier)));
  w.attribute("min_tls_version", "TLS1_2");
  w.attribute("https_traffic_only_enabled", props.https_only.is_enforced());
  w.attribute("public_network_access_enabled", props.public_network.public_endpoint());
  w.attribute("allow_nested_items_to_be_public", !props.private_blobs.is_enforced());
  w.attribute("shared_access_key_enabled", !props.entra_only_auth.is_enforced());
  w.attribute("default_to_oauth_authentication", true);
  w.attribute("cross_tenant_replication_enabled", false);
  w.attribute("local_user_enabled", false);
  w.attribute("sftp_enabled", false);
  w.attribute("infrastructure_encryption_enabled", props.infrastructure_encryption);
  context.tags_and_dependencies(account);
  {
    auto rules = w.block("network_rules");
    w.attribute("default_action", props.public_network.denies_by_default() ? "Deny" : "Allow");
    hcl::List bypass;
    if (props.allow_trusted_azure_services) bypass.emplace_back("AzureServices");
    w.attribute("bypass", std::move(bypass));
    hcl::List ip_rules;
    for (const auto& range : props.public_network.ip_ranges()) ip_rules.emplace_back(range);
    w.attribute("ip_rules", std::move(ip_rules));
  }
  {
    auto blob = w.block("blob_properties");
    w.attribute("versioning_enabled", props.blob_versioning);
    {
      auto retention = w.block("delete_retention_policy");
      w.attribute("days", props.blob_soft_delete_days);
    }
    {
      auto retention = w.block("container_delete_retention_policy");
      w.attribute("days", props.container_soft_delete_days);
    }
  }
  {
    auto sas = w.block("sas_policy");
    w.attribute("expiration_period", props.sas_expiration_period);
    w.attribute("expiration_action", "Log");
  }
  if (const auto& cmk = props.customer_managed_key; cmk && cmk->key && cmk->identity) {
    {
      auto identity = w.block("identity");
      w.attribute("type", "UserAssigned");
      w.attribute("identity_ids", hcl::List{context.traversal(cmk->identity->id())});
    }
    {
      // The versionless key id: the account follows the key's automatic rotations.
      auto key = w.block("customer_managed_key");
      w.attribute("key_vault_key_id", context.traversal(cmk->key->versionless_id()));
      w.attribute("user_assigned_identity_id", context.traversal(cmk->identity->id()));
    }
  }
}

}  // namespace iac::gen::terraform
