#pragma once
/// What Linux function apps and web apps share: runtime, identity, network and site settings,
/// app settings, and the base class both derive from.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/azure/app_service_plan.h"
#include "dsl/azure/application_insights.h"
#include "dsl/azure/key_vault.h"
#include "dsl/azure/user_assigned_identity.h"
#include "dsl/core/delivery.h"
#include "dsl/core/principal.h"
#include "dsl/core/resource.h"
#include "dsl/core/security.h"

namespace iac::azure {

class Subnet;

/// The language stack. Function apps use `dotnet_isolated`; web apps use `dotnet`.
enum class RuntimeStack { python, dotnet_isolated, dotnet, node, java };

/// A runtime stack and version: `Runtime::python("3.11")`.
struct Runtime {
  /// Python 3.11. (A constructor, not default member initializers: GCC 12 reports a false
  /// -Wmaybe-uninitialized for the string when props leave `runtime` out of a designated
  /// initializer.)
  Runtime() : Runtime(RuntimeStack::python, "3.11") {}
  Runtime(RuntimeStack stack_, std::string version_)
      : stack(stack_), version(std::move(version_)) {}

  RuntimeStack stack;
  std::string version;

  static Runtime python(std::string version) { return {RuntimeStack::python, std::move(version)}; }
  static Runtime dotnet_isolated(std::string version) {
    return {RuntimeStack::dotnet_isolated, std::move(version)};
  }
  static Runtime dotnet(std::string version) { return {RuntimeStack::dotnet, std::move(version)}; }
  static Runtime node(std::string version) { return {RuntimeStack::node, std::move(version)}; }
  static Runtime java(std::string version) { return {RuntimeStack::java, std::move(version)}; }
};

std::string_view to_string(RuntimeStack stack);  ///< "python", "dotnet-isolated", ...

/// The managed identity of a site: one system-assigned or one user-assigned identity, never
/// both (ARM's CKV_AZURE_16 fails `'SystemAssigned, UserAssigned'`).
class AppIdentity {
 public:
  enum class Mode { system_assigned, user_assigned, none };

  AppIdentity() = default;
  static AppIdentity system_assigned() { return {}; }
  static AppIdentity user_assigned(const UserAssignedIdentity& identity);
  /// No identity: the app can use no Entra ID auth and no Key Vault references.
  static AppIdentity none(std::string reason);

  Mode mode() const { return mode_; }
  const UserAssignedIdentity* user_identity() const { return user_; }
  const std::string& reason() const { return reason_; }

 private:
  Mode mode_ = Mode::system_assigned;
  const UserAssignedIdentity* user_ = nullptr;
  std::string reason_;
};

/// Function app and web app names share one rule: they become `<name>.azurewebsites.net`.
inline constexpr NamingRule kSiteNaming{.min_length = 2,
                                        .max_length = 60,
                                        .charset = "letters, digits and '-'",
                                        .allowed = chars::alnum_hyphen,
                                        .first = chars::alnum,
                                        .last = chars::alnum,
                                        .scope = NameScope::global};

/// Security and operations settings of a site, the same for function apps and web apps.
struct SiteSettings {
  /// @default system-assigned
  AppIdentity identity;
  /// No public endpoint by default (reach the app through a private endpoint or Front Door
  /// Premium). `allow_from` adds one access restriction per range; the rest is denied.
  /// @default disabled
  /// @see https://learn.microsoft.com/azure/app-service/overview-access-restrictions
  PublicNetwork public_network;
  /// Requests over plain HTTP are redirected to HTTPS. @default enforced
  Control https_only;
  /// The path the platform probes to take unhealthy instances out of rotation, e.g. "/healthz".
  /// Not available on Y1 and FC1. @default none
  std::optional<std::string> health_check_path;
  /// Minutes an instance may fail the health check before it is replaced, 2 to 10. @default 10
  int health_check_eviction_minutes = 10;
  /// The command that starts the app (site config `app_command_line` / `appCommandLine`), for
  /// runtimes the platform cannot start by itself, e.g. a Streamlit front end:
  /// `python -m streamlit run app.py`. @default none: the runtime's own start-up
  std::optional<std::string> startup_command;
  /// Origins allowed to call the app from a browser. "*" is refused. @default none
  std::vector<std::string> cors_allowed_origins;
  /// Regional VNet integration: the subnet the app's outbound traffic leaves through, with all
  /// traffic routed through the VNet (so its NSG and routes apply and private endpoints
  /// resolve). Needs a subnet delegated to Microsoft.Web/serverFarms (Microsoft.App/environments
  /// on FC1) and a plan other than Y1. PrivateNetwork sets it for every app. @default none
  /// @see https://learn.microsoft.com/azure/app-service/overview-vnet-integration
  Link<Subnet> vnet_integration;
};

/// One app setting, in declaration order.
struct AppSetting {
  std::string name;
  Expr value;
};

/// Base of LinuxFunctionApp and LinuxWebApp.
class Site : public Resource {
 public:
  /// Every log category of the app (allLogs) and AllMetrics.
  std::vector<DiagnosticSource> diagnostic_sources() const override;
  const AppServicePlan* plan() const { return plan_.get(); }
  const ApplicationInsights* insights() const { return insights_.get(); }
  const Runtime& runtime() const { return runtime_; }
  const SiteSettings& settings() const { return settings_; }

