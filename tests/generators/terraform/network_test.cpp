#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::gen::terraform {
namespace {

using namespace iac::azure;

/// The text with every run of spaces collapsed to one, so checks do not depend on alignment.
std::string squeeze(const std::string& text) {
  std::string result;
  for (char c : text) {
    if (c == ' ' && !result.empty() && result.back() == ' ') continue;
    result += c;
  }
  return result;
}

/// Private networking over a Key Vault and a web app on P1v3, rendered in dev.
std::string private_stack_tf() {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) {
        auto& nsg =
            s.add<NetworkSecurityGroup>("nsg", {.rules = {{.name = "allow-apps-https",
                                                           .priority = 100,
                                                           .source = "10.0.2.0/26",
                                                           .destination = "10.0.1.0/24",
                                                           .destination_ports = "443",
                                                           .description = "apps to endpoints"}}});
        auto& vnet = s.add<VirtualNetwork>("vnet", {.address_space = {"10.0.0.0/16"}});
        auto& endpoints = vnet.subnet("endpoints", {.address_prefix = "10.0.1.0/24", .nsg = nsg});
        auto& apps = vnet.subnet("apps", {.address_prefix = "10.0.2.0/26",
                                          .nsg = nsg,
                                          .delegation = SubnetDelegation::web_server_farms});
        s.add<PrivateNetwork>(
            "network", {.vnet = vnet, .endpoints_subnet = endpoints, .integration_subnet = apps});
        s.add<KeyVault>("kv");
        auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::P1v3, .worker_count = 1});
        s.add<LinuxWebApp>("web", {.plan = plan});
      },
      {Environment::dev("eastus")});
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  return squeeze(result.file("app/dev/terraform/main.tf"));
}

TEST_CASE(
    "terraform: a network and its subnets render as azurerm_virtual_network and azurerm_subnet") {
  const std::string tf = private_stack_tf();
  CHECK(tf.find(R"(resource "azurerm_virtual_network" "vnet" {
 name = "vnet-app-dev"
 location = "eastus"
 resource_group_name = azurerm_resource_group.rg.name
 address_space = ["10.0.0.0/16"]
)") != std::string::npos);
  CHECK(tf.find(R"(resource "azurerm_subnet" "vnet_endpoints" {
 name = "endpoints"
 resource_group_name = azurerm_resource_group.rg.name
 virtual_network_name = azurerm_virtual_network.vnet.name
 address_prefixes = ["10.0.1.0/24"]
 private_endpoint_network_policies = "Enabled"
}
)") != std::string::npos);
  // The second subnet waits for the first, and is delegated to App Service.
  CHECK(tf.find(R"( depends_on = [azurerm_subnet.vnet_endpoints]

 delegation {
 name = "serverFarms"

 service_delegation {
 name = "Microsoft.Web/serverFarms"
 actions = ["Microsoft.Network/virtualNetworks/subnets/action"]
 }
 }
)") != std::string::npos);
  CHECK(tf.find(R"(resource "azurerm_subnet_network_security_group_association" "vnet_endpoints" {
 subnet_id = azurerm_subnet.vnet_endpoints.id
 network_security_group_id = azurerm_network_security_group.nsg.id
}
)") != std::string::npos);
}

TEST_CASE("terraform: a network security group writes its rules and the closing deny-all") {
  const std::string tf = private_stack_tf();
  CHECK(tf.find(R"( security_rule {
 name = "allow-apps-https"
 priority = 100
 direction = "Inbound"
 access = "Allow"
 protocol = "Tcp"
 source_address_prefix = "10.0.2.0/26"
 source_port_range = "*"
 destination_address_prefix = "10.0.1.0/24"
 destination_port_range = "443"
 description = "apps to endpoints"
 }
)") != std::string::npos);
  CHECK(tf.find(R"( name = "deny-all-inbound"
 priority = 4096
 direction = "Inbound"
 access = "Deny"
 protocol = "*"
)") != std::string::npos);
}

TEST_CASE("terraform: private endpoints, DNS zones and links render with their zone group") {
  const std::string tf = private_stack_tf();
  CHECK(tf.find(R"(resource "azurerm_private_endpoint" "kv_kv_vault" {
 name = "pe-app-dev-kv-vault"
 location = "eastus"
 resource_group_name = azurerm_resource_group.rg.name
 subnet_id = azurerm_subnet.vnet_endpoints.id
)") != std::string::npos);
  CHECK(tf.find(R"( private_service_connection {
 name = "pe-app-dev-kv-vault"
 private_connection_resource_id = azurerm_key_vault.kv.id
 subresource_names = ["vault"]
 is_manual_connection = false
 }

 private_dns_zone_group {
 name = "default"
 private_dns_zone_ids = [azurerm_private_dns_zone.network_vaultcore_azure_net.id]
 }
)") != std::string::npos);
  CHECK(tf.find(R"(resource "azurerm_private_dns_zone" "network_vaultcore_azure_net" {
 name = "privatelink.vaultcore.azure.net"
 resource_group_name = azurerm_resource_group.rg.name
)") != std::string::npos);
  CHECK(tf.find(R"( name = "link-vnet"
 resource_group_name = azurerm_resource_group.rg.name
 private_dns_zone_name = azurerm_private_dns_zone.network_vaultcore_azure_net.name
 virtual_network_id = azurerm_virtual_network.vnet.id
 registration_enabled = false
)") != std::string::npos);
  CHECK(tf.find("privatelink.azurewebsites.net") != std::string::npos);
}

TEST_CASE("terraform: an integrated app routes all traffic through its subnet") {
  const std::string tf = private_stack_tf();
  CHECK(tf.find(" virtual_network_subnet_id = azurerm_subnet.vnet_apps.id\n") != std::string::npos);
  CHECK(tf.find(" vnet_route_all_enabled = true\n") != std::string::npos);
  CHECK(tf.find(" public_network_access_enabled = false\n") != std::string::npos);
}

}  // namespace
}  // namespace iac::gen::terraform
