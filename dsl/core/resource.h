#pragma once
/// Resource: a construct that becomes one Azure resource in every output format.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/azure/any_resource.h"
#include "dsl/core/construct.h"
#include "dsl/core/expr.h"
#include "dsl/core/naming.h"
#include "dsl/core/override.h"
#include "dsl/core/security.h"

namespace iac {

class Stack;
class PublicNetwork;

/// What every resource of one kind shares: its name in messages, its CAF abbreviation and the
/// Azure rules for its name.
struct ResourceKind {
  std::string_view name;          ///< e.g. "Key Vault".
  std::string_view abbreviation;  ///< e.g. "kv", used by the naming convention.
  NamingRule naming;
};

/// A sub-resource of a PaaS service that a private endpoint can connect to, and the private DNS
/// zone its endpoint's records go in: e.g. `{"vault", "privatelink.vaultcore.azure.net"}`.
/// @see https://learn.microsoft.com/azure/private-link/private-endpoint-dns
struct PrivateLinkService {
  std::string_view subresource;  ///< The endpoint's group id ("blob", "Sql", "redisCache", ...).
  std::string_view dns_zone;     ///< The `privatelink.*` zone of the Azure public cloud.
};

/// What a resource, or one of its sub-services, can send to a Log Analytics workspace through a
/// diagnostic setting: e.g. a Key Vault `{.log_category_groups = {"allLogs"}, .metric_categories =
/// {"AllMetrics"}}`, a storage account's blob service `{.child_type = "blobServices", ...}`.
/// @see https://learn.microsoft.com/azure/azure-monitor/reference/supported-logs/logs-index
struct DiagnosticSource {
  /// The sub-service that sends them (`blobServices`, `databases`), empty for the resource itself.
  std::string_view child_type;
  std::string_view child_name;  ///< e.g. `default`.
  /// Log category groups (`allLogs`, `audit`); empty when the source has no resource logs.
  std::vector<std::string_view> log_category_groups;
  /// Metric categories: `AllMetrics`, or the service's own (`Transaction` for storage).
  std::vector<std::string_view> metric_categories;
  /// Resource-specific tables instead of the shared AzureDiagnostics table, where supported.
  bool dedicated_tables = false;
};

/// Base of every Azure resource kind. Holds the name (explicit or from the naming convention),
/// the tags, and the explicit dependencies; the kind's props live in the subclass.
class Resource : public Construct {
 public:
  virtual const ResourceKind& kind() const = 0;
  /// The concrete kind, for generators to dispatch on with std::visit.
  virtual azure::AnyResource as_any() const = 0;
  /// Whether Azure lets this kind carry tags.
  virtual bool taggable() const { return true; }
  /// What a private endpoint can connect to on this resource; empty for kinds without Private
  /// Link. The network switch of an environment creates one endpoint per entry.
  virtual std::vector<PrivateLinkService> private_link_services() const { return {}; }
  /// What this resource can send to Log Analytics; empty for kinds without resource logs or
  /// platform metrics. The diagnostics aspect gives each source a diagnostic setting.
  virtual std::vector<DiagnosticSource> diagnostic_sources() const { return {}; }

  /// Whether the diagnostics aspect sends this resource's logs and metrics to the stack's
  /// workspace. @default enforced; `Control::waived(reason)` opts out, and policy rule
  /// AZ-DIAG-001 reports it.
  void set_diagnostics(Control control) { diagnostics_ = std::move(control); }
  const Control& diagnostics() const { return diagnostics_; }
  /// The resource's inbound public network setting, for kinds that have one; nullptr otherwise.
  /// The network switch requires it off (policy rule AZ-NET-004).
  virtual const PublicNetwork* public_network() const { return nullptr; }

  /// The Azure name; set by the props or, before the lock, by the naming convention.
  const std::string& name() const { return name_; }
  bool has_explicit_name() const { return explicit_name_; }
  /// Used by the naming aspect; an explicit name from the props is kept.
  void set_default_name(std::string name);

  /// Tags applied by aspects, overridden by the resource's own tags, in key order.
  std::map<std::string, std::string> tags() const;
  void set_inherited_tag(const std::string& key, const std::string& value);

  /// The resource id.
  Ref id() const { return ref("id"); }
  /// The resource's Azure name as a reference (creates a dependency, unlike name()).
  Ref name_ref() const { return ref("name"); }

