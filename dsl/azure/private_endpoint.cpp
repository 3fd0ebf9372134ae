#include "dsl/azure/private_endpoint.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "dsl/azure/site.h"
#include "dsl/core/aspect.h"
#include "dsl/core/stack.h"

namespace iac::azure {

namespace {

bool zone_char(char c) { return chars::lower_alnum(c) || c == '-' || c == '.'; }
bool endpoint_char(char c) { return chars::lower_alnum(c) || c == '-' || c == '_' || c == '.'; }
bool endpoint_last(char c) { return chars::lower_alnum(c) || c == '_'; }

const Resource& target_of(const Construct& scope) {
  if (const auto* resource = dynamic_cast<const Resource*>(&scope)) return *resource;
  throw std::logic_error(fmt::format(
      "{}: a private endpoint is declared under the resource it connects to", scope.path()));
}

std::string lowercase(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return result;
}

const PrivateDnsZone& zone_of(const Construct& scope) {
  if (const auto* zone = dynamic_cast<const PrivateDnsZone*>(&scope)) return *zone;
  throw std::logic_error(
      fmt::format("{}: a virtual network link must be added under a PrivateDnsZone", scope.path()));
}

std::optional<std::string> link_name(const PrivateDnsZoneVirtualNetworkLinkProps& props) {
  if (props.name) return props.name;
  if (props.vnet) return "link-" + props.vnet->construct_id();
  return std::string("link");
}

const Stack& stack_of(const Construct& node) {
  const Construct* current = &node;
  while (current->scope() != nullptr) current = current->scope();
  return dynamic_cast<const Stack&>(*current);
}

}  // namespace

// --- PrivateDnsZone ----------------------------------------------------------------------------

const ResourceKind PrivateDnsZone::kKind{.name = "Private DNS zone",
                                         .abbreviation = "pdnsz",
                                         .naming = {.min_length = 3,
                                                    .max_length = 253,
                                                    .charset = "lowercase letters, digits, '-' "
                                                               "and '.'",
                                                    .allowed = zone_char,
                                                    .first = chars::lower_alnum,
                                                    .last = chars::lower_alnum,
                                                    .scope = NameScope::resource_group}};

PrivateDnsZone::PrivateDnsZone(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.zone, props.tags), props_(std::move(props)) {}

void PrivateDnsZone::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (props_.zone.find('.') == std::string::npos || props_.zone.find("..") != std::string::npos) {
    out.push_back(diagnostic("IAC-NET-011",
                             fmt::format("`zone` '{}' is not a DNS zone name", props_.zone),
                             "write the zone, e.g. \"privatelink.vaultcore.azure.net\""));
  }
}

// --- PrivateDnsZoneVirtualNetworkLink ----------------------------------------------------------

const ResourceKind PrivateDnsZoneVirtualNetworkLink::kKind{
    .name = "Private DNS zone virtual network link",
    .abbreviation = "pdnslink",
    .naming = {.min_length = 1,
               .max_length = 80,
               .charset = "letters, digits, '-', '_' and '.'",
               .allowed = chars::resource_group,
               .first = chars::alnum,
               .last = chars::alnum,
               .scope = NameScope::parent}};

PrivateDnsZoneVirtualNetworkLink::PrivateDnsZoneVirtualNetworkLink(Construct& scope, std::string id,
                                                                   Props props)
    : Resource(scope, std::move(id), link_name(props), props.tags),
      zone_(zone_of(scope)),
      props_(std::move(props)) {}

void PrivateDnsZoneVirtualNetworkLink::collect_references(std::vector<Ref>& out) const {
  out.push_back(zone_.name_ref());
  if (props_.vnet) out.push_back(props_.vnet->id());
}

void PrivateDnsZoneVirtualNetworkLink::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (!props_.vnet) {
    out.push_back(diagnostic("IAC-NET-012", "required prop `vnet` is not set",
                             "set `.vnet = <VirtualNetwork>`"));
  }
}

// --- PrivateEndpoint ---------------------------------------------------------------------------

