#pragma once
/// Application Insights: workspace-based application telemetry.

#include <map>
#include <optional>
#include <string>

#include "dsl/azure/log_analytics.h"
#include "dsl/core/resource.h"
#include "dsl/core/security.h"

namespace iac::azure {

enum class ApplicationType { web, other };

struct ApplicationInsightsProps {
  /// @default the naming convention: `appi-<app>-<env>`.
  std::optional<std::string> name;
  /// The workspace that stores the telemetry. Required: classic (non-workspace) components
  /// are retired.
  Link<LogAnalyticsWorkspace> workspace;
  /// @default web
  ApplicationType application_type = ApplicationType::web;
  /// Days of retention: 30, 60, 90, 120, 180, 270, 365, 550 or 730. @default 90
  int retention_days = 90;
  /// Percentage of telemetry kept by ingestion sampling, 0-100. @default 100
  int sampling_percentage = 100;
  /// Telemetry is accepted only with a Microsoft Entra token, not with the instrumentation key
  /// alone. Apps then need APPLICATIONINSIGHTS_AUTHENTICATION_STRING. @default enforced
  /// @see https://learn.microsoft.com/azure/azure-monitor/app/azure-ad-authentication
  Control entra_only_auth;
  /// Ingestion and query over the public endpoint (off needs a Private Link Scope).
  /// @default true
  bool public_ingestion = true;
  bool public_query = true;
  std::map<std::string, std::string> tags;
};

/// A workspace-based Application Insights component.
class ApplicationInsights final : public Resource {
 public:
  using Props = ApplicationInsightsProps;
  static const ResourceKind kKind;

  ApplicationInsights(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  std::vector<DiagnosticSource> diagnostic_sources() const override;
  const Props& props() const { return props_; }

  /// The connection string apps are configured with (sensitive: it holds the key).
  Ref connection_string() const { return ref("connection_string", /*sensitive=*/true); }
  Ref app_id() const { return ref("app_id"); }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  Props props_;
};

}  // namespace iac::azure
