#include "dsl/azure/network.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "dsl/core/security.h"

namespace iac::azure {

namespace {

bool parse_int(std::string_view text, int max, int& out) {
  if (text.empty() || text.size() > 5) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc{} && end == text.data() + text.size() && out <= max;
}

const VirtualNetwork& vnet_of(const Construct& scope) {
  if (const auto* vnet = dynamic_cast<const VirtualNetwork*>(&scope)) return *vnet;
  throw std::logic_error(fmt::format(
      "{}: a subnet must be added under a VirtualNetwork (use `vnet.subnet(...)`)", scope.path()));
}

/// Azure reserves these subnet names for its own services, which do not take an NSG or a
/// delegation set by us. @see
/// https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet
bool is_service_subnet_name(std::string_view name) {
  return name == "GatewaySubnet" || name == "AzureFirewallSubnet" ||
         name == "AzureFirewallManagementSubnet" || name == "RouteServerSubnet";
}

}  // namespace

// --- Ipv4Cidr ----------------------------------------------------------------------------------

std::optional<Ipv4Cidr> Ipv4Cidr::parse(std::string_view text) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  Ipv4Cidr result;
  if (!parse_int(text.substr(slash + 1), 32, result.prefix)) return std::nullopt;
  std::string_view address = text.substr(0, slash);
  for (int octet = 0; octet < 4; ++octet) {
    auto dot = address.find('.');
    if ((octet < 3) == (dot == std::string_view::npos)) return std::nullopt;
    int value = 0;
    if (!parse_int(address.substr(0, dot), 255, value)) return std::nullopt;
    result.address = (result.address << 8) | static_cast<std::uint32_t>(value);
    if (dot != std::string_view::npos) address.remove_prefix(dot + 1);
  }
  return result;
}

std::uint32_t Ipv4Cidr::first() const {
  if (prefix == 0) return 0;
  return address & (~std::uint32_t{0} << (32 - prefix));
}

std::uint32_t Ipv4Cidr::last() const {
  if (prefix == 0) return ~std::uint32_t{0};
  return first() | ~(~std::uint32_t{0} << (32 - prefix));
}

bool Ipv4Cidr::is_network_address() const { return address == first(); }

// --- VirtualNetwork ----------------------------------------------------------------------------

const ResourceKind VirtualNetwork::kKind{.name = "Virtual network",
                                         .abbreviation = "vnet",
                                         .naming = {.min_length = 2,
                                                    .max_length = 64,
                                                    .charset = "letters, digits, '-', '_' and '.'",
                                                    .allowed = chars::resource_group,
                                                    .first = chars::alnum,
                                                    .last = chars::alnum,
                                                    .scope = NameScope::resource_group}};

VirtualNetwork::VirtualNetwork(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {}

Subnet& VirtualNetwork::subnet(std::string id, SubnetProps props) {
  // Subnet operations on one network are serialized: each waits for the one before it.
  const Subnet* previous = nullptr;
  for (const Subnet* existing : subnets()) previous = existing;
  auto& created = add<Subnet>(std::move(id), std::move(props));
  if (previous != nullptr) created.depends_on(*previous);
  return created;
}

std::vector<const Subnet*> VirtualNetwork::subnets() const {
  std::vector<const Subnet*> result;
  for (const auto& child : children()) {
    if (const auto* subnet = dynamic_cast<const Subnet*>(child.get())) result.push_back(subnet);
  }
  return result;
}

void VirtualNetwork::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (props_.address_space.empty()) {
    out.push_back(diagnostic("IAC-NET-001", "`address_space` is empty",
                             "set a private range, e.g. `.address_space = {\"10.20.0.0/16\"}`"));
  }
  std::vector<Ipv4Cidr> ranges;
  for (const auto& text : props_.address_space) {
    auto range = Ipv4Cidr::parse(text);
    if (!range) {
      out.push_back(
          diagnostic("IAC-NET-001",
                     fmt::format("`address_space` has '{}', which is not an IPv4 CIDR range", text),
                     "write ranges like \"10.20.0.0/16\""));
      continue;
    }
    if (!range->is_network_address()) {
      out.push_back(
          diagnostic("IAC-NET-001",
                     fmt::format("`address_space` range '{}' has bits set below its /{} prefix",
                                 text, range->prefix),
                     "write the network address of the range, e.g. \"10.20.0.0/16\""));
    }
    for (const auto& other : ranges) {
      if (other.overlaps(*range)) {
        out.push_back(diagnostic("IAC-NET-001",
                                 fmt::format("`address_space` range '{}' overlaps another", text),
                                 "list ranges that do not overlap"));
      }
    }
    ranges.push_back(*range);
  }
  // Sibling subnets must not overlap.
  const auto subnets = this->subnets();
  for (std::size_t i = 0; i < subnets.size(); ++i) {
    auto a = Ipv4Cidr::parse(subnets[i]->props().address_prefix);
    if (!a) continue;
    for (std::size_t j = 0; j < i; ++j) {
      auto b = Ipv4Cidr::parse(subnets[j]->props().address_prefix);
      if (b && a->overlaps(*b)) {
        out.push_back(subnets[i]->diagnostic(
            "IAC-NET-003",
            fmt::format("`address_prefix` '{}' overlaps subnet '{}' ({})",
                        subnets[i]->props().address_prefix, subnets[j]->name(),
                        subnets[j]->props().address_prefix),
            "give each subnet of the network its own range"));
      }
    }
  }
}