const ResourceKind PrivateEndpoint::kKind{.name = "Private endpoint",
                                          .abbreviation = "pe",
                                          .naming = {.min_length = 2,
                                                     .max_length = 64,
                                                     .charset = "lowercase letters, digits, "
                                                                "'-', '_' and '.'",
                                                     .allowed = endpoint_char,
                                                     .first = chars::lower_alnum,
                                                     .last = endpoint_last,
                                                     .scope = NameScope::resource_group}};

PrivateEndpoint::PrivateEndpoint(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags),
      target_(target_of(scope)),
      props_(std::move(props)) {}

void PrivateEndpoint::collect_references(std::vector<Ref>& out) const {
  out.push_back(target_.id());
  if (props_.subnet) out.push_back(props_.subnet->id());
  for (const PrivateDnsZone* zone : props_.dns_zones) out.push_back(zone->id());
}

void PrivateEndpoint::validate(Diagnostics& out) const {
  Resource::validate(out);
  {
    const auto services = target_.private_link_services();
    const bool known = std::any_of(services.begin(), services.end(), [&](const auto& service) {
      return service.subresource == props_.subresource;
    });
    if (!known) {
      std::vector<std::string> names;
      for (const auto& service : services) names.emplace_back(service.subresource);
      out.push_back(diagnostic(
          "IAC-NET-013",
          fmt::format("`subresource` '{}' is not a Private Link sub-resource of {} '{}'",
                      props_.subresource, target_.kind().name, target_.name()),
          names.empty() ? std::string("this kind has no private endpoint support in iacgen")
                        : fmt::format("use one of: {}", fmt::join(names, ", "))));
    }
  }
  if (props_.subnet && props_.subnet->vnet().location() != location()) {
    // The endpoint's network interface lives in the subnet's VNet, so in its region.
    out.push_back(diagnostic(
        "IAC-NET-027",
        fmt::format("the endpoint is in {}, but its subnet '{}' is in {}", location(),
                    props_.subnet->name(), props_.subnet->vnet().location()),
        "place the endpoint in its VNet's region (`place_in_secondary_region()` for a VNet in "
        "the DR region), or use a subnet of a VNet in the endpoint's region"));
  }
  if (!props_.subnet) {
    out.push_back(diagnostic("IAC-NET-014", "required prop `subnet` is not set",
                             "set `.subnet = <Subnet>` (a subnet without delegation)"));
  } else if (!props_.subnet->is_reference() &&  // owned elsewhere: its delegation is unknown
             props_.subnet->props().delegation != SubnetDelegation::none) {
    out.push_back(
        diagnostic("IAC-NET-014",
                   fmt::format("`subnet` '{}' is delegated to {}, which takes no private endpoints",
                               props_.subnet->name(), to_string(props_.subnet->props().delegation)),
                   "place private endpoints in a subnet without delegation"));
  }
  for (const PrivateDnsZone* zone : props_.dns_zones) {
    if (zone == nullptr) {
      out.push_back(diagnostic("IAC-NET-015", "`dns_zones` holds a null zone",
                               "list the PrivateDnsZone resources"));
    }
  }
}

std::vector<const PrivateEndpoint*> private_endpoints_of(const Resource& resource) {
  std::vector<const PrivateEndpoint*> result;
  for (const auto& child : resource.children()) {
    if (const auto* endpoint = dynamic_cast<const PrivateEndpoint*>(child.get())) {
      result.push_back(endpoint);
    }
  }
  return result;
}

bool has_private_endpoint(const Resource& resource, std::string_view subresource) {
  const auto endpoints = private_endpoints_of(resource);
  return std::any_of(endpoints.begin(), endpoints.end(), [&](const PrivateEndpoint* endpoint) {
    return endpoint->props().subresource == subresource;
  });
}

// --- PrivateNetwork ----------------------------------------------------------------------------

/// Runs PrivateNetwork::apply when it visits the stack, before any resource below it is
/// visited: the endpoints, zones and links it creates are then named and tagged like the rest.
class PrivateNetworkAspect final : public Aspect {
 public:
  explicit PrivateNetworkAspect(PrivateNetwork& network) : network_(network) {}
  int priority() const override { return kNamingPriority + 1; }
  void visit(Construct& node) override {
    if (auto* stack = dynamic_cast<Stack*>(&node)) network_.apply(*stack);
  }

