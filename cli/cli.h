#pragma once
/// The iacgen command line, callable from a user's own `main` on their own App.

#include <vector>

namespace iac {
class App;
}

namespace iac::cli {

/// Exit codes, documented in `--help` and the README.
enum ExitCode : int {
  kOk = 0,            ///< Success; for `diff`: the committed output matches the code.
  kDrift = 1,         ///< `diff` found drift, or `check` found findings at `--fail-on`.
  kUsage = 2,         ///< Unknown command, option or value.
  kInvalidModel = 3,  ///< Validation found errors; nothing was written.
  kWriteFailed = 4,   ///< The output could not be written; the previous output is intact.
};

/// Runs `iacgen list | synth | diff` over `apps`.
int run(std::vector<App>& apps, int argc, const char* const* argv);
/// The same for a single application: `return iac::cli::run(app, argc, argv);`.
int run(App& app, int argc, const char* const* argv);

}  // namespace iac::cli
