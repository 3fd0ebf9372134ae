#include "dsl/azure/resource_group.h"

namespace iac::azure {

const ResourceKind ResourceGroup::kKind{
    .name = "Resource group",
    .abbreviation = "rg",
    .naming = {.min_length = 1,
               .max_length = 90,
               .charset = "letters, digits, '-', '_', '.', '(' and ')'",
               .allowed = chars::resource_group,
               .last = chars::not_period,
               .scope = NameScope::subscription}};

ResourceGroup::ResourceGroup(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), std::move(props.name), std::move(props.tags)) {}

}  // namespace iac::azure
