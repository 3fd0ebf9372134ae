#pragma once
/// App Service plan: the Linux compute that function apps and web apps run on.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "dsl/core/resource.h"

namespace iac::azure {

class AutoscaleSetting;
struct AutoscaleProps;

/// The plan's pricing tier. Y1 and FC1 are serverless, EP* elastic (Functions only), B*/S*/P*v3
/// dedicated workers.
enum class PlanSku { Y1, FC1, EP1, EP2, EP3, B1, B2, B3, S1, S2, S3, P0v3, P1v3, P2v3, P3v3 };

std::string_view to_string(PlanSku sku);  ///< "Y1", "EP1", "P1v3", ...
/// The ARM tier: "Dynamic", "FlexConsumption", "ElasticPremium", "Basic", "Standard", "PremiumV3".
std::string_view tier(PlanSku sku);
/// Y1 and FC1: billed per execution, no fixed workers.
bool is_consumption(PlanSku sku);
bool is_elastic_premium(PlanSku sku);
/// Whether the plan can spread its workers over availability zones (Premium v3 and Elastic
/// Premium). @see https://learn.microsoft.com/azure/reliability/reliability-app-service
bool supports_zone_balancing(PlanSku sku);
/// Whether sites on the plan can keep a worker warm with always_on (dedicated plans only).
bool supports_always_on(PlanSku sku);
/// The most workers a plan of `sku` can run: Basic 3, Standard 10, Premium v3 30; 0 for plans
/// that scale themselves (Y1, FC1, EP*).
/// @see
/// https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#app-service-limits
int max_workers(PlanSku sku);
/// Whether Azure Monitor autoscale can scale the plan: Standard and Premium v3. Basic scales by
/// hand only; consumption and Elastic Premium plans scale themselves.
bool supports_autoscale(PlanSku sku);

struct AppServicePlanProps {
  /// @default the naming convention: `asp-<app>-<env>`.
  std::optional<std::string> name;
  /// @default P0v3: the smallest SKU with an SLA that the policy accepts in every environment.
  PlanSku sku = PlanSku::P0v3;
  /// Workers (instances), 1 to 30; production wants at least 2. Not used by Y1 and FC1, which
  /// scale on their own. @default 1
  int worker_count = 1;
  /// Spread the workers across availability zones; needs a Premium v3 or Elastic Premium SKU
  /// and at least 2 workers. @default false; production should turn it on.
  bool zone_balancing = false;
  std::map<std::string, std::string> tags;
};

/// A Linux App Service plan.
class AppServicePlan final : public Resource {
 public:
  using Props = AppServicePlanProps;
  static const ResourceKind kKind;

  AppServicePlan(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  std::vector<DiagnosticSource> diagnostic_sources() const override;
  const Props& props() const { return props_; }

  /// Scales the plan's workers with Azure Monitor autoscale, between `min` and `max`, on its
  /// CPU (or memory, or HTTP queue): `plan.autoscale({.min = 2, .max = 10, .scale_out =
  /// cpu_above(70), .scale_in = cpu_below(30)})`. Once per plan. `worker_count` stays the
  /// capacity a deployment starts from; Terraform then leaves the count to autoscale.
  AutoscaleSetting& autoscale(AutoscaleProps props);
  /// The plan's autoscale setting, or nullptr.
  const AutoscaleSetting* autoscale_setting() const;

  void validate(Diagnostics& out) const override;

 private:
  Props props_;
};

}  // namespace iac::azure
