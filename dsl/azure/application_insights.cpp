#include "dsl/azure/application_insights.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace iac::azure {

const ResourceKind ApplicationInsights::kKind{
    .name = "Application Insights",
    .abbreviation = "appi",
    .naming = {.min_length = 1,
               .max_length = 255,
               .charset = "printable characters except % & \\ ? /",
               .allowed = chars::insights,
               .last = chars::not_period}};

ApplicationInsights::ApplicationInsights(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {}

void ApplicationInsights::collect_references(std::vector<Ref>& out) const {
  if (props_.workspace) out.push_back(props_.workspace->id());
}

void ApplicationInsights::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (!props_.workspace) {
    out.push_back(diagnostic("IAC-CORE-003", "required prop `workspace` is not set",
                             "set `.workspace = <LogAnalyticsWorkspace>`"));
  }
  constexpr std::array kRetentions{30, 60, 90, 120, 180, 270, 365, 550, 730};
  if (std::find(kRetentions.begin(), kRetentions.end(), props_.retention_days) ==
      kRetentions.end()) {
    out.push_back(diagnostic(
        "IAC-APPI-001", fmt::format("`retention_days` is {}", props_.retention_days),
        "use one of 30, 60, 90, 120, 180, 270, 365, 550, 730"));
  }
  if (props_.sampling_percentage < 0 || props_.sampling_percentage > 100) {
    out.push_back(diagnostic(
        "IAC-APPI-002",
        fmt::format("`sampling_percentage` is {}", props_.sampling_percentage),
        "use 0 to 100"));
  }
  validate_control(*this, "entra_only_auth", props_.entra_only_auth, out);
}

std::vector<DiagnosticSource> ApplicationInsights::diagnostic_sources() const {
  // Workspace-based telemetry is stored in its workspace already: exporting the logs again
  // would ingest (and bill) every record twice, so only the metrics are sent.
  if (props_.workspace) return {{.metric_categories = {"AllMetrics"}}};
  return {{.log_category_groups = {"allLogs"}, .metric_categories = {"AllMetrics"}}};
}

}  // namespace iac::azure
