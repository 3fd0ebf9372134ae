#pragma once
/// The review that `iacgen diff` prints: what a change to the stack code does to the committed
/// output, resource by resource, security changes first, then the text of each file.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "generators/review/azurerm_rules.h"

namespace iac::review {

/// A policy exception as the manifest records it.
struct Exception {
  std::string path;  ///< Construct path, `app/env/...`.
  std::string rule_id;
  std::string reason;
  std::string owner;
  std::string expires;
};

/// A policy finding as the manifest records it, per environment.
struct Finding {
  std::string path;  ///< Construct path, `app/env/...`.
  std::string rule_id;
  std::string severity;  ///< `error`, `warning`, `info`.
  std::string message;
  bool suppressed = false;
};

/// A raw edit of the output (an escape hatch, Resource::terraform_override and friends), as the
/// model declares it: the review lists every one in scope, so reviewers see raw edits.
struct RawEdit {
  std::string path;     ///< Construct path, `app/env/...`.
  std::string format;   ///< `terraform` or `bicep`.
  std::string target;   ///< The edited path, `site_config.http2_enabled`.
  std::string value;    ///< Short text of the value (`(sensitive)` when masked); empty: removed.
  std::string setting;  ///< The typed setting it came from, empty for a raw path.
};

/// What the review compares.
struct Input {
  std::map<std::string, std::string> generated;  ///< path → content, synthesized from the code.
  std::map<std::string, std::string> committed;  ///< path → content of the files on disk.
  std::map<std::string, std::string> manifest;   ///< path → SHA-256 that iacgen last wrote.
  std::vector<Exception> committed_exceptions;   ///< From the manifest, in scope.
  std::vector<Exception> current_exceptions;     ///< From the code.
  bool committed_manifest_present = true;
  /// `app/env` → findings, from the manifest (an environment is missing when the manifest was
  /// written before iacgen recorded findings) and from the code (every selected environment).
  std::map<std::string, std::vector<Finding>> committed_findings;
  std::map<std::string, std::vector<Finding>> current_findings;
  std::vector<RawEdit> current_overrides;  ///< From the code, in scope.
};

struct AttributeChange {
  std::string path;    ///< `site_config.minimum_tls_version`.
  std::string before;  ///< Expression text; empty when absent; `(sensitive)` when masked.
  std::string after;
  AttributeMeaning meaning;
};

enum class Action { added, removed, changed };

struct ResourceChange {
  Action action = Action::changed;
  std::string format = "terraform";  ///< `terraform` or `bicep`.
  std::string type;  ///< `azurerm_key_vault`; for Bicep the ARM type, `Microsoft.KeyVault/vaults`.
  std::string name;  ///< Terraform label, `kv`; for Bicep the symbolic name.
  bool existing = false;  ///< Bicep `existing`: a reference, not deployed by the template.
  std::string file;       ///< Relative path of the .tf file holding it (the new one, else the old).
  std::vector<AttributeChange> attributes;  ///< For `changed`.
  std::string replaces;      ///< Why Terraform destroys and recreates it; empty when in place.
  std::string data_loss;     ///< Set when destroying it loses data or identity.
  std::string renamed_from;  ///< Label of a removed resource of the same type this may replace.
  std::string orphaned;      ///< Bicep: what happens in Azure to a resource the template drops.

  /// `azurerm_key_vault.kv`; for Bicep `kv (Microsoft.KeyVault/vaults)`.
  std::string id() const {
    return format == "bicep" ? name + " (" + type + ")" : type + "." + name;
  }
  /// For `added`: the id of an `import` block for it. The resource exists in Azure already and
  /// will be imported, not created; its attributes then show what the first apply changes.
  std::string imported_from;
};

struct SecurityChange {
  std::string category;  ///< `network exposure`, `TLS`, `role assignment`, `suppression`...
  Effect effect = Effect::changes;
  std::string resource;  ///< `azurerm_key_vault.kv`, or the construct path of a suppression.
  std::string detail;    ///< `public_network_access_enabled: false → true`.
};

enum class ExceptionAction { added, removed, changed };

struct ExceptionChange {
  ExceptionAction action;
  Exception before;
  Exception after;
};

enum class FindingAction { added, removed, changed };

struct FindingChange {
  FindingAction action;
  Finding before;  ///< Empty for `added`.
  Finding after;   ///< Empty for `removed`.
};

enum class FileStatus { added, removed, changed };

struct FileChange {
  std::string path;
  FileStatus status = FileStatus::changed;
  std::string unified;      ///< The unified diff (empty for removed files).
  bool summarized = false;  ///< The resource summary covers it; text only with `--unified`.
};

/// One application and environment (`env` is empty for files written once per application,
/// such as pipelines).
struct Scope {
  std::string app;
  std::string env;
  std::vector<SecurityChange> security;
  std::vector<ResourceChange> resources;
  std::vector<ExceptionChange> exceptions;
  std::vector<FindingChange> findings;  ///< Policy findings that appear, go away or change.
  std::vector<FileChange> files;
  std::vector<std::string> notes;  ///< Files missing, edited by hand, unreadable.
  int files_compared = 0;

  std::string title() const { return env.empty() ? app + " (per application)" : app + "/" + env; }
  bool drift() const { return !files.empty() || !exceptions.empty() || !findings.empty(); }
};

struct Review {
  std::vector<Scope> scopes;  ///< Sorted by app, then env.
  int files_compared = 0;
  /// Every override of the code under review, listed whether or not the output changed.
  std::vector<RawEdit> overrides;

  bool drift() const;
  int security_change_count() const;
};

Review build_review(const Input& input);

struct RenderOptions {
  bool unified = false;        ///< Text diffs of files the resource summary covers, too.
  bool security_only = false;  ///< Only the security changes.
};

std::string render_text(const Review& review, const RenderOptions& options);
std::string render_markdown(const Review& review, const RenderOptions& options);
std::string render_json(const Review& review, const RenderOptions& options);

}  // namespace iac::review
