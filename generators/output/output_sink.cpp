#include "generators/output/output_sink.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <tuple>

#include <fmt/format.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "generators/output/sha256.h"

namespace iac::gen {

namespace fs = std::filesystem;

OutputSink::~OutputSink() = default;

void MemorySink::write(std::string path, std::string content) {
  if (path.empty() || path.front() == '/' || path.find("..") != std::string::npos) {
    throw std::logic_error(fmt::format("output path '{}' must be relative, without '..'", path));
  }
  if (!files_.emplace(path, std::move(content)).second) {
    throw std::logic_error(fmt::format("output path '{}' written twice", path));
  }
}

namespace {

Diagnostic io_error(std::string message) {
  return {.rule_id = "IAC-OUT-001",
          .path = "<output>",
          .message = std::move(message),
          .fix = "check that the output directory is writable; the previous output is intact"};
}

bool read_file(const fs::path& path, std::string& content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  content = buffer.str();
  return true;
}

bool write_file(const fs::path& path, std::string_view content) {
  std::error_code error;
  fs::create_directories(path.parent_path(), error);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return false;
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  return static_cast<bool>(out);
}

bool in_scopes(const std::string& path, const std::vector<std::string>& scopes) {
  for (const auto& scope : scopes) {
    if (path.compare(0, scope.size(), scope) == 0) return true;
  }
  return false;
}

void remove_empty_parents(fs::path dir, const fs::path& root) {
  std::error_code error;
  while (dir != root && dir.string().size() > root.string().size() && fs::is_empty(dir, error)) {
    fs::remove(dir, error);
    dir = dir.parent_path();
  }
}

}  // namespace

std::map<std::string, std::string> read_manifest(const fs::path& directory) {
  std::string text;
  std::map<std::string, std::string> manifest;
  if (!read_file(directory / kManifestName, text)) return manifest;
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("files") || !json["files"].is_object()) return manifest;
  for (const auto& [path, digest] : json["files"].items()) {
    if (digest.is_string()) manifest[path] = digest.get<std::string>();
  }
  return manifest;
}

namespace {

std::vector<nlohmann::ordered_json> read_manifest_exceptions(const fs::path& directory) {
  std::string text;
  std::vector<nlohmann::ordered_json> result;
  if (!read_file(directory / kManifestName, text)) return result;
  auto json = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("suppressions") || !json["suppressions"].is_array()) {
    return result;
  }
  for (const auto& entry : json["suppressions"]) {
    if (entry.is_object()) result.push_back(entry);
  }
  return result;
}

}  // namespace

ManifestPolicyRecord read_manifest_policy(const fs::path& directory) {
  ManifestPolicyRecord record;
  std::string text;
  if (!read_file(directory / kManifestName, text)) return record;
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return record;
  record.present = true;
  auto field = [](const nlohmann::json& entry, const char* key) {
    return entry.contains(key) && entry[key].is_string() ? entry[key].get<std::string>()
                                                         : std::string();
  };
  if (json.contains("suppressions") && json["suppressions"].is_array()) {
    for (const auto& entry : json["suppressions"]) {
      if (!entry.is_object()) continue;
      record.policy.exceptions.push_back({field(entry, "path"), field(entry, "rule"),
                                          field(entry, "reason"), field(entry, "owner"),
                                          field(entry, "expires")});
    }
  }
  if (json.contains("findings") && json["findings"].is_object()) {
    record.has_findings = true;
    for (const auto& [env, list] : json["findings"].items()) {
      auto& findings = record.policy.findings[env];
      if (!list.is_array()) continue;
      for (const auto& entry : list) {
        if (!entry.is_object()) continue;
        findings.push_back({field(entry, "path"), field(entry, "rule"), field(entry, "severity"),
                            field(entry, "message"),
                            entry.contains("suppressed") && entry["suppressed"].is_boolean() &&
                                entry["suppressed"].get<bool>()});
      }
    }
  }
  return record;
}

