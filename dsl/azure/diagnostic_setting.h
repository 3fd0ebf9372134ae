#pragma once
/// Diagnostic settings: a resource's logs and platform metrics sent to a Log Analytics workspace.
///
/// Every stack runs the diagnostics aspect (on by default): each resource whose kind declares
/// `diagnostic_sources()` gets one setting per source, sending to the stack's workspace (the
/// only LogAnalyticsWorkspace in the stack, or the one named with `s.send_diagnostics_to(...)`).
/// A resource opts out with `resource.set_diagnostics(Control::waived("<reason>"))`; policy rule
/// AZ-DIAG-001 reports every resource left without one.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dsl/core/resource.h"

namespace iac {
class Aspect;
}

namespace iac::azure {

class LogAnalyticsWorkspace;

struct DiagnosticSettingProps {
  /// The resource whose logs and metrics are sent. Required.
  Link<Resource> target;
  /// A sub-service of the target that sends them (`blobServices`), empty for the target itself.
  std::string child_type;
  std::string child_name = "default";
  /// The destination. Required.
  Link<LogAnalyticsWorkspace> workspace;
  /// Log category groups: `allLogs` or `audit`. @default none
  std::vector<std::string> log_category_groups;
  /// Individual log categories (e.g. `AuditEvent`), for sources without category groups.
  std::vector<std::string> log_categories;
  /// Metric categories: `AllMetrics`, or the service's own (`Transaction`). @default none
  std::vector<std::string> metric_categories;
  /// Resource-specific tables (`Dedicated`) instead of AzureDiagnostics. @default false
  bool dedicated_tables = false;
  /// Unique per target resource. @default `diag-log-analytics` (the aspect adds `-blob`, ...
  /// for sub-services)
  std::optional<std::string> name;
};

/// A diagnostic setting (an extension resource of its target: no location, tags or group).
class DiagnosticSetting final : public Resource {
 public:
  using Props = DiagnosticSettingProps;
  static const ResourceKind kKind;
  static constexpr const char* kDefaultName = "diag-log-analytics";

  DiagnosticSetting(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  Props props_;
};

/// The aspect that gives every resource with diagnostic sources its settings; App adds it to
/// every stack. It runs after naming and tags (kDiagnosticsPriority).
std::shared_ptr<Aspect> diagnostics_aspect();
constexpr int kDiagnosticsPriority = 100;

/// The workspace the stack's diagnostics go to: the one named with `s.send_diagnostics_to()`,
/// else the stack's only workspace; nullptr when there is none or several.
const LogAnalyticsWorkspace* diagnostics_destination(const Stack& stack);

/// Whether a diagnostic setting in the stack sends this source of `resource` anywhere.
bool has_diagnostic_setting(const Resource& resource, const DiagnosticSource& source);

}  // namespace iac::azure
