#include "dsl/azure/resource_group.h"

#include "generators/bicep/azure/emitters.h"
#include "generators/bicep/references.h"

namespace iac::gen::bicep {

/// Resources live in resources.bicep, deployed into the group: there the group is
/// `resourceGroup()`, not a symbol.
Value reference(const azure::ResourceGroup&, const std::string&, std::string_view attribute) {
  if (attribute == "id" || attribute == "name" || attribute == "location") {
    return Call{"resourceGroup", {std::string(attribute)}};
  }
  return common_reference("resourceGroup", attribute, "Microsoft.Resources/resourceGroups");
}

void emit(const azure::ResourceGroup& group, Context& context) {
  context.main().resource(Context::symbol(group), kResourceGroupType,
                          context.with_overrides(group, context.header(group)),
                          adoption_comments(group));
}

}  // namespace iac::gen::bicep
