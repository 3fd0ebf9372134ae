#include "cli/diff.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "dsl/core/app.h"
#include "dsl/core/resource.h"
#include "dsl/core/stack.h"
#include "generators/output/output_sink.h"
#include "generators/review/review.h"

namespace iac::cli {

namespace fs = std::filesystem;

namespace {

bool read_text(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  out = text.str();
  return true;
}

bool in_scopes(const std::string& path, const std::vector<std::string>& scopes) {
  return std::any_of(scopes.begin(), scopes.end(), [&](const std::string& scope) {
    return path.compare(0, scope.size(), scope) == 0;
  });
}

bool selected(const std::vector<std::string>& filter, const std::string& value) {
  return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

/// The suppressions the committed manifest records for the selected environments.
std::vector<review::Exception> committed_exceptions(const fs::path& out_dir,
                                                    const std::vector<std::string>& env_prefixes,
                                                    bool& present) {
  std::vector<review::Exception> result;
  std::string text;
  present = read_text(out_dir / gen::kManifestName, text);
  if (!present) return result;
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("suppressions") || !json["suppressions"].is_array()) {
    return result;
  }
  auto field = [](const nlohmann::json& entry, const char* key) {
    return entry.contains(key) && entry[key].is_string() ? entry[key].get<std::string>()
                                                         : std::string();
  };
  for (const auto& entry : json["suppressions"]) {
    if (!entry.is_object()) continue;
    review::Exception e{field(entry, "path"), field(entry, "rule"), field(entry, "reason"),
                        field(entry, "owner"), field(entry, "expires")};
    if (in_scopes(e.path + "/", env_prefixes)) result.push_back(std::move(e));
  }
  return result;
}

}  // namespace

int run_review(std::vector<App>& apps, const std::vector<std::string>& selected_apps,
               const std::vector<std::string>& selected_envs, const gen::MemorySink& generated,
               const std::string& out_dir, const std::vector<std::string>& scopes,
               const DiffOptions& options) {
  review::Input input;
  input.generated = generated.files();
  for (const auto& [path, digest] : gen::read_manifest(out_dir)) {
    if (in_scopes(path, scopes)) input.manifest[path] = digest;
  }
  // The committed side: every file generated now or recorded in the manifest, and any other
  // Terraform file in the folders under review (added by hand).
  std::vector<std::string> candidates;
  for (const auto& [path, content] : input.generated) candidates.push_back(path);
  for (const auto& [path, digest] : input.manifest) candidates.push_back(path);
  for (const auto& scope : scopes) {
    const fs::path folder = fs::path(out_dir) / scope;
    if (scope.size() < 11 || scope.compare(scope.size() - 10, 10, "terraform/") != 0) continue;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
      if (entry.is_regular_file() && entry.path().extension() == ".tf") {
        candidates.push_back(scope + entry.path().filename().string());
      }
    }
  }
  for (const auto& path : candidates) {
    std::string text;
    if (input.committed.count(path) == 0 && read_text(fs::path(out_dir) / path, text)) {
      input.committed[path] = std::move(text);
    }
  }
  std::vector<std::string> env_prefixes;
  for (App& app : apps) {
    if (!selected(selected_apps, app.name())) continue;
    for (const auto& stack : app.stacks()) {
      if (!selected(selected_envs, stack->env().name)) continue;
      env_prefixes.push_back(app.name() + "/" + stack->env().name + "/");
      for (const auto& s : stack->suppressions()) {
        input.current_exceptions.push_back(
            {s.path, s.rule_id, s.reason, s.options.owner, s.options.expires});
      }
      for (const Resource* r : stack->resources()) {
        for (const Override& edit : r->overrides()) {
          input.current_overrides.push_back(
              {r->path(), std::string(to_string(edit.format)), edit.path,
               edit.value ? edit.value->summary() : std::string(), edit.setting});
        }
      }
    }
  }
  input.committed_exceptions =
      committed_exceptions(out_dir, env_prefixes, input.committed_manifest_present);
  if (!input.committed_manifest_present) {
    std::cerr << fmt::format(
        "iacgen: no {} under {}: suppressions cannot be compared (run `iacgen synth` first?)\n",
        gen::kManifestName, out_dir);
  }

  const review::Review result = review::build_review(input);
  const review::RenderOptions render{.unified = options.unified,
                                     .security_only = options.security_only};
  if (options.report_format == "json") {
    std::cout << review::render_json(result, render);
  } else if (options.report_format == "markdown") {
    std::cout << review::render_markdown(result, render);
  } else {
    std::cout << review::render_text(result, render);
    int differing = 0;
    for (const auto& scope : result.scopes) differing += static_cast<int>(scope.files.size());
    if (!result.drift()) {
      std::cout << fmt::format("no differences: {} files in {} match the code\n",
                               result.files_compared, out_dir);
    } else {
      std::cout << fmt::format(
          "{} of {} files differ from the code; run `iacgen synth` to update {}\n", differing,
          result.files_compared, out_dir);
    }
  }
  const bool drift = options.security_only ? result.security_change_count() > 0 : result.drift();
  return drift && options.fail ? kDrift : kOk;
}

}  // namespace iac::cli
