#include "dsl/azure/role_assignment.h"

#include "dsl/core/resource_id.h"
#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::RoleAssignment&) { return "azurerm_role_assignment"; }

std::string attribute(const azure::RoleAssignment&, std::string_view name) {
  return id_or_name("azurerm_role_assignment", name);
}

void emit(const azure::RoleAssignment& assignment, Context& context) {
  const auto& props = assignment.props();
  const azure::RoleDefinition& role = azure::definition(props.role);
  auto& w = context.writer();
  // No name, location or resource group: Azure names the assignment with a GUID.
  auto block =
      w.block("resource", {std::string(resource_type(assignment)), Context::label(assignment)});
  // An adopted assignment keeps the GUID Azure knows it by.
  if (assignment.adopted()) w.attribute("name", name_in_resource_id(*assignment.adopted_id()));
  // The definition by its GUID, the same one the Bicep output uses; the name is for readers.
  w.comment(std::string(role.name));
  if (props.scope) w.attribute("scope", context.traversal(props.scope->id()));
  w.attribute("role_definition_id",
              context.value("/subscriptions/" + Expr(Builtin::subscription_id) +
                            "/providers/Microsoft.Authorization/roleDefinitions/" +
                            std::string(role.guid)));
  w.attribute("principal_id", context.value(props.principal.object_id));
  // Given explicitly, Azure does not look up a just-created identity (and fail on replication).
  w.attribute("principal_type", std::string(to_string(props.principal.kind)));
  if (!props.description.empty()) w.attribute("description", props.description);
  context.tags_and_dependencies(assignment);
}

}  // namespace iac::gen::terraform
