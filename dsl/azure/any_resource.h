#pragma once
/// Every resource kind of the model, listed once, and the variant generators dispatch on.
///
/// Adding a kind to IACGEN_AZURE_KINDS declares its emitter in every generator
/// (generators/*/azure/emitters.h); a generator that lacks the definition fails to link.

#include <variant>

/// The resource kinds, for X-macros: `IACGEN_AZURE_KINDS(X)` expands `X(Kind)` for each.
#define IACGEN_AZURE_KINDS(X)         \
  X(ResourceGroup)                    \
  X(LogAnalyticsWorkspace)            \
  X(ApplicationInsights)              \
  X(StorageAccount)                   \
  X(KeyVault)                         \
  X(CosmosAccount)                    \
  X(CosmosSqlDatabase)                \
  X(CosmosSqlContainer)               \
  X(CosmosSqlRoleAssignment)          \
  X(RedisCache)                       \
  X(RedisAccessPolicyAssignment)      \
  X(ManagedRedis)                     \
  X(StorageContainer)                 \
  X(UserAssignedIdentity)             \
  X(RoleAssignment)                   \
  X(KeyVaultSecret)                   \
  X(AppServicePlan)                   \
  X(LinuxFunctionApp)                 \
  X(LinuxWebApp)                      \
  X(DiagnosticSetting)                \
  X(ActionGroup)                      \
  X(MetricAlert)                      \
  X(ScheduledQueryAlert)              \
  X(ResourceGroupBudget)              \
  X(VirtualNetwork)                   \
  X(Subnet)                           \
  X(NetworkSecurityGroup)             \
  X(PrivateDnsZone)                   \
  X(PrivateDnsZoneVirtualNetworkLink) \
  X(PrivateEndpoint)                  \
  X(FrontDoorProfile)                 \
  X(FrontDoorEndpoint)                \
  X(FrontDoorOriginGroup)             \
  X(FrontDoorOrigin)                  \
  X(FrontDoorCustomDomain)            \
  X(FrontDoorRoute)                   \
  X(FrontDoorFirewallPolicy)          \
  X(FrontDoorSecurityPolicy)          \
  X(PostgresFlexibleServer)           \
  X(PostgresConfiguration)            \
  X(PostgresDatabase)                 \
  X(PostgresAdministrator)            \
  X(CognitiveAccount)                 \
  X(CognitiveDeployment)              \
  X(PostgresReplica)                  \
  X(AutoscaleSetting)                 \
  X(KeyVaultKey)

namespace iac::azure {

#define IACGEN_DECLARE_KIND(Kind) class Kind;
IACGEN_AZURE_KINDS(IACGEN_DECLARE_KIND)
#undef IACGEN_DECLARE_KIND

namespace detail {
/// `std::variant<const A*, const B*, ...>` from `<void, A, B, ...>`: the leading void lets the
/// X-macro put a comma before every kind.
template <class Void, class... Kinds>
struct PointerVariant {
  using type = std::variant<const Kinds*...>;
};
}  // namespace detail

#define IACGEN_KIND_ARGUMENT(Kind) , Kind
using AnyResource = detail::PointerVariant<void IACGEN_AZURE_KINDS(IACGEN_KIND_ARGUMENT)>::type;
#undef IACGEN_KIND_ARGUMENT

}  // namespace iac::azure
