#include "dsl/azure/redis_cache.h"

#include <array>
#include <stdexcept>

#include <fmt/format.h>

#include "dsl/azure/cosmos.h"  // stable_guid
#include "dsl/core/stack.h"

namespace iac::azure {

namespace {

/// Memory in MB per capacity: C0-C6, then P1-P5 (P0 does not exist).
constexpr std::array<int, 7> kBasicStandardMb = {250, 1024, 2560, 6144, 13312, 26624, 54272};
constexpr std::array<int, 6> kPremiumMb = {0, 6144, 13312, 26624, 54272, 122880};

bool guid_char(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-'; }

const RedisCache& cache_of(const Construct& scope) {
  if (const auto* cache = dynamic_cast<const RedisCache*>(&scope)) return *cache;
  throw std::logic_error(fmt::format(
      "{}: a Redis access policy assignment must be added under a RedisCache (use its methods)",
      scope.path()));
}

}  // namespace

std::string_view to_string(RedisAccessPolicy policy) {
  switch (policy) {
    case RedisAccessPolicy::data_owner:
      return "Data Owner";
    case RedisAccessPolicy::data_contributor:
      return "Data Contributor";
    case RedisAccessPolicy::data_reader:
      return "Data Reader";
  }
  return "Data Reader";
}

std::string_view to_string(RedisSku sku) {
  switch (sku) {
    case RedisSku::basic:
      return "Basic";
    case RedisSku::standard:
      return "Standard";
    case RedisSku::premium:
      return "Premium";
  }
  return "Standard";
}

const ResourceKind RedisCache::kKind{.name = "Azure Cache for Redis",
                                     .abbreviation = "redis",
                                     .naming = {.min_length = 1,
                                                .max_length = 63,
                                                .charset = "letters, digits and '-'",
                                                .allowed = chars::alnum_hyphen,
                                                .first = chars::alnum,
                                                .last = chars::alnum,
                                                .no_consecutive_hyphens = true,
                                                .scope = NameScope::global}};

RedisCache::RedisCache(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {}

std::string_view RedisCache::family() const { return props_.sku == RedisSku::premium ? "P" : "C"; }

int RedisCache::memory_mb() const {
  int capacity = props_.capacity;
  if (props_.sku == RedisSku::premium) {
    return capacity >= 1 && capacity <= 5 ? kPremiumMb[capacity] : 0;
  }
  return capacity >= 0 && capacity <= 6 ? kBasicStandardMb[capacity] : 0;
}

int RedisCache::effective_maxmemory_reserved_mb() const {
  if (props_.maxmemory_reserved_mb) return *props_.maxmemory_reserved_mb;
  return (memory_mb() + 9) / 10;
}

RedisAccessPolicyAssignment& RedisCache::grant_data_owner(Principal principal) {
  return grant(std::move(principal), RedisAccessPolicy::data_owner);
}

RedisAccessPolicyAssignment& RedisCache::grant_data_contributor(Principal principal) {
  return grant(std::move(principal), RedisAccessPolicy::data_contributor);
}

RedisAccessPolicyAssignment& RedisCache::grant_data_reader(Principal principal) {
  return grant(std::move(principal), RedisAccessPolicy::data_reader);
}

RedisAccessPolicyAssignment& RedisCache::grant(Principal principal, RedisAccessPolicy policy) {
  // Ids follow declaration order: data-contributor-1, data-contributor-2, ...
  std::string prefix;
  switch (policy) {
    case RedisAccessPolicy::data_owner:
      prefix = "data-owner-";
      break;
    case RedisAccessPolicy::data_contributor:
      prefix = "data-contributor-";
      break;
    case RedisAccessPolicy::data_reader:
      prefix = "data-reader-";
      break;
  }
  int number = 1;
  while (find(prefix + std::to_string(number)) != nullptr) ++number;
  // The cache takes one access policy change at a time and rejects concurrent ones, so each
  // assignment waits for the one declared before it.
  const RedisAccessPolicyAssignment* previous = nullptr;
  for (const auto& child : children()) {
    if (const auto* assignment = dynamic_cast<const RedisAccessPolicyAssignment*>(child.get())) {
      previous = assignment;
    }
  }
  auto& assignment = add<RedisAccessPolicyAssignment>(
      prefix + std::to_string(number), {.principal = std::move(principal), .policy = policy});
  if (previous != nullptr) assignment.depends_on(*previous);
  return assignment;
}

void RedisCache::validate(Diagnostics& out) const {
  Resource::validate(out);
  const bool premium = props_.sku == RedisSku::premium;
  if (memory_mb() == 0) {
    out.push_back(diagnostic("IAC-REDIS-001",
                             fmt::format("`capacity` {} does not exist for the {} SKU",
                                         props_.capacity, to_string(props_.sku)),
                             premium ? "use 1 to 5 (P1-P5)" : "use 0 to 6 (C0-C6)"));
  }
  if (props_.sku == RedisSku::basic) {
    if (props_.maxmemory_reserved_mb) {
      out.push_back(diagnostic("IAC-REDIS-002", "`maxmemory_reserved_mb` is set on a Basic cache",
                               "remove it, or use the Standard or Premium SKU"));
    }
    if (!stack().env().is_dev()) {
      out.push_back(diagnostic(
          "IAC-REDIS-005",
          fmt::format("`sku` is Basic in {}: no replica and no SLA", stack().env().name),
          "use `.sku = RedisSku::standard` (C1 or larger) outside dev", Severity::warning));
    }
  } else if (memory_mb() > 0 && effective_maxmemory_reserved_mb() * 10 < memory_mb()) {
    out.push_back(diagnostic(
        "IAC-REDIS-002",
        fmt::format("`maxmemory_reserved_mb` is {} MB, under 10% of the cache's {} MB",
                    effective_maxmemory_reserved_mb(), memory_mb()),
        fmt::format("set it to at least {} MB, or leave it unset", (memory_mb() + 9) / 10)));
  }
  if (!premium && !props_.zones.empty()) {
    out.push_back(diagnostic("IAC-REDIS-003",
                             fmt::format("`zones` is set on a {} cache", to_string(props_.sku)),
                             "zones need `.sku = RedisSku::premium`; remove `.zones`"));
  }
  if (!premium && props_.replicas_per_primary) {
    out.push_back(diagnostic(
        "IAC-REDIS-003",
        fmt::format("`replicas_per_primary` is set on a {} cache", to_string(props_.sku)),
        "extra replicas need `.sku = RedisSku::premium`; remove `.replicas_per_primary`"));
  }
  if (premium && props_.replicas_per_primary &&
      (*props_.replicas_per_primary < 1 || *props_.replicas_per_primary > 3)) {
    out.push_back(diagnostic(
        "IAC-REDIS-003", fmt::format("`replicas_per_primary` is {}", *props_.replicas_per_primary),
        "set it between 1 and 3"));
  }
  if (props_.redis_version != "6") {
    out.push_back(diagnostic("IAC-REDIS-004",
                             fmt::format("`redis_version` is '{}'", props_.redis_version),
                             "use \"6\"; version 4 is retired"));
  }
  if (props_.public_network.mode() == PublicNetwork::Mode::allow_listed) {
    out.push_back(diagnostic(
        "IAC-REDIS-006",
        "`public_network` allows a list of addresses, which iacgen does not render for Redis "
        "(it needs firewall rule resources)",
        "use PublicNetwork::disabled() with a private endpoint, or PublicNetwork::open(reason)"));
  }
  validate_public_network(*this, "public_network", props_.public_network, out);
  validate_control(*this, "entra_only_auth", props_.entra_only_auth, out);
}

// --- RedisAccessPolicyAssignment ------------------------------------------------------------

const ResourceKind RedisAccessPolicyAssignment::kKind{.name = "Redis access policy assignment",
                                                      .abbreviation = "redisapa",
                                                      .naming = {.min_length = 36,
                                                                 .max_length = 36,
                                                                 .charset = "a GUID",
                                                                 .allowed = guid_char,
                                                                 .scope = NameScope::parent}};

RedisAccessPolicyAssignment::RedisAccessPolicyAssignment(Construct& scope, std::string id,
                                                         Props props)
    : Resource(scope, id,
               stable_guid(fmt::format("redis-access-policy-assignment:{}/{}", scope.path(), id)),
               {}),
      cache_(cache_of(scope)),
      props_(std::move(props)) {}

void RedisAccessPolicyAssignment::collect_references(std::vector<Ref>& out) const {
  out.push_back(cache_.id());
  for (const Ref& ref : props_.principal.object_id.refs()) out.push_back(ref);
}

void RedisAccessPolicyAssignment::validate(Diagnostics& out) const {
  Resource::validate(out);
  // Entra ID authentication is always on, so a grant is useful even when `entra_only_auth` is
  // waived (access keys then work as well).
  if (props_.principal.object_id.empty()) {
    out.push_back(diagnostic("IAC-REDIS-009", "the principal has no `object_id`",
                             "pass an identity's principal (`app.identity()`) or a parameter "
                             "(`{.object_id = s.parameter(\"reader_object_id\")}`)"));
  }
}

std::vector<DiagnosticSource> RedisCache::diagnostic_sources() const {
  // ConnectedClientList and MSEntraAuthenticationAuditLog, and AllMetrics.
  return {{{.log_category_groups = {"allLogs"}, .metric_categories = {"AllMetrics"}}}};
}

}  // namespace iac::azure
