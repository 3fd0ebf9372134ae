#pragma once
/// Diagnostics: what validation, policy and generators report instead of crashing.

#include <string>
#include <string_view>
#include <vector>

namespace iac {

/// How bad a finding is. Only `error` stops a synth.
enum class Severity { error, warning, info };

std::string_view to_string(Severity severity);

/// One problem found in the model, with where it is, which rule found it and how to fix it.
struct Diagnostic {
  std::string rule_id;  ///< Stable id, e.g. `IAC-NAME-001`; suppressions and tests refer to it.
  Severity severity = Severity::error;
  std::string path;     ///< Construct path, e.g. `threatstream/prod/kv`.
  std::string message;  ///< What is wrong, naming the prop.
  std::string fix;      ///< What to change; empty when the message says it already.
};

using Diagnostics = std::vector<Diagnostic>;

/// One line, compiler style: `path: error IAC-NAME-001: message (fix: ...)`.
std::string format_diagnostic(const Diagnostic& diagnostic);

bool has_errors(const Diagnostics& diagnostics);

}  // namespace iac
