/// Network rules: least-privilege NSGs on every subnet, private endpoints for PaaS in prod, and
/// no public endpoint in an environment that declares private networking.

#include <fmt/format.h>

#include "dsl/azure/network.h"
#include "dsl/azure/private_endpoint.h"
#include "dsl/core/security.h"
#include "dsl/policy/rules/families.h"

namespace iac::policy::rules {

using azure::NetworkSecurityGroup;
using azure::PrivateEndpoint;
using azure::PrivateNetwork;
using azure::Subnet;

namespace {

/// Remote management ports: SSH, RDP, WinRM over HTTP and HTTPS.
constexpr int kManagementPorts[] = {22, 3389, 5985, 5986};

bool is_service_subnet(const Subnet& subnet) {
  const std::string& name = subnet.name();
  return name == "GatewaySubnet" || name == "AzureFirewallSubnet" ||
         name == "AzureFirewallManagementSubnet" || name == "RouteServerSubnet";
}

}  // namespace

std::vector<Rule> network() {
  return {
      for_kind<NetworkSecurityGroup>(
          {.id = "AZ-NET-001",
           .title = "No NSG rule allows management ports from the internet",
           .rationale = "SSH, RDP and WinRM open to the internet are scanned and brute-forced "
                        "within minutes; administration goes through Bastion or a VPN.",
           .fix = "restrict the rule's `source` to the VPN or Bastion range, or remove it",
           .levels = Levels::everywhere(Level::error),
           .checkov = {"CKV_AZURE_9", "CKV_AZURE_10"},
           .psrule = {"Azure.NSG.AnyInboundSource"},
           .benchmark = "NS-1"},
          [](const NetworkSecurityGroup& nsg, const Environment&) -> Problem {
            for (const auto& rule : nsg.effective_rules()) {
              if (rule.access != azure::RuleAccess::allow ||
                  rule.direction != azure::TrafficDirection::inbound ||
                  rule.protocol == azure::RuleProtocol::icmp ||
                  !azure::is_internet_source(rule.source)) {
                continue;
              }
              for (int port : kManagementPorts) {
                if (azure::port_spec_includes(rule.destination_ports, port)) {
                  return fmt::format("rule '{}' allows port {} from '{}'", rule.name, port,
                                     rule.source);
                }
              }
            }
            return {};
          }),
      for_kind<Subnet>(
          {.id = "AZ-NET-002",
           .title = "Every subnet has a network security group",
           .rationale = "Without an NSG, every flow the VNet's defaults allow reaches the subnet; "
                        "the NSG is where least privilege is written down.",
           .fix = "set `.nsg = <NetworkSecurityGroup>` on the subnet",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV2_AZURE_31"},
           .psrule = {"Azure.VNET.UseNSGs"},
           .benchmark = "NS-1"},
          [](const Subnet& subnet, const Environment&) -> Problem {
            if (subnet.props().nsg || is_service_subnet(subnet)) return {};
            return fmt::format("subnet '{}' has no network security group", subnet.name());
          }),
      Rule{
          .info = {.id = "AZ-NET-003",
                   .title = "PaaS resources in staging, prod and a private dev have endpoints",
                   .rationale = "A private endpoint keeps data-plane traffic on the VNet; "
                                "production declares no public exposure. A warning, not an "
                                "error: without an endpoint a resource whose public access is "
                                "off is unreachable, not exposed (exposure is an error of the "
                                "kind's own public-network rule and of AZ-NET-004). Dev is "
                                "checked only when it declares a PrivateNetwork: a resource "
                                "left without an endpoint there is as unreachable as in prod, "
                                "and `without_private_endpoint` records why.",
                   .fix = "declare a PrivateNetwork in the environment (it adds the endpoints), "
                          "or `network.without_private_endpoint(resource, reason)`",
                   .levels = Levels::everywhere(Level::warning),
                   .checkov = {"CKV2_AZURE_32", "CKV2_AZURE_33"},
                   .psrule = {},
                   .benchmark = "NS-2"},
          .kinds = {},
          .check = [](const Resource& resource, const Environment& env) -> Problem {
            const auto services = resource.private_link_services();
            if (services.empty()) return {};
            if (env.is_dev() && PrivateNetwork::of(resource.stack()) == nullptr) return {};
            for (const auto& service : services) {
              if (!azure::has_private_endpoint(resource, service.subresource)) {
                return fmt::format("{} '{}' has no private endpoint for '{}'", resource.kind().name,
                                   resource.name(), service.subresource);
              }
            }
            return {};
          }},
      Rule{.info = {.id = "AZ-NET-004",
                    .title = "No public endpoint in an environment with private networking",
                    .rationale = "The environment's PrivateNetwork gives every PaaS resource a "
                                 "private endpoint; a public endpoint left open beside it is an "
                                 "unreviewed second way in.",
                    .fix = "use PublicNetwork::disabled(); an app that must stay public (e.g. "
                           "behind Front Door Standard) takes "
                           "`network.without_private_endpoint(app, reason)`",
                    .levels = Levels::everywhere(Level::error),
                    .checkov = {},
                    .psrule = {},
                    .benchmark = "NS-2"},
           .kinds = {},
           .check = [](const Resource& resource, const Environment&) -> Problem {
             const PublicNetwork* network = resource.public_network();
             if (network == nullptr || !network->public_endpoint()) return {};
             const PrivateNetwork* private_network = PrivateNetwork::of(resource.stack());
             if (private_network == nullptr || private_network->exemption(resource) != nullptr) {
               return {};
             }
             return fmt::format(
                 "the public endpoint is on ({}) although the environment uses "
                 "private endpoints",
                 network->reason());
           }},
      for_kind<PrivateEndpoint>(
          {.id = "AZ-NET-005",
           .title = "Private endpoints register in a private DNS zone",
           .rationale = "Without a DNS zone group the service's name still resolves to its "
                        "public address, and clients bypass the endpoint or fail.",
           .fix = "set `.dns_zones` (PrivateNetwork does it for the endpoints it creates)",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {},
           .benchmark = "NS-2"},
          [](const PrivateEndpoint& endpoint, const Environment&) -> Problem {
            if (!endpoint.props().dns_zones.empty()) return {};
            return std::string("the endpoint has no private DNS zone group");
          }),
  };
}

}  // namespace iac::policy::rules
