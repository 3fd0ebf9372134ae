#pragma once
/// Every resource kind of the model, as one variant that generators dispatch on.
///
/// Adding a kind here makes the compiler point at every generator that lacks its emitter.

#include <variant>

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

using AnyResource =
    std::variant<const ResourceGroup*, const LogAnalyticsWorkspace*, const ApplicationInsights*,
                 const StorageAccount*, const KeyVault*, const CosmosAccount*,
                 const CosmosSqlDatabase*, const CosmosSqlContainer*,
                 const CosmosSqlRoleAssignment*, const RedisCache*, const ManagedRedis*,
                 const StorageContainer*, const UserAssignedIdentity*, const RoleAssignment*,
                 const KeyVaultSecret*, const AppServicePlan*, const LinuxFunctionApp*,
                 const LinuxWebApp*>;

}  // namespace iac::azure
