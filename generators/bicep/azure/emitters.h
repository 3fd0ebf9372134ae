#pragma once
/// One emitter per resource kind: how the model's attributes read in Bicep, and the resource.

#include <string>
#include <string_view>

#include "generators/bicep/context.h"

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

namespace iac::gen::bicep {

#define IACGEN_BICEP_EMITTER(Kind)                                        \
  Value reference(const azure::Kind& resource, const std::string& symbol, \
                  std::string_view attribute);                            \
  void emit(const azure::Kind& resource, Context& context);

IACGEN_BICEP_EMITTER(ResourceGroup)
IACGEN_BICEP_EMITTER(LogAnalyticsWorkspace)
IACGEN_BICEP_EMITTER(ApplicationInsights)
IACGEN_BICEP_EMITTER(StorageAccount)
IACGEN_BICEP_EMITTER(KeyVault)
IACGEN_BICEP_EMITTER(CosmosAccount)
IACGEN_BICEP_EMITTER(CosmosSqlDatabase)
IACGEN_BICEP_EMITTER(CosmosSqlContainer)
IACGEN_BICEP_EMITTER(CosmosSqlRoleAssignment)
IACGEN_BICEP_EMITTER(RedisCache)
IACGEN_BICEP_EMITTER(ManagedRedis)
IACGEN_BICEP_EMITTER(StorageContainer)
IACGEN_BICEP_EMITTER(UserAssignedIdentity)
IACGEN_BICEP_EMITTER(RoleAssignment)
IACGEN_BICEP_EMITTER(KeyVaultSecret)
IACGEN_BICEP_EMITTER(AppServicePlan)
IACGEN_BICEP_EMITTER(LinuxFunctionApp)
IACGEN_BICEP_EMITTER(LinuxWebApp)

#undef IACGEN_BICEP_EMITTER

/// For reference(): `id` and `name` read the same on every resource.
Reference common_reference(const std::string& symbol, std::string_view attribute,
                           std::string_view type);

}  // namespace iac::gen::bicep