  /// The app's identity as the receiver of a role (`vault.grant_secrets_read(app.identity())`).
  /// Empty when the identity is `AppIdentity::none`.
  Principal identity() const;
  /// The system-assigned identity's principal id (only with AppIdentity::system_assigned).
  Ref principal_id() const { return ref("principal_id"); }
  /// The default host name, `<name>.azurewebsites.net`.
  Ref default_hostname() const { return ref("default_hostname"); }

  /// Turns on VNet integration into `subnet` unless `settings.vnet_integration` names one.
  void integrate_with(const Subnet& subnet);
  /// The VNet integration subnet, or nullptr.
  const Subnet* vnet_integration() const { return settings_.vnet_integration.get(); }
  const PublicNetwork* public_network() const override { return &settings_.public_network; }
  /// The app's own endpoint (which also serves its SCM site).
  std::vector<PrivateLinkService> private_link_services() const override {
    return {{"sites", "privatelink.azurewebsites.net"}};
  }

  /// Adds an app setting (an environment variable of the app).
  void setting(std::string name, Expr value);
  /// Adds a Key Vault reference and grants the app's identity Key Vault Secrets User on the vault.
  void setting(std::string name, const KeyVaultSecretReference& secret);
  const std::vector<AppSetting>& app_settings() const { return app_settings_; }

  /// The app's code package: the pipelines zip-deploy it after the infrastructure and call its
  /// health endpoint.
  void package(PackageProps props) { package_ = std::move(props); }
  const std::optional<PackageProps>& package() const { return package_; }
  /// The path the pipelines' smoke test calls: the package's, or the health check path.
  std::optional<std::string> smoke_test_path() const;

  /// Whether sites on this plan keep a worker warm (`always_on`).
  bool always_on() const;
  /// APPLICATIONINSIGHTS_AUTHENTICATION_STRING when the insights component takes Entra ID
  /// tokens only (`Authorization=AAD`, plus `ClientId=` for a user-assigned identity); empty
  /// otherwise.
  Expr insights_authentication_string() const;

 protected:
  Site(Construct& scope, std::string id, std::optional<std::string> name,
       std::map<std::string, std::string> tags, Link<AppServicePlan> plan, Runtime runtime,
       Link<ApplicationInsights> insights, SiteSettings settings);

  /// Grants the identity Monitoring Metrics Publisher on an Entra-only insights component.
  void grant_insights_publishing();
  /// Checks what both kinds share; `reserved` are setting names the generators write.
  void validate_site(Diagnostics& out, const std::vector<std::string_view>& reserved) const;
  void validate_package(Diagnostics& out) const;
  void collect_references(std::vector<Ref>& out) const override;

 private:
  /// The plan supports VNet integration and the subnet is delegated to it.
  void validate_vnet_integration(Diagnostics& out) const;
  Link<AppServicePlan> plan_;
  Runtime runtime_;
  Link<ApplicationInsights> insights_;
  SiteSettings settings_;
  std::vector<AppSetting> app_settings_;
  std::optional<PackageProps> package_;
  std::vector<std::string> unreadable_secrets_;  // Key Vault references without an identity
};

/// A range as an access-restriction address: CIDR, `/32` added to a single address.
std::string cidr(std::string_view range);

}  // namespace iac::azure