// --- Subnet ------------------------------------------------------------------------------------

std::string_view to_string(SubnetDelegation delegation) {
  switch (delegation) {
    case SubnetDelegation::none:
      return "";
    case SubnetDelegation::web_server_farms:
      return "Microsoft.Web/serverFarms";
    case SubnetDelegation::app_environments:
      return "Microsoft.App/environments";
  }
  return "";
}

std::vector<std::string_view> delegation_actions(SubnetDelegation delegation) {
  switch (delegation) {
    case SubnetDelegation::none:
      return {};
    case SubnetDelegation::web_server_farms:
    case SubnetDelegation::app_environments:
      return {"Microsoft.Network/virtualNetworks/subnets/action"};
  }
  return {};
}

const ResourceKind Subnet::kKind{.name = "Subnet",
                                 .abbreviation = "snet",
                                 .naming = {.min_length = 1,
                                            .max_length = 80,
                                            .charset = "letters, digits, '-', '_' and '.'",
                                            .allowed = chars::resource_group,
                                            .first = chars::alnum,
                                            .last = chars::alnum,
                                            .scope = NameScope::parent}};

Subnet::Subnet(Construct& scope, std::string id, Props props)
    : Resource(scope, id, props.name ? props.name : std::optional<std::string>(id), {}),
      vnet_(vnet_of(scope)),
      props_(std::move(props)) {
  // A subnet of a network owned elsewhere is owned there too: reference-only, by its id.
  if (vnet_.is_reference()) make_reference(*vnet_.reference_id() + "/subnets/" + name());
}

void Subnet::collect_references(std::vector<Ref>& out) const {
  out.push_back(vnet_.name_ref());
  if (props_.nsg) out.push_back(props_.nsg->id());
}

