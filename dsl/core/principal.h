#pragma once
/// Principal: who receives a role (a managed identity, a group or a user), by object id.

#include <string>
#include <string_view>

#include "dsl/core/expr.h"

namespace iac {

/// The kind of Entra ID object a principal id names; role assignments record it so that
/// Azure does not have to look it up (and fail on a just-created identity).
enum class PrincipalKind { service_principal, group, user };

/// Azure's name of the kind, as role assignments carry it in every format: "ServicePrincipal",
/// "Group", "User".
constexpr std::string_view to_string(PrincipalKind kind) {
  switch (kind) {
    case PrincipalKind::service_principal: return "ServicePrincipal";
    case PrincipalKind::group: return "Group";
    case PrincipalKind::user: return "User";
  }
  return "ServicePrincipal";
}

/// A principal to grant a role to. Identities of the model produce one
/// (`func.identity()`); a group or user comes from a parameter.
struct Principal {
  /// The object id: a Ref to an identity's `principal_id`, or a parameter.
  Expr object_id;
  PrincipalKind kind = PrincipalKind::service_principal;
  /// The construct path of the identity's owner, or a description, for messages.
  std::string description;
};

}  // namespace iac
