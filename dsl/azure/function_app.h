#pragma once
/// Linux function app: Azure Functions (runtime ~4) on an App Service plan.

#include <map>
#include <optional>
#include <string>

#include "dsl/azure/site.h"
#include "dsl/azure/storage_account.h"

namespace iac::azure {

struct LinuxFunctionAppProps {
  /// @default the naming convention: `func-<app>-<env>` (globally unique: it is a host name).
  std::optional<std::string> name;
  /// The plan to run on: Y1, EP1-EP3 or a dedicated SKU. Required.
  Link<AppServicePlan> plan;
  /// The host's storage account (triggers, keys, leases). Required. On dedicated plans the
  /// app reaches it with its identity; Y1 and EP keep their code on an Azure Files share,
  /// which needs the account key, so the account must waive `entra_only_auth` there.
  Link<StorageAccount> storage;
  /// Python 3.10-3.12, .NET 8.0/9.0 isolated, Node 20/22 or Java 11/17/21.
  /// @default Python 3.11
  Runtime runtime;
  /// Telemetry: APPLICATIONINSIGHTS_CONNECTION_STRING, and Entra ID auth when the component
  /// requires it. @default none
  Link<ApplicationInsights> insights;
  SiteSettings settings;
  std::map<std::string, std::string> tags;
};

/// A Linux function app with HTTPS only, TLS 1.2, FTP and basic publishing credentials off, a
/// managed identity and no public endpoint.
class LinuxFunctionApp final : public Site {
 public:
  using Props = LinuxFunctionAppProps;
  static const ResourceKind kKind;

  LinuxFunctionApp(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }

  /// Whether the host reaches its storage with its identity (dedicated plans), rather than
  /// with the account key (Y1 and Elastic Premium, for the content share).
  bool storage_uses_managed_identity() const;

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  Props props_;
};

}  // namespace iac::azure
