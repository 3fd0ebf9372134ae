#include "dsl/azure/budget.h"

#include <cmath>

#include <fmt/format.h>

#include "dsl/azure/alerts.h"
#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

Value reference(const azure::ResourceGroupBudget&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Consumption/budgets");
}

void emit(const azure::ResourceGroupBudget& budget, Context& context) {
  const auto& props = budget.props();
  Object time_period{{{"startDate", props.start_date + "T00:00:00Z"}}};
  if (props.end_date) time_period.properties.push_back({"endDate", *props.end_date + "T00:00:00Z"});
  Object notifications;
  for (const auto& notification : props.notifications) {
    Object entry{{{"enabled", true},
                  {"operator", "GreaterThanOrEqualTo"},
                  {"threshold", notification.threshold_percent},
                  {"thresholdType", std::string(to_string(notification.type))}}};
    Array emails;
    for (const auto& email : notification.emails) emails.emplace_back(email);
    entry.properties.push_back({"contactEmails", std::move(emails)});
    if (!notification.action_groups.empty()) {
      Array groups;
      for (const auto& group : notification.action_groups) {
        groups.emplace_back(context.reference(group->id()));
      }
      entry.properties.push_back({"contactGroups", std::move(groups)});
    }
    // Keys name the notification: `actual80`, `forecasted100`.
    std::string key = fmt::format(
        "{}{}", notification.type == azure::BudgetThresholdType::actual ? "actual" : "forecasted",
        notification.threshold_percent);
    notifications.properties.push_back({key, std::move(entry)});
  }
  Value amount = std::floor(props.amount) == props.amount
                     ? Value(static_cast<std::int64_t>(props.amount))
                     : Value(Call{"json", {}, {fmt::format("{}", props.amount)}, {}});
  // Resource-group scoped (resources.bicep is deployed into the group); no location or tags.
  Object body{{{"name", budget.name()},
               {"properties", Object{{{"category", "Cost"},
                                      {"amount", std::move(amount)},
                                      {"timeGrain", std::string(to_string(props.time_grain))},
                                      {"timePeriod", std::move(time_period)},
                                      {"notifications", std::move(notifications)}}}}}};
  context.write(budget, "Microsoft.Consumption/budgets@2024-08-01", std::move(body));
}

}  // namespace iac::gen::bicep
