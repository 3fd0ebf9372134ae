#include "cli/graph.h"

#include <iostream>

#include <fmt/format.h>

#include "cli/cli.h"
#include "dsl/core/app.h"
#include "dsl/core/stack.h"
#include "generators/graph/graph.h"

namespace iac::cli {

int run_graph(std::vector<App>& apps, const GraphOptions& options) {
  App* chosen = nullptr;
  if (options.app.empty()) {
    if (apps.size() != 1) {
      std::cerr << "iacgen graph: draws one environment; choose the app with --app (see `iacgen "
                   "list`)\n";
      return kUsage;
    }
    chosen = &apps.front();
  } else {
    for (App& app : apps) {
      if (app.name() == options.app) chosen = &app;
    }
    if (chosen == nullptr) {
      std::cerr << fmt::format("iacgen: no app named '{}' (see `iacgen list`)\n", options.app);
      return kUsage;
    }
  }
  const Diagnostics& diagnostics = chosen->synthesize();
  if (has_errors(diagnostics)) {
    for (const auto& d : diagnostics) std::cerr << format_diagnostic(d) << '\n';
    return kInvalidModel;
  }
  const Stack* stack = nullptr;
  if (options.env.empty()) {
    if (chosen->stacks().size() != 1) {
      std::cerr << fmt::format("iacgen graph: draws one environment; choose one of {} with --env\n",
                               chosen->name());
      return kUsage;
    }
    stack = chosen->stacks().front().get();
  } else {
    stack = chosen->stack(options.env);
    if (stack == nullptr) {
      std::cerr << fmt::format("iacgen: {} has no environment named '{}' (see `iacgen list`)\n",
                               chosen->name(), options.env);
      return kUsage;
    }
  }
  if (stack->named() || !options.stack.empty()) {
    // Several stacks in the environment: one of them, by --stack.
    const Stack* named = chosen->stack(stack->env().name, options.stack);
    if (named == nullptr) {
      std::string names;
      for (const auto& s : chosen->stacks()) {
        if (s->env().name != stack->env().name) continue;
        if (!names.empty()) names += ", ";
        names += s->stack_name();
      }
      std::cerr << fmt::format(
          "iacgen graph: {} has the stacks {} in {}; choose one with --stack\n", chosen->name(),
          names, stack->env().name);
      return kUsage;
    }
    stack = named;
  }
  const auto graph = gen::graph::build(
      *stack, options.detail == "summary" ? gen::graph::Detail::summary : gen::graph::Detail::full);
  if (options.format == "mermaid") {
    std::cout << gen::graph::to_mermaid(graph);
  } else if (options.format == "json") {
    std::cout << gen::graph::to_json(graph);
  } else {
    std::cout << gen::graph::to_dot(graph);
  }
  return kOk;
}

}  // namespace iac::cli
