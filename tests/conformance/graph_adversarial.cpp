/// graph_adversarial: writes diagrams whose every label holds text built to break out of DOT,
/// Mermaid and Markdown quoting (`"`, `\`, `\N`, `]`, `end`, `%%`, `#`, entities, HTML, back
/// ticks, pipes, line breaks), each beside the JSON of the same graph. `conformance/graph.mjs`
/// parses them with Graphviz and mermaid and checks that exactly the JSON's nodes, labels,
/// groups and edges come back (see tests/conformance/README.md).
///
/// Usage: graph_adversarial <output-dir>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "dsl/azure/key_vault.h"
#include "dsl/azure/storage_account.h"
#include "dsl/core/app.h"
#include "dsl/core/stack.h"
#include "generators/docs/docs_generator.h"
#include "generators/graph/graph.h"

namespace {

using namespace iac;
namespace graph = iac::gen::graph;

std::vector<std::string> hostile_texts() {
  return {
      R"(say "hi")",
      R"(back\slash \N \G \L \n \" end)",
      "two\nlines",
      R"(x"] --> y["injected)",
      "end",
      "subgraph s\nend",
      "%% a comment",
      "#quot; #35; &amp; &lt;b&gt;",
      "<b>bold</b><script>alert(1)</script>",
      "`markdown` **strong** _em_",
      "pipe | label |x| ==> arrow",
      "{braces} (parens) [brackets] ((circle)) >flag]",
      "semi; colon: comma,",
      "unicode é ✓ 中文",
      "trailing backslash\\",
      "digraph g { a -> b }",
  };
}

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

void write_all(const std::filesystem::path& dir, const std::string& name, const graph::Graph& g) {
  write(dir / (name + ".dot"), graph::to_dot(g));
  write(dir / (name + ".mmd"), graph::to_mermaid(g));
  write(dir / (name + ".json"), graph::to_json(g));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: graph_adversarial <output-dir>\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);
  const auto texts = hostile_texts();

  // The renderers alone: every field of a hand-built graph is hostile.
  graph::Graph g;
  g.title = texts[1];
  g.groups.push_back({.id = "g_outer", .label = texts[0], .parent = ""});
  g.groups.push_back({.id = "g_inner", .label = texts[3], .parent = "g_outer"});
  for (std::size_t i = 0; i < texts.size(); ++i) {
    g.nodes.push_back({.id = "r_n" + std::to_string(i),
                       .path = texts[i],
                       .kind = texts[(i + 5) % texts.size()],
                       .name = texts[i],
                       .group = i % 3 == 0 ? "" : (i % 3 == 1 ? "g_outer" : "g_inner"),
                       .facts = {}});
  }
  const graph::EdgeKind kinds[] = {graph::EdgeKind::reference, graph::EdgeKind::access,
                                   graph::EdgeKind::origin, graph::EdgeKind::private_link,
                                   graph::EdgeKind::diagnostics};
  for (std::size_t i = 0; i + 1 < texts.size(); ++i) {
    g.edges.push_back({.from = "r_n" + std::to_string(i),
                       .to = "r_n" + std::to_string(i + 1),
                       .kind = kinds[i % 5],
                       .label = i % 4 == 0 ? std::string() : texts[i]});
  }
  write_all(dir, "hostile", g);

  // Through the model: principals described by hostile text, in the graph and the README.
  App app{"adv"};
  app.environments({Environment::dev("eastus"), Environment::prod("eastus")});
  app.define([&](Stack& s, const Environment&) {
    auto& kv = s.add<azure::KeyVault>("kv");
    s.add<azure::StorageAccount>("st");
    for (std::size_t i = 0; i < texts.size(); ++i) {
      kv.grant_secrets_read(Principal{.object_id = s.parameter("group_" + std::to_string(i)),
                                      .kind = PrincipalKind::group,
                                      .description = texts[i]});
    }
  });
  Diagnostics diagnostics = app.synthesize();
  for (const auto& d : diagnostics) std::cerr << format_diagnostic(d) << "\n";
  if (has_errors(diagnostics)) return 3;
  const Stack& dev = *app.stack("dev");
  write_all(dir, "model-full", graph::build(dev, graph::Detail::full));
  write_all(dir, "model-summary", graph::build(dev, graph::Detail::summary));
  write(dir / "README.md", gen::docs::environment_readme(app, dev));
  return 0;
}
