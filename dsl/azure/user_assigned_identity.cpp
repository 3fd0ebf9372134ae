#include "dsl/azure/user_assigned_identity.h"

namespace iac::azure {

const ResourceKind UserAssignedIdentity::kKind{.name = "User-assigned identity",
                                               .abbreviation = "id",
                                               .naming = {.min_length = 3,
                                                          .max_length = 128,
                                                          .charset = "letters, digits, '-' and '_'",
                                                          .allowed = chars::alnum_hyphen_underscore,
                                                          .first = chars::alnum}};

UserAssignedIdentity::UserAssignedIdentity(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {}

}  // namespace iac::azure
