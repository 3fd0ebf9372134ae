#pragma once
/// One emitter per resource kind: the azurerm type, the mapping of the model's attribute names
/// to azurerm attributes, and the resource block itself.

#include <string>
#include <string_view>

#include "generators/terraform/context.h"

namespace iac::azure {
class ResourceGroup;
class LogAnalyticsWorkspace;
class ApplicationInsights;
class StorageAccount;
class KeyVault;
class CosmosAccount;
class CosmosSqlDatabase;
class CosmosSqlContainer;
class CosmosSqlRoleAssignment;
class RedisCache;
class ManagedRedis;
class StorageContainer;
class UserAssignedIdentity;
class RoleAssignment;
class KeyVaultSecret;
class AppServicePlan;
class LinuxFunctionApp;
class LinuxWebApp;
}  // namespace iac::azure

namespace iac::gen::terraform {

#define IACGEN_TERRAFORM_EMITTER(Kind)                                       \
  std::string_view resource_type(const azure::Kind& resource);               \
  std::string attribute(const azure::Kind& resource, std::string_view name); \
  void emit(const azure::Kind& resource, Context& context);

IACGEN_TERRAFORM_EMITTER(ResourceGroup)
IACGEN_TERRAFORM_EMITTER(LogAnalyticsWorkspace)
IACGEN_TERRAFORM_EMITTER(ApplicationInsights)
IACGEN_TERRAFORM_EMITTER(StorageAccount)
IACGEN_TERRAFORM_EMITTER(KeyVault)
IACGEN_TERRAFORM_EMITTER(CosmosAccount)
IACGEN_TERRAFORM_EMITTER(CosmosSqlDatabase)
IACGEN_TERRAFORM_EMITTER(CosmosSqlContainer)
IACGEN_TERRAFORM_EMITTER(CosmosSqlRoleAssignment)
IACGEN_TERRAFORM_EMITTER(RedisCache)
IACGEN_TERRAFORM_EMITTER(ManagedRedis)
IACGEN_TERRAFORM_EMITTER(StorageContainer)
IACGEN_TERRAFORM_EMITTER(UserAssignedIdentity)
IACGEN_TERRAFORM_EMITTER(RoleAssignment)
IACGEN_TERRAFORM_EMITTER(KeyVaultSecret)
IACGEN_TERRAFORM_EMITTER(AppServicePlan)
IACGEN_TERRAFORM_EMITTER(LinuxFunctionApp)
IACGEN_TERRAFORM_EMITTER(LinuxWebApp)

#undef IACGEN_TERRAFORM_EMITTER

/// For attribute(): the model asked for an attribute this kind does not map (a programmer
/// error in the emitter table).
[[noreturn]] void unknown_attribute(std::string_view type, std::string_view name);

}  // namespace iac::gen::terraform
