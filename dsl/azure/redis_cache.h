#pragma once
/// Azure Cache for Redis: TLS 1.2 only, Microsoft Entra ID auth, no public endpoint by default.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/resource.h"
#include "dsl/core/security.h"

namespace iac::azure {

/// Basic has no replica and no SLA; Standard adds a replica; Premium adds zones, clustering and
/// private networking features.
enum class RedisSku { basic, standard, premium };
std::string_view to_string(RedisSku sku);  ///< "Basic", "Standard", "Premium"

struct RedisCacheProps {
  /// @default the naming convention: `redis-<app>-<env>` (1-63 letters, digits and '-',
  /// globally unique).
  std::optional<std::string> name;
  /// @default Standard: a replica and an SLA.
  /// @see https://learn.microsoft.com/azure/azure-cache-for-redis/cache-best-practices-development
  RedisSku sku = RedisSku::standard;
  /// The size: C0-C6 for Basic and Standard, P1-P5 for Premium. @default 1 (C1, 1 GB)
  int capacity = 1;
  /// @default no public endpoint: reach the cache through a private endpoint.
  PublicNetwork public_network;
  /// Clients sign in with Microsoft Entra ID only; access keys are disabled. Entra ID
  /// authentication itself is always on. @default enforced
  /// @see
  /// https://learn.microsoft.com/azure/azure-cache-for-redis/cache-azure-active-directory-for-authentication
  Control entra_only_auth;
  /// Memory, in MB, kept for non-cache work such as replication (Standard and Premium).
  /// @default 10% of the SKU's memory, the documented minimum for stable failover
  std::optional<int> maxmemory_reserved_mb;
  /// Availability zones of the nodes; Premium only. @default none
  std::vector<std::string> zones;
  /// Replicas per primary; Premium only (Standard always has one). @default none
  std::optional<int> replicas_per_primary;
  /// @default "6", the only version not retired.
  std::string redis_version = "6";
  std::map<std::string, std::string> tags;
};

/// A Redis cache with the non-TLS port closed, TLS 1.2, Entra ID auth and no access keys.
class RedisCache final : public Resource {
 public:
  using Props = RedisCacheProps;
  static const ResourceKind kKind;

  RedisCache(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }

  /// `C` for Basic and Standard, `P` for Premium.
  std::string_view family() const;
  /// The SKU's memory in MB, or 0 for an invalid capacity.
  int memory_mb() const;
  /// `maxmemory_reserved_mb`, or 10% of the memory, rounded up.
  int effective_maxmemory_reserved_mb() const;

  /// The host name, `<name>.redis.cache.windows.net`.
  Ref hostname() const { return ref("hostname"); }
  /// The TLS port (6380).
  Ref ssl_port() const { return ref("ssl_port"); }

  void validate(Diagnostics& out) const override;

 private:
  Props props_;
};

}  // namespace iac::azure
