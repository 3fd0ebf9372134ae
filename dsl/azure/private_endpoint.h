#pragma once
/// Private endpoints and the private DNS zones that resolve them, and PrivateNetwork: the one
/// switch per environment that puts every PaaS resource of the stack behind private endpoints.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/azure/network.h"
#include "dsl/core/resource.h"
#include "dsl/policy/suppression.h"

namespace iac {
class Stack;
}

namespace iac::azure {

struct PrivateDnsZoneProps {
  /// The zone, e.g. "privatelink.vaultcore.azure.net". Required; it is also the Azure name.
  std::string zone;
  std::map<std::string, std::string> tags;
};

/// A private DNS zone (`privatelink.*`), resolving private endpoints' names inside the VNets
/// linked to it. Azure deploys it globally: it has no region.
class PrivateDnsZone final : public Resource {
 public:
  using Props = PrivateDnsZoneProps;
  static const ResourceKind kKind;

  PrivateDnsZone(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }

  void validate(Diagnostics& out) const override;

 private:
  Props props_;
};

struct PrivateDnsZoneVirtualNetworkLinkProps {
  /// @default "link-<vnet construct id>".
  std::optional<std::string> name;
  /// The network whose resolver answers from the zone. Required.
  Link<VirtualNetwork> vnet;
  /// VMs of the network register their own records in the zone. `privatelink.*` zones hold
  /// the endpoints' records only, so it stays off. @default false
  bool registration_enabled = false;
  std::map<std::string, std::string> tags;
};

/// Links a private DNS zone to a virtual network; exists only under its zone
/// (`zone.link(vnet)`).
class PrivateDnsZoneVirtualNetworkLink final : public Resource {
 public:
  using Props = PrivateDnsZoneVirtualNetworkLinkProps;
  static const ResourceKind kKind;

  PrivateDnsZoneVirtualNetworkLink(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }
  const PrivateDnsZone& zone() const { return zone_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const PrivateDnsZone& zone_;
  Props props_;
};

struct PrivateEndpointProps {
  /// @default the naming convention: `pe-<app>-<env>-<id>`.
  std::optional<std::string> name;
  /// The target's sub-resource (group id): "vault", "blob", "Sql", "sites", ... Required; it
  /// must be one of the target's `private_link_services()`.
  std::string subresource;
  /// The subnet the endpoint's network interface gets its private address in. Required.
  Link<Subnet> subnet;
  /// The zones the endpoint registers its A records in (its private DNS zone group). Without
  /// one, clients resolve the public address. Required.
  std::vector<const PrivateDnsZone*> dns_zones;
  std::map<std::string, std::string> tags;
};

/// A private endpoint: a private IP address in a subnet for one sub-resource of a PaaS
/// resource, with its DNS records in the `privatelink.*` zones. It is declared under the
/// resource it connects to: `vault.add<PrivateEndpoint>("pe", {.subresource = "vault", ...})`.
class PrivateEndpoint final : public Resource {
 public:
  using Props = PrivateEndpointProps;
  static const ResourceKind kKind;

  PrivateEndpoint(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }
  /// The resource the endpoint connects to: its scope.
  const Resource& target() const { return target_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const Resource& target_;
  Props props_;
};

struct PrivateNetworkProps {
  /// The network the private DNS zones are linked to. Required.
  Link<VirtualNetwork> vnet;
  /// The subnet every private endpoint is placed in. Required; a subnet of `vnet`, without
  /// delegation.
  Link<Subnet> endpoints_subnet;
  /// The subnet function and web apps route their outbound traffic through (VNet integration),
  /// delegated to Microsoft.Web/serverFarms. Without it, apps cannot reach the private
  /// endpoints (a warning when the stack has apps). @default none
  Link<Subnet> integration_subnet;
  /// The subnet the private endpoints of resources placed in the environment's DR region go
  /// in (`Resource::place_in_secondary_region()`, e.g. a PostgreSQL read replica): a subnet
  /// without delegation of a VNet that is itself placed in the DR region. The private DNS zones
  /// are linked to that VNet too. Without it, such resources get no endpoint and the kinds
  /// that need one report it. @default none
  Link<Subnet> dr_endpoints_subnet;
};

/// The network switch of one environment: `s.add<PrivateNetwork>("network", {.vnet = vnet,
/// .endpoints_subnet = endpoints, .integration_subnet = apps})`. Before the lock, it gives
/// every resource of the stack that has `private_link_services()` one private endpoint per
/// sub-resource in the endpoints subnet (in `dr_endpoints_subnet`, in the DR region, for the
/// resources placed there), creates one private DNS zone per distinct zone with a
/// link to the VNet (registration off), and turns on VNet integration (all traffic routed
/// through the VNet) for every function and web app. Public network access must then be off:
/// an opened `public_network` is an error-level finding (AZ-NET-004), and a resource without
/// a private endpoint a warning in staging and prod (AZ-NET-003).
///
/// It works from `Resource::private_link_services()` alone, so a new kind joins by
/// implementing it. Declare it under the stack, once.
class PrivateNetwork final : public Construct {
 public:
  using Props = PrivateNetworkProps;

  PrivateNetwork(Construct& scope, std::string id, Props props);
  const Props& props() const { return props_; }

  /// The stack's network switch, or nullptr when the environment is not private.
  static const PrivateNetwork* of(const Stack& stack);

  /// Leaves `resource` without a private endpoint (and with its public endpoint as its props
  /// say), e.g. an app reached by Front Door Standard, which has no private origins. Recorded
  /// as a suppression of AZ-NET-003 with the reason, so it appears in the manifest.
  void without_private_endpoint(Resource& resource, std::string reason,
                                policy::SuppressionOptions options = {});
  /// The reason `resource` has no private endpoint, or nullptr when it gets one.
  const std::string* exemption(const Resource& resource) const;

  /// The zones and links created so far, in creation order.
  const std::vector<const PrivateDnsZone*>& dns_zones() const { return zones_; }

  void validate(Diagnostics& out) const override;

 private:
  friend class PrivateNetworkAspect;
  /// Creates the endpoints, zones and links and turns on app VNet integration (the aspect).
  void apply(Stack& stack);
  PrivateDnsZone& zone_for(std::string_view zone);

  Props props_;
  std::vector<std::pair<const Resource*, std::string>> exemptions_;
  std::vector<const PrivateDnsZone*> zones_;
};

/// The private endpoints of a resource (declared under it).
std::vector<const PrivateEndpoint*> private_endpoints_of(const Resource& resource);
/// Whether a private endpoint connects to `subresource` of `resource`.
bool has_private_endpoint(const Resource& resource, std::string_view subresource);

}  // namespace iac::azure
