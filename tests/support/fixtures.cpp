#include "tests/support/fixtures.h"

#include <algorithm>

#include <doctest/doctest.h>

#include "dsl/policy/engine.h"
#include "generators/generator.h"
#include "generators/output/output_sink.h"

namespace iac::testing {

App make_app(StackFunction declare, std::vector<Environment> environments, std::string name) {
  App app{std::move(name)};
  app.environments(std::move(environments));
  app.define(std::move(declare));
  return app;
}

const std::string& Synthesis::file(const std::string& path) const {
  auto it = files.find(path);
  if (it == files.end()) FAIL("no generated file " << path);
  return it->second;
}

bool Synthesis::has_rule(std::string_view rule_id) const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [&](const Diagnostic& d) { return d.rule_id == rule_id; });
}

const Diagnostic& Synthesis::diagnostic(std::string_view rule_id) const {
  auto it = std::find_if(diagnostics.begin(), diagnostics.end(),
                         [&](const Diagnostic& d) { return d.rule_id == rule_id; });
  if (it == diagnostics.end()) FAIL("no diagnostic " << rule_id);
  return *it;
}

void suppress_rules(Construct& scope, std::string_view prefix) {
  for (const policy::Rule& rule : policy::azure_baseline()) {
    if (rule.info.id.starts_with(prefix)) {
      policy::suppress(scope, std::string(rule.info.id), "rendering test of a weakened setting");
    }
  }
}

Synthesis synthesize(App& app) {
  gen::MemorySink sink;
  Synthesis result;
  result.diagnostics = gen::synthesize(app, sink);
  result.files = sink.files();
  return result;
}

}  // namespace iac::testing
