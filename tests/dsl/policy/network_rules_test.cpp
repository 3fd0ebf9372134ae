/// Pass and fail cases of the network rule family (dsl/policy/rules/network.cpp).

#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/app.h"
#include "dsl/policy/engine.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

/// A VNet with an NSG-protected endpoints subnet, and the environment's PrivateNetwork switch.
PrivateNetwork& private_network(Stack& s) {
  auto& nsg = s.add<NetworkSecurityGroup>("nsg", {});
  auto& vnet = s.add<VirtualNetwork>("vnet", {.address_space = {"10.0.0.0/16"}});
  auto& endpoints = vnet.subnet("endpoints", {.address_prefix = "10.0.1.0/24", .nsg = nsg});
  return s.add<PrivateNetwork>("network", {.vnet = vnet, .endpoints_subnet = endpoints});
}

/// A Key Vault with a hand-declared endpoint, with or without its DNS zone.
void vault_with_endpoint(Stack& s, bool with_zone) {
  auto& nsg = s.add<NetworkSecurityGroup>("nsg", {});
  auto& vnet = s.add<VirtualNetwork>("vnet", {.address_space = {"10.0.0.0/16"}});
  auto& endpoints = vnet.subnet("endpoints", {.address_prefix = "10.0.1.0/24", .nsg = nsg});
  auto& vault = s.add<KeyVault>("kv");
  std::vector<const PrivateDnsZone*> zones;
  if (with_zone) {
    zones.push_back(&s.add<PrivateDnsZone>("zone", {.zone = "privatelink.vaultcore.azure.net"}));
  }
  vault.add<PrivateEndpoint>(
      "pe", {.subresource = "vault", .subnet = endpoints, .dns_zones = std::move(zones)});
}

SecurityRule ssh_from(std::string source) {
  return {.name = "allow-ssh",
          .priority = 100,
          .source = std::move(source),
          .destination = "VirtualNetwork",
          .destination_ports = "22"};
}

const RegisterRuleCases kCases{{
    {"AZ-NET-001", Environment::dev("eastus"),
     [](Stack& s) { s.add<NetworkSecurityGroup>("nsg", {.rules = {ssh_from("10.1.0.0/24")}}); },
     [](Stack& s) { s.add<NetworkSecurityGroup>("nsg", {.rules = {ssh_from("Internet")}}); }},
    {"AZ-NET-002", Environment::staging("eastus"),
     [](Stack& s) {
       auto& nsg = s.add<NetworkSecurityGroup>("nsg", {});
       s.add<VirtualNetwork>("vnet", {.address_space = {"10.0.0.0/16"}})
           .subnet("apps", {.address_prefix = "10.0.1.0/24", .nsg = nsg});
     },
     [](Stack& s) {
       s.add<VirtualNetwork>("vnet", {.address_space = {"10.0.0.0/16"}})
           .subnet("apps", {.address_prefix = "10.0.1.0/24"});
     }},
    {"AZ-NET-003", Environment::prod("eastus"),
     [](Stack& s) {
       private_network(s);
       s.add<KeyVault>("kv");
     },
     [](Stack& s) { s.add<KeyVault>("kv"); }},
    // Dev is held to it once it declares a network.
    {"AZ-NET-003", Environment::dev("eastus"),
     [](Stack& s) {
       private_network(s);
       s.add<KeyVault>("kv");
     },
     [](Stack& s) {
       auto& network = private_network(s);
       s.add<KeyVault>("kv");
       auto& cache = s.add<RedisCache>("redis", {.sku = RedisSku::basic, .capacity = 0});
       network.without_private_endpoint(cache, "reached over the VPN");
     }},
    {"AZ-NET-004", Environment::dev("eastus"),
     [](Stack& s) {
       private_network(s);
       s.add<KeyVault>("kv");
     },
     [](Stack& s) {
       private_network(s);
       s.add<KeyVault>("kv",
                       {.public_network = PublicNetwork::allow_from({"203.0.113.0/24"}, "office")});
     }},
    {"AZ-NET-005", Environment::staging("eastus"), [](Stack& s) { vault_with_endpoint(s, true); },
     [](Stack& s) { vault_with_endpoint(s, false); }},
}};

// Dev without a network is not checked: its resources are reached as their public-network
// settings say (threatstream's dev). Dev with one is, like staging and prod.
TEST_CASE("AZ-NET-003 checks dev only when dev declares a PrivateNetwork") {
  const policy::Rule* rule = policy::find_rule("AZ-NET-003");
  REQUIRE(rule != nullptr);
  CHECK(rule->info.levels.in(Tier::dev) == policy::Level::warning);
  App app{"netdev"};
  app.environments({Environment::dev("eastus")});
  app.define([](Stack& s, const Environment&) { s.add<KeyVault>("kv"); });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  for (const auto& finding : policy::evaluate(app, "2026-01-01").findings) {
    CHECK(finding.rule_id != "AZ-NET-003");
  }
}

}  // namespace
}  // namespace iac::testing
