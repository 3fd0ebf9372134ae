#pragma once
/// Azure Resource Manager resource ids, as adoption and reference-only constructs take them.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iac {

/// The subscription segment that stands for the environment's subscription: Terraform renders
/// it `${var.subscription_id}`, Bicep `subscription().subscriptionId`.
inline constexpr std::string_view kSubscriptionPlaceholder = "${subscription_id}";

/// A parsed id: `/subscriptions/<s>[/resourceGroups/<g>][/providers/<ns>/<type>/<name>...]`.
/// An extension resource (a role assignment, a diagnostic setting) has a `scope`: the id of the
/// resource it extends, before the last `/providers/`.
struct ResourceId {
  std::string subscription;    ///< A GUID, or kSubscriptionPlaceholder.
  std::string resource_group;  ///< Empty for a subscription-level id.
  std::string provider;        ///< The namespace after the last `providers`, e.g. `Microsoft.Web`.
  /// The type/name pairs after the provider: `{{"storageAccounts","st"},{"blobServices",...}}`.
  std::vector<std::pair<std::string, std::string>> segments;
  /// For ids with several `providers` segments: the id before the last one. Empty otherwise.
  std::string scope;

  /// The resource's own name: the last name, or the group's name for a resource group id.
  std::string name() const;
  /// `Microsoft.Storage/storageAccounts/blobServices/containers`; `resourceGroups` for a group.
  std::string type() const;
  /// Whether the subscription is kSubscriptionPlaceholder.
  bool environment_subscription() const { return subscription == kSubscriptionPlaceholder; }
};

/// Parses an ARM id; nullopt when it is not one (no leading `/subscriptions/`, an empty
/// segment, a type without a name, a subscription that is neither a GUID nor the placeholder).
std::optional<ResourceId> parse_resource_id(std::string_view id);

/// The name an id gives its resource: the last segment of an ARM id; the object name of a Key
/// Vault URL (`https://<vault>.vault.azure.net/secrets/<name>/<version>`). Empty if none.
std::string name_in_resource_id(std::string_view id);

}  // namespace iac
