/// Role assignment rules: least privilege, on the resource that needs it, to groups and
/// workload identities rather than people.

#include <string>

#include "dsl/azure/resource_group.h"
#include "dsl/azure/role_assignment.h"
#include "dsl/core/stack.h"
#include "dsl/policy/rules/families.h"

namespace iac::policy::rules {

using azure::BuiltinRole;
using azure::RoleAssignment;

namespace {

/// Roles that administer a resource rather than use its data: Storage Account Contributor
/// can list the account keys, Website Contributor can read publishing credentials and app
/// settings, and the Key Vault roles can write, delete and purge every secret. (The model
/// offers no Owner, Contributor or User Access Administrator at all.)
bool administrative(BuiltinRole role) {
  return role == BuiltinRole::key_vault_administrator ||
         role == BuiltinRole::key_vault_secrets_officer ||
         role == BuiltinRole::storage_account_contributor ||
         role == BuiltinRole::website_contributor;
}

std::string role_name(const RoleAssignment& grant) {
  return std::string(azure::definition(grant.props().role).name);
}

/// The principal for a message: its owner's path, else its literal object id.
std::string who(const Principal& principal) {
  if (!principal.description.empty()) return principal.description;
  return principal.object_id.is_literal() ? principal.object_id.literal() : "a parameter";
}

}  // namespace

std::vector<Rule> role_assignment() {
  return {
      for_kind<RoleAssignment>(
          {.id = "AZ-ROLE-001",
           .title = "Roles are granted on a resource, not on the resource group",
           .rationale = "A role on the resource group covers every resource in it, including "
                        "those added later: Key Vault Secrets User there reads every vault's "
                        "secrets.",
           .fix = "set `.scope` to the resource the principal uses (the vault, the account), "
                  "e.g. with `vault.grant_secrets_read(principal)`",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {},
           .benchmark = "PA-7"},
          [](const RoleAssignment& grant, const Environment&) -> Problem {
            if (grant.props().scope.get() != &grant.stack().resource_group()) return {};
            return role_name(grant) + " is granted on the whole resource group to " +
                   who(grant.props().principal);
          }),
      for_kind<RoleAssignment>(
          {.id = "AZ-ROLE-002",
           .title = "Workload identities hold no administrative role",
           .rationale = "An app's identity is reachable by anyone who runs code in the app; "
                        "with an administrative role a compromised app can read keys, rewrite "
                        "secrets or redeploy itself.",
           .fix = "grant a data role instead (Key Vault Secrets User, Storage Blob Data "
                  "Reader/Contributor); a deployment identity that must administer: suppress "
                  "AZ-ROLE-002 on the grant with that reason",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {},
           .benchmark = "PA-7"},
          [](const RoleAssignment& grant, const Environment&) -> Problem {
            if (grant.props().principal.kind != PrincipalKind::service_principal ||
                !administrative(grant.props().role)) {
              return {};
            }
            return role_name(grant) + " is granted to the service principal " +
                   who(grant.props().principal);
          }),
      for_kind<RoleAssignment>(
          {.id = "AZ-ROLE-003",
           .title = "People get roles through groups",
           .rationale = "A role granted to one user stays when they change teams and escapes "
                        "the group's access reviews and PIM.",
           .fix = "grant the role to an Entra ID group (`.kind = PrincipalKind::group`) the "
                  "person is a member of",
           .levels = {.dev = Level::off, .staging = Level::warning, .prod = Level::error},
           .checkov = {},
           .psrule = {"Azure.RBAC.UseGroups"},
           .benchmark = "PA-7"},
          [](const RoleAssignment& grant, const Environment&) -> Problem {
            if (grant.props().principal.kind != PrincipalKind::user) return {};
            return role_name(grant) + " is granted to the user " + who(grant.props().principal);
          }),
  };
}

}  // namespace iac::policy::rules
