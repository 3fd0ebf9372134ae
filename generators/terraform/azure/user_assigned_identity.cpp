#include "dsl/azure/user_assigned_identity.h"

#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::UserAssignedIdentity&) {
  return "azurerm_user_assigned_identity";
}

std::string attribute(const azure::UserAssignedIdentity&, std::string_view name) {
  if (name == "id" || name == "name" || name == "client_id" || name == "principal_id") {
    return std::string(name);
  }
  unknown_attribute("azurerm_user_assigned_identity", name);
}

void emit(const azure::UserAssignedIdentity& identity, Context& context) {
  auto block = context.open(identity, resource_type(identity));
  context.tags_and_dependencies(identity);
}

}  // namespace iac::gen::terraform
