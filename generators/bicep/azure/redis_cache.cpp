#include "dsl/azure/redis_cache.h"

#include <fmt/format.h>

#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

Value reference(const azure::RedisCache&, const std::string& symbol, std::string_view attribute) {
  if (attribute == "hostname") return Reference{symbol, {"properties", "hostName"}};
  if (attribute == "ssl_port") return Reference{symbol, {"properties", "sslPort"}};
  return common_reference(symbol, attribute, "Microsoft.Cache/redis");
}

void emit(const azure::RedisCache& cache, Context& context) {
  const auto& props = cache.props();
  const bool premium = props.sku == azure::RedisSku::premium;
  // ARM takes every redisConfiguration value as a string, booleans as 'True'/'False'.
  Object configuration{{{"aad-enabled", "True"}}};
  if (props.sku != azure::RedisSku::basic) {
    configuration.properties.push_back(
        {"maxmemory-reserved", std::to_string(cache.effective_maxmemory_reserved_mb())});
  }
  Object properties{{
      {"sku", Object{{{"name", std::string(to_string(props.sku))},
                      {"family", std::string(cache.family())},
                      {"capacity", props.capacity}}}},
      {"redisVersion", props.redis_version},
      {"enableNonSslPort", false},
      {"minimumTlsVersion", "1.2"},
      {"publicNetworkAccess", props.public_network.public_endpoint() ? "Enabled" : "Disabled"},
      {"disableAccessKeyAuthentication", props.entra_only_auth.is_enforced()},
      {"redisConfiguration", std::move(configuration)},
  }};
  if (premium && props.replicas_per_primary) {
    properties.properties.push_back({"replicasPerPrimary", *props.replicas_per_primary});
  }
  Object body = context.header(cache);
  if (premium && !props.zones.empty()) {
    Array zones;
    for (const auto& zone : props.zones) zones.emplace_back(zone);
    body.properties.push_back({"zones", std::move(zones)});
  }
  body.properties.push_back({"properties", std::move(properties)});
  context.write(cache, "Microsoft.Cache/redis@2024-11-01", std::move(body));
}

// --- access policy assignment ----------------------------------------------------------------

Value reference(const azure::RedisAccessPolicyAssignment&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Cache/redis/accessPolicyAssignments");
}

void emit(const azure::RedisAccessPolicyAssignment& assignment, Context& context) {
  const auto& props = assignment.props();
  Object body{{
      {"parent", Reference{Context::symbol(assignment.cache()), {}}},
      {"name", assignment.name()},
      {"properties",
       Object{{{"accessPolicyName", std::string(to_string(props.policy))},
               {"objectId", context.value(props.principal.object_id)},
               // The alias is the username a client presents with its token: the object id.
               {"objectIdAlias", context.value(props.principal.object_id)}}}},
  }};
  context.write(assignment, "Microsoft.Cache/redis/accessPolicyAssignments@2024-11-01",
                std::move(body));
}

}  // namespace iac::gen::bicep
