#pragma once
/// Adopting existing resources (`resource.adopt(id)`, as `cdk import`) and reference-only
/// constructs for resources owned elsewhere (`from_id<KeyVault>(s, "shared-kv", id)`, as the
/// CDK's `Vpc.fromLookup`).
///
/// Ids are Azure Resource Manager ids; the subscription segment is a GUID or
/// `${subscription_id}` (the environment's subscription). Terraform imports some kinds by
/// another id than the ARM id; adoption_info() knows which, and terraform_import_id() builds it.

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "dsl/core/diagnostic.h"
#include "dsl/core/resource.h"

namespace iac::azure {

/// How Terraform (azurerm 4.x) imports a kind.
enum class ImportForm {
  arm_id,        ///< The ARM id, as given.
  extension_id,  ///< `<scope id>/providers/<type>/<name>`: a role assignment.
  /// `<target id>|<name>`, from the ARM id `<target id>/providers/Microsoft.Insights/
  /// diagnosticSettings/<name>`.
  diagnostic_setting,
  /// The versioned data-plane URL `https://<vault>.vault.azure.net/secrets/<name>/<version>`.
  key_vault_url,
};

/// What adoption and reference-only constructs know about one kind.
struct AdoptionInfo {
  /// The id's shape below `/providers/`: `{parent}` and `{grandparent}` are the names of the
  /// enclosing resources of the construct tree, `{name}` the resource's own. Empty for the
  /// resource group, the extension kinds and the Key Vault URL.
  std::string_view arm_pattern;
  ImportForm form = ImportForm::arm_id;
  /// Whether `from_id<T>()` can declare one: the kinds whose other props no rule or emitter
  /// needs (an App Service plan's SKU, for one, decides how its apps are written).
  bool referenceable = false;
};

/// The kind's adoption data, or nullptr when iacgen cannot express its import.
const AdoptionInfo* adoption_info(const Resource& resource);

/// The id the resource is known by before deployment: its adopted or reference id, or the
/// adopted group's id for the stack's resource group. nullopt for a resource this stack creates.
std::optional<std::string> known_id(const Resource& resource);

/// The id Terraform imports an adopted resource by (subscription placeholder kept).
std::string terraform_import_id(const Resource& resource);

/// IAC-ADOPT-001..007, 012: the adopted id's shape, group, name and parents against the model.
void validate_adoption(const Resource& resource, Diagnostics& out);
/// IAC-ADOPT-001, 002, 008, 009: what a reference-only construct may be.
void validate_reference(const Resource& resource, Diagnostics& out);

/// Declares a resource owned elsewhere, by id: usable in Link<T> props, Refs and role
/// assignments, and never deployed by this stack. Its props are the defaults and mean nothing;
/// its name is the id's.
template <class T>
T& from_id(Construct& scope, std::string construct_id, std::string resource_id) {
  T& resource = scope.add<T>(std::move(construct_id), typename T::Props{});
  resource.make_reference(std::move(resource_id));
  return resource;
}

}  // namespace iac::azure
