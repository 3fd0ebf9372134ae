#pragma once
/// `iacgen init <app>`: scaffolds a new application in stacks/, registered in the build, that
/// synthesizes and passes `iacgen check` as it stands.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dsl/core/diagnostic.h"

namespace iac::cli {

/// What a scaffold wrote, relative to the project root; empty when it failed.
struct ScaffoldResult {
  std::vector<std::string> written;
  Diagnostics diagnostics;
};

/// Writes stacks/<name>/{<name>.h, <name>.cpp, README.md} under `root` and appends `name` to
/// stacks/apps.txt. Refuses names that cannot be an application, a folder and a C++ function,
/// and never overwrites: an existing folder or registration is a diagnostic and nothing changes.
ScaffoldResult scaffold_app(const std::string& root, std::string_view name);

/// The scaffold's files for `name`, in the order they are written (path relative to the root).
std::vector<std::pair<std::string, std::string>> scaffold_files(std::string_view name);

/// Runs scaffold_app and prints the next steps; 2 for a bad name, 4 when writing failed.
int run_init(const std::string& root, const std::string& name);

}  // namespace iac::cli
