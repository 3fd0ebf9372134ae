#pragma once
/// Whether every app of an environment can reach what it reads, as the bundled applications'
/// tests check it for each environment, dev included: each resource an app references (its
/// settings, Key Vault references, host storage, the other apps it calls) that has a network
/// setting must be either behind a private endpoint in the VNet the app is integrated with
/// (registered in a private DNS zone), or deliberately public to every address with a reason
/// (an app's outbound addresses cannot be allow-listed: they change with the scale unit, and
/// Key Vault references are resolved from the app's network). And each app the pipelines
/// deploy must be reachable by its runner: a private endpoint, or a public endpoint opened
/// with a reason (an allow list naming the runner's egress counts).

#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <iacgen/azure.h>
#include <iacgen/testing.h>

namespace iac::testing::examples {

/// Whether `target` has a private endpoint for each of its sub-resources in a subnet of
/// `vnet`, each registered in a private DNS zone.
inline bool private_in(const Resource& target, const azure::VirtualNetwork& vnet) {
  const auto services = target.private_link_services();
  if (services.empty()) return false;
  const auto endpoints = azure::private_endpoints_of(target);
  for (const auto& service : services) {
    bool found = false;
    for (const azure::PrivateEndpoint* endpoint : endpoints) {
      const azure::Subnet* subnet = endpoint->props().subnet.get();
      if (endpoint->props().subresource == service.subresource && subnet != nullptr &&
          &subnet->vnet() == &vnet && !endpoint->props().dns_zones.empty()) {
        found = true;
      }
    }
    if (!found) return false;
  }
  return true;
}

/// Whether `network` is a deliberate public endpoint open to every address.
inline bool deliberately_open(const PublicNetwork& network) {
  return network.mode() == PublicNetwork::Mode::open && !network.reason().empty();
}

/// One line per data path of `synthesized` that cannot work; empty when all can.
inline std::vector<std::string> unreachable_paths(const Synthesized& synthesized) {
  std::vector<std::string> problems;
  for (const azure::Site* app : synthesized.resources<azure::Site>()) {
    const azure::Subnet* integration = app->vnet_integration();
    std::set<const Resource*> seen;
    for (const Ref& ref : app->references()) {
      const Resource* target = ref.target;
      if (target == nullptr || target == app || !seen.insert(target).second) continue;
      const PublicNetwork* network = target->public_network();
      if (network == nullptr) continue;  // no network setting: reached as Azure exposes it
      if (integration != nullptr && private_in(*target, integration->vnet())) continue;
      if (deliberately_open(*network)) continue;
      problems.push_back(fmt::format(
          "{} '{}' cannot reach {} '{}' ({}): {}", app->kind().name, app->construct_id(),
          target->kind().name, target->construct_id(), ref.attribute,
          integration == nullptr ? "the app has no VNet integration and the target is not open"
                                 : "no private endpoint of the target in the app's VNet, and "
                                   "the target is not open"));
    }
    if (app->package()) {
      const PublicNetwork& inbound = app->settings().public_network;
      const bool runner_reaches = azure::has_private_endpoint(*app, "sites") ||
                                  (inbound.public_endpoint() && !inbound.reason().empty());
      if (!runner_reaches) {
        problems.push_back(
            fmt::format("{} '{}' cannot be deployed: no private endpoint and no public endpoint",
                        app->kind().name, app->construct_id()));
      }
    }
  }
  return problems;
}

}  // namespace iac::testing::examples