void Subnet::validate(Diagnostics& out) const {
  Resource::validate(out);
  auto range = Ipv4Cidr::parse(props_.address_prefix);
  if (!range) {
    out.push_back(diagnostic(
        "IAC-NET-002",
        fmt::format("`address_prefix` '{}' is not an IPv4 CIDR range", props_.address_prefix),
        "write a range inside the network's address space, e.g. \"10.20.1.0/24\""));
    return;
  }
  if (!range->is_network_address()) {
    out.push_back(diagnostic("IAC-NET-002",
                             fmt::format("`address_prefix` '{}' has bits set below its /{} prefix",
                                         props_.address_prefix, range->prefix),
                             "write the network address of the range, e.g. \"10.20.1.0/24\""));
  }
  if (range->prefix > 29) {
    out.push_back(diagnostic(
        "IAC-NET-002",
        fmt::format("`address_prefix` '{}' is smaller than /29, the smallest Azure subnet",
                    props_.address_prefix),
        "use a /29 or larger range (Azure reserves 5 addresses per subnet)"));
  }
  bool inside = false;
  for (const auto& text : vnet_.props().address_space) {
    auto space = Ipv4Cidr::parse(text);
    if (space && space->contains(*range)) inside = true;
  }
  if (!inside) {
    out.push_back(
        diagnostic("IAC-NET-002",
                   fmt::format("`address_prefix` '{}' is outside the network's address space ({})",
                               props_.address_prefix, fmt::join(vnet_.props().address_space, ", ")),
                   "pick a range inside the network's `address_space`"));
  }
  if (props_.delegation == SubnetDelegation::web_server_farms && range->prefix > 27) {
    out.push_back(
        diagnostic("IAC-NET-004",
                   fmt::format("`address_prefix` '{}' is smaller than /27, but App Service VNet "
                               "integration needs an address per instance and scale-out headroom",
                               props_.address_prefix),
                   "use a /27 or larger range (/26 recommended)", Severity::warning));
  }
  if (props_.nsg && is_service_subnet_name(name())) {
    out.push_back(diagnostic("IAC-NET-005",
                             fmt::format("subnet '{}' is reserved for an Azure service that does "
                                         "not accept a network security group",
                                         name()),
                             "remove `.nsg` from this subnet"));
  }
  std::set<std::string> endpoints;
  for (const auto& endpoint : props_.service_endpoints) {
    if (endpoint.rfind("Microsoft.", 0) != 0) {
      out.push_back(diagnostic(
          "IAC-NET-006",
          fmt::format("`service_endpoints` has '{}', which is not a service name", endpoint),
          "write service names such as \"Microsoft.Storage\" or \"Microsoft.KeyVault\""));
    } else if (!endpoints.insert(endpoint).second) {
      out.push_back(diagnostic("IAC-NET-006",
                               fmt::format("`service_endpoints` lists '{}' twice", endpoint),
                               "list each service once"));
    }
  }
}

// --- NetworkSecurityGroup ----------------------------------------------------------------------

std::string_view to_string(TrafficDirection direction) {
  return direction == TrafficDirection::inbound ? "Inbound" : "Outbound";
}

std::string_view to_string(RuleAccess access) {
  return access == RuleAccess::allow ? "Allow" : "Deny";
}

std::string_view to_string(RuleProtocol protocol) {
  switch (protocol) {
    case RuleProtocol::tcp:
      return "Tcp";
    case RuleProtocol::udp:
      return "Udp";
    case RuleProtocol::icmp:
      return "Icmp";
    case RuleProtocol::any:
      return "*";
  }
  return "*";
}

bool is_internet_source(std::string_view source) {
  return source == "*" || source == "Internet" || source == "Any" || source == "0.0.0.0/0" ||
         source == "0.0.0.0";
}

bool port_spec_includes(std::string_view spec, int port) {
  if (spec == "*") return true;
  int low = 0;
  int high = 0;
  if (auto dash = spec.find('-'); dash != std::string_view::npos) {
    if (!parse_int(spec.substr(0, dash), 65535, low) ||
        !parse_int(spec.substr(dash + 1), 65535, high)) {
      return false;
    }
  } else {
    if (!parse_int(spec, 65535, low)) return false;
    high = low;
  }
  return low <= port && port <= high;
}

namespace {

bool valid_port_spec(std::string_view spec) {
  if (spec == "*") return true;
  int low = 0;
  int high = 0;
  if (auto dash = spec.find('-'); dash != std::string_view::npos) {
    return parse_int(spec.substr(0, dash), 65535, low) &&
           parse_int(spec.substr(dash + 1), 65535, high) && low <= high;
  }
  return parse_int(spec, 65535, low);
}

bool valid_address(std::string_view address) {
  if (address == "*") return true;
  if (Ipv4Cidr::parse(address) || is_ipv4_range(address)) return true;
  // A service tag: letters, digits and '.', e.g. "VirtualNetwork", "Storage.EastUS".
  if (address.empty() || address.size() > 80) return false;
  return std::all_of(address.begin(), address.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
  });
}

}  // namespace

