#pragma once
/// A cost budget on the stack's resource group, with notifications at thresholds.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/resource.h"

namespace iac::azure {

class ActionGroup;

/// The period the amount covers; it resets at the start of each.
enum class BudgetTimeGrain { monthly, quarterly, annually };
std::string_view to_string(BudgetTimeGrain grain);  ///< "Monthly", "Quarterly", "Annually"

/// Actual spend so far, or the forecast for the whole period.
enum class BudgetThresholdType { actual, forecasted };
std::string_view to_string(BudgetThresholdType type);  ///< "Actual", "Forecasted"

/// One notification: when spend reaches `threshold_percent` of the amount.
struct BudgetNotification {
  int threshold_percent = 80;  ///< 1 to 1000.
  BudgetThresholdType type = BudgetThresholdType::actual;
  std::vector<std::string> emails;
  std::vector<Link<ActionGroup>> action_groups;
};

struct ResourceGroupBudgetProps {
  /// @default the naming convention: `budget-<app>-<env>`.
  std::optional<std::string> name;
  /// In the billing currency, per `time_grain`. Required (more than 0).
  double amount = 0;
  /// @default monthly
  BudgetTimeGrain time_grain = BudgetTimeGrain::monthly;
  /// The first day of a month, `YYYY-MM-01`, on or after 2017-06-01. Required, and never derived
  /// from today so that the output is the same on every run. Azure accepts a start in the past
  /// only within the current period when the budget is created: set it to the month of the
  /// first deployment and leave it (changing it replaces the budget).
  std::string start_date;
  /// `YYYY-MM-DD` after the start. @default none (Azure keeps it ten years)
  std::optional<std::string> end_date;
  /// One to five notifications, e.g. 80% actual and 100% forecasted.
  std::vector<BudgetNotification> notifications;
};

/// A Cost Management budget scoped to the stack's resource group.
class ResourceGroupBudget final : public Resource {
 public:
  using Props = ResourceGroupBudgetProps;
  static const ResourceKind kKind;

  ResourceGroupBudget(Construct& scope, std::string id, Props props);
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

}  // namespace iac::azure
