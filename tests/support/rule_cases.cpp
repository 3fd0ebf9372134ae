#include "tests/support/rule_cases.h"

namespace iac::testing {

std::vector<RuleCase>& rule_cases() {
  static std::vector<RuleCase> cases;
  return cases;
}

RegisterRuleCases::RegisterRuleCases(std::vector<RuleCase> cases) {
  for (auto& c : cases) rule_cases().push_back(std::move(c));
}

}  // namespace iac::testing
