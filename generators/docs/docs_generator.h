#pragma once
/// Environment documentation: `<app>/<env>/README.md`, generated with the rest of the output.

#include <memory>
#include <string>
#include <string_view>

#include "generators/generator.h"

namespace iac {
class App;
class Stack;
}  // namespace iac

namespace iac::gen::docs {

/// The README of one environment of a synthesized app: a Mermaid diagram (the summary graph of
/// generators/graph), the resources with kind, name, SKU, regions, redundancy and network, the
/// identities and their access, the policy result (rules evaluated, findings, every suppression
/// with reason, owner and expiry) and what differs from the app's other environments.
/// Precondition: `app` synthesized without errors and `stack` is one of its stacks.
std::string environment_readme(const App& app, const Stack& stack);

/// `text` as literal Markdown inline text (also inside a table cell): characters Markdown or
/// HTML would read (`\`, `` ` ``, `*`, `_`, `[`, `]`, `<`, `>`, `|`, `&`) are escaped and line
/// breaks become spaces.
std::string escape_markdown(std::string_view text);

/// Writes `<app>/<env>/README.md` for every environment.
std::unique_ptr<Generator> make_generator();

}  // namespace iac::gen::docs
