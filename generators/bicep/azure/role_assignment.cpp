#include "dsl/azure/role_assignment.h"

#include "dsl/azure/resource_group.h"
#include "dsl/core/stack.h"
#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

Value reference(const azure::RoleAssignment&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Authorization/roleAssignments");
}

void emit(const azure::RoleAssignment& assignment, Context& context) {
  const auto& props = assignment.props();
  const azure::RoleDefinition& role = azure::definition(props.role);
  const Resource* scope = props.scope.get();
  const bool group_scope = scope == static_cast<const Resource*>(&context.stack().resource_group());

  // The name must be known when the deployment starts (BCP120), so it is derived from the
  // principal's owner resource id rather than its runtime principal id; a parameter (a group
  // or user object id) is known at start and used as is.
  Value principal_key = context.value(props.principal.object_id);
  const auto refs = props.principal.object_id.refs();
  if (!refs.empty() && refs.front().target != nullptr) {
    principal_key = context.reference(refs.front().target->id());
  }
  Call name{.function = "guid",
            .arguments = {scope ? context.reference(scope->id()) : Value(std::string()),
                          principal_key, std::string(role.guid)}};
  Object body{{{"name", std::move(name)}}};
  // In resources.bicep the deployment scope is the resource group itself.
  if (scope && !group_scope)
    body.properties.push_back({"scope", Reference{Context::symbol(*scope), {}}});
  Object properties{{
      {"roleDefinitionId", Call{.function = "subscriptionResourceId",
                                .string_arguments = {"Microsoft.Authorization/roleDefinitions",
                                                     std::string(role.guid)}}},
      {"principalId", context.value(props.principal.object_id)},
      {"principalType", std::string(to_string(props.principal.kind))},
  }};
  if (!props.description.empty())
    properties.properties.push_back({"description", props.description});
  body.properties.push_back({"properties", std::move(properties)});
  context.write(assignment, "Microsoft.Authorization/roleAssignments@2022-04-01", std::move(body));
}

}  // namespace iac::gen::bicep
