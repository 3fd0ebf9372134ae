#include "dsl/azure/private_endpoint.h"

#include <algorithm>

#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

namespace {

constexpr std::string_view kDnsApi = "2024-06-01";
constexpr std::string_view kEndpointApi = "2024-07-01";

/// `tags` only: private DNS resources are global, so the header's location is replaced.
Object global_header(const Resource& resource, Context& context) {
  Object body = context.header(resource);
  for (auto& property : body.properties) {
    if (property.key == "location") property.value = "global";
  }
  return body;
}

}  // namespace

// --- private DNS zone --------------------------------------------------------------------------

Value reference(const azure::PrivateDnsZone&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Network/privateDnsZones");
}

void emit(const azure::PrivateDnsZone& zone, Context& context) {
  context.write(zone, std::string("Microsoft.Network/privateDnsZones@") + std::string(kDnsApi),
                global_header(zone, context));
}

// --- virtual network link ----------------------------------------------------------------------

Value reference(const azure::PrivateDnsZoneVirtualNetworkLink&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute,
                          "Microsoft.Network/privateDnsZones/virtualNetworkLinks");
}

void emit(const azure::PrivateDnsZoneVirtualNetworkLink& link, Context& context) {
  const auto& props = link.props();
  Object body{{{"parent", Reference{Context::symbol(link.zone()), {}}}}};
  for (auto& property : global_header(link, context).properties) {
    body.properties.push_back(std::move(property));
  }
  Object properties{{{"registrationEnabled", props.registration_enabled}}};
  if (props.vnet) {
    properties.properties.push_back(
        {"virtualNetwork", Object{{{"id", context.reference(props.vnet->id())}}}});
  }
  body.properties.push_back({"properties", std::move(properties)});
  context.write(
      link,
      std::string("Microsoft.Network/privateDnsZones/virtualNetworkLinks@") + std::string(kDnsApi),
      std::move(body));
}

// --- private endpoint --------------------------------------------------------------------------

Value reference(const azure::PrivateEndpoint&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Network/privateEndpoints");
}

void emit(const azure::PrivateEndpoint& endpoint, Context& context) {
  const auto& props = endpoint.props();
  Object connection;
  connection.properties.push_back(
      {"privateLinkServiceId", context.reference(endpoint.target().id())});
  connection.properties.push_back({"groupIds", Array{props.subresource}});
  Object properties;
  if (props.subnet) {
    properties.properties.push_back(
        {"subnet", Object{{{"id", context.reference(props.subnet->id())}}}});
  }
  properties.properties.push_back(
      {"privateLinkServiceConnections",
       Array{Object{{{"name", endpoint.name()}, {"properties", std::move(connection)}}}}});
  Object body = context.header(endpoint);
  body.properties.push_back({"properties", std::move(properties)});
  context.write(endpoint,
                std::string("Microsoft.Network/privateEndpoints@") + std::string(kEndpointApi),
                std::move(body));

  if (props.dns_zones.empty()) return;
  // The endpoint's A records, in its zones (Terraform's private_dns_zone_group).
  Array configs;
  for (const auto* zone : props.dns_zones) {
    std::string name = zone->props().zone;
    std::replace(name.begin(), name.end(), '.', '-');
    configs.emplace_back(
        Object{{{"name", name},
                {"properties", Object{{{"privateDnsZoneId", context.reference(zone->id())}}}}}});
  }
  const std::string symbol = Context::symbol(endpoint);
  context.resources().resource(
      symbol + "DnsZoneGroup",
      std::string("Microsoft.Network/privateEndpoints/privateDnsZoneGroups@") +
          std::string(kEndpointApi),
      Object{{{"parent", Reference{symbol, {}}},
              {"name", "default"},
              {"properties", Object{{{"privateDnsZoneConfigs", std::move(configs)}}}}}});
}

}  // namespace iac::gen::bicep
