#pragma once
/// Log Analytics workspace: where logs, metrics and Application Insights telemetry land.

#include <map>
#include <optional>
#include <string>

#include "dsl/core/resource.h"
#include "dsl/core/security.h"

namespace iac::azure {

struct LogAnalyticsWorkspaceProps {
  /// @default the naming convention: `log-<app>-<env>`.
  std::optional<std::string> name;
  /// Days of interactive retention, 30 to 730 (PerGB2018).
  /// @default 30; production usually keeps 90.
  int retention_days = 30;
  /// Daily ingestion cap in GB, a cost guard; none means no cap. @default none
  std::optional<int> daily_quota_gb;
  /// Only Microsoft Entra ID may ingest and query; workspace shared keys are disabled.
  /// @default enforced
  /// @see https://learn.microsoft.com/azure/azure-monitor/logs/azure-ad-authentication-logs
  Control entra_only_auth;
  /// Ingestion and query over the public endpoint. Turning them off needs an Azure Monitor
  /// Private Link Scope. @default true
  bool public_ingestion = true;
  bool public_query = true;
  std::map<std::string, std::string> tags;
};

/// A PerGB2018 workspace whose data is readable only through resource permissions or RBAC.
class LogAnalyticsWorkspace final : public Resource {
 public:
  using Props = LogAnalyticsWorkspaceProps;
  static const ResourceKind kKind;

  LogAnalyticsWorkspace(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  std::vector<DiagnosticSource> diagnostic_sources() const override;
  const Props& props() const { return props_; }

  /// The workspace (customer) id that agents use; not the resource id.
  Ref workspace_id() const { return ref("workspace_id"); }

  void validate(Diagnostics& out) const override;

 private:
  Props props_;
};

}  // namespace iac::azure
