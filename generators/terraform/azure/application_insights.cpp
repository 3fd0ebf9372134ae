#include "dsl/azure/application_insights.h"

#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::ApplicationInsights&) {
  return "azurerm_application_insights";
}

std::string attribute(const azure::ApplicationInsights&, std::string_view name) {
  if (name == "id" || name == "name" || name == "connection_string" || name == "app_id") {
    return std::string(name);
  }
  unknown_attribute("azurerm_application_insights", name);
}

void emit(const azure::ApplicationInsights& insights, Context& context) {
  const auto& props = insights.props();
  auto block = context.open(insights, resource_type(insights));
  auto& w = context.writer();
  w.attribute("application_type",
              props.application_type == azure::ApplicationType::web ? "web" : "other");
  if (props.workspace) w.attribute("workspace_id", context.traversal(props.workspace->id()));
  w.attribute("retention_in_days", props.retention_days);
  w.attribute("sampling_percentage", props.sampling_percentage);
  // azurerm 4.55 still names this one `local_authentication_disabled` (renamed in 4.78).
  w.attribute("local_authentication_disabled", props.entra_only_auth.is_enforced());
  w.attribute("internet_ingestion_enabled", props.public_ingestion);
  w.attribute("internet_query_enabled", props.public_query);
  context.tags_and_dependencies(insights);
}

}  // namespace iac::gen::terraform
