#include "dsl/azure/diagnostic_setting.h"

#include "dsl/azure/log_analytics.h"
#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::DiagnosticSetting&) {
  return "azurerm_monitor_diagnostic_setting";
}

std::string attribute(const azure::DiagnosticSetting&, std::string_view name) {
  return id_or_name("azurerm_monitor_diagnostic_setting", name);
}

void emit(const azure::DiagnosticSetting& setting, Context& context) {
  const auto& props = setting.props();
  auto& w = context.writer();
  // An extension resource of its target: no location, resource group or tags.
  auto block = w.block("resource", {std::string(resource_type(setting)), Context::label(setting)});
  w.attribute("name", setting.name());
  hcl::Traversal target = context.traversal(props.target->id());
  if (props.child_type.empty()) {
    w.attribute("target_resource_id", std::move(target));
  } else {
    // A sub-service (`<account id>/blobServices/default`) is not a resource of its own here.
    w.attribute(
        "target_resource_id",
        hcl::Template{{std::move(target), "/" + props.child_type + "/" + props.child_name}});
  }
  w.attribute("log_analytics_workspace_id", context.traversal(props.workspace->id()));
  if (props.dedicated_tables) w.attribute("log_analytics_destination_type", "Dedicated");
  for (const auto& group : props.log_category_groups) {
    auto log = w.block("enabled_log");
    w.attribute("category_group", group);
  }
  for (const auto& category : props.log_categories) {
    auto log = w.block("enabled_log");
    w.attribute("category", category);
  }
  for (const auto& category : props.metric_categories) {
    auto metric = w.block("enabled_metric");
    w.attribute("category", category);
  }
  context.tags_and_dependencies(setting);
}

}  // namespace iac::gen::terraform
