#include "dsl/azure/app_service_plan.h"

#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

Value reference(const azure::AppServicePlan&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Web/serverfarms");
}

void emit(const azure::AppServicePlan& plan, Context& context) {
  const auto& props = plan.props();
  Object sku{
      {{"name", std::string(to_string(props.sku))}, {"tier", std::string(azure::tier(props.sku))}}};
  if (!azure::is_consumption(props.sku)) sku.properties.push_back({"capacity", props.worker_count});
  Object properties{{
      {"reserved", true},  // Linux
      {"zoneRedundant", props.zone_balancing},
  }};
  Object body = context.header(plan);
  body.properties.push_back({"kind", azure::is_elastic_premium(props.sku) ? "elastic"
                                     : azure::is_consumption(props.sku)   ? "functionapp"
                                                                          : "linux"});
  body.properties.push_back({"sku", std::move(sku)});
  body.properties.push_back({"properties", std::move(properties)});
  context.write(plan, "Microsoft.Web/serverfarms@2024-11-01", std::move(body));
}

}  // namespace iac::gen::bicep
