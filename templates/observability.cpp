#include "templates/observability.h"

namespace iac::templates {

Observability::Observability(Construct& scope, std::string id, Props props)
    : Construct(scope, std::move(id)) {
  workspace_ = &add<azure::LogAnalyticsWorkspace>(
      "log", {.retention_days = props.log_retention_days, .daily_quota_gb = props.daily_quota_gb});
  insights_ = &add<azure::ApplicationInsights>(
      "appi", {.workspace = *workspace_, .retention_days = props.telemetry_retention_days});
}

}  // namespace iac::templates
