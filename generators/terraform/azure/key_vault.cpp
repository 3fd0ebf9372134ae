#include "dsl/azure/key_vault.h"

#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::KeyVault&) { return "azurerm_key_vault"; }

std::string attribute(const azure::KeyVault&, std::string_view name) {
  if (name == "id" || name == "name") return std::string(name);
  if (name == "uri") return "vault_uri";
  unknown_attribute("azurerm_key_vault", name);
}

void emit(const azure::KeyVault& vault, Context& context) {
  const auto& props = vault.props();
  auto block = context.open(vault, resource_type(vault));
  auto& w = context.writer();
  w.attribute("tenant_id", context.value(Builtin::tenant_id));
  w.attribute("sku_name", props.sku == azure::KeyVaultSku::premium ? "premium" : "standard");
  w.attribute("rbac_authorization_enabled", props.rbac_authorization.is_enforced());
  w.attribute("purge_protection_enabled", props.purge_protection.is_enforced());
  w.attribute("soft_delete_retention_days", props.soft_delete_retention_days);
  w.attribute("public_network_access_enabled", props.public_network.public_endpoint());
  w.attribute("enabled_for_deployment", props.enabled_for_deployment);
  w.attribute("enabled_for_disk_encryption", props.enabled_for_disk_encryption);
  w.attribute("enabled_for_template_deployment", props.enabled_for_template_deployment);
  context.tags_and_dependencies(vault);
  {
    auto acls = w.block("network_acls");
    w.attribute("bypass", props.allow_trusted_azure_services ? "AzureServices" : "None");
    w.attribute("default_action", props.public_network.denies_by_default() ? "Deny" : "Allow");
    hcl::List ip_rules;
    for (const auto& range : props.public_network.ip_ranges()) ip_rules.emplace_back(range);
    w.attribute("ip_rules", std::move(ip_rules));
  }
}

}  // namespace iac::gen::terraform
