#include "dsl/azure/site.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "dsl/azure/front_door.h"
#include "dsl/azure/network.h"
#include "dsl/azure/role_assignment.h"

namespace iac::azure {

std::string_view to_string(RuntimeStack stack) {
  switch (stack) {
    case RuntimeStack::python:
      return "python";
    case RuntimeStack::dotnet_isolated:
      return "dotnet-isolated";
    case RuntimeStack::dotnet:
      return "dotnet";
    case RuntimeStack::node:
      return "node";
    case RuntimeStack::java:
      return "java";
  }
  return "python";
}

AppIdentity AppIdentity::user_assigned(const UserAssignedIdentity& identity) {
  AppIdentity result;
  result.mode_ = Mode::user_assigned;
  result.user_ = &identity;
  return result;
}

AppIdentity AppIdentity::none(std::string reason) {
  AppIdentity result;
  result.mode_ = Mode::none;
  result.reason_ = std::move(reason);
  return result;
}

std::string cidr(std::string_view range) {
  std::string result(range);
  if (result.find('/') == std::string::npos) result += "/32";
  return result;
}

Site::Site(Construct& scope, std::string id, std::optional<std::string> name,
           std::map<std::string, std::string> tags, Link<AppServicePlan> plan, Runtime runtime,
           Link<ApplicationInsights> insights, SiteSettings settings)
    : Resource(scope, std::move(id), std::move(name), std::move(tags)),
      plan_(plan),
      runtime_(std::move(runtime)),
      insights_(insights),
      settings_(std::move(settings)) {}

Principal Site::identity() const {
  switch (settings_.identity.mode()) {
    case AppIdentity::Mode::system_assigned:
      return {.object_id = principal_id(),
              .kind = PrincipalKind::service_principal,
              .description = path()};
    case AppIdentity::Mode::user_assigned:
      return settings_.identity.user_identity()->principal();
    case AppIdentity::Mode::none:
      break;
  }
  return {.description = path()};
}

void Site::integrate_with(const Subnet& subnet) {
  if (!settings_.vnet_integration) settings_.vnet_integration = subnet;
}

void Site::setting(std::string name, Expr value) {
  app_settings_.push_back({.name = std::move(name), .value = std::move(value)});
}

void Site::setting(std::string name, const KeyVaultSecretReference& secret) {
  if (settings_.identity.mode() == AppIdentity::Mode::none) {
    unreadable_secrets_.push_back(name);
  } else {
    secret.vault->grant_secrets_read(identity());
  }
  setting(std::move(name), secret.value());
}

bool Site::always_on() const { return plan_ && supports_always_on(plan_->props().sku); }

Expr Site::insights_authentication_string() const {
  if (!insights_ || !insights_->props().entra_only_auth.is_enforced()) return {};
  if (const auto* user = settings_.identity.user_identity()) {
    return "Authorization=AAD;ClientId=" + Expr(user->client_id());
  }
  return "Authorization=AAD";
}

void Site::grant_insights_publishing() {
  if (!insights_ || !insights_->props().entra_only_auth.is_enforced()) return;
  if (settings_.identity.mode() == AppIdentity::Mode::none) return;  // reported by validate
  add<RoleAssignment>("grant-metrics-publisher", {.scope = *insights_,
                                                  .role = BuiltinRole::monitoring_metrics_publisher,
                                                  .principal = identity(),
                                                  .description = "Send telemetry with Entra ID"});
}

void Site::collect_references(std::vector<Ref>& out) const {
  if (plan_) out.push_back(plan_->id());
  if (insights_) out.push_back(insights_->connection_string());
  if (const auto* user = settings_.identity.user_identity()) out.push_back(user->id());
  if (settings_.vnet_integration) out.push_back(settings_.vnet_integration->id());
  // The access restriction admitting this app's Front Door names the profile's id.
  for (const auto* profile : front_door_access(*this).profiles) {
    out.push_back(profile->resource_guid());
  }
  for (const auto& setting : app_settings_) {
    for (const Ref& ref : setting.value.refs()) out.push_back(ref);
  }
}

std::optional<std::string> Site::smoke_test_path() const {
  if (package_ && package_->health_path) return package_->health_path;
  return settings_.health_check_path;
}

namespace {

/// Characters that stay inert in a shell word and a URL path: the pipelines quote package
/// paths and health paths in scripts, and anything else could end the quote.
bool plain_path(std::string_view path, std::string_view extra) {
  return std::all_of(path.begin(), path.end(), [&](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' || c == '_' ||
           c == '-' || extra.find(c) != std::string_view::npos;
  });
}

}  // namespace

void Site::validate_package(Diagnostics& out) const {
  if (!package_) return;
  const std::string& path = package_->path;
  if (path.empty() || path.front() == '/' || path.find("..") != std::string::npos ||
      !plain_path(path, "")) {
    out.push_back(diagnostic(
        "IAC-PIPE-001", fmt::format("package path '{}' is not a folder of the repository", path),
        "give a relative path of letters, digits, '.', '_', '-' and '/', e.g. \"src/ingestion\""));
  }
  const std::string& output = package_->output;
  if (output.empty() || output.front() == '/' || output.find("..") != std::string::npos ||
      !plain_path(output, "")) {
    out.push_back(diagnostic(
        "IAC-PIPE-001", fmt::format("package output '{}' is not a folder of the package", output),
        "give a path relative to the package's `path`, e.g. \"publish\", or \".\""));
  }
  const auto health = smoke_test_path();
  if (!health) {
    out.push_back(diagnostic(
        "IAC-PIPE-002", "the package has no health endpoint for the pipelines' smoke test",
        "set `settings.health_check_path` (also the platform's probe) or the package's "
        "`.health_path`, e.g. \"/api/health\""));
  } else if (health->empty() || health->front() != '/' || !plain_path(*health, "~?=&%")) {
    out.push_back(
        diagnostic("IAC-PIPE-001", fmt::format("health path '{}' is not a URL path", *health),
                   "start with '/' and use letters, digits and '/._-~?=&%', e.g. \"/api/health\""));
  }
}

void Site::validate_site(Diagnostics& out, const std::vector<std::string_view>& reserved) const {
  if (!plan_) {
    out.push_back(diagnostic("IAC-APP-001", "required prop `plan` is not set",
                             "set `.plan = <AppServicePlan>`"));
  }
  validate_package(out);
  validate_control(*this, "settings.https_only", settings_.https_only, out);
  validate_public_network(*this, "settings.public_network", settings_.public_network, out);
  const AppIdentity& identity = settings_.identity;
  if (identity.mode() == AppIdentity::Mode::none && identity.reason().empty()) {
    out.push_back(diagnostic(
        "IAC-APP-004", "`settings.identity` is none without a reason",
        "keep the system-assigned identity, or write why: `AppIdentity::none(\"<reason>\")`"));
  }
  if (identity.mode() == AppIdentity::Mode::none && insights_ &&
      insights_->props().entra_only_auth.is_enforced()) {
    out.push_back(diagnostic(
        "IAC-APP-005", "`insights` accepts Entra ID tokens only, but `settings.identity` is none",
        "give the app an identity, or waive `entra_only_auth` on the insights component"));
  }
  for (const auto& name : unreadable_secrets_) {
    out.push_back(diagnostic(
        "IAC-APP-006",
        fmt::format("app setting '{}' is a Key Vault reference, but `settings.identity` is none",
                    name),
        "give the app an identity (the default) so it can be granted Key Vault Secrets User"));
  }
  for (const auto& origin : settings_.cors_allowed_origins) {
    if (origin == "*") {
      out.push_back(diagnostic(
          "IAC-APP-007", "`settings.cors_allowed_origins` contains \"*\"",
          "list the origins that call the app from a browser, e.g. \"https://app.example.com\""));
    }
  }
  if (settings_.health_check_path) {
    const std::string& path = *settings_.health_check_path;
    if (path.size() < 2 || path.front() != '/') {
      out.push_back(diagnostic(
          "IAC-APP-008",
          fmt::format("`settings.health_check_path` '{}' is not a path below the root", path),
          "use a path such as \"/healthz\" (\"/\" is not probed as a health check)"));
    }
    if (plan_ && is_consumption(plan_->props().sku)) {
      out.push_back(diagnostic(
          "IAC-APP-009",
          fmt::format("`settings.health_check_path` is set, but {} plans have no health check",
                      to_string(plan_->props().sku)),
          "remove it, or use an Elastic Premium or dedicated plan"));
    }
  }
  if (settings_.startup_command &&
      (settings_.startup_command->find_first_not_of(" \t") == std::string::npos ||
       settings_.startup_command->find_first_of("\r\n") != std::string::npos)) {
    out.push_back(diagnostic("IAC-APP-016", "`settings.startup_command` is empty or spans lines",
                             "give one command line, e.g. \"python -m streamlit run app.py\", "
                             "or leave it unset for the runtime's own start-up"));
  }
  if (settings_.health_check_eviction_minutes < 2 || settings_.health_check_eviction_minutes > 10) {
    out.push_back(diagnostic("IAC-APP-010",
                             fmt::format("`settings.health_check_eviction_minutes` is {}",
                                         settings_.health_check_eviction_minutes),
                             "set it between 2 and 10"));
  }
  validate_vnet_integration(out);
  std::set<std::string> seen;
  for (const auto& setting : app_settings_) {
    if (std::find(reserved.begin(), reserved.end(), setting.name) != reserved.end()) {
      out.push_back(diagnostic(
          "IAC-APP-011",
          fmt::format("app setting '{}' is written by iacgen from the props", setting.name),
          "set the matching prop (`runtime`, `insights`, `storage`, `settings`) instead"));
    } else if (!seen.insert(setting.name).second) {
      out.push_back(diagnostic("IAC-APP-012",
                               fmt::format("app setting '{}' is set twice", setting.name),
                               "set each app setting once"));
    }
  }
}

std::vector<DiagnosticSource> Site::diagnostic_sources() const {
  // App Service logs (HTTP, console, app, audit, platform; FunctionAppLogs for function apps).
  return {{{.log_category_groups = {"allLogs"}, .metric_categories = {"AllMetrics"}}}};
}

void Site::validate_vnet_integration(Diagnostics& out) const {
  const Subnet* subnet = settings_.vnet_integration.get();
  if (subnet == nullptr || !plan_) return;
  const PlanSku sku = plan_->props().sku;
  if (sku == PlanSku::Y1) {
    out.push_back(diagnostic(
        "IAC-NET-030",
        fmt::format("VNet integration into subnet '{}' is set, but Y1 consumption plans have none",
                    subnet->name()),
        "use an Elastic Premium (EP1+), Flex Consumption (FC1) or dedicated (B1+) plan, or "
        "leave this environment without PrivateNetwork"));
    return;
  }
  const SubnetDelegation needed =
      sku == PlanSku::FC1 ? SubnetDelegation::app_environments : SubnetDelegation::web_server_farms;
  // A reference-only subnet's delegation is its owner's to set: the model cannot see it.
  if (!subnet->is_reference() && subnet->props().delegation != needed) {
    out.push_back(
        diagnostic("IAC-NET-031",
                   fmt::format("VNet integration subnet '{}' is not delegated to {}",
                               subnet->name(), to_string(needed)),
                   fmt::format("set `.delegation = SubnetDelegation::{}` on the subnet",
                               needed == SubnetDelegation::app_environments ? "app_environments"
                                                                            : "web_server_farms")));
  }
}

}  // namespace iac::azure
