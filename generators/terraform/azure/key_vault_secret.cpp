#include "dsl/azure/key_vault_secret.h"

#include "dsl/azure/key_vault.h"
#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::KeyVaultSecret&) { return "azurerm_key_vault_secret"; }

std::string attribute(const azure::KeyVaultSecret&, std::string_view name) {
  if (name == "id" || name == "name" || name == "versionless_id") return std::string(name);
  unknown_attribute("azurerm_key_vault_secret", name);
}

void emit(const azure::KeyVaultSecret& secret, Context& context) {
  const auto& props = secret.props();
  auto& w = context.writer();
  // A data-plane object: no location or resource group of its own.
  auto block = w.block("resource", {std::string(resource_type(secret)), Context::label(secret)});
  w.attribute("name", secret.name());
  w.attribute("key_vault_id", context.traversal(secret.vault().id()));
  // `value_wo` would keep it out of state but needs Terraform 1.11; the state backend is
  // reached with Entra ID only.
  w.attribute("value", context.value(props.value));
  w.attribute("content_type", props.content_type);
  if (!props.expiration_date.empty()) w.attribute("expiration_date", props.expiration_date);
  context.tags_and_dependencies(secret);
}

}  // namespace iac::gen::terraform
