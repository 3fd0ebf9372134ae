/// multistack_synth: synthesizes the two-stack test application (tests/support/multistack_app)
/// into a folder, for the conformance checks: the consumer's `terraform_remote_state` and the
/// producer's outputs read by HashiCorp's HCL parser and checked against the azurerm backend's
/// settings, the `existing` resources against the Bicep types, the per-stack pipeline jobs by
/// actionlint and the Azure Pipelines schema.
///
/// Usage: multistack_synth <output-dir>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "dsl/core/app.h"
#include "dsl/core/diagnostic.h"
#include "generators/generator.h"
#include "generators/output/output_sink.h"
#include "tests/support/multistack_app.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: multistack_synth <output-dir>\n";
    return 2;
  }
  iac::App app = iac::testing::multistack_app();
  iac::gen::MemorySink sink;
  const iac::Diagnostics diagnostics = iac::gen::synthesize(app, sink);
  for (const auto& d : diagnostics)
    std::cerr << d.rule_id << " " << d.path << ": " << d.message << '\n';
  if (iac::has_errors(diagnostics)) return 1;
  const std::filesystem::path root(argv[1]);
  std::filesystem::remove_all(root);
  for (const auto& [path, content] : sink.files()) {
    const auto file = root / path;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
  }
  std::cout << "multistack_synth: " << sink.files().size() << " files in " << root.string() << '\n';
  return 0;
}
