#pragma once
/// User-assigned managed identity: an Entra ID identity with its own lifecycle, shared by apps.

#include <map>
#include <optional>
#include <string>

#include "dsl/core/principal.h"
#include "dsl/core/resource.h"

namespace iac::azure {

struct UserAssignedIdentityProps {
  /// @default the naming convention: `id-<app>-<env>`.
  std::optional<std::string> name;
  std::map<std::string, std::string> tags;
};

/// An identity that outlives the apps using it, so role assignments survive an app's
/// re-creation. Grant it roles with `RoleAssignment` or a resource's `grant_*` helpers.
class UserAssignedIdentity final : public Resource {
 public:
  using Props = UserAssignedIdentityProps;
  static const ResourceKind kKind;

  UserAssignedIdentity(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }

  /// The application (client) id, for SDKs and `AZURE_CLIENT_ID`.
  Ref client_id() const { return ref("client_id"); }
  /// The object id of the identity's service principal: what role assignments name.
  Ref principal_id() const { return ref("principal_id"); }
  /// This identity as the receiver of a role.
  Principal principal() const {
    return {.object_id = principal_id(),
            .kind = PrincipalKind::service_principal,
            .description = path()};
  }

 private:
  Props props_;
};

}  // namespace iac::azure
