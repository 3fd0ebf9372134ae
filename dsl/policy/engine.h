#pragma once
/// The policy engine: rule packs evaluated on the locked model, identically for every format.

#include <span>
#include <string>
#include <vector>

#include "dsl/core/diagnostic.h"
#include "dsl/policy/rule.h"
#include "dsl/policy/suppression.h"

namespace iac {
class App;
class Stack;
}  // namespace iac

namespace iac::policy {

/// One rule's verdict on one resource that failed it.
struct Finding {
  const RuleInfo* rule = nullptr;  ///< Null for findings about suppressions themselves.
  std::string rule_id;
  Severity severity = Severity::error;
  std::string environment;
  std::string path;
  std::string message;
  std::string fix;
  const Suppression* suppressed_by = nullptr;
};

/// Every finding of one app, suppressed ones included (so reports can list the exceptions).
struct Report {
  std::vector<Finding> findings;
  std::vector<Suppression> suppressions;

  /// Unsuppressed findings at or above `severity` (error > warning > info).
  std::vector<const Finding*> active(Severity at_least = Severity::warning) const;
};

/// The rules of the `azure-baseline` pack, in the order `iacgen explain` lists them.
std::span<const Rule> azure_baseline();
/// A rule of the baseline or of `extra` by id, or nullptr.
const Rule* find_rule(std::string_view id, std::span<const Rule> extra = {});

/// Evaluates the baseline and the app's own rules on an app. Precondition: app.synthesize() ran
/// without errors (the rules read the locked stacks). `today` (`YYYY-MM-DD`)
/// decides which suppressions have expired; by default the `IACGEN_TODAY` environment variable,
/// else the current UTC date.
Report evaluate(const App& app, std::string today = {});

/// Unsuppressed findings as diagnostics, for synth to refuse on errors.
Diagnostics to_diagnostics(const Report& report);

/// The suppressions recorded on a stack (and its constructs).
const std::vector<Suppression>& suppressions_of(const Stack& stack);

}  // namespace iac::policy