const ResourceKind NetworkSecurityGroup::kKind{
    .name = "Network security group",
    .abbreviation = "nsg",
    .naming = {.min_length = 1,
               .max_length = 80,
               .charset = "letters, digits, '-', '_' and '.'",
               .allowed = chars::resource_group,
               .first = chars::alnum,
               .last = chars::alnum,
               .scope = NameScope::resource_group}};

NetworkSecurityGroup::NetworkSecurityGroup(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {}

std::vector<SecurityRule> NetworkSecurityGroup::effective_rules() const {
  std::vector<SecurityRule> rules = props_.rules;
  if (props_.deny_all_inbound) {
    rules.push_back({.name = "deny-all-inbound",
                     .priority = kDenyAllPriority,
                     .direction = TrafficDirection::inbound,
                     .access = RuleAccess::deny,
                     .protocol = RuleProtocol::any,
                     .source = "*",
                     .source_ports = "*",
                     .destination = "*",
                     .destination_ports = "*",
                     .description = "Deny every inbound flow the rules above do not allow"});
  }
  return rules;
}

void NetworkSecurityGroup::validate(Diagnostics& out) const {
  Resource::validate(out);
  std::set<std::string> names;
  std::set<std::pair<TrafficDirection, int>> priorities;
  for (const auto& rule : effective_rules()) {
    const std::string where = fmt::format("rule '{}'", rule.name);
    if (check_name({.min_length = 1,
                    .max_length = 80,
                    .charset = "letters, digits, '-', '_' and '.'",
                    .allowed = chars::resource_group,
                    .first = chars::alnum,
                    .last = chars::alnum},
                   rule.name)
            .size() > 0) {
      out.push_back(diagnostic("IAC-NET-007",
                               fmt::format("{}: the name is not a valid rule name", where),
                               "use 1-80 letters, digits, '-', '_' and '.', starting and ending "
                               "with a letter or digit"));
    }
    if (!names.insert(rule.name).second) {
      out.push_back(diagnostic("IAC-NET-007", fmt::format("{} is declared twice", where),
                               "give each rule its own name"));
    }
    const bool reserved = props_.deny_all_inbound && rule.direction == TrafficDirection::inbound &&
                          rule.priority == kDenyAllPriority && rule.name != "deny-all-inbound";
    if (rule.priority < 100 || rule.priority > 4096 || reserved) {
      out.push_back(diagnostic(
          "IAC-NET-008", fmt::format("{}: priority {} is not usable", where, rule.priority),
          "use a priority from 100 to 4095 (4096 is the closing deny-all inbound rule)"));
    } else if (!priorities.insert({rule.direction, rule.priority}).second) {
      out.push_back(diagnostic("IAC-NET-008",
                               fmt::format("{}: priority {} is used twice in the {} direction",
                                           where, rule.priority, to_string(rule.direction)),
                               "give each rule of a direction its own priority"));
    }
    if (rule.destination_ports.empty() || !valid_port_spec(rule.destination_ports) ||
        !valid_port_spec(rule.source_ports)) {
      out.push_back(
          diagnostic("IAC-NET-009",
                     fmt::format("{}: ports '{}' (source '{}') are not a port, a range or \"*\"",
                                 where, rule.destination_ports, rule.source_ports),
                     "name the destination ports the flow needs, e.g. \"443\" or \"8000-8080\""));
    }
    if (rule.access == RuleAccess::allow && rule.destination_ports == "*" &&
        rule.protocol != RuleProtocol::icmp) {
      out.push_back(diagnostic(
          "IAC-NET-009", fmt::format("{}: allows every destination port", where),
          "name the ports the flow needs (least privilege), e.g. \"443\"", Severity::warning));
    }
    if (!valid_address(rule.source) || !valid_address(rule.destination)) {
      out.push_back(diagnostic(
          "IAC-NET-010",
          fmt::format("{}: source '{}' or destination '{}' is not a CIDR range, an address, a "
                      "service tag or \"*\"",
                      where, rule.source, rule.destination),
          "write e.g. \"10.20.1.0/24\", \"VirtualNetwork\" or \"AzureLoadBalancer\""));
    }
  }
}

}  // namespace iac::azure
