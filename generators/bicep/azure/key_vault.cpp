#include "dsl/azure/key_vault.h"

#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

Value reference(const azure::KeyVault&, const std::string& symbol, std::string_view attribute) {
  if (attribute == "uri") return Reference{symbol, {"properties", "vaultUri"}};
  return common_reference(symbol, attribute, "Microsoft.KeyVault/vaults");
}

void emit(const azure::KeyVault& vault, Context& context) {
  const auto& props = vault.props();
  Array ip_rules;
  for (const auto& range : props.public_network.ip_ranges()) {
    ip_rules.emplace_back(Object{{{"value", range}}});
  }
  Object properties{{
      {"tenantId", context.value(Builtin::tenant_id)},
      {"sku", Object{{{"family", "A"},
                      {"name", props.sku == azure::KeyVaultSku::premium ? "premium" : "standard"}}}},
      {"enableRbacAuthorization", props.rbac_authorization.is_enforced()},
      // Soft delete is always on in Azure; writing it satisfies CKV_AZURE_42 and PSRule.
      {"enableSoftDelete", true},
      {"softDeleteRetentionInDays", props.soft_delete_retention_days},
      {"publicNetworkAccess", props.public_network.public_endpoint() ? "Enabled" : "Disabled"},
      {"enabledForDeployment", props.enabled_for_deployment},
      {"enabledForDiskEncryption", props.enabled_for_disk_encryption},
      {"enabledForTemplateDeployment", props.enabled_for_template_deployment},
      {"networkAcls",
       Object{{{"bypass", props.allow_trusted_azure_services ? "AzureServices" : "None"},
               {"defaultAction", props.public_network.denies_by_default() ? "Deny" : "Allow"},
               {"ipRules", std::move(ip_rules)},
               {"virtualNetworkRules", Array{}}}}},
  }};
  // ARM refuses `enablePurgeProtection: false`; a waived control is written by leaving it out.
  if (props.purge_protection.is_enforced()) {
    properties.properties.insert(properties.properties.begin() + 4, {"enablePurgeProtection", true});
  }
  Object body = context.header(vault);
  body.properties.push_back({"properties", std::move(properties)});
  context.write(vault, "Microsoft.KeyVault/vaults@2024-11-01", std::move(body));
}

}  // namespace iac::gen::bicep
