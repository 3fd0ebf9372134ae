#include "generators/terraform/azure/site.h"

#include "dsl/azure/front_door.h"
#include "dsl/azure/resources.h"
#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string site_attribute(std::string_view type, std::string_view name) {
  if (name == "id" || name == "name" || name == "default_hostname") return std::string(name);
  if (name == "principal_id") return "identity[0].principal_id";
  unknown_attribute(type, name);
}

void write_site_security(const azure::Site& site, Context& context) {
  const auto& settings = site.settings();
  auto& w = context.writer();
  w.attribute("https_only", settings.https_only.is_enforced());
  // Front Door without Private Link reaches the app on its public endpoint (locked to it).
  w.attribute("public_network_access_enabled",
              settings.public_network.public_endpoint() ||
                  azure::front_door_access(site).needs_public_endpoint);
  w.attribute("ftp_publish_basic_authentication_enabled", false);
  w.attribute("webdeploy_publish_basic_authentication_enabled", false);
  if (const auto* subnet = site.vnet_integration()) {
    w.attribute("virtual_network_subnet_id", context.traversal(subnet->id()));
  }
  if (const auto* user = settings.identity.user_identity()) {
    // Key Vault references resolve with the user-assigned identity, not a system one.
    w.attribute("key_vault_reference_identity_id", context.traversal(user->id()));
  }
}

void write_app_settings(const azure::Site& site, hcl::Object extra, Context& context) {
  hcl::Object settings = std::move(extra);
  if (Expr auth = site.insights_authentication_string(); !auth.empty()) {
    settings.entries.push_back({"APPLICATIONINSIGHTS_AUTHENTICATION_STRING", context.value(auth)});
  }
  for (const auto& setting : site.app_settings()) {
    settings.entries.push_back({setting.name, context.value(setting.value)});
  }
  context.writer().attribute("app_settings", std::move(settings));
}

void write_identity(const azure::Site& site, Context& context) {
  const auto& identity = site.settings().identity;
  if (identity.mode() == azure::AppIdentity::Mode::none) return;
  auto& w = context.writer();
  auto block = w.block("identity");
  if (const auto* user = identity.user_identity()) {
    w.attribute("type", "UserAssigned");
    w.attribute("identity_ids", hcl::List{context.traversal(user->id())});
  } else {
    w.attribute("type", "SystemAssigned");
  }
}

void write_site_config_attributes(const azure::Site& site, Context& context) {
  const auto& settings = site.settings();
  auto& w = context.writer();
  w.attribute("always_on", site.always_on());
  w.attribute("minimum_tls_version", "1.2");
  w.attribute("scm_minimum_tls_version", "1.2");
  w.attribute("ftps_state", "Disabled");
  w.attribute("http2_enabled", true);
  w.attribute("remote_debugging_enabled", false);
  // VNet integration routes all outbound traffic through the VNet, not only RFC 1918.
  if (site.vnet_integration() != nullptr) w.attribute("vnet_route_all_enabled", true);
  if (settings.startup_command) w.attribute("app_command_line", *settings.startup_command);
  if (settings.health_check_path) {
    w.attribute("health_check_path", *settings.health_check_path);
    w.attribute("health_check_eviction_time_in_min", settings.health_check_eviction_minutes);
  }
  const char* default_action = settings.public_network.denies_by_default() ? "Deny" : "Allow";
  w.attribute("ip_restriction_default_action", default_action);
  w.attribute("scm_ip_restriction_default_action", default_action);
  // Behind Front Door the main site admits Front Door only; the SCM site keeps its own rules.
  w.attribute("scm_use_main_ip_restriction", azure::front_door_access(site).profile == nullptr);
}

void write_site_config_blocks(const azure::Site& site, Context& context) {
  const auto& settings = site.settings();
  auto& w = context.writer();
  {
    auto cors = w.block("cors");
    hcl::List origins;
    for (const auto& origin : settings.cors_allowed_origins) origins.emplace_back(origin);
    w.attribute("allowed_origins", std::move(origins));
    w.attribute("support_credentials", false);
  }
  const azure::FrontDoorAccess front_door = azure::front_door_access(site);
  if (front_door.profile != nullptr) {
    // Only the app's own profiles: Front Door's backend addresses are shared by every customer,
    // the X-Azure-FDID header tells them apart.
    auto restriction = w.block("ip_restriction");
    w.attribute("name", "front-door");
    w.attribute("service_tag", "AzureFrontDoor.Backend");
    w.attribute("priority", 90);
    w.attribute("action", "Allow");
    auto headers = w.block("headers");
    hcl::List ids;
    for (const auto* profile : front_door.profiles) {
      ids.emplace_back(context.traversal(profile->resource_guid()));
    }
    w.attribute("x_azure_fdid", std::move(ids));
    w.attribute("x_fd_health_probe", hcl::List{});
    w.attribute("x_forwarded_for", hcl::List{});
    w.attribute("x_forwarded_host", hcl::List{});
  }
  for (const char* block : {"ip_restriction", "scm_ip_restriction"}) {
    if (block[0] == 's' && front_door.profile == nullptr) break;  // SCM uses the main rules
    int priority = 100;
    for (const auto& range : settings.public_network.ip_ranges()) {
      auto restriction = w.block(block);
      w.attribute("name", "allow-" + std::to_string(priority - 99));
      w.attribute("ip_address", azure::cidr(range));
      w.attribute("priority", priority++);
      w.attribute("action", "Allow");
    }
  }
}

}  // namespace iac::gen::terraform
