#include "dsl/policy/engine.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <map>

#include <fmt/format.h>

#include "dsl/core/app.h"
#include "dsl/core/resource.h"
#include "dsl/core/stack.h"

namespace iac::policy {

std::string_view to_string(Level level) {
  switch (level) {
    case Level::off:
      return "off";
    case Level::warning:
      return "warning";
    case Level::error:
      return "error";
  }
  return "off";
}

Level Levels::in(Tier tier) const {
  switch (tier) {
    case Tier::dev:
      return dev;
    case Tier::staging:
      return staging;
    case Tier::prod:
      return prod;
  }
  return prod;
}

namespace {

int rank(Severity severity) {
  switch (severity) {
    case Severity::error:
      return 2;
    case Severity::warning:
      return 1;
    case Severity::info:
      return 0;
  }
  return 2;
}

bool is_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

std::string current_date() {
  if (const char* fixed = std::getenv("IACGEN_TODAY"); fixed != nullptr && *fixed != '\0') {
    return fixed;
  }
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return fmt::format("{:04}-{:02}-{:02}", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
}

Finding about_suppression(const Stack& stack, const Suppression& s, std::string rule_id,
                          Severity severity, std::string message, std::string fix) {
  return {.rule_id = std::move(rule_id),
          .severity = severity,
          .environment = stack.env().name,
          .path = s.path,
          .message = std::move(message),
          .fix = std::move(fix)};
}

}  // namespace

std::vector<const Finding*> Report::active(Severity at_least) const {
  std::vector<const Finding*> result;
  for (const auto& finding : findings) {
    if (finding.suppressed_by == nullptr && rank(finding.severity) >= rank(at_least)) {
      result.push_back(&finding);
    }
  }
  return result;
}

const Rule* find_rule(std::string_view id, std::span<const Rule> extra) {
  for (std::span<const Rule> pack : {azure_baseline(), extra}) {
    for (const Rule& rule : pack) {
      if (rule.info.id == id) return &rule;
    }
  }
  return nullptr;
}

Report evaluate(const App& app, std::string today) {
  if (today.empty()) today = current_date();
  Report report;
  for (const auto& stack : app.stacks()) {
    for (const auto& s : stack->suppressions()) report.suppressions.push_back(s);
  }
  // Pointers into report.suppressions stay valid: it does not grow from here on.
  std::size_t suppression_index = 0;
  for (const auto& stack : app.stacks()) {
    const Environment& env = stack->env();
    const std::size_t first = suppression_index;
    const std::size_t last = first + stack->suppressions().size();
    suppression_index = last;
    std::vector<bool> used(last - first, false);
    std::map<std::pair<std::string, std::string>, std::size_t> by_scope;  // (rule, path) → index
    for (std::size_t i = first; i < last; ++i) {
      by_scope.try_emplace({report.suppressions[i].rule_id, report.suppressions[i].path}, i);
    }

    auto evaluate_pack = [&](std::span<const Rule> rules) {
      for (const Rule& rule : rules) {
        Level level = rule.info.levels.in(env.tier);
        if (level == Level::off) continue;
        for (const Resource* resource : stack->resources()) {
          if (!rule.kinds.empty() && std::find(rule.kinds.begin(), rule.kinds.end(),
                                               &resource->kind()) == rule.kinds.end()) {
            continue;
          }
          Problem problem = rule.check(*resource, env);
          if (!problem) continue;
          Finding finding{.rule = &rule.info,
                          .rule_id = std::string(rule.info.id),
                          .severity = level == Level::error ? Severity::error : Severity::warning,
                          .environment = env.name,
                          .path = resource->path(),
                          .message = std::move(*problem),
                          .fix = std::string(rule.info.fix)};
          // The suppression on the closest scope: look the finding's path and each of its
          // ancestors up, instead of comparing with every suppression of the stack.
          for (std::string scope = finding.path; !scope.empty();) {
            auto it = by_scope.find({finding.rule_id, scope});
            if (it != by_scope.end()) {
              finding.suppressed_by = &report.suppressions[it->second];
              used[it->second - first] = true;
              break;
            }
            auto slash = scope.rfind('/');
            scope = slash == std::string::npos ? std::string() : scope.substr(0, slash);
          }
          report.findings.push_back(std::move(finding));
        }
      }
    };
    evaluate_pack(azure_baseline());
    evaluate_pack(app.rules());

    for (std::size_t i = first; i < last; ++i) {
      const Suppression& s = report.suppressions[i];
      if (s.reason.empty()) {
        report.findings.push_back(
            about_suppression(*stack, s, "IAC-POL-001", Severity::error,
                              fmt::format("suppression of {} has no reason", s.rule_id),
                              "say why the exception is acceptable and what compensates for it"));
      }
      if (!s.options.expires.empty() && !is_date(s.options.expires)) {
        report.findings.push_back(about_suppression(
            *stack, s, "IAC-POL-002", Severity::error,
            fmt::format("suppression of {} expires on '{}', not a YYYY-MM-DD date", s.rule_id,
                        s.options.expires),
            "write the date as YYYY-MM-DD"));
      } else if (!s.options.expires.empty() && s.options.expires < today) {
        report.findings.push_back(about_suppression(
            *stack, s, "IAC-POL-003", Severity::error,
            fmt::format("suppression of {} expired on {}", s.rule_id, s.options.expires),
            "fix the finding, or renew the exception with a new date and reason"));
      }
      if (find_rule(s.rule_id, app.rules()) == nullptr) {
        report.findings.push_back(
            about_suppression(*stack, s, "IAC-POL-004", Severity::error,
                              fmt::format("suppression names unknown rule {}", s.rule_id),
                              "check the id with `iacgen explain`"));
      } else if (!used[i - first]) {
        report.findings.push_back(
            about_suppression(*stack, s, "IAC-POL-005", Severity::warning,
                              fmt::format("suppression of {} matches no finding", s.rule_id),
                              "remove it: the rule passes here"));
      }
    }
  }
  return report;
}

Diagnostics to_diagnostics(const Report& report) {
  Diagnostics diagnostics;
  for (const Finding* finding : report.active()) {
    diagnostics.push_back({.rule_id = finding->rule_id,
                           .severity = finding->severity,
                           .path = finding->path,
                           .message = finding->message,
                           .fix = finding->fix});
  }
  return diagnostics;
}

const std::vector<Suppression>& suppressions_of(const Stack& stack) { return stack.suppressions(); }

}  // namespace iac::policy
