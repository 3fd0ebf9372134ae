#pragma once
/// Shared test fixtures: build a small app, synthesize it in memory, look for diagnostics.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/app.h"
#include "dsl/core/diagnostic.h"
#include "dsl/core/environment.h"
#include "dsl/core/stack.h"

namespace iac::testing {

/// An app named `app` whose only environment is dev in eastus, unless others are given.
App make_app(StackFunction declare, std::vector<Environment> environments = {Environment::dev("eastus")},
             std::string name = "app");

/// The result of synthesizing an app in memory.
struct Synthesis {
  Diagnostics diagnostics;
  std::map<std::string, std::string> files;

  /// The file's content; fails the test when there is no such file.
  const std::string& file(const std::string& path) const;
  bool has_rule(std::string_view rule_id) const;
  /// The first diagnostic with that rule id; fails the test when there is none.
  const Diagnostic& diagnostic(std::string_view rule_id) const;
};

/// Suppresses every baseline rule whose id starts with `prefix` on `scope`: for rendering tests
/// that weaken settings on purpose to see how each format writes them.
void suppress_rules(Construct& scope, std::string_view prefix);

/// Runs the whole pipeline (aspects, lock, validate, every generator) into memory.
Synthesis synthesize(App& app);

}  // namespace iac::testing
