/// Pass and fail cases of the Terraform state storage rules (AZ-ST-009 and AZ-ST-010 in
/// dsl/policy/rules/storage_account.cpp): they apply to the account the stack's own
/// versions.tf keeps its state in.

#include "dsl/azure/resources.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

/// The stack keeps its state in its own account `tfstate` (named `stappstagingtfstate` by the
/// convention, the test app being `app`), declared with `props` and, when `cmk`, a
/// customer-managed key.
void state_account(Stack& s, StorageAccountProps props, bool cmk) {
  s.set_state_backend(StateBackend{.resource_group = "rg-app-staging",
                                   .storage_account = "stappstagingtfstate",
                                   .container = "tfstate"});
  if (cmk) {
    auto& identity = s.add<UserAssignedIdentity>("cmk", {});
    auto& key = s.add<KeyVault>("kv", {.sku = KeyVaultSku::premium})
                    .key("cmk", {.expiration_date = "2027-12-01T00:00:00Z"});
    props.customer_managed_key = CustomerManagedKey{.key = key, .identity = identity};
    auto& grant = key.grant_encryption_use(identity.principal());
    s.add<StorageAccount>("tfstate", std::move(props)).depends_on(grant);
  } else {
    s.add<StorageAccount>("tfstate", std::move(props));
  }
}

const RegisterRuleCases kCases{{
    {"AZ-ST-009", Environment::staging("eastus"),
     [](Stack& s) {
       state_account(s, {.blob_soft_delete_days = 30, .container_soft_delete_days = 30}, true);
     },
     [](Stack& s) {
       state_account(s, {.blob_soft_delete_days = 30, .container_soft_delete_days = 30}, false);
     }},
    {"AZ-ST-010", Environment::staging("eastus"),
     [](Stack& s) {
       state_account(s, {.blob_soft_delete_days = 30, .container_soft_delete_days = 30}, true);
     },
     [](Stack& s) {
       state_account(s, {.blob_soft_delete_days = 30, .container_soft_delete_days = 14}, true);
     }},
}};

}  // namespace
}  // namespace iac::testing
