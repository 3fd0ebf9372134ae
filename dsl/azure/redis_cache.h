#pragma once
/// Azure Cache for Redis: TLS 1.2 only, Microsoft Entra ID auth, no public endpoint by default;
/// and data access policy assignments, which exist only under their cache.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/principal.h"
#include "dsl/core/resource.h"
#include "dsl/core/security.h"

namespace iac::azure {

class RedisAccessPolicyAssignment;

/// The built-in data access policies of Azure Cache for Redis.
/// @see
/// https://learn.microsoft.com/azure/azure-cache-for-redis/cache-configure-role-based-access-control
enum class RedisAccessPolicy { data_owner, data_contributor, data_reader };
/// The policy's name as Azure knows it: "Data Owner", "Data Contributor", "Data Reader".
std::string_view to_string(RedisAccessPolicy policy);

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
  std::vector<DiagnosticSource> diagnostic_sources() const override;
  const Props& props() const { return props_; }
  std::vector<PrivateLinkService> private_link_services() const override {
    return {{"redisCache", "privatelink.redis.cache.windows.net"}};
  }
  const PublicNetwork* public_network() const override { return &props_.public_network; }

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

  /// Grants the built-in "Data Owner" access policy (every command, including ACL changes).
  RedisAccessPolicyAssignment& grant_data_owner(Principal principal);
  /// Grants the built-in "Data Contributor" access policy (read and write keys, no admin).
  RedisAccessPolicyAssignment& grant_data_contributor(Principal principal);
  /// Grants the built-in "Data Reader" access policy (read-only commands).
  RedisAccessPolicyAssignment& grant_data_reader(Principal principal);

  void validate(Diagnostics& out) const override;

 private:
  RedisAccessPolicyAssignment& grant(Principal principal, RedisAccessPolicy policy);
  Props props_;
};

struct RedisAccessPolicyAssignmentProps {
  Principal principal;
  RedisAccessPolicy policy = RedisAccessPolicy::data_reader;
};

/// A data access policy assigned to a principal on the whole cache. Its name is a GUID derived
/// from its construct path, so it is stable across runs and unique per environment. The object
/// id is also its alias: the username a client presents with its Entra ID token.
class RedisAccessPolicyAssignment final : public Resource {
 public:
  using Props = RedisAccessPolicyAssignmentProps;
  static const ResourceKind kKind;

  RedisAccessPolicyAssignment(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }
  const RedisCache& cache() const { return cache_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const RedisCache& cache_;
  Props props_;
};

}  // namespace iac::azure
