#pragma once
/// Where generators put files. Generators never touch the filesystem themselves.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "dsl/core/diagnostic.h"

namespace iac::gen {

/// Receives generated files by relative path (`/`-separated).
class OutputSink {
 public:
  virtual ~OutputSink();
  /// Precondition: `path` is relative, has no `..`, and was not written before.
  virtual void write(std::string path, std::string content) = 0;
};

/// Keeps files in memory, sorted by path: for tests, `diff`, and staging before disk.
class MemorySink final : public OutputSink {
 public:
  void write(std::string path, std::string content) override;
  const std::map<std::string, std::string>& files() const { return files_; }

 private:
  std::map<std::string, std::string> files_;
};

/// The name of the manifest that records every file iacgen wrote under an output directory,
/// with its SHA-256.
inline constexpr const char* kManifestName = ".iacgen-manifest.json";

/// What a commit did, for the CLI to report.
struct CommitReport {
  int written = 0;                ///< Files created or changed.
  int unchanged = 0;              ///< Files already identical.
  int removed = 0;                ///< Stale files that iacgen had written before.
  std::vector<std::string> kept;  ///< Stale files left because they were edited by hand.
};

/// A policy exception, recorded in the manifest so that reviewers see every one in the diff of
/// the committed output, next to what it excuses.
struct ManifestException {
  std::string path;  ///< Construct path, `app/env/...`.
  std::string rule_id;
  std::string reason;
  std::string owner;
  std::string expires;
};

/// A policy finding, recorded in the manifest per environment so that `iacgen diff` can say
/// which findings a change introduces or resolves. Messages name constructs and settings, never
/// secret values (the model holds none).
struct ManifestFinding {
  std::string path;  ///< Construct path, `app/env/...`.
  std::string rule_id;
  std::string severity;  ///< `error`, `warning` or `info`.
  std::string message;
  bool suppressed = false;  ///< An exception covers it (the `suppressions` say which).

  friend bool operator==(const ManifestFinding&, const ManifestFinding&) = default;
};

/// What the manifest records about policy, besides the files.
struct ManifestPolicy {
  std::vector<ManifestException> exceptions;
  /// `app/env` → its findings, sorted by path, rule and message. Every environment synthesized
  /// has an entry, empty when it has no findings.
  std::map<std::string, std::vector<ManifestFinding>> findings;
};

/// Writes `files` under `directory` so that a failure leaves the previous output as it was:
/// every file is first written to a staging folder inside `directory`, and only when all are
/// written are they renamed into place. Files that iacgen wrote earlier (per the manifest) under
/// one of `scopes` and did not write now are removed, unless edited since; files it never wrote
/// are never touched.
/// @param scopes path prefixes this synth was responsible for (e.g. `app/dev/`).
/// @param policy the suppressions and findings of the environments synthesized; those of
///        environments outside `scopes` stay in the manifest as they were.
Diagnostics commit_to_directory(const MemorySink& files, const std::filesystem::path& directory,
                                const std::vector<std::string>& scopes, CommitReport& report,
                                const ManifestPolicy& policy = {});

/// The policy record of the manifest under `directory`.
struct ManifestPolicyRecord {
  bool present = false;       ///< The manifest exists and is JSON.
  bool has_findings = false;  ///< It has a `findings` object (iacgen before 2026-11 wrote none).
  ManifestPolicy policy;
};
ManifestPolicyRecord read_manifest_policy(const std::filesystem::path& directory);

/// The manifest under `directory`: path → SHA-256. Empty when there is none.
std::map<std::string, std::string> read_manifest(const std::filesystem::path& directory);

}  // namespace iac::gen
