/// The golden test: `out/` must be exactly what the bundled stacks synthesize.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "cli/diff.h"
#include "generators/generator.h"
#include "generators/output/output_sink.h"
#include "generators/text/unified_diff.h"
#include "stacks/bundled.h"

namespace iac {
namespace {

namespace fs = std::filesystem;

TEST_CASE("out/ matches a fresh synth of every bundled app, byte for byte") {
  const fs::path out = fs::path(IACGEN_SOURCE_DIR) / "out";
  gen::MemorySink fresh;
  auto apps = stacks::bundled_apps();
  for (App& app : apps) {
    Diagnostics diagnostics = gen::synthesize(app, fresh);
    for (const auto& d : diagnostics) MESSAGE(format_diagnostic(d));
    REQUIRE_FALSE(has_errors(diagnostics));
  }

  if (std::getenv("UPDATE_GOLDEN") != nullptr) {
    std::vector<std::string> scopes;
    for (App& app : apps) scopes.push_back(app.name() + "/");
    gen::CommitReport report;
    REQUIRE(gen::commit_to_directory(fresh, out, scopes, report, cli::policy_record(apps, {}, {}))
                .empty());
    MESSAGE("out/ regenerated: " << report.written << " written, " << report.removed << " removed");
    return;
  }

  std::string drift;
  for (const auto& [path, content] : fresh.files()) {
    std::ifstream in(out / path, std::ios::binary);
    std::ostringstream committed;
    if (in) committed << in.rdbuf();
    drift += gen::unified_diff(path, committed.str(), content);
  }
  const auto manifest = gen::read_manifest(out);
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    if (!entry.is_regular_file()) continue;
    std::string path = fs::relative(entry.path(), out).generic_string();
    if (path == gen::kManifestName || fresh.files().count(path)) continue;
    drift += "stale file in out/: " + path + "\n";
  }
  for (const auto& [path, digest] : manifest) {
    if (fresh.files().count(path) == 0)
      drift += "manifest lists a file no longer generated: " + path + "\n";
  }
  // The manifest's policy record (suppressions and findings per environment) is what the code
  // has now: `iacgen diff` compares against it.
  const gen::ManifestPolicyRecord recorded = gen::read_manifest_policy(out);
  const gen::ManifestPolicy current = cli::policy_record(apps, {}, {});
  CHECK(recorded.has_findings);
  if (recorded.policy.findings != current.findings) {
    drift += "the manifest's policy findings differ from the code's\n";
  }
  if (recorded.policy.exceptions.size() != current.exceptions.size()) {
    drift += "the manifest's suppressions differ from the code's\n";
  }
  if (!drift.empty()) {
    FAIL_CHECK(
        "out/ is not what the stacks synthesize. Regenerate it with\n"
        "    ./build/iacgen synth        (or: UPDATE_GOLDEN=1 ctest -R golden)\n"
        "and review the diff:\n"
        << drift);
  }
}

}  // namespace
}  // namespace iac
