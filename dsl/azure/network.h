#pragma once
/// Virtual networks, subnets and network security groups: the private network that private
/// endpoints and app VNet integration live in.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/resource.h"

namespace iac::azure {

class Subnet;
class NetworkSecurityGroup;

/// An IPv4 CIDR range, parsed: `10.0.1.0/24` is {0x0A000100, 24}.
struct Ipv4Cidr {
  std::uint32_t address = 0;
  int prefix = 0;

  /// The range, or nothing when `text` is not `a.b.c.d/n`.
  static std::optional<Ipv4Cidr> parse(std::string_view text);
  /// Whether the address has no bits set below the prefix (`10.0.1.0/24`, not `10.0.1.5/24`).
  bool is_network_address() const;
  std::uint32_t first() const;
  std::uint32_t last() const;
  bool contains(const Ipv4Cidr& other) const {
    return first() <= other.first() && other.last() <= last();
  }
  bool overlaps(const Ipv4Cidr& other) const {
    return first() <= other.last() && other.first() <= last();
  }
};

/// The services a subnet can be delegated to (only one per subnet).
enum class SubnetDelegation {
  none,
  /// App Service and Elastic Premium VNet integration (`Microsoft.Web/serverFarms`).
  web_server_farms,
  /// Flex Consumption (FC1) VNet integration (`Microsoft.App/environments`).
  app_environments,
};
/// The service name, e.g. "Microsoft.Web/serverFarms"; empty for none.
std::string_view to_string(SubnetDelegation delegation);
/// The actions the delegation grants the service, as Azure lists them.
std::vector<std::string_view> delegation_actions(SubnetDelegation delegation);

struct SubnetProps {
  /// @default the construct id.
  std::optional<std::string> name;
  /// The subnet's range, inside the network's address space and overlapping no sibling, e.g.
  /// "10.20.1.0/24". Required.
  std::string address_prefix;
  /// The network security group filtering the subnet's traffic. Every subnet should have one
  /// (AZ-NET-002). @default none
  Link<NetworkSecurityGroup> nsg;
  /// The service the subnet is delegated to; an app's VNet integration subnet needs
  /// `web_server_farms` (`app_environments` for Flex Consumption). @default none
  SubnetDelegation delegation = SubnetDelegation::none;
  /// Service endpoints, e.g. "Microsoft.Storage". Private endpoints make them unnecessary, so
  /// none are opened by default. @default none
  std::vector<std::string> service_endpoints;
  /// Network security groups and route tables also apply to the private endpoints in the
  /// subnet (Azure's default is off, which lets endpoint traffic bypass the NSG).
  /// @default true
  /// @see https://learn.microsoft.com/azure/private-link/disable-private-endpoint-network-policy
  bool private_endpoint_network_policies = true;
};

struct VirtualNetworkProps {
  /// @default the naming convention: `vnet-<app>-<env>`.
  std::optional<std::string> name;
  /// The private address ranges of the network, e.g. {"10.20.0.0/16"}. Required.
  std::vector<std::string> address_space;
  std::map<std::string, std::string> tags;
};

/// A virtual network. Its subnets are declared with `subnet()`.
class VirtualNetwork final : public Resource {
 public:
  using Props = VirtualNetworkProps;
  static const ResourceKind kKind;

  VirtualNetwork(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }

  /// Adds a subnet; `id` is also its Azure name.
  Subnet& subnet(std::string id, SubnetProps props);
  /// The subnets, in declaration order.
  std::vector<const Subnet*> subnets() const;

  void validate(Diagnostics& out) const override;

 private:
  Props props_;
};

/// A subnet of a virtual network. Its Azure name is the construct id unless props set one.
/// Subnets of one network are created one after another (Azure rejects concurrent changes to a
/// network's subnets), so each depends on the one declared before it.
class Subnet final : public Resource {
 public:
  using Props = SubnetProps;
  static const ResourceKind kKind;

  Subnet(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }
  const VirtualNetwork& vnet() const { return vnet_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const VirtualNetwork& vnet_;
  Props props_;
};

/// Inbound or outbound.
enum class TrafficDirection { inbound, outbound };
/// "Inbound", "Outbound".
std::string_view to_string(TrafficDirection direction);
/// Allow or deny.
enum class RuleAccess { allow, deny };
std::string_view to_string(RuleAccess access);  ///< "Allow", "Deny"
/// TCP, UDP, ICMP or any.
enum class RuleProtocol { tcp, udp, icmp, any };
std::string_view to_string(RuleProtocol protocol);  ///< "Tcp", "Udp", "Icmp", "*"

/// One security rule. Address prefixes are CIDR ranges or service tags ("VirtualNetwork",
/// "AzureLoadBalancer", "Internet", "*"); ports are a number, a range "1000-2000" or "*".
struct SecurityRule {
  std::string name;
  /// 100 to 4096; lower runs first. Unique per direction.
  int priority = 100;
  TrafficDirection direction = TrafficDirection::inbound;
  RuleAccess access = RuleAccess::allow;
  RuleProtocol protocol = RuleProtocol::tcp;
  std::string source = "VirtualNetwork";
  std::string source_ports = "*";
  std::string destination = "VirtualNetwork";
  /// Required: name the ports the traffic needs ("443"); "*" is least privilege only for deny.
  std::string destination_ports;
  std::string description;
};

struct NetworkSecurityGroupProps {
  /// @default the naming convention: `nsg-<app>-<env>-<id>`.
  std::optional<std::string> name;
  /// The rules, on top of Azure's defaults (which allow VNet-to-VNet and deny the Internet).
  /// @default none
  std::vector<SecurityRule> rules;
  /// Adds a final inbound rule (priority 4096) that denies everything the rules above do not
  /// allow, including the default VNet-to-VNet allowance, so the rules are the whole policy.
  /// @default true
  bool deny_all_inbound = true;
  std::map<std::string, std::string> tags;
};

/// A network security group: least privilege, every inbound flow named by a rule.
class NetworkSecurityGroup final : public Resource {
 public:
  using Props = NetworkSecurityGroupProps;
  static const ResourceKind kKind;
  /// The priority and name of the closing deny-all inbound rule.
  static constexpr int kDenyAllPriority = 4096;

  NetworkSecurityGroup(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }

  /// The rules as deployed: the props' rules, then the deny-all inbound rule when enabled.
  std::vector<SecurityRule> effective_rules() const;

  void validate(Diagnostics& out) const override;

 private:
  Props props_;
};

/// Whether a rule's source is the whole internet ("*", "Internet", "Any", "0.0.0.0/0").
bool is_internet_source(std::string_view source);
/// Whether a port spec ("22", "20-25", "*") includes `port`.
bool port_spec_includes(std::string_view spec, int port);

}  // namespace iac::azure
