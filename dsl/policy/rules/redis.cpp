/// Redis rules (Azure Cache for Redis and Azure Managed Redis): Entra ID, private, SLA tiers.

#include "dsl/azure/managed_redis.h"
#include "dsl/azure/redis_cache.h"
#include "dsl/policy/rules/families.h"

namespace iac::policy::rules {

using azure::ManagedRedis;
using azure::RedisCache;
using azure::RedisSku;

std::vector<Rule> redis() {
  return {
      for_kind<RedisCache>(
          {.id = "AZ-REDIS-001",
           .title = "Redis authenticates with Entra ID (access keys off)",
           .rationale = "Access keys are shared secrets with full access to the cache; Entra ID "
                        "tokens are per identity, short-lived and audited.",
           .fix = "remove the waiver of `entra_only_auth`; grant the app a data access policy",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {"Azure.Redis.EntraID", "Azure.Redis.LocalAuth"},
           .benchmark = "IM-1"},
          [](const RedisCache& cache, const Environment&) -> Problem {
            if (cache.props().entra_only_auth.is_enforced()) return {};
            return "access keys are accepted: " + cache.props().entra_only_auth.reason();
          }),
      for_kind<RedisCache>(
          {.id = "AZ-REDIS-002",
           .title = "Redis has no public endpoint in staging and prod",
           .rationale = "Cached data of shared environments is reached through a private "
                        "endpoint only. A warning in dev, where an app without VNet integration "
                        "(Functions on Y1) can only reach the cache publicly: the cache has no "
                        "firewall rules here, so an open endpoint is reported, not hidden.",
           .fix = "use PublicNetwork::disabled() and a private endpoint",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_89"},
           .psrule = {"Azure.Redis.PublicNetworkAccess"},
           .benchmark = "NS-2"},
          [](const RedisCache& cache, const Environment&) -> Problem {
            if (!cache.props().public_network.public_endpoint()) return {};
            return "the public endpoint is on: " + cache.props().public_network.reason();
          }),
      for_kind<RedisCache>(
          {.id = "AZ-REDIS-003",
           .title = "Redis in staging and prod is Standard C1+ or Premium",
           .rationale = "Basic caches have one node and no SLA; C0 shares its host's CPU.",
           .fix = "set `.sku = RedisSku::standard, .capacity = 1` (or Premium)",
           .levels = {.dev = Level::off, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_230"},
           .psrule = {"Azure.Redis.MinSKU"},
           .benchmark = ""},
          [](const RedisCache& cache, const Environment&) -> Problem {
            const auto& props = cache.props();
            if (props.sku == RedisSku::premium ||
                (props.sku == RedisSku::standard && props.capacity >= 1)) {
              return {};
            }
            return props.sku == RedisSku::basic
                       ? std::string("the cache is Basic")
                       : "the cache is Standard C" + std::to_string(props.capacity);
          }),
      for_kind<ManagedRedis>(
          {.id = "AZ-AMR-001",
           .title = "Managed Redis authenticates with Entra ID (access keys off)",
           .rationale = "Access keys are shared secrets with full access to the database.",
           .fix = "remove the waiver of `entra_only_auth`",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {},
           .benchmark = "IM-1"},
          [](const ManagedRedis& cache, const Environment&) -> Problem {
            if (cache.props().entra_only_auth.is_enforced()) return {};
            return "access keys are accepted: " + cache.props().entra_only_auth.reason();
          }),
      for_kind<ManagedRedis>(
          {.id = "AZ-AMR-002",
           .title = "Managed Redis has no public endpoint in staging and prod",
           .rationale = "The service has no IP firewall: a public endpoint is open to everyone.",
           .fix = "use PublicNetwork::disabled() and a private endpoint",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {},
           .benchmark = "NS-2"},
          [](const ManagedRedis& cache, const Environment&) -> Problem {
            if (!cache.props().public_network.public_endpoint()) return {};
            return "the public endpoint is on: " + cache.props().public_network.reason();
          }),
      for_kind<ManagedRedis>(
          {.id = "AZ-AMR-003",
           .title = "Prod Managed Redis is highly available",
           .rationale = "Without high availability one node failure loses the cache and its "
                        "writes since the last persistence point.",
           .fix = "remove the waiver of `high_availability` in prod",
           .levels = {.dev = Level::off, .staging = Level::off, .prod = Level::error},
           .checkov = {},
           .psrule = {},
           .benchmark = "BR-1"},
          [](const ManagedRedis& cache, const Environment&) -> Problem {
            if (cache.props().high_availability.is_enforced()) return {};
            return "high availability is waived: " + cache.props().high_availability.reason();
          }),
  };
}

}  // namespace iac::policy::rules
