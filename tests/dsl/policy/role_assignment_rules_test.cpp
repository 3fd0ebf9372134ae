/// Pass and fail cases of the role assignment rule family (dsl/policy/rules/role_assignment.cpp).

#include "dsl/azure/resources.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

/// An Entra ID object id; any well-formed GUID will do for the model.
constexpr const char* kObjectId = "11111111-2222-3333-4444-555555555555";

const RegisterRuleCases kCases{{
    {"AZ-ROLE-001", Environment::staging("eastus"),
     [](Stack& s) {
       auto& vault = s.add<KeyVault>("kv");
       vault.grant_secrets_read(s.add<UserAssignedIdentity>("worker").principal());
     },
     [](Stack& s) {
       s.add<KeyVault>("kv");
       auto& worker = s.add<UserAssignedIdentity>("worker");
       s.add<RoleAssignment>("grant", {.scope = s.resource_group(),
                                       .role = BuiltinRole::key_vault_secrets_user,
                                       .principal = worker.principal()});
     }},
    {"AZ-ROLE-002", Environment::prod("eastus"),
     [](Stack& s) {
       // Administrators as a group may administer; the app's identity reads.
       auto& vault = s.add<KeyVault>("kv");
       s.add<RoleAssignment>("admins", {.scope = vault,
                                        .role = BuiltinRole::key_vault_administrator,
                                        .principal = {.object_id = kObjectId,
                                                      .kind = PrincipalKind::group,
                                                      .description = "vault admins"}});
       vault.grant_secrets_read(s.add<UserAssignedIdentity>("worker").principal());
     },
     [](Stack& s) {
       auto& vault = s.add<KeyVault>("kv");
       auto& worker = s.add<UserAssignedIdentity>("worker");
       s.add<RoleAssignment>("grant", {.scope = vault,
                                       .role = BuiltinRole::key_vault_secrets_officer,
                                       .principal = worker.principal()});
     }},
    {"AZ-ROLE-003", Environment::prod("eastus"),
     [](Stack& s) {
       s.add<RoleAssignment>("grant",
                             {.scope = s.add<KeyVault>("kv"),
                              .role = BuiltinRole::key_vault_secrets_user,
                              .principal = {.object_id = kObjectId, .kind = PrincipalKind::group}});
     },
     [](Stack& s) {
       s.add<RoleAssignment>("grant",
                             {.scope = s.add<KeyVault>("kv"),
                              .role = BuiltinRole::key_vault_secrets_user,
                              .principal = {.object_id = kObjectId, .kind = PrincipalKind::user}});
     }},
}};

}  // namespace
}  // namespace iac::testing
