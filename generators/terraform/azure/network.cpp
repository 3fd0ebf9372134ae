#include "dsl/azure/network.h"

#include "dsl/azure/resource_group.h"
#include "dsl/core/stack.h"
#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

// --- virtual network ---------------------------------------------------------------------------

std::string_view resource_type(const azure::VirtualNetwork&) { return "azurerm_virtual_network"; }

std::string attribute(const azure::VirtualNetwork&, std::string_view name) {
  return id_or_name("azurerm_virtual_network", name);
}

void emit(const azure::VirtualNetwork& vnet, Context& context) {
  auto block = context.open(vnet, resource_type(vnet));
  auto& w = context.writer();
  hcl::List space;
  for (const auto& range : vnet.props().address_space) space.emplace_back(range);
  w.attribute("address_space", std::move(space));
  // Subnets are azurerm_subnet resources of their own: no inline `subnet` blocks here.
  context.tags_and_dependencies(vnet);
}

// --- subnet ------------------------------------------------------------------------------------

std::string_view resource_type(const azure::Subnet&) { return "azurerm_subnet"; }

std::string attribute(const azure::Subnet&, std::string_view name) {
  return id_or_name("azurerm_subnet", name);
}

void emit(const azure::Subnet& subnet, Context& context) {
  const auto& props = subnet.props();
  auto& w = context.writer();
  {
    // A child of the network: no location or tags of its own.
    auto block = w.block("resource", {std::string(resource_type(subnet)), Context::label(subnet)});
    w.attribute("name", subnet.name());
    w.attribute("resource_group_name",
                context.traversal(context.stack().resource_group().name_ref()));
    w.attribute("virtual_network_name", context.traversal(subnet.vnet().name_ref()));
    w.attribute("address_prefixes", hcl::List{props.address_prefix});
    // NSGs and route tables apply to private endpoints too (azurerm's default is "Disabled").
    w.attribute("private_endpoint_network_policies",
                props.private_endpoint_network_policies ? "Enabled" : "Disabled");
    if (!props.service_endpoints.empty()) {
      hcl::List endpoints;
      for (const auto& endpoint : props.service_endpoints) endpoints.emplace_back(endpoint);
      w.attribute("service_endpoints", std::move(endpoints));
    }
    context.tags_and_dependencies(subnet);
    if (props.delegation != azure::SubnetDelegation::none) {
      const std::string service(to_string(props.delegation));
      auto delegation = w.block("delegation");
      w.attribute("name", service.substr(service.find('/') + 1));
      auto service_block = w.block("service_delegation");
      w.attribute("name", service);
      hcl::List actions;
      for (auto action : azure::delegation_actions(props.delegation)) {
        actions.emplace_back(std::string(action));
      }
      w.attribute("actions", std::move(actions));
    }
  }
  if (props.nsg) {
    // Terraform associates the group in a resource of its own (Bicep: the subnet's
    // networkSecurityGroup property).
    auto block = w.block(
        "resource", {"azurerm_subnet_network_security_group_association", Context::label(subnet)});
    w.attribute("subnet_id", context.traversal(subnet.id()));
    w.attribute("network_security_group_id", context.traversal(props.nsg->id()));
  }
}

// --- network security group --------------------------------------------------------------------

std::string_view resource_type(const azure::NetworkSecurityGroup&) {
  return "azurerm_network_security_group";
}

std::string attribute(const azure::NetworkSecurityGroup&, std::string_view name) {
  return id_or_name("azurerm_network_security_group", name);
}

void emit(const azure::NetworkSecurityGroup& nsg, Context& context) {
  auto block = context.open(nsg, resource_type(nsg));
  auto& w = context.writer();
  context.tags_and_dependencies(nsg);
  for (const auto& rule : nsg.effective_rules()) {
    auto rule_block = w.block("security_rule");
    w.attribute("name", rule.name);
    w.attribute("priority", rule.priority);
    w.attribute("direction", std::string(to_string(rule.direction)));
    w.attribute("access", std::string(to_string(rule.access)));
    w.attribute("protocol", std::string(to_string(rule.protocol)));
    w.attribute("source_address_prefix", rule.source);
    w.attribute("source_port_range", rule.source_ports);
    w.attribute("destination_address_prefix", rule.destination);
    w.attribute("destination_port_range", rule.destination_ports);
    if (!rule.description.empty()) w.attribute("description", rule.description);
  }
}

}  // namespace iac::gen::terraform
