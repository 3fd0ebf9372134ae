#pragma once
/// Azure Managed Redis (ARM `Microsoft.Cache/redisEnterprise`): the successor of Azure Cache for
/// Redis, with the same secure defaults.

#include <map>
#include <optional>
#include <string>

#include "dsl/core/resource.h"
#include "dsl/core/security.h"

namespace iac::azure {

struct ManagedRedisProps {
  /// @default the naming convention: `amr-<app>-<env>` (1-60 letters, digits and single '-').
  std::optional<std::string> name;
  /// `Balanced_B<n>`, `MemoryOptimized_M<n>`, `ComputeOptimized_X<n>` or `FlashOptimized_A<n>`.
  /// @default Balanced_B1
  std::string sku = "Balanced_B1";
  /// Replicates the data set across nodes (and zones where the region has them).
  /// @default enforced
  Control high_availability;
  /// @default no public endpoint: reach the cache through a private endpoint. Azure Managed
  /// Redis has no IP firewall, so an allow list cannot be expressed.
  PublicNetwork public_network;
  /// Clients sign in with Microsoft Entra ID only; access keys are disabled. @default enforced
  Control entra_only_auth;
  std::map<std::string, std::string> tags;
};

/// An Azure Managed Redis cluster and its `default` database: TLS 1.2, TLS-only client protocol,
/// Entra ID only, high availability, no public endpoint.
class ManagedRedis final : public Resource {
 public:
  using Props = ManagedRedisProps;
  static const ResourceKind kKind;

  ManagedRedis(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  std::vector<DiagnosticSource> diagnostic_sources() const override;
  const Props& props() const { return props_; }
  std::vector<PrivateLinkService> private_link_services() const override {
    return {{"redisEnterprise", "privatelink.redis.azure.net"}};
  }
  const PublicNetwork* public_network() const override { return &props_.public_network; }

  /// The host name, `<name>.<region>.redis.azure.net`.
  Ref hostname() const { return ref("hostname"); }

  void validate(Diagnostics& out) const override;

 private:
  Props props_;
};

}  // namespace iac::azure
