#pragma once
/// PrivateLandingZone: the network of a private environment, as the bundled applications and
/// the production standard lay it out: one VNet, a subnet for the private endpoints and one for
/// the apps' outbound VNet integration, each behind a least-privilege NSG, and the
/// PrivateNetwork switch that puts every PaaS resource of the stack behind its endpoint.

#include <optional>
#include <string>
#include <vector>

namespace iac {
class Stack;
namespace azure {
class PrivateNetwork;
}
}  // namespace iac

namespace iac::templates {

/// One port the apps subnet may reach on the endpoints subnet: an NSG allow rule.
struct EndpointPort {
  std::string rule;         ///< The NSG rule's name, e.g. "allow-apps-https".
  std::string port;         ///< e.g. "443"; "445" for an Azure Files content share.
  std::string description;  ///< Who talks to what over it.
};

/// The network of the environment's DR region: a VNet with one endpoints subnet behind its own
/// NSG, for the private endpoints of the resources placed there (a PostgreSQL read replica).
struct DrLandingZone {
  /// The DR VNet's address space, e.g. "10.21.0.0/16"; it must not overlap the primary's, so
  /// that the two can be peered when the apps fail over. Required.
  std::string vnet_range;
  /// Its private endpoints' subnet, e.g. "10.21.1.0/24". Required.
  std::string endpoints_range;
  /// What clients inside the DR VNet reach through its endpoints (allow rules from the DR
  /// VNet's range, in priority order); nothing else is allowed in.
  std::vector<EndpointPort> endpoint_ports;
};

struct PrivateLandingZoneProps {
  /// The VNet's address space, e.g. "10.20.0.0/16". Required.
  std::string vnet_range;
  /// The private endpoints' subnet, e.g. "10.20.1.0/24". Required.
  std::string endpoints_range;
  /// The apps' integration subnet, delegated to Microsoft.Web/serverFarms: a /26 leaves room
  /// for scale-out (each instance takes an address). Required.
  std::string apps_range;
  /// What the apps reach through the endpoints, in priority order (100, 110, ...). Nothing else
  /// is allowed in: the NSGs end with a deny-all inbound rule.
  std::vector<EndpointPort> endpoint_ports;
  /// The DR region's network, only in an environment with a DR region. @default none
  std::optional<DrLandingZone> dr;
};

/// Declares, directly under the stack (the switch must be there): NSGs `endpoints` and `apps`,
/// VNet `vnet` with subnets `endpoints` and `apps`, and the PrivateNetwork `network`; with `.dr`
/// also NSG `endpoints-dr` and VNet `vnet-dr` with subnet `endpoints`, placed in the DR region,
/// as the network's `dr_endpoints_subnet`.
azure::PrivateNetwork& private_landing_zone(Stack& stack, const PrivateLandingZoneProps& props);

}  // namespace iac::templates
