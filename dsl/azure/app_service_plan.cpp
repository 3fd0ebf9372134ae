#include "dsl/azure/app_service_plan.h"

#include <stdexcept>

#include <fmt/format.h>

#include "dsl/azure/autoscale.h"

namespace iac::azure {

std::string_view to_string(PlanSku sku) {
  switch (sku) {
    case PlanSku::Y1:
      return "Y1";
    case PlanSku::FC1:
      return "FC1";
    case PlanSku::EP1:
      return "EP1";
    case PlanSku::EP2:
      return "EP2";
    case PlanSku::EP3:
      return "EP3";
    case PlanSku::B1:
      return "B1";
    case PlanSku::B2:
      return "B2";
    case PlanSku::B3:
      return "B3";
    case PlanSku::S1:
      return "S1";
    case PlanSku::S2:
      return "S2";
    case PlanSku::S3:
      return "S3";
    case PlanSku::P0v3:
      return "P0v3";
    case PlanSku::P1v3:
      return "P1v3";
    case PlanSku::P2v3:
      return "P2v3";
    case PlanSku::P3v3:
      return "P3v3";
  }
  return "P0v3";
}

std::string_view tier(PlanSku sku) {
  switch (sku) {
    case PlanSku::Y1:
      return "Dynamic";
    case PlanSku::FC1:
      return "FlexConsumption";
    case PlanSku::EP1:
    case PlanSku::EP2:
    case PlanSku::EP3:
      return "ElasticPremium";
    case PlanSku::B1:
    case PlanSku::B2:
    case PlanSku::B3:
      return "Basic";
    case PlanSku::S1:
    case PlanSku::S2:
    case PlanSku::S3:
      return "Standard";
    default:
      return "PremiumV3";
  }
}

bool is_consumption(PlanSku sku) { return sku == PlanSku::Y1 || sku == PlanSku::FC1; }

bool is_elastic_premium(PlanSku sku) { return tier(sku) == "ElasticPremium"; }

bool supports_zone_balancing(PlanSku sku) {
  return tier(sku) == "PremiumV3" || tier(sku) == "ElasticPremium";
}

bool supports_always_on(PlanSku sku) { return !is_consumption(sku) && !is_elastic_premium(sku); }

int max_workers(PlanSku sku) {
  const std::string_view name = tier(sku);
  if (name == "Basic") return 3;
  if (name == "Standard") return 10;
  if (name == "PremiumV3") return 30;
  return 0;
}

bool supports_autoscale(PlanSku sku) { return tier(sku) == "Standard" || tier(sku) == "PremiumV3"; }

const ResourceKind AppServicePlan::kKind{.name = "App Service plan",
                                         .abbreviation = "asp",
                                         .naming = {.min_length = 1,
                                                    .max_length = 60,
                                                    .charset = "letters, digits, '-' and '_'",
                                                    .allowed = chars::alnum_hyphen_underscore}};

AppServicePlan::AppServicePlan(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {}

void AppServicePlan::validate(Diagnostics& out) const {
  Resource::validate(out);
  const std::string_view sku = to_string(props_.sku);
  if (props_.zone_balancing && !supports_zone_balancing(props_.sku)) {
    out.push_back(diagnostic(
        "IAC-PLAN-001", fmt::format("`zone_balancing` is on, but SKU {} cannot use zones", sku),
        "use a Premium v3 (P0v3-P3v3) or Elastic Premium (EP1-EP3) SKU, or turn it off"));
  }
  if (props_.zone_balancing && supports_zone_balancing(props_.sku) && props_.worker_count < 2) {
    out.push_back(
        diagnostic("IAC-PLAN-002",
                   fmt::format("`zone_balancing` needs at least 2 workers; `worker_count` is {}",
                               props_.worker_count),
                   "set `.worker_count` to 2 or more (3 spreads over every zone)"));
  }
  if (is_consumption(props_.sku) && props_.worker_count != 1) {
    out.push_back(
        diagnostic("IAC-PLAN-003",
                   fmt::format("`worker_count` is {}, but {} plans scale on their own",
                               props_.worker_count, sku),
                   "leave `.worker_count` at 1, or use an Elastic Premium or dedicated SKU"));
  } else if (props_.worker_count < 1 || props_.worker_count > 30) {
    out.push_back(diagnostic("IAC-PLAN-003",
                             fmt::format("`worker_count` is {}", props_.worker_count),
                             "set `.worker_count` between 1 and 30"));
  }
}

AutoscaleSetting& AppServicePlan::autoscale(AutoscaleProps props) {
  if (autoscale_setting() != nullptr) {
    throw std::logic_error(fmt::format("{}: the plan already has an autoscale setting", path()));
  }
  return add_construct<AutoscaleSetting>("autoscale", std::move(props));
}

const AutoscaleSetting* AppServicePlan::autoscale_setting() const {
  for (const auto& child : children()) {
    if (const auto* setting = dynamic_cast<const AutoscaleSetting*>(child.get())) return setting;
  }
  return nullptr;
}

std::vector<DiagnosticSource> AppServicePlan::diagnostic_sources() const {
  // A plan has platform metrics (CPU, memory, queues) and no resource logs.
  return {{{.metric_categories = {"AllMetrics"}}}};
}

}  // namespace iac::azure
