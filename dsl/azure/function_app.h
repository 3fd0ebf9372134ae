#pragma once
/// Linux function app: Azure Functions (runtime ~4) on an App Service plan.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dsl/azure/functions.h"
#include "dsl/azure/role_assignment.h"
#include "dsl/azure/site.h"
#include "dsl/azure/storage_account.h"

namespace iac::azure {

class LinuxFunctionApp;

/// A function just declared, to add input and output bindings to:
/// `func.timer("ingest", "0 */15 * * * *").cosmos_output({.container = indicators})`.
class FunctionBindings {
 public:
  FunctionBindings(LinuxFunctionApp& app, std::size_t index) : app_(&app), index_(index) {}
  /// Reads items with the app's identity; grants Cosmos DB Built-in Data Reader on the account.
  FunctionBindings& cosmos_input(CosmosInputProps props);
  /// Upserts items with the app's identity; grants Cosmos DB Built-in Data Contributor.
  FunctionBindings& cosmos_output(CosmosOutputProps props);

 private:
  LinuxFunctionApp* app_;
  std::size_t index_;
};

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
  /// The Functions host's settings (host.json); unset defaults follow the environment and plan.
  HostSettings host;
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

  /// Adds a timer-triggered function; `schedule` is six-field NCRONTAB, e.g. "0 */15 * * * *".
  FunctionBindings timer(std::string name, std::string schedule, TimerTriggerProps props = {});
  /// Adds an HTTP-triggered function with its `http` output binding.
  FunctionBindings http(std::string name, HttpTriggerProps props = {});
  /// Adds a queue-triggered function, wires its identity-based connection
  /// (`<connection>__queueServiceUri`) and grants Storage Queue Data Contributor on the account.
  FunctionBindings queue(std::string name, QueueTriggerProps props);
  /// Adds a blob-triggered function, wires `<connection>__blobServiceUri` and
  /// `__queueServiceUri` (blob receipts and poison messages), and grants Storage Blob Data Owner
  /// and Storage Queue Data Contributor on the account.
  FunctionBindings blob(std::string name, BlobTriggerProps props);
  /// Adds a Cosmos DB change feed function, wires `<connection>__accountEndpoint` and grants
  /// Cosmos DB Built-in Data Contributor on the account (the trigger writes its leases).
  FunctionBindings cosmos(std::string name, CosmosTriggerProps props);
  /// Adds a Service Bus triggered function and wires `<connection>__fullyQualifiedNamespace`
  /// (or, for `connection_string`, a Key Vault reference with the vault's Secrets User role).
  FunctionBindings service_bus(std::string name, ServiceBusTriggerProps props);
  /// The declared functions, in declaration order.
  const std::vector<FunctionDefinition>& functions() const { return functions_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  /// Sets the app settings of an identity-based Storage connection once per setting name.
  void wire_storage_connection(const std::string& connection, const StorageAccount& storage,
                               bool blobs);
  /// Grants `role` on `storage` once.
  void grant_storage_role(const StorageAccount& storage, BuiltinRole role);
  /// Wires `<connection>__accountEndpoint` of `container`'s account and grants the data role,
  /// once per account and role. Returns the resolved connection name.
  std::string wire_cosmos(const Link<CosmosSqlContainer>& container, std::string connection,
                          bool writes);
  /// `<connection>__credential` and `__clientId` when the app runs as a user-assigned identity.
  void wire_user_identity(const std::string& connection);
  void add_binding(std::size_t function, Binding binding);
  FunctionBindings add_function(std::string name, Trigger trigger);
  friend class FunctionBindings;
  void validate_functions(Diagnostics& out) const;

  Props props_;
  std::vector<FunctionDefinition> functions_;
  std::set<std::string> wired_settings_;
};

}  // namespace iac::azure