  /// An ordering dependency that no reference expresses.
  void depends_on(const Resource& other);
  const std::vector<const Resource*>& explicit_dependencies() const { return depends_on_; }

  /// Every reference this resource makes from its props, then from its overrides, in
  /// declaration order.
  std::vector<Ref> references() const;

  /// Escape hatches (dsl/core/override.h): edit this resource's Terraform block or Bicep body
  /// where the typed props have no setting yet. Paths are dotted, `[i]` picks one of several
  /// repeated Terraform blocks or an element of a Bicep array:
  /// `terraform_override("site_config.http2_enabled", true)`,
  /// `bicep_override("properties.siteConfig.http20Enabled", true)`. An override of a
  /// security-relevant attribute is policy finding AZ-OVR-001 (suppress it with a reason).
  void terraform_override(std::string path, OverrideValue value);
  /// Drops what the emitter writes at `path` (an attribute or a nested block).
  void terraform_remove(std::string path);
  void bicep_override(std::string path, OverrideValue value);
  void bicep_remove(std::string path);
  /// A well-known setting, in both formats at once (dsl/azure/settings.cpp maps it per kind);
  /// a setting this kind does not map is diagnostic IAC-OVR-002.
  void override(Setting setting, OverrideValue value);
  /// Every override, in declaration order (a typed setting adds one per format).
  const std::vector<Override>& overrides() const { return overrides_; }

  const Stack& stack() const { return *stack_; }
  /// The Azure region: the environment's primary location, or its DR region
  /// (`Environment::secondary_location`) once `place_in_secondary_region()` was called.
  const std::string& location() const;
  /// Puts this one resource in the environment's DR region instead of the primary one (a
  /// replica, the DR network). Before the lock; an environment without a DR region is a
  /// validation error (IAC-LOC-001).
  void place_in_secondary_region();
  /// Whether `place_in_secondary_region()` was called.
  bool in_secondary_region() const { return secondary_region_; }

  /// Checks the name against the kind's rule; subclasses extend it and call this first.
  void validate(Diagnostics& out) const override;

  /// Declares that this resource already exists in Azure, by its resource id (as the portal's
  /// "JSON view" shows it; a Key Vault secret by its versioned URL, the only id Terraform
  /// imports it by). The subscription segment is a GUID or `${subscription_id}`, the
  /// environment's subscription. Terraform imports it (imports.tf); Bicep deploys over it.
  /// The resource's name becomes the id's name when the props set none. @see adoption.h
  void adopt(std::string resource_id);
  const std::optional<std::string>& adopted_id() const { return adopted_id_; }
  bool adopted() const { return adopted_id_.has_value(); }

  /// A reference-only construct: a resource owned elsewhere, declared with `from_id<T>()`. It is
  /// not one of the stack's resources(): it emits no resource, no tags, no diagnostic settings
  /// and no policy findings; Refs to it read a Terraform data source or a Bicep `existing`.
  bool is_reference() const { return reference_id_.has_value(); }
  /// The resource id of a reference-only construct.
  const std::optional<std::string>& reference_id() const { return reference_id_; }
  /// Makes this construct reference-only; used by from_id<T>() right after construction.
  void make_reference(std::string resource_id);

 protected:
  Resource(Construct& scope, std::string id, std::optional<std::string> name,
           std::map<std::string, std::string> tags);

  Ref ref(std::string attribute, bool sensitive = false) const {
    return {.target = this, .attribute = std::move(attribute), .sensitive = sensitive};
  }
  /// Adds the Refs held by the props. Link<T> fields contribute `id`.
  virtual void collect_references(std::vector<Ref>& out) const;

 private:
  const Stack* stack_ = nullptr;
  std::string name_;
  bool explicit_name_ = false;
  std::map<std::string, std::string> own_tags_;
  std::map<std::string, std::string> inherited_tags_;
  std::vector<const Resource*> depends_on_;
  Control diagnostics_;
  bool secondary_region_ = false;
  std::optional<std::string> adopted_id_;
  std::optional<std::string> reference_id_;
  std::vector<Override> overrides_;
  std::vector<Setting> unmapped_settings_;

  void add_override(Override edit);
  void validate_overrides(Diagnostics& out) const;
};

/// Whether a tag key or value is acceptable to Azure Resource Manager.
/// @see
/// https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations
std::string check_tag(std::string_view key, std::string_view value);

}  // namespace iac
