#include "generators/bicep/azure/site.h"

#include <fmt/format.h>

#include "dsl/azure/front_door.h"
#include "dsl/azure/resources.h"
#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

namespace {
constexpr std::string_view kApi = "2024-11-01";
}

Value site_reference(const std::string& symbol, std::string_view attribute) {
  if (attribute == "principal_id") return Reference{symbol, {"identity", "principalId"}};
  if (attribute == "default_hostname") return Reference{symbol, {"properties", "defaultHostName"}};
  return common_reference(symbol, attribute, "Microsoft.Web/sites");
}

Object app_setting(std::string name, Value value) {
  return Object{{{"name", std::move(name)}, {"value", std::move(value)}}};
}

void write_site(const azure::Site& site, Context& context, std::string_view kind,
                std::string linux_fx_version, Array settings, Object extra_properties) {
  const auto& s = site.settings();
  if (site.insights()) {
    settings.emplace_back(app_setting("APPLICATIONINSIGHTS_CONNECTION_STRING",
                                      context.reference(site.insights()->connection_string())));
  }
  if (Expr auth = site.insights_authentication_string(); !auth.empty()) {
    settings.emplace_back(
        app_setting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", context.value(auth)));
  }
  if (s.health_check_path) {
    // The Bicep form of Terraform's health_check_eviction_time_in_min.
    settings.emplace_back(app_setting("WEBSITE_HEALTHCHECK_MAXPINGFAILURES",
                                      std::to_string(s.health_check_eviction_minutes)));
  }
  for (const auto& setting : site.app_settings()) {
    settings.emplace_back(app_setting(setting.name, context.value(setting.value)));
  }

  const char* default_action = s.public_network.denies_by_default() ? "Deny" : "Allow";
  const azure::FrontDoorAccess front_door = azure::front_door_access(site);
  Array restrictions;
  if (front_door.profile != nullptr) {
    Array ids;
    for (const auto* profile : front_door.profiles) {
      ids.emplace_back(context.reference(profile->resource_guid()));
    }
    // Only the app's own profiles: Front Door's backend addresses are shared by every customer,
    // the X-Azure-FDID header tells them apart.
    restrictions.emplace_back(Object{{{"name", "front-door"},
                                      {"tag", "ServiceTag"},
                                      {"ipAddress", "AzureFrontDoor.Backend"},
                                      {"priority", 90},
                                      {"action", "Allow"},
                                      {"headers", Object{{{"x-azure-fdid", std::move(ids)}}}}}});
  }
  Array scm_restrictions;
  int priority = 100;
  for (const auto& range : s.public_network.ip_ranges()) {
    Object rule{{{"name", "allow-" + std::to_string(priority - 99)},
                 {"ipAddress", azure::cidr(range)},
                 {"priority", priority++},
                 {"action", "Allow"}}};
    scm_restrictions.emplace_back(rule);
    restrictions.emplace_back(std::move(rule));
  }
  Array origins;
  for (const auto& origin : s.cors_allowed_origins) origins.emplace_back(origin);

  Object config{{
      {"linuxFxVersion", std::move(linux_fx_version)},
      {"alwaysOn", site.always_on()},
      {"minTlsVersion", "1.2"},
      {"scmMinTlsVersion", "1.2"},
      {"ftpsState", "Disabled"},
      {"http20Enabled", true},
      {"remoteDebuggingEnabled", false},
  }};
  if (site.vnet_integration() != nullptr)
    config.properties.push_back({"vnetRouteAllEnabled", true});
  if (site.plan() && !azure::is_consumption(site.plan()->props().sku)) {
    // CKV_AZURE_212 reads the worker count on the site.
    config.properties.push_back({"numberOfWorkers", site.plan()->props().worker_count});
  }
  if (s.startup_command) config.properties.push_back({"appCommandLine", *s.startup_command});
  if (s.health_check_path) config.properties.push_back({"healthCheckPath", *s.health_check_path});
  config.properties.push_back({"ipSecurityRestrictions", std::move(restrictions)});
  config.properties.push_back({"ipSecurityRestrictionsDefaultAction", default_action});
  // Behind Front Door the main site admits Front Door only; the SCM site keeps its own rules.
  config.properties.push_back({"scmIpSecurityRestrictionsUseMain", front_door.profile == nullptr});
  if (front_door.profile != nullptr) {
    config.properties.push_back({"scmIpSecurityRestrictions", std::move(scm_restrictions)});
  }
  config.properties.push_back({"scmIpSecurityRestrictionsDefaultAction", default_action});
  config.properties.push_back(
      {"cors", Object{{{"allowedOrigins", std::move(origins)}, {"supportCredentials", false}}}});
  config.properties.push_back({"appSettings", std::move(settings)});

  Object properties;
  if (site.plan())
    properties.properties.push_back({"serverFarmId", context.reference(site.plan()->id())});
  properties.properties.push_back({"reserved", true});
  properties.properties.push_back({"httpsOnly", s.https_only.is_enforced()});
  properties.properties.push_back({"clientAffinityEnabled", false});
  properties.properties.push_back(
      {"publicNetworkAccess", s.public_network.public_endpoint() || front_door.needs_public_endpoint
                                  ? "Enabled"
                                  : "Disabled"});
  if (const auto* user = s.identity.user_identity()) {
    properties.properties.push_back({"keyVaultReferenceIdentity", context.reference(user->id())});
  }
  if (const auto* subnet = site.vnet_integration()) {
    // VNet integration, all outbound traffic through the VNet (Terraform's
    // vnet_route_all_enabled); outboundVnetRouting is the current form of the same switch.
    properties.properties.push_back({"virtualNetworkSubnetId", context.reference(subnet->id())});
    properties.properties.push_back({"outboundVnetRouting", Object{{{"allTraffic", true}}}});
  }
  for (auto& property : extra_properties.properties)
    properties.properties.push_back(std::move(property));
  properties.properties.push_back({"siteConfig", std::move(config)});

  Object body = context.header(site);
  body.properties.push_back({"kind", std::string(kind)});
  switch (s.identity.mode()) {
    case azure::AppIdentity::Mode::system_assigned:
      body.properties.push_back({"identity", Object{{{"type", "SystemAssigned"}}}});
      break;
    case azure::AppIdentity::Mode::user_assigned: {
      Value id = context.reference(s.identity.user_identity()->id());
      Property entry{.key = {}, .value = Object{}};
      entry.key_expression = Interpolation{{std::get<Reference>(id.data())}};
      body.properties.push_back(
          {"identity", Object{{{"type", "UserAssigned"},
                               {"userAssignedIdentities", Object{{std::move(entry)}}}}}});
      break;
    }
    case azure::AppIdentity::Mode::none:
      break;
  }
  body.properties.push_back({"properties", std::move(properties)});
  context.write(site, fmt::format("Microsoft.Web/sites@{}", kApi), std::move(body));

  // Basic publishing credentials (FTP and WebDeploy/SCM) off: deployments use Entra ID.
  const std::string symbol = Context::symbol(site);
  for (const char* name : {"ftp", "scm"}) {
    std::string child = symbol + (name[0] == 'f' ? "Ftp" : "Scm") + "Credentials";
    context.resources().resource(
        child, fmt::format("Microsoft.Web/sites/basicPublishingCredentialsPolicies@{}", kApi),
        Object{{{"parent", Reference{symbol, {}}},
                {"name", name},
                {"properties", Object{{{"allow", false}}}}}});
  }
}

}  // namespace iac::gen::bicep
