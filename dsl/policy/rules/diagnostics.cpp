/// Diagnostics and alerting rules: resource logs reach Log Analytics, alerts notify someone,
/// prod spending has a budget.

#include <string>

#include "dsl/azure/alerts.h"
#include "dsl/azure/budget.h"
#include "dsl/azure/diagnostic_setting.h"
#include "dsl/azure/log_analytics.h"
#include "dsl/azure/resource_group.h"
#include "dsl/core/stack.h"
#include "dsl/policy/rules/families.h"

namespace iac::policy::rules {

using azure::ActionGroup;
using azure::LogAnalyticsWorkspace;
using azure::MetricAlert;
using azure::ResourceGroup;
using azure::ResourceGroupBudget;
using azure::ScheduledQueryAlert;

namespace {

Problem missing_diagnostics(const Resource& resource, const Environment&) {
  const auto sources = resource.diagnostic_sources();
  if (sources.empty()) return {};
  if (!resource.diagnostics().is_enforced()) {
    return "diagnostics are waived: " + resource.diagnostics().reason();
  }
  // Without a destination AZ-DIAG-002 reports the stack once, not every resource (checked
  // first: looking for settings that cannot exist costs a scan of the stack per source).
  const LogAnalyticsWorkspace* destination = azure::diagnostics_destination(resource.stack());
  if (destination == nullptr) return {};
  // The destination workspace keeps its own logs; it does not send them to itself.
  if (destination == &resource) return {};
  std::string missing;
  for (const auto& source : sources) {
    if (azure::has_diagnostic_setting(resource, source)) continue;
    if (!missing.empty()) missing += ", ";
    missing +=
        source.child_type.empty() ? std::string("the resource") : std::string(source.child_type);
  }
  if (missing.empty()) return {};
  return "no diagnostic setting sends the logs and metrics of " + missing + " to Log Analytics";
}

template <class Alert>
Problem no_action_group(const Alert& alert) {
  if (!alert.props().action_groups.empty()) return {};
  return std::string("the alert notifies no action group");
}

}  // namespace

std::vector<Rule> diagnostics() {
  return {
      Rule{
          .info = {.id = "AZ-DIAG-001",
                   .title = "Resource logs and metrics are sent to Log Analytics",
                   .rationale = "Without a diagnostic setting, data-plane access, failures and "
                                "audit events are not kept anywhere you can query or alert on.",
                   .fix = "keep the stack's Log Analytics workspace (the diagnostics aspect "
                          "adds the settings), name it with `s.send_diagnostics_to(...)` when "
                          "there are several, or remove the waiver of `set_diagnostics`",
                   .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
                   .checkov = {},
                   .psrule = {"Azure.KeyVault.Logs"},
                   .benchmark = "LT-3"},
          .kinds = {},
          .check = missing_diagnostics},
      for_kind<ResourceGroup>(
          {.id = "AZ-DIAG-002",
           .title = "The stack has a Log Analytics workspace for its diagnostics",
           .rationale = "The diagnostics aspect sends logs and metrics to the stack's workspace; "
                        "without one (or with several and none named) nothing is sent.",
           .fix = "add a LogAnalyticsWorkspace (templates::Observability), or name one with "
                  "`s.send_diagnostics_to(...)`; a central workspace outside the stack: "
                  "suppress with that reason",
           .levels = Levels::everywhere(Level::warning),
           .checkov = {},
           .psrule = {},
           .benchmark = "LT-3"},
          [](const ResourceGroup& group, const Environment&) -> Problem {
            const Stack& stack = group.stack();
            if (azure::diagnostics_destination(stack) != nullptr) return {};
            std::size_t sources = 0;
            for (const Resource* resource : stack.resources()) {
              if (resource->diagnostics().is_enforced() &&
                  !resource->diagnostic_sources().empty()) {
                ++sources;
              }
            }
            if (sources == 0) return {};
            return std::to_string(sources) +
                   " resources can send logs and metrics, but the stack has no Log Analytics "
                   "workspace (or several and no `s.send_diagnostics_to(...)`)";
          }),
      Rule{.info = {.id = "AZ-ALERT-001",
                    .title = "Alerts notify an action group",
                    .rationale = "An alert without an action group fires silently: it is only "
                                 "seen by someone already looking at the portal.",
                    .fix = "set `.action_groups = {<ActionGroup>}`",
                    .levels = {.dev = Level::warning,
                               .staging = Level::warning,
                               .prod = Level::error},
                    .checkov = {},
                    .psrule = {},
                    .benchmark = "LT-4"},
           .kinds = {&MetricAlert::kKind, &ScheduledQueryAlert::kKind},
           .check = [](const Resource& resource, const Environment&) -> Problem {
             if (const auto* metric = dynamic_cast<const MetricAlert*>(&resource)) {
               return no_action_group(*metric);
             }
             return no_action_group(static_cast<const ScheduledQueryAlert&>(resource));
           }},
      for_kind<ResourceGroup>(
          {.id = "AZ-BUDGET-001",
           .title = "Prod resource groups have a cost budget",
           .rationale = "A budget notifies owners when spend reaches a threshold, before the "
                        "invoice does; runaway scale-outs and forgotten resources show early.",
           .fix = "add a ResourceGroupBudget with 80% actual and 100% forecasted notifications",
           .levels = {.dev = Level::off, .staging = Level::off, .prod = Level::warning},
           .checkov = {},
           .psrule = {},
           .benchmark = ""},
          [](const ResourceGroup& group, const Environment&) -> Problem {
            for (const Resource* resource : group.stack().resources()) {
              if (dynamic_cast<const ResourceGroupBudget*>(resource) != nullptr) return {};
            }
            return std::string("the resource group has no budget");
          }),
  };
}

}  // namespace iac::policy::rules
