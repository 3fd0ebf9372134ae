#pragma once
/// Linux web app: an App Service site for HTTP workloads.

#include <map>
#include <optional>
#include <string>

#include "dsl/azure/site.h"

namespace iac::azure {

struct LinuxWebAppProps {
  /// @default the naming convention: `app-<app>-<env>` (globally unique: it is a host name).
  std::optional<std::string> name;
  /// A dedicated plan (B*, S*, P*v3). Required.
  Link<AppServicePlan> plan;
  /// Python 3.10-3.12, .NET 8.0/9.0, Node 20/22 (LTS) or Java 11/17/21 (Java SE).
  /// @default Python 3.11
  Runtime runtime;
  /// Telemetry: APPLICATIONINSIGHTS_CONNECTION_STRING, and Entra ID auth when the component
  /// requires it. @default none
  Link<ApplicationInsights> insights;
  SiteSettings settings;
  std::map<std::string, std::string> tags;
};

/// A Linux web app with HTTPS only, TLS 1.2, FTP and basic publishing credentials off, ARR
/// affinity off, a managed identity and no public endpoint.
class LinuxWebApp final : public Site {
 public:
  using Props = LinuxWebAppProps;
  static const ResourceKind kKind;

  LinuxWebApp(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }

  void validate(Diagnostics& out) const override;

 private:
  Props props_;
};

}  // namespace iac::azure
