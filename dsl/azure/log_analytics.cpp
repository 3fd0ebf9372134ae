#include "dsl/azure/log_analytics.h"

#include <fmt/format.h>

namespace iac::azure {

const ResourceKind LogAnalyticsWorkspace::kKind{
    .name = "Log Analytics workspace",
    .abbreviation = "log",
    .naming = {.min_length = 4,
               .max_length = 63,
               .charset = "letters, digits and '-'",
               .allowed = chars::alnum_hyphen,
               .first = chars::alnum,
               .last = chars::alnum}};

LogAnalyticsWorkspace::LogAnalyticsWorkspace(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {}

void LogAnalyticsWorkspace::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (props_.retention_days < 30 || props_.retention_days > 730) {
    out.push_back(diagnostic(
        "IAC-LOG-001",
        fmt::format("`retention_days` is {}; a PerGB2018 workspace keeps 30 to 730 days",
                    props_.retention_days),
        "set `.retention_days` between 30 and 730"));
  }
  if (props_.daily_quota_gb && *props_.daily_quota_gb < 1) {
    out.push_back(diagnostic("IAC-LOG-002", "`daily_quota_gb` must be at least 1",
                             "set it to 1 or more, or leave it unset for no cap"));
  }
  validate_control(*this, "entra_only_auth", props_.entra_only_auth, out);
}

std::vector<DiagnosticSource> LogAnalyticsWorkspace::diagnostic_sources() const {
  // Query audit (LAQueryLogs) and summary logs, for another workspace: the diagnostics aspect
  // never sends a workspace's logs to itself.
  return {{{.log_category_groups = {"allLogs"}, .metric_categories = {"AllMetrics"}}}};
}

}  // namespace iac::azure
