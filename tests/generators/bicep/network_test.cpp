#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::gen::bicep {
namespace {

using namespace iac::azure;

/// Private networking over a Key Vault and a web app on P1v3, rendered in dev.
std::string private_stack_bicep() {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) {
        auto& nsg = s.add<NetworkSecurityGroup>("nsg", {.rules = {{.name = "allow-apps-https",
                                                                   .priority = 100,
                                                                   .source = "10.0.2.0/26",
                                                                   .destination = "10.0.1.0/24",
                                                                   .destination_ports = "443"}}});
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
  return result.file("app/dev/bicep/resources.bicep");
}

TEST_CASE("bicep: subnets are written inside their network, with the NSG and delegation") {
  const std::string bicep = private_stack_bicep();
  CHECK(bicep.find(R"(resource vnet 'Microsoft.Network/virtualNetworks@2024-07-01' = {
  name: 'vnet-app-dev'
  location: 'eastus'
)") != std::string::npos);
  CHECK(bicep.find(R"(    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'endpoints'
        properties: {
          addressPrefix: '10.0.1.0/24'
          networkSecurityGroup: {
            id: nsg.id
          }
          privateEndpointNetworkPolicies: 'Enabled'
        }
      }
)") != std::string::npos);
  CHECK(bicep.find(R"(          delegations: [
            {
              name: 'serverFarms'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
)") != std::string::npos);
  CHECK(bicep.find("'Microsoft.Network/virtualNetworks/subnets@") == std::string::npos);
}

TEST_CASE("bicep: a network security group writes its rules and the closing deny-all") {
  const std::string bicep = private_stack_bicep();
  CHECK(bicep.find(R"(      {
        name: 'allow-apps-https'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '10.0.2.0/26'
          sourcePortRange: '*'
          destinationAddressPrefix: '10.0.1.0/24'
          destinationPortRange: '443'
        }
      }
)") != std::string::npos);
  CHECK(bicep.find("name: 'deny-all-inbound'") != std::string::npos);
}

TEST_CASE("bicep: private endpoints reach their subnet by id and register in their zone") {
  const std::string bicep = private_stack_bicep();
  CHECK(bicep.find(R"(resource kvKvVault 'Microsoft.Network/privateEndpoints@2024-07-01' = {
  name: 'pe-app-dev-kv-vault'
  location: 'eastus'
)") != std::string::npos);
  CHECK(bicep.find(R"(    subnet: {
      id: resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'endpoints')
    }
    privateLinkServiceConnections: [
      {
        name: 'pe-app-dev-kv-vault'
        properties: {
          privateLinkServiceId: kv.id
          groupIds: [
            'vault'
          ]
        }
      }
    ]
)") != std::string::npos);
  CHECK(
      bicep.find(
          R"(resource kvKvVaultDnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-07-01' = {
  parent: kvKvVault
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-vaultcore-azure-net'
        properties: {
          privateDnsZoneId: networkVaultcoreAzureNet.id
        }
      }
    ]
  }
}
)") != std::string::npos);
  CHECK(bicep.find(
            R"(resource networkVaultcoreAzureNet 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
)") != std::string::npos);
  CHECK(bicep.find(R"(  parent: networkVaultcoreAzureNet
  name: 'link-vnet'
  location: 'global'
)") != std::string::npos);
  CHECK(bicep.find(R"(  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
)") != std::string::npos);
}

TEST_CASE("bicep: an integrated app routes all traffic through its subnet") {
  const std::string bicep = private_stack_bicep();
  CHECK(
      bicep.find(
          R"(    virtualNetworkSubnetId: resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'apps')
    outboundVnetRouting: {
      allTraffic: true
    }
)") != std::string::npos);
  CHECK(bicep.find("      vnetRouteAllEnabled: true\n") != std::string::npos);
}

}  // namespace
}  // namespace iac::gen::bicep
