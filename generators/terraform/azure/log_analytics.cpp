#include "dsl/azure/log_analytics.h"

#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::LogAnalyticsWorkspace&) {
  return "azurerm_log_analytics_workspace";
}

std::string attribute(const azure::LogAnalyticsWorkspace&, std::string_view name) {
  if (name == "id" || name == "name" || name == "workspace_id") return std::string(name);
  unknown_attribute("azurerm_log_analytics_workspace", name);
}

void emit(const azure::LogAnalyticsWorkspace& workspace, Context& context) {
  const auto& props = workspace.props();
  auto block = context.open(workspace, resource_type(workspace));
  auto& w = context.writer();
  w.attribute("sku", "PerGB2018");
  w.attribute("retention_in_days", props.retention_days);
  if (props.daily_quota_gb) w.attribute("daily_quota_gb", *props.daily_quota_gb);
  w.attribute("local_authentication_enabled", !props.entra_only_auth.is_enforced());
  w.attribute("allow_resource_only_permissions", true);
  w.attribute("internet_ingestion_enabled", props.public_ingestion);
  w.attribute("internet_query_enabled", props.public_query);
  context.tags_and_dependencies(workspace);
}

}  // namespace iac::gen::terraform
