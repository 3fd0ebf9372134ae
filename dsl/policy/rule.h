#pragma once
/// Policy rules: small named objects with a stable id, checked on the locked model.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/environment.h"
#include "dsl/core/resource.h"

namespace iac::policy {

/// How a rule's finding counts in one tier. `off` skips the rule there.
enum class Level { off, warning, error };

std::string_view to_string(Level level);

/// A rule's level per tier: a rule can be an error in prod, a warning in dev, off in dev.
struct Levels {
  Level dev = Level::error;
  Level staging = Level::error;
  Level prod = Level::error;

  Level in(Tier tier) const;
  static Levels everywhere(Level level) { return {level, level, level}; }
};

/// What a rule is, apart from its check: for `iacgen explain`, SARIF and the docs.
struct RuleInfo {
  std::string_view id;         ///< Stable, e.g. `AZ-KV-001`; suppressions refer to it.
  std::string_view title;      ///< One line: what must hold.
  std::string_view rationale;  ///< Why it matters.
  std::string_view fix;        ///< The prop to set, or how to suppress it honestly.
  Levels levels;
  std::vector<std::string_view> checkov;  ///< Equivalent Checkov checks, e.g. `CKV_AZURE_42`.
  std::vector<std::string_view> psrule;   ///< Equivalent PSRule for Azure rules.
  std::string_view benchmark;             ///< Azure Security Benchmark control, e.g. `DP-8`.
};

/// A problem a rule found on one resource, in a sentence naming the prop.
using Problem = std::optional<std::string>;

/// A rule: its info, the resource kinds it applies to, and the check.
struct Rule {
  RuleInfo info;
  std::vector<const ResourceKind*> kinds;  ///< Empty: every kind.
  /// Returns a problem, or nothing when the resource passes. Called only for `kinds`.
  std::function<Problem(const Resource&, const Environment&)> check;
};

/// A rule over one resource kind: `for_kind<KeyVault>(info, [](const KeyVault&, ...) {...})`.
template <class T>
Rule for_kind(RuleInfo info, std::function<Problem(const T&, const Environment&)> check) {
  return {.info = std::move(info),
          .kinds = {&T::kKind},
          .check = [check = std::move(check)](const Resource& resource, const Environment& env) {
            return check(static_cast<const T&>(resource), env);
          }};
}

}  // namespace iac::policy