 private:
  PrivateNetwork& network_;
};

PrivateNetwork::PrivateNetwork(Construct& scope, std::string id, Props props)
    : Construct(scope, std::move(id)), props_(props) {
  if (dynamic_cast<Stack*>(&scope) == nullptr) {
    throw std::logic_error(
        fmt::format("{}: PrivateNetwork is declared under the stack: `s.add<PrivateNetwork>(...)`",
                    scope.path()));
  }
  scope.add_aspect(std::make_shared<PrivateNetworkAspect>(*this));
}

const PrivateNetwork* PrivateNetwork::of(const Stack& stack) {
  for (const auto& child : stack.children()) {
    if (const auto* network = dynamic_cast<const PrivateNetwork*>(child.get())) return network;
  }
  return nullptr;
}

void PrivateNetwork::without_private_endpoint(Resource& resource, std::string reason,
                                              policy::SuppressionOptions options) {
  exemptions_.emplace_back(&resource, reason);
  if (!reason.empty()) {
    policy::suppress(resource, "AZ-NET-003", std::move(reason), std::move(options));
  }
}

const std::string* PrivateNetwork::exemption(const Resource& resource) const {
  for (const auto& [exempt, reason] : exemptions_) {
    if (exempt == &resource) return &reason;
  }
  return nullptr;
}

PrivateDnsZone& PrivateNetwork::zone_for(std::string_view zone) {
  for (const PrivateDnsZone* existing : zones_) {
    if (existing->props().zone == zone) return const_cast<PrivateDnsZone&>(*existing);
  }
  // `privatelink.vaultcore.azure.net` -> id `vaultcore-azure-net`.
  std::string id(zone);
  if (id.rfind("privatelink.", 0) == 0) id.erase(0, std::string_view("privatelink.").size());
  std::replace(id.begin(), id.end(), '.', '-');
  auto& created = add<PrivateDnsZone>(id, {.zone = std::string(zone)});
  if (props_.vnet)
    created.add<PrivateDnsZoneVirtualNetworkLink>("vnet-link", {.vnet = *props_.vnet});
  // The DR network resolves the same zones (its endpoints register there too).
  if (const Subnet* dr = props_.dr_endpoints_subnet.get();
      dr != nullptr && &dr->vnet() != props_.vnet.get()) {
    created.add<PrivateDnsZoneVirtualNetworkLink>("vnet-link-dr", {.vnet = dr->vnet()});
  }
  zones_.push_back(&created);
  return created;
}

void PrivateNetwork::apply(Stack& stack) {
  // Collected first: the loop below adds children.
  std::vector<Resource*> resources;
  stack.walk_mutable([&](Construct& node) {
    if (auto* resource = dynamic_cast<Resource*>(&node)) resources.push_back(resource);
  });
  for (Resource* resource : resources) {
    if (auto* site = dynamic_cast<Site*>(resource); site && props_.integration_subnet) {
      site->integrate_with(*props_.integration_subnet);
    }
    const auto services = resource->private_link_services();
    // A resource in the DR region gets its endpoint in the DR network, when there is one.
    const bool dr = resource->in_secondary_region();
    const Link<Subnet>& subnet = dr ? props_.dr_endpoints_subnet : props_.endpoints_subnet;
    if (services.empty() || exemption(*resource) != nullptr || !subnet) continue;
    // One endpoint per sub-resource; a sub-resource may register in more than one zone.
    std::vector<std::string_view> subresources;
    for (const auto& service : services) {
      if (std::find(subresources.begin(), subresources.end(), service.subresource) ==
          subresources.end()) {
        subresources.push_back(service.subresource);
      }
    }
    const auto declared = private_endpoints_of(*resource);
    for (std::string_view subresource : subresources) {
      const bool exists = std::any_of(declared.begin(), declared.end(), [&](const auto* endpoint) {
        return endpoint->props().subresource == subresource;
      });
      if (exists) continue;  // declared by hand: kept as written
      std::vector<const PrivateDnsZone*> zones;
      for (const auto& service : services) {
        if (service.subresource == subresource) zones.push_back(&zone_for(service.dns_zone));
      }
      auto& endpoint = resource->add<PrivateEndpoint>(
          fmt::format("{}-{}", resource->construct_id(), lowercase(subresource)),
          {.subresource = std::string(subresource),
           .subnet = *subnet,
           .dns_zones = std::move(zones)});
      if (dr) endpoint.place_in_secondary_region();
    }
  }
}

