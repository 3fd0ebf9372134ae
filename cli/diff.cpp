#include "cli/diff.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "dsl/core/app.h"
#include "dsl/core/resource.h"
#include "dsl/core/stack.h"
#include "dsl/policy/engine.h"
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

}  // namespace

gen::ManifestPolicy policy_record(std::vector<App>& apps,
                                  const std::vector<std::string>& selected_apps,
                                  const std::vector<std::string>& selected_envs) {
  gen::ManifestPolicy record;
  for (App& app : apps) {
    if (!selected(selected_apps, app.name())) continue;
    for (const auto& stack : app.stacks()) {
      if (!selected(selected_envs, stack->env().name)) continue;
      record.findings[app.name() + "/" + stack->env().name];  // every environment has an entry
      for (const auto& s : stack->suppressions()) {
        record.exceptions.push_back({.path = s.path,
                                     .rule_id = s.rule_id,
                                     .reason = s.reason,
                                     .owner = s.options.owner,
                                     .expires = s.options.expires});
      }
    }
    const policy::Report report = policy::evaluate(app);
    for (const auto& f : report.findings) {
      if (!selected(selected_envs, f.environment)) continue;
      record.findings[app.name() + "/" + f.environment].push_back(
          {.path = f.path,
           .rule_id = f.rule_id,
           .severity = std::string(to_string(f.severity)),
           .message = f.message,
           .suppressed = f.suppressed_by != nullptr});
    }
  }
  for (auto& [env, findings] : record.findings) {
    std::sort(findings.begin(), findings.end(),
              [](const gen::ManifestFinding& a, const gen::ManifestFinding& b) {
                return std::tie(a.path, a.rule_id, a.message) <
                       std::tie(b.path, b.rule_id, b.message);
              });
  }
  return record;
}

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
  // Terraform or Bicep file in the folders under review (added by hand).
  std::vector<std::string> candidates;
  for (const auto& [path, content] : input.generated) candidates.push_back(path);
  for (const auto& [path, digest] : input.manifest) candidates.push_back(path);
  for (const auto& scope : scopes) {
    const fs::path folder = fs::path(out_dir) / scope;
    auto ends_with = [&](std::string_view tail) {
      return scope.size() > tail.size() &&
             scope.compare(scope.size() - tail.size(), tail.size(), tail) == 0;
    };
    const char* extension = ends_with("/terraform/") ? ".tf" : ends_with("/bicep/") ? ".bicep" : "";
    if (*extension == '\0') continue;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
      if (entry.is_regular_file() && entry.path().extension() == extension) {
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
      if (selected(selected_envs, stack->env().name)) {
        env_prefixes.push_back(app.name() + "/" + stack->env().name + "/");
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
  const gen::ManifestPolicy current = policy_record(apps, selected_apps, selected_envs);
  for (const auto& e : current.exceptions) {
    input.current_exceptions.push_back({e.path, e.rule_id, e.reason, e.owner, e.expires});
  }
  auto to_review = [](const gen::ManifestFinding& f) {
    return review::Finding{f.path, f.rule_id, f.severity, f.message, f.suppressed};
  };
  for (const auto& [env, findings] : current.findings) {
    auto& list = input.current_findings[env];
    for (const auto& f : findings) list.push_back(to_review(f));
  }
  const gen::ManifestPolicyRecord committed = gen::read_manifest_policy(out_dir);
  input.committed_manifest_present = committed.present;
  for (const auto& e : committed.policy.exceptions) {
    if (in_scopes(e.path + "/", env_prefixes)) {
      input.committed_exceptions.push_back({e.path, e.rule_id, e.reason, e.owner, e.expires});
    }
  }
  for (const auto& [env, findings] : committed.policy.findings) {
    if (!in_scopes(env + "/", env_prefixes)) continue;
    auto& list = input.committed_findings[env];
    for (const auto& f : findings) list.push_back(to_review(f));
  }
  if (!input.committed_manifest_present) {
    std::cerr << fmt::format(
        "iacgen: no {} under {}: suppressions and policy findings cannot be compared (run "
        "`iacgen synth` first?)\n",
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
