#pragma once
/// Pass and fail cases for policy rules, registered per rule family test file and checked
/// together: every rule of the baseline must have one (tests/dsl/policy/rules_test.cpp).

#include <functional>
#include <string_view>
#include <vector>

#include "dsl/core/environment.h"
#include "dsl/core/stack.h"

namespace iac::testing {

/// One rule, one environment: a stack that passes it and one that fails it exactly once.
struct RuleCase {
  std::string_view rule;
  Environment env;
  std::function<void(Stack&)> passing;
  std::function<void(Stack&)> failing;
};

/// Every registered case.
std::vector<RuleCase>& rule_cases();

/// Registers cases at static initialization: `const RegisterRuleCases kCases{{...}};`.
struct RegisterRuleCases {
  explicit RegisterRuleCases(std::vector<RuleCase> cases);
};

}  // namespace iac::testing
