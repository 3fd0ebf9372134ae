#include "templates/private_landing_zone.h"

#include "dsl/azure/network.h"
#include "dsl/azure/private_endpoint.h"
#include "dsl/core/stack.h"

namespace iac::templates {

azure::PrivateNetwork& private_landing_zone(Stack& stack, const PrivateLandingZoneProps& props) {
  std::vector<azure::SecurityRule> rules;
  int priority = 100;
  for (const EndpointPort& port : props.endpoint_ports) {
    rules.push_back({.name = port.rule,
                     .priority = priority,
                     .source = props.apps_range,
                     .destination = props.endpoints_range,
                     .destination_ports = port.port,
                     .description = port.description});
    priority += 10;
  }
  auto& endpoints_nsg = stack.add<azure::NetworkSecurityGroup>("endpoints", {.rules = rules});
  // The integration subnet carries the apps' outbound traffic only: nothing comes in.
  auto& apps_nsg = stack.add<azure::NetworkSecurityGroup>("apps", {});
  auto& vnet = stack.add<azure::VirtualNetwork>("vnet", {.address_space = {props.vnet_range}});
  auto& endpoints =
      vnet.subnet("endpoints", {.address_prefix = props.endpoints_range, .nsg = endpoints_nsg});
  auto& apps = vnet.subnet("apps", {.address_prefix = props.apps_range,
                                    .nsg = apps_nsg,
                                    .delegation = azure::SubnetDelegation::web_server_farms});
  Link<azure::Subnet> dr_endpoints;
  if (props.dr) {
    std::vector<azure::SecurityRule> dr_rules;
    int dr_priority = 100;
    for (const EndpointPort& port : props.dr->endpoint_ports) {
      dr_rules.push_back({.name = port.rule,
                          .priority = dr_priority,
                          .source = props.dr->vnet_range,
                          .destination = props.dr->endpoints_range,
                          .destination_ports = port.port,
                          .description = port.description});
      dr_priority += 10;
    }
    auto& dr_nsg = stack.add<azure::NetworkSecurityGroup>("endpoints-dr", {.rules = dr_rules});
    auto& dr_vnet =
        stack.add<azure::VirtualNetwork>("vnet-dr", {.address_space = {props.dr->vnet_range}});
    dr_nsg.place_in_secondary_region();
    dr_vnet.place_in_secondary_region();
    dr_endpoints =
        dr_vnet.subnet("endpoints", {.address_prefix = props.dr->endpoints_range, .nsg = dr_nsg});
  }
  return stack.add<azure::PrivateNetwork>("network", {.vnet = vnet,
                                                      .endpoints_subnet = endpoints,
                                                      .integration_subnet = apps,
                                                      .dr_endpoints_subnet = dr_endpoints});
}

}  // namespace iac::templates
