/// The azure-baseline pack: every rule family, registered in one table.

#include <span>
#include <vector>

#include "dsl/policy/engine.h"
#include "dsl/policy/rules/families.h"

namespace iac::policy {

namespace {

std::vector<Rule> build_baseline() {
  std::vector<Rule> all;
  for (auto family :
       {&rules::key_vault, &rules::cosmos, &rules::redis, &rules::storage_account,
        &rules::monitoring, &rules::tags, &rules::app_service, &rules::key_vault_secret,
        &rules::role_assignment, &rules::functions, &rules::diagnostics, &rules::network,
        &rules::front_door, &rules::postgres, &rules::cognitive, &rules::key_vault_key,
        &rules::overrides}) {
    for (Rule& rule : family()) all.push_back(std::move(rule));
  }
  return all;
}

}  // namespace

std::span<const Rule> azure_baseline() {
  static const std::vector<Rule> baseline = build_baseline();
  return baseline;
}

}  // namespace iac::policy
