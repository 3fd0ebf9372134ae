#include "dsl/azure/managed_redis.h"

#include <fmt/format.h>

#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

namespace {
/// The first GA version with `publicNetworkAccess`; its full type data is not vendored in
/// conformance/ (only the version list), so the property names follow bicep-types-az's
/// generated/redisenterprise/microsoft.cache/2025-07-01/types.md.
constexpr std::string_view kApi = "2025-07-01";
}  // namespace

Value reference(const azure::ManagedRedis&, const std::string& symbol, std::string_view attribute) {
  if (attribute == "hostname") return Reference{symbol, {"properties", "hostName"}};
  return common_reference(symbol, attribute, "Microsoft.Cache/redisEnterprise");
}

void emit(const azure::ManagedRedis& cache, Context& context) {
  const auto& props = cache.props();
  Object body = context.header(cache);
  body.properties.push_back({"sku", Object{{{"name", props.sku}}}});
  body.properties.push_back(
      {"properties",
       Object{{{"minimumTlsVersion", "1.2"},
               {"highAvailability", props.high_availability.is_enforced() ? "Enabled" : "Disabled"},
               {"publicNetworkAccess",
                props.public_network.public_endpoint() ? "Enabled" : "Disabled"}}}});
  context.write(cache, fmt::format("Microsoft.Cache/redisEnterprise@{}", kApi), std::move(body));

  // The cluster serves data only through its database, which is not a model resource of its
  // own: write it straight after the cluster.
  Object database{{
      {"parent", Reference{Context::symbol(cache), {}}},
      {"name", "default"},
      {"properties", Object{{{"clientProtocol", "Encrypted"},
                             {"accessKeysAuthentication",
                              props.entra_only_auth.is_enforced() ? "Disabled" : "Enabled"},
                             {"clusteringPolicy", "OSSCluster"},
                             {"evictionPolicy", "VolatileLRU"},
                             {"port", 10000}}}},
  }};
  context.resources().resource(Context::symbol(cache) + "Database",
                               fmt::format("Microsoft.Cache/redisEnterprise/databases@{}", kApi),
                               database);
}

}  // namespace iac::gen::bicep
