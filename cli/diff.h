#pragma once
/// `iacgen diff`: a resource-level, security-first review of what the code changes in the
/// committed output (see generators/review/review.h).

#include <string>
#include <vector>

namespace iac {
class App;
}
namespace iac::gen {
class MemorySink;
struct ManifestPolicy;
}  // namespace iac::gen

namespace iac::cli {

struct DiffOptions {
  std::string report_format = "text";  ///< text | json | markdown
  bool unified = false;                ///< Also the text diff of files the summary covers.
  bool security_only = false;          ///< Only security changes; `--fail` then fails on those.
  bool fail = true;                    ///< Exit 1 on drift (`--no-fail`: always 0 unless errors).
};

/// The report formats `diff --format` accepts besides the output formats it filters on.
inline const std::vector<std::string>& diff_report_formats() {
  static const std::vector<std::string> formats = {"text", "json", "markdown"};
  return formats;
}

/// The suppressions and policy findings of the selected environments (every selected environment
/// has a findings entry), for the manifest and the review. Precondition: the apps synthesized
/// without errors.
gen::ManifestPolicy policy_record(std::vector<App>& apps,
                                  const std::vector<std::string>& selected_apps,
                                  const std::vector<std::string>& selected_envs);

/// Compares `generated` (a fresh synth of the selection) with the output under `out_dir`,
/// prints the review and returns the exit code.
/// @param scopes the path prefixes the selection owns (`app/env/format/`, `app/pipelines/`).
int run_review(std::vector<App>& apps, const std::vector<std::string>& selected_apps,
               const std::vector<std::string>& selected_envs, const gen::MemorySink& generated,
               const std::string& out_dir, const std::vector<std::string>& scopes,
               const DiffOptions& options);

}  // namespace iac::cli
