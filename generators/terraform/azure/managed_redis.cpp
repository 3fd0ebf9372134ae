#include "dsl/azure/managed_redis.h"

#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::ManagedRedis&) { return "azurerm_managed_redis"; }

std::string attribute(const azure::ManagedRedis&, std::string_view name) {
  if (name == "id" || name == "name" || name == "hostname") return std::string(name);
  unknown_attribute("azurerm_managed_redis", name);
}

/// Writes the cluster and its `default` database with the settings the Bicep emitter writes
/// (generators/bicep/azure/managed_redis.cpp), so the two formats deploy the same cache.
/// The provider documents defaults for every one of them (high availability on, access keys
/// off, TLS-encrypted protocol), but public network access defaults to `Enabled`: all are
/// written so that the file shows them and a change of provider default cannot alter them.
/// The cluster's minimum TLS version has no azurerm attribute; the service accepts TLS 1.2 or
/// later only (1.0 and 1.1 are retired), which is what Bicep's `minimumTlsVersion` states.
void emit(const azure::ManagedRedis& cache, Context& context) {
  const auto& props = cache.props();
  auto block = context.open(cache, resource_type(cache));
  auto& w = context.writer();
  w.attribute("sku_name", props.sku);
  w.attribute("high_availability_enabled", props.high_availability.is_enforced());
  w.attribute("public_network_access",
              props.public_network.public_endpoint() ? "Enabled" : "Disabled");
  context.tags_and_dependencies(cache);
  {
    // Without this block the cluster serves no data (azurerm keeps it optional only so that a
    // database can be re-created while troubleshooting).
    auto database = w.block("default_database");
    w.attribute("access_keys_authentication_enabled", !props.entra_only_auth.is_enforced());
    w.attribute("client_protocol", "Encrypted");
    w.attribute("clustering_policy", "OSSCluster");
    w.attribute("eviction_policy", "VolatileLRU");
  }
}

}  // namespace iac::gen::terraform
