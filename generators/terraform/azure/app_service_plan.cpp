#include "dsl/azure/app_service_plan.h"

#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::AppServicePlan&) { return "azurerm_service_plan"; }

std::string attribute(const azure::AppServicePlan&, std::string_view name) {
  return id_or_name("azurerm_service_plan", name);
}

void emit(const azure::AppServicePlan& plan, Context& context) {
  const auto& props = plan.props();
  auto block = context.open(plan, resource_type(plan));
  auto& w = context.writer();
  w.attribute("os_type", "Linux");
  w.attribute("sku_name", std::string(to_string(props.sku)));
  // Consumption plans have no fixed workers; everything else states its count (CKV_AZURE_212).
  if (!azure::is_consumption(props.sku)) w.attribute("worker_count", props.worker_count);
  w.attribute("zone_balancing_enabled", props.zone_balancing);
  context.tags_and_dependencies(plan);
  if (plan.autoscale_setting() != nullptr) {
    // Autoscale owns the count once the plan exists: `worker_count` is where it starts.
    auto lifecycle = w.block("lifecycle");
    w.attribute("ignore_changes", hcl::List{hcl::Traversal{{"worker_count"}}});
  }
}

}  // namespace iac::gen::terraform
