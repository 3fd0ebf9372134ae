#include "dsl/azure/diagnostic_setting.h"

#include <set>
#include <utility>

#include <fmt/format.h>

#include "dsl/azure/log_analytics.h"
#include "dsl/core/aspect.h"
#include "dsl/core/stack.h"

namespace iac::azure {

namespace {

std::vector<std::string> to_strings(const std::vector<std::string_view>& views) {
  return {views.begin(), views.end()};
}

bool targets(const DiagnosticSetting& setting, const Resource& resource,
             std::string_view child_type) {
  return setting.props().target.get() == &resource && setting.props().child_type == child_type &&
         setting.props().workspace;
}

/// The short name of a sub-service: `blob` for blobServices, `database` for databases.
std::string child_short_name(std::string_view child_type) {
  std::string_view base = child_type;
  if (base.ends_with("Services")) {
    base.remove_suffix(8);
  } else if (base.ends_with("s")) {
    base.remove_suffix(1);
  }
  return std::string(base);
}

class DiagnosticsAspect final : public Aspect {
 public:
  int priority() const override { return kDiagnosticsPriority; }

  void visit(Construct& node) override {
    if (auto* stack = dynamic_cast<Stack*>(&node)) {
      // The stack is visited before anything in it: find the destination and the settings the
      // stack declares itself, which the aspect leaves alone.
      destination_ = diagnostics_destination(*stack);
      for (const Resource* resource : stack->resources()) {
        if (const auto* setting = dynamic_cast<const DiagnosticSetting*>(resource)) {
          declared_.insert({setting->props().target.get(), setting->props().child_type});
        }
      }
      return;
    }
    auto* resource = dynamic_cast<Resource*>(&node);
    // A reference-only construct's logs are its owner's to route.
    if (resource == nullptr || resource->is_reference() || destination_ == nullptr ||
        !resource->diagnostics().is_enforced()) {
      return;
    }
    // A workspace does not send its own audit logs to itself.
    if (resource == static_cast<const Resource*>(destination_)) return;
    for (const DiagnosticSource& source : resource->diagnostic_sources()) {
      if (declared_.contains({resource, std::string(source.child_type)})) continue;
      // Names differ per sub-service too: Azure needs them unique per target only, but they
      // all sit under one construct here.
      const std::string suffix = source.child_type.empty()
                                     ? std::string()
                                     : fmt::format("-{}", child_short_name(source.child_type));
      resource->add<DiagnosticSetting>(
          fmt::format("diagnostics{}", suffix),
          {.target = *resource,
           .child_type = std::string(source.child_type),
           .child_name = std::string(source.child_name),
           .workspace = *destination_,
           .log_category_groups = to_strings(source.log_category_groups),
           .metric_categories = to_strings(source.metric_categories),
           .dedicated_tables = source.dedicated_tables,
           .name = fmt::format("{}{}", DiagnosticSetting::kDefaultName, suffix)});
    }
  }

 private:
  const LogAnalyticsWorkspace* destination_ = nullptr;
  std::set<std::pair<const Resource*, std::string>> declared_;
};

bool is_category_group(const std::string& group) { return group == "allLogs" || group == "audit"; }

}  // namespace

const ResourceKind DiagnosticSetting::kKind{.name = "diagnostic setting",
                                            .abbreviation = "diag",
                                            .naming = {.min_length = 1,
                                                       .max_length = 260,
                                                       .charset = "printable characters except "
                                                                  "'%', '&', '\\', '?' and '/'",
                                                       .allowed = chars::insights,
                                                       .scope = NameScope::parent}};

DiagnosticSetting::DiagnosticSetting(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, {}), props_(std::move(props)) {}

void DiagnosticSetting::collect_references(std::vector<Ref>& out) const {
  if (props_.target) out.push_back(props_.target->id());
  if (props_.workspace) out.push_back(props_.workspace->id());
}

void DiagnosticSetting::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (!props_.target) {
    out.push_back(diagnostic("IAC-DIAG-001", "`target` is not set",
                             "set `.target` to the resource whose logs and metrics are sent"));
  }
  if (!props_.workspace) {
    out.push_back(diagnostic("IAC-DIAG-002", "`workspace` is not set",
                             "set `.workspace` to the Log Analytics workspace that receives them"));
  }
  if (props_.log_category_groups.empty() && props_.log_categories.empty() &&
      props_.metric_categories.empty()) {
    out.push_back(diagnostic("IAC-DIAG-003", "the setting sends no logs and no metrics",
                             "set `.log_category_groups = {\"allLogs\"}` and/or "
                             "`.metric_categories = {\"AllMetrics\"}`"));
  }
  for (const auto& group : props_.log_category_groups) {
    if (!is_category_group(group)) {
      out.push_back(
          diagnostic("IAC-DIAG-004", fmt::format("log category group '{}' does not exist", group),
                     "use \"allLogs\" or \"audit\", or list the category in `.log_categories`"));
    }
  }
  if (!props_.child_type.empty() && props_.child_name.empty()) {
    out.push_back(diagnostic("IAC-DIAG-005", "`child_name` is empty",
                             "name the sub-service, e.g. \"default\""));
  }
  if (props_.target && props_.child_type.empty() &&
      props_.target.get() == static_cast<const Resource*>(props_.workspace.get())) {
    out.push_back(diagnostic("IAC-DIAG-006", "the workspace sends its own logs to itself",
                             "send them to another workspace, or remove the setting"));
  }
}

std::shared_ptr<Aspect> diagnostics_aspect() { return std::make_shared<DiagnosticsAspect>(); }

const LogAnalyticsWorkspace* diagnostics_destination(const Stack& stack) {
  if (stack.diagnostics_workspace() != nullptr) return stack.diagnostics_workspace();
  const LogAnalyticsWorkspace* only = nullptr;
  for (const Resource* resource : stack.resources()) {
    if (const auto* workspace = dynamic_cast<const LogAnalyticsWorkspace*>(resource)) {
      if (only != nullptr) return nullptr;
      only = workspace;
    }
  }
  return only;
}

bool has_diagnostic_setting(const Resource& resource, const DiagnosticSource& source) {
  // The aspect's settings are children of their target: look there first.
  for (const auto& child : resource.children()) {
    if (const auto* setting = dynamic_cast<const DiagnosticSetting*>(child.get())) {
      if (targets(*setting, resource, source.child_type)) return true;
    }
  }
  for (const Resource* other : resource.stack().resources()) {
    if (const auto* setting = dynamic_cast<const DiagnosticSetting*>(other)) {
      if (targets(*setting, resource, source.child_type)) return true;
    }
  }
  return false;
}

}  // namespace iac::azure
