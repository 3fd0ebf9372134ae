#include "dsl/azure/managed_redis.h"

#include <fmt/format.h>

#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::ManagedRedis&) { return "azurerm_managed_redis"; }

std::string attribute(const azure::ManagedRedis&, std::string_view name) {
  if (name == "id" || name == "name" || name == "hostname") return std::string(name);
  unknown_attribute("azurerm_managed_redis", name);
}

void emit(const azure::ManagedRedis& cache, Context& context) {
  // The azurerm 4.55.0 schema iacgen renders and checks against does not carry
  // azurerm_managed_redis, so nothing is written; the error stops the synth instead of leaving
  // the cache out of main.tf unnoticed.
  context.report(cache.diagnostic(
      "IAC-REDIS-009",
      "Azure Managed Redis is not expressible in this provider version: azurerm_managed_redis "
      "is not in the azurerm 4.55.0 schema iacgen generates for",
      "deploy this stack with the Bicep output (`--format bicep`), or use RedisCache "
      "(azurerm_redis_cache) for Terraform"));
}

}  // namespace iac::gen::terraform
