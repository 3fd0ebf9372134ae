#include "dsl/azure/storage_container.h"

#include "dsl/azure/storage_account.h"
#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::StorageContainer&) {
  return "azurerm_storage_container";
}

std::string attribute(const azure::StorageContainer&, std::string_view name) {
  if (name == "id" || name == "name") return std::string(name);
  if (name == "resource_manager_id") return "resource_manager_id";
  unknown_attribute("azurerm_storage_container", name);
}

void emit(const azure::StorageContainer& container, Context& context) {
  const auto& props = container.props();
  auto& w = context.writer();
  auto block =
      w.block("resource", {std::string(resource_type(container)), Context::label(container)});
  w.attribute("name", container.name());
  // The v4 ARM-based attribute: created through Resource Manager, so it works with shared keys
  // disabled and without reaching the account's data plane.
  w.attribute("storage_account_id", context.traversal(container.account().id()));
  w.attribute("container_access_type", props.private_access.is_enforced() ? "private" : "blob");
  if (!props.metadata.empty()) {
    hcl::Object metadata;
    for (const auto& [key, value] : props.metadata) metadata.entries.push_back({key, value});
    w.attribute("metadata", std::move(metadata));
  }
  context.tags_and_dependencies(container);
}

}  // namespace iac::gen::terraform
