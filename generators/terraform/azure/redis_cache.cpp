#include "dsl/azure/redis_cache.h"

#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::RedisCache&) { return "azurerm_redis_cache"; }

std::string attribute(const azure::RedisCache&, std::string_view name) {
  if (name == "id" || name == "name" || name == "hostname" || name == "ssl_port") {
    return std::string(name);
  }
  unknown_attribute("azurerm_redis_cache", name);
}

void emit(const azure::RedisCache& cache, Context& context) {
  const auto& props = cache.props();
  const bool premium = props.sku == azure::RedisSku::premium;
  auto block = context.open(cache, resource_type(cache));
  auto& w = context.writer();
  w.attribute("sku_name", std::string(to_string(props.sku)));
  w.attribute("family", std::string(cache.family()));
  w.attribute("capacity", props.capacity);
  w.attribute("redis_version", props.redis_version);
  // azurerm documents "1.0" as the default: always written (CKV_AZURE_148).
  w.attribute("minimum_tls_version", "1.2");
  w.attribute("non_ssl_port_enabled", false);
  w.attribute("public_network_access_enabled", props.public_network.public_endpoint());
  w.attribute("access_keys_authentication_enabled", !props.entra_only_auth.is_enforced());
  if (premium && !props.zones.empty()) {
    hcl::List zones;
    for (const auto& zone : props.zones) zones.emplace_back(zone);
    w.attribute("zones", std::move(zones));
  }
  if (premium && props.replicas_per_primary) {
    w.attribute("replicas_per_primary", *props.replicas_per_primary);
  }
  context.tags_and_dependencies(cache);
  {
    auto configuration = w.block("redis_configuration");
    w.attribute("active_directory_authentication_enabled", true);
    if (props.sku != azure::RedisSku::basic) {
      w.attribute("maxmemory_reserved", cache.effective_maxmemory_reserved_mb());
    }
  }
}

// --- access policy assignment ----------------------------------------------------------------

std::string_view resource_type(const azure::RedisAccessPolicyAssignment&) {
  return "azurerm_redis_cache_access_policy_assignment";
}

std::string attribute(const azure::RedisAccessPolicyAssignment&, std::string_view name) {
  return id_or_name("azurerm_redis_cache_access_policy_assignment", name);
}

void emit(const azure::RedisAccessPolicyAssignment& assignment, Context& context) {
  const auto& props = assignment.props();
  auto& w = context.writer();
  // A child of the cache: no location, resource group or tags of its own.
  auto block =
      w.block("resource", {std::string(resource_type(assignment)), Context::label(assignment)});
  w.attribute("name", assignment.name());
  w.attribute("redis_cache_id", context.traversal(assignment.cache().id()));
  w.attribute("access_policy_name", std::string(to_string(props.policy)));
  w.attribute("object_id", context.value(props.principal.object_id));
  // The alias is the username a client presents with its token: the object id.
  w.attribute("object_id_alias", context.value(props.principal.object_id));
  context.tags_and_dependencies(assignment);
}

}  // namespace iac::gen::terraform
