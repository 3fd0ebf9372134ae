#pragma once
/// Observability: a Log Analytics workspace with workspace-based Application Insights on it.

#include <optional>
#include <string>

#include "dsl/azure/application_insights.h"
#include "dsl/azure/log_analytics.h"
#include "dsl/core/construct.h"

namespace iac::templates {

struct ObservabilityProps {
  /// Days the workspace keeps logs. @default 30
  int log_retention_days = 30;
  /// Days Application Insights keeps telemetry. @default 90
  int telemetry_retention_days = 90;
  /// Daily ingestion cap in GB (a cost guard in dev). @default none
  std::optional<int> daily_quota_gb;
};

/// The monitoring every application needs, as one construct with two children: `log` (the
/// workspace) and `appi` (Application Insights on that workspace, Entra-only ingestion).
class Observability final : public Construct {
 public:
  using Props = ObservabilityProps;

  Observability(Construct& scope, std::string id, Props props);

  azure::LogAnalyticsWorkspace& workspace() { return *workspace_; }
  azure::ApplicationInsights& insights() { return *insights_; }

 private:
  azure::LogAnalyticsWorkspace* workspace_;
  azure::ApplicationInsights* insights_;
};

}  // namespace iac::templates
