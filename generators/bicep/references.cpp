#include "generators/bicep/references.h"

#include <stdexcept>

#include <fmt/format.h>

#include "dsl/azure/resources.h"
#include "dsl/core/resource_id.h"
#include "dsl/core/stack.h"
#include "generators/bicep/azure/emitters.h"
#include "generators/bicep/context.h"

namespace iac::gen::bicep {

std::string existing_type(const Resource& reference) {
  using namespace azure;
  const ResourceKind* kind = &reference.kind();
  if (kind == &ResourceGroup::kKind) return "Microsoft.Resources/resourceGroups@2024-03-01";
  if (kind == &LogAnalyticsWorkspace::kKind)
    return "Microsoft.OperationalInsights/workspaces@2025-02-01";
  if (kind == &ApplicationInsights::kKind) return "Microsoft.Insights/components@2020-02-02";
  if (kind == &StorageAccount::kKind) return "Microsoft.Storage/storageAccounts@2025-01-01";
  if (kind == &KeyVault::kKind) return "Microsoft.KeyVault/vaults@2024-11-01";
  if (kind == &UserAssignedIdentity::kKind)
    return "Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30";
  if (kind == &VirtualNetwork::kKind) return "Microsoft.Network/virtualNetworks@2024-07-01";
  if (kind == &Subnet::kKind) return "Microsoft.Network/virtualNetworks/subnets@2024-07-01";
  // validate_reference() refuses every other kind (IAC-ADOPT-008).
  throw std::logic_error(fmt::format("{}: no Bicep type for a reference-only {}", reference.path(),
                                     reference.kind().name));
}

std::optional<Value> existing_scope(const Resource& reference) {
  const auto id = parse_resource_id(*reference.reference_id());
  if (!id) return std::nullopt;
  const bool same_subscription = id->environment_subscription();
  if (&reference.kind() == &azure::ResourceGroup::kKind) {
    if (same_subscription) return Call{.function = "subscription"};
    return Call{.function = "subscription", .string_arguments = {id->subscription}};
  }
  if (same_subscription && id->resource_group == reference.stack().resource_group().name()) {
    return std::nullopt;
  }
  if (same_subscription)
    return Call{.function = "resourceGroup", .string_arguments = {id->resource_group}};
  return Call{.function = "resourceGroup",
              .string_arguments = {id->subscription, id->resource_group}};
}

void write_existing(const Stack& stack, BicepWriter& resources) {
  for (const Resource* reference : stack.references()) {
    std::string name = reference->name();
    if (const auto* subnet = dynamic_cast<const azure::Subnet*>(reference)) {
      name = subnet->vnet().name() + "/" + name;
    }
    Object body{{{"name", name}}};
    if (auto scope = existing_scope(*reference)) body.properties.push_back({"scope", *scope});
    resources.existing(Context::symbol(*reference), existing_type(*reference), body,
                       {fmt::format("Owned elsewhere, read only: {}", *reference->reference_id())});
  }
}

Value reference_to_existing(const Resource& reference, std::string_view attribute) {
  const std::string symbol = Context::symbol(reference);
  if (attribute == "id") return Reference{symbol, {"id"}};
  if (attribute == "name") return Value(reference.name());
  if (&reference.kind() == &azure::ResourceGroup::kKind)
    return Reference{symbol, {std::string(attribute)}};
  return std::visit([&](const auto* r) { return bicep::reference(*r, symbol, attribute); },
                    reference.as_any());
}

std::vector<std::string> adoption_comments(const Resource& resource) {
  if (!resource.adopted()) return {};
  return {fmt::format("Adopted: {}", *resource.adopted_id()),
          "It exists already: deploying updates it in place to the properties below (run "
          "`az deployment group what-if` first); its name and location cannot change."};
}

}  // namespace iac::gen::bicep