void PrivateNetwork::validate(Diagnostics& out) const {
  Construct::validate(out);
  const Stack& stack = stack_of(*this);
  if (of(stack) != this) {
    out.push_back(diagnostic("IAC-NET-020", "the stack declares more than one PrivateNetwork",
                             "declare one PrivateNetwork per stack"));
  }
  if (!props_.vnet) {
    out.push_back(diagnostic("IAC-NET-021", "required prop `vnet` is not set",
                             "set `.vnet = <VirtualNetwork>`"));
  }
  if (!props_.endpoints_subnet) {
    out.push_back(diagnostic("IAC-NET-022", "required prop `endpoints_subnet` is not set",
                             "set `.endpoints_subnet = <Subnet>` (a subnet without delegation)"));
  } else {
    if (props_.vnet && &props_.endpoints_subnet->vnet() != props_.vnet.get()) {
      out.push_back(diagnostic("IAC-NET-022",
                               fmt::format("`endpoints_subnet` '{}' is not a subnet of `vnet`",
                                           props_.endpoints_subnet->name()),
                               "use a subnet of the network the DNS zones are linked to"));
    }
  }
  if (const Subnet* subnet = props_.integration_subnet.get()) {
    if (props_.vnet && &subnet->vnet() != props_.vnet.get()) {
      out.push_back(diagnostic(
          "IAC-NET-023",
          fmt::format("`integration_subnet` '{}' is not a subnet of `vnet`", subnet->name()),
          "use a subnet of the network the DNS zones are linked to"));
    }
    if (subnet == props_.endpoints_subnet.get()) {
      out.push_back(diagnostic(
          "IAC-NET-023", "`integration_subnet` is also the `endpoints_subnet`",
          "give VNet integration its own subnet, delegated to Microsoft.Web/serverFarms"));
    }
  } else {
    const bool has_sites = std::any_of(
        stack.resources().begin(), stack.resources().end(),
        [](const Resource* resource) { return dynamic_cast<const Site*>(resource) != nullptr; });
    if (has_sites) {
      out.push_back(diagnostic(
          "IAC-NET-024",
          "the stack has function or web apps, but no `integration_subnet`: they cannot reach "
          "the private endpoints",
          "add a subnet delegated to Microsoft.Web/serverFarms and set `.integration_subnet`",
          Severity::warning));
    }
  }
  if (const Subnet* dr = props_.dr_endpoints_subnet.get()) {
    if (!dr->vnet().in_secondary_region()) {
      out.push_back(diagnostic(
          "IAC-NET-026",
          fmt::format("`dr_endpoints_subnet` '{}' is in VNet '{}', which is not in the DR region",
                      dr->name(), dr->vnet().name()),
          "place that VNet in the DR region: `vnet.place_in_secondary_region()`"));
    }
    if (dr->props().delegation != SubnetDelegation::none) {
      out.push_back(diagnostic(
          "IAC-NET-026",
          fmt::format("`dr_endpoints_subnet` '{}' is delegated to {}, which takes no private "
                      "endpoints",
                      dr->name(), to_string(dr->props().delegation)),
          "use a subnet without delegation"));
    }
  }
  for (const auto& [resource, reason] : exemptions_) {
    if (reason.empty()) {
      out.push_back(diagnostic(
          "IAC-NET-025",
          fmt::format("'{}' is left without a private endpoint without a reason", resource->path()),
          "write why: `network.without_private_endpoint(app, \"<reason>\")`"));
    }
    if (resource->private_link_services().empty()) {
      out.push_back(
          diagnostic("IAC-NET-025",
                     fmt::format("'{}' is exempted from private endpoints, but has none to take",
                                 resource->path()),
                     "remove the exemption", Severity::warning));
    }
  }
}

}  // namespace iac::azure
