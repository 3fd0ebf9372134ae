#include "dsl/azure/network.h"

#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

namespace {

constexpr std::string_view kNetworkApi = "2024-07-01";

/// One entry of the network's `subnets` array.
Object subnet_body(const azure::Subnet& subnet, Context& context) {
  const auto& props = subnet.props();
  Object properties{{{"addressPrefix", props.address_prefix}}};
  if (props.nsg) {
    properties.properties.push_back(
        {"networkSecurityGroup", Object{{{"id", context.reference(props.nsg->id())}}}});
  }
  if (props.delegation != azure::SubnetDelegation::none) {
    const std::string service(to_string(props.delegation));
    properties.properties.push_back(
        {"delegations", Array{Object{{{"name", service.substr(service.find('/') + 1)},
                                      {"properties", Object{{{"serviceName", service}}}}}}}});
  }
  if (!props.service_endpoints.empty()) {
    Array endpoints;
    for (const auto& endpoint : props.service_endpoints) {
      endpoints.emplace_back(Object{{{"service", endpoint}}});
    }
    properties.properties.push_back({"serviceEndpoints", std::move(endpoints)});
  }
  // NSGs and route tables apply to private endpoints too (ARM's default is "Disabled").
  properties.properties.push_back(
      {"privateEndpointNetworkPolicies",
       props.private_endpoint_network_policies ? "Enabled" : "Disabled"});
  return Object{{{"name", subnet.name()}, {"properties", std::move(properties)}}};
}

}  // namespace

// --- virtual network ---------------------------------------------------------------------------

Value reference(const azure::VirtualNetwork&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Network/virtualNetworks");
}

void emit(const azure::VirtualNetwork& vnet, Context& context) {
  Array prefixes;
  for (const auto& range : vnet.props().address_space) prefixes.emplace_back(range);
  // Subnets are declared inline: a network redeployed without its `subnets` would try to
  // delete them (and fail on those in use).
  Array subnets;
  for (const azure::Subnet* subnet : vnet.subnets()) {
    subnets.emplace_back(subnet_body(*subnet, context));
  }
  Object body = context.header(vnet);
  body.properties.push_back(
      {"properties", Object{{{"addressSpace", Object{{{"addressPrefixes", std::move(prefixes)}}}},
                             {"subnets", std::move(subnets)}}}});
  context.write(vnet, std::string("Microsoft.Network/virtualNetworks@") + std::string(kNetworkApi),
                std::move(body));
}

// --- subnet ------------------------------------------------------------------------------------

Value reference(const azure::Subnet& subnet, const std::string& symbol,
                std::string_view attribute) {
  // The subnet is written inside its network: its id is derived from the network's name.
  if (attribute == "id") {
    return Call{
        .function = "resourceId",
        .members = {},
        .string_arguments = {"Microsoft.Network/virtualNetworks/subnets"},
        .arguments = {Reference{Context::symbol(subnet.vnet()), {"name"}}, Value(subnet.name())}};
  }
  if (attribute == "name") return Value(subnet.name());
  return common_reference(symbol, attribute, "Microsoft.Network/virtualNetworks/subnets");
}

void emit(const azure::Subnet&, Context&) {
  // Written by the network's emitter, in its `subnets` array.
}

// --- network security group --------------------------------------------------------------------

Value reference(const azure::NetworkSecurityGroup&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Network/networkSecurityGroups");
}

void emit(const azure::NetworkSecurityGroup& nsg, Context& context) {
  Array rules;
  for (const auto& rule : nsg.effective_rules()) {
    Object properties{{
        {"priority", rule.priority},
        {"direction", std::string(to_string(rule.direction))},
        {"access", std::string(to_string(rule.access))},
        {"protocol", std::string(to_string(rule.protocol))},
        {"sourceAddressPrefix", rule.source},
        {"sourcePortRange", rule.source_ports},
        {"destinationAddressPrefix", rule.destination},
        {"destinationPortRange", rule.destination_ports},
    }};
    if (!rule.description.empty())
      properties.properties.push_back({"description", rule.description});
    rules.emplace_back(Object{{{"name", rule.name}, {"properties", std::move(properties)}}});
  }
  Object body = context.header(nsg);
  body.properties.push_back({"properties", Object{{{"securityRules", std::move(rules)}}}});
  context.write(nsg,
                std::string("Microsoft.Network/networkSecurityGroups@") + std::string(kNetworkApi),
                std::move(body));
}

}  // namespace iac::gen::bicep
