#include "dsl/azure/private_endpoint.h"

#include "dsl/azure/resource_group.h"
#include "dsl/core/stack.h"
#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

// --- private DNS zone --------------------------------------------------------------------------

std::string_view resource_type(const azure::PrivateDnsZone&) { return "azurerm_private_dns_zone"; }

std::string attribute(const azure::PrivateDnsZone&, std::string_view name) {
  return id_or_name("azurerm_private_dns_zone", name);
}

void emit(const azure::PrivateDnsZone& zone, Context& context) {
  auto& w = context.writer();
  // Global: no location.
  auto block = w.block("resource", {std::string(resource_type(zone)), Context::label(zone)});
  w.attribute("name", zone.name());
  w.attribute("resource_group_name",
              context.traversal(context.stack().resource_group().name_ref()));
  context.tags_and_dependencies(zone);
}

// --- virtual network link ----------------------------------------------------------------------

std::string_view resource_type(const azure::PrivateDnsZoneVirtualNetworkLink&) {
  return "azurerm_private_dns_zone_virtual_network_link";
}

std::string attribute(const azure::PrivateDnsZoneVirtualNetworkLink&, std::string_view name) {
  return id_or_name("azurerm_private_dns_zone_virtual_network_link", name);
}

void emit(const azure::PrivateDnsZoneVirtualNetworkLink& link, Context& context) {
  const auto& props = link.props();
  auto& w = context.writer();
  auto block = w.block("resource", {std::string(resource_type(link)), Context::label(link)});
  w.attribute("name", link.name());
  w.attribute("resource_group_name",
              context.traversal(context.stack().resource_group().name_ref()));
  w.attribute("private_dns_zone_name", context.traversal(link.zone().name_ref()));
  if (props.vnet) w.attribute("virtual_network_id", context.traversal(props.vnet->id()));
  w.attribute("registration_enabled", props.registration_enabled);
  context.tags_and_dependencies(link);
}

// --- private endpoint --------------------------------------------------------------------------

std::string_view resource_type(const azure::PrivateEndpoint&) { return "azurerm_private_endpoint"; }

std::string attribute(const azure::PrivateEndpoint&, std::string_view name) {
  return id_or_name("azurerm_private_endpoint", name);
}

void emit(const azure::PrivateEndpoint& endpoint, Context& context) {
  const auto& props = endpoint.props();
  auto block = context.open(endpoint, resource_type(endpoint));
  auto& w = context.writer();
  if (props.subnet) w.attribute("subnet_id", context.traversal(props.subnet->id()));
  context.tags_and_dependencies(endpoint);
  {
    auto connection = w.block("private_service_connection");
    w.attribute("name", endpoint.name());
    w.attribute("private_connection_resource_id", context.traversal(endpoint.target().id()));
    w.attribute("subresource_names", hcl::List{props.subresource});
    w.attribute("is_manual_connection", false);
  }
  if (!props.dns_zones.empty()) {
    auto group = w.block("private_dns_zone_group");
    w.attribute("name", "default");
    hcl::List zones;
    for (const auto* zone : props.dns_zones) zones.emplace_back(context.traversal(zone->id()));
    w.attribute("private_dns_zone_ids", std::move(zones));
  }
}

}  // namespace iac::gen::terraform
