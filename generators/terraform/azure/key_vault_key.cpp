#include "dsl/azure/key_vault_key.h"

#include "dsl/azure/key_vault.h"
#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::KeyVaultKey&) { return "azurerm_key_vault_key"; }

std::string attribute(const azure::KeyVaultKey&, std::string_view name) {
  // The model's `id` is the Azure resource id (role assignment scopes): azurerm's `id` is the
  // versioned data-plane URI, `resource_versionless_id` the resource id.
  if (name == "id") return "resource_versionless_id";
  if (name == "name" || name == "versionless_id") return std::string(name);
  unknown_attribute("azurerm_key_vault_key", name);
}

void emit(const azure::KeyVaultKey& key, Context& context) {
  const auto& props = key.props();
  auto& w = context.writer();
  // A data-plane object: no location or resource group of its own.
  auto block = w.block("resource", {std::string(resource_type(key)), Context::label(key)});
  w.attribute("name", key.name());
  w.attribute("key_vault_id", context.traversal(key.vault().id()));
  w.attribute("key_type", props.hardware_protection.is_enforced() ? "RSA-HSM" : "RSA");
  w.attribute("key_size", props.key_size);
  hcl::List operations;
  for (auto operation : props.operations)
    operations.emplace_back(std::string(to_string(operation)));
  w.attribute("key_opts", std::move(operations));
  if (!props.expiration_date.empty()) w.attribute("expiration_date", props.expiration_date);
  context.tags_and_dependencies(key);
  if (props.auto_rotation.is_enforced()) {
    auto policy = w.block("rotation_policy");
    w.attribute("expire_after", props.expire_after);
    w.attribute("notify_before_expiry", props.rotate_before_expiry);
    {
      auto automatic = w.block("automatic");
      w.attribute("time_before_expiry", props.rotate_before_expiry);
    }
  }
  if (props.auto_rotation.is_enforced() && !props.expiration_date.empty()) {
    // Each rotation gives the new version its own expiry: Terraform must not set the first
    // version's date back on it.
    auto lifecycle = w.block("lifecycle");
    w.attribute("ignore_changes", hcl::List{hcl::Traversal{{"expiration_date"}}});
  }
}

}  // namespace iac::gen::terraform
