#include "dsl/core/diagnostic.h"

#include <algorithm>

#include <fmt/format.h>

namespace iac {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string line = fmt::format("{}: {} {}: {}", d.path.empty() ? "<app>" : d.path,
                                 to_string(d.severity), d.rule_id, d.message);
  if (!d.fix.empty()) fmt::format_to(std::back_inserter(line), " (fix: {})", d.fix);
  return line;
}

bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace iac
