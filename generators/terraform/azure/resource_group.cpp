#include "dsl/azure/resource_group.h"

#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::ResourceGroup&) { return "azurerm_resource_group"; }

std::string attribute(const azure::ResourceGroup&, std::string_view name) {
  if (name == "id" || name == "name" || name == "location") return std::string(name);
  unknown_attribute("azurerm_resource_group", name);
}

void emit(const azure::ResourceGroup& group, Context& context) {
  auto block = context.open(group, resource_type(group));
  context.tags_and_dependencies(group);
}

}  // namespace iac::gen::terraform