Diagnostics commit_to_directory(const MemorySink& files, const fs::path& directory,
                                const std::vector<std::string>& scopes, CommitReport& report,
                                const ManifestPolicy& policy) {
  std::error_code error;
  fs::create_directories(directory, error);
  if (error)
    return {io_error(fmt::format("cannot create '{}': {}", directory.string(), error.message()))};

  // 1. Stage: write every changed file next to its destination's tree, on the same filesystem.
  const fs::path staging = directory / fmt::format(".iacgen-staging-{}", ::getpid());
  fs::remove_all(staging, error);
  std::vector<std::string> changed;
  for (const auto& [path, content] : files.files()) {
    std::string existing;
    if (read_file(directory / path, existing) && existing == content) {
      ++report.unchanged;
      continue;
    }
    if (!write_file(staging / path, content)) {
      fs::remove_all(staging, error);
      return {io_error(fmt::format("cannot write '{}'", (staging / path).string()))};
    }
    changed.push_back(path);
  }

  // 2. Publish: rename each staged file into place (atomic per file).
  for (const auto& path : changed) {
    fs::create_directories((directory / path).parent_path(), error);
    fs::rename(staging / path, directory / path, error);
    if (error) {
      fs::remove_all(staging, error);
      return {io_error(fmt::format("cannot move '{}' into place: {}", path, error.message()))};
    }
    ++report.written;
  }
  fs::remove_all(staging, error);

  // 3. Remove what iacgen wrote before and no longer writes, unless someone edited it.
  auto manifest = read_manifest(directory);
  const auto previous_exceptions = read_manifest_exceptions(directory);
  const ManifestPolicyRecord previous = read_manifest_policy(directory);
  for (auto it = manifest.begin(); it != manifest.end();) {
    const auto& [path, digest] = *it;
    if (!in_scopes(path, scopes) || files.files().count(path) != 0) {
      ++it;
      continue;
    }
    std::string current;
    if (read_file(directory / path, current) && sha256_hex(current) != digest) {
      report.kept.push_back(path);
    } else {
      fs::remove(directory / path, error);
      remove_empty_parents((directory / path).parent_path(), directory);
      ++report.removed;
    }
    it = manifest.erase(it);
  }

  // 4. Record what is ours now.
  for (const auto& [path, content] : files.files()) manifest[path] = sha256_hex(content);
  nlohmann::ordered_json json;
  json["generator"] = "iacgen";
  json["files"] = nlohmann::ordered_json::object();
  for (const auto& [path, digest] : manifest) json["files"][path] = digest;
  // Exceptions: those of the environments synthesized now replace theirs; the rest are kept.
  std::map<std::pair<std::string, std::string>, nlohmann::ordered_json> recorded;
  auto synthesized_now = [&](const std::string& construct_path) {
    return std::any_of(scopes.begin(), scopes.end(), [&](const std::string& scope) {
      // scope is `app/env/format/`; the construct path starts with `app/env/`.
      auto env_end = scope.find('/', scope.find('/') + 1);
      return construct_path.compare(0, env_end + 1, scope, 0, env_end + 1) == 0;
    });
  };
  for (const auto& old : previous_exceptions) {
    const std::string path = old.value("path", "");
    if (!synthesized_now(path + "/")) recorded[{path, old.value("rule", "")}] = old;
  }
  for (const auto& e : policy.exceptions) {
    recorded[{e.path, e.rule_id}] = nlohmann::ordered_json{{"path", e.path},
                                                           {"rule", e.rule_id},
                                                           {"reason", e.reason},
                                                           {"owner", e.owner},
                                                           {"expires", e.expires}};
  }
  json["suppressions"] = nlohmann::ordered_json::array();
  for (const auto& [key, entry] : recorded) json["suppressions"].push_back(entry);
  // Findings: per environment, those synthesized now replace theirs, the rest are kept.
  std::map<std::string, std::vector<ManifestFinding>> findings;
  for (const auto& [env, list] : previous.policy.findings) {
    if (!synthesized_now(env + "/")) findings[env] = list;
  }
  for (const auto& [env, list] : policy.findings) {
    auto& sorted = findings[env] = list;
    std::sort(sorted.begin(), sorted.end(), [](const ManifestFinding& a, const ManifestFinding& b) {
      return std::tie(a.path, a.rule_id, a.message) < std::tie(b.path, b.rule_id, b.message);
    });
  }
  json["findings"] = nlohmann::ordered_json::object();
  for (const auto& [env, list] : findings) {
    auto entries = nlohmann::ordered_json::array();
    for (const auto& f : list) {
      entries.push_back(nlohmann::ordered_json{{"path", f.path},
                                               {"rule", f.rule_id},
                                               {"severity", f.severity},
                                               {"message", f.message},
                                               {"suppressed", f.suppressed}});
    }
    json["findings"][env] = std::move(entries);
  }
  const fs::path manifest_tmp = directory / (std::string(kManifestName) + ".tmp");
  if (!write_file(manifest_tmp, json.dump(2) + "\n")) {
    return {io_error("cannot write the manifest")};
  }
  fs::rename(manifest_tmp, directory / kManifestName, error);
  if (error) return {io_error(fmt::format("cannot write the manifest: {}", error.message()))};
  return {};
}

}  // namespace iac::gen
