#include "dsl/azure/budget.h"

#include "dsl/azure/alerts.h"
#include "dsl/azure/resource_group.h"
#include "dsl/core/stack.h"
#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::ResourceGroupBudget&) {
  return "azurerm_consumption_budget_resource_group";
}

std::string attribute(const azure::ResourceGroupBudget&, std::string_view name) {
  return id_or_name("azurerm_consumption_budget_resource_group", name);
}

void emit(const azure::ResourceGroupBudget& budget, Context& context) {
  const auto& props = budget.props();
  auto& w = context.writer();
  auto block = w.block("resource", {std::string(resource_type(budget)), Context::label(budget)});
  w.attribute("name", budget.name());
  w.attribute("resource_group_id", context.traversal(context.stack().resource_group().id()));
  w.attribute("amount", props.amount);
  w.attribute("time_grain", std::string(to_string(props.time_grain)));
  {
    auto period = w.block("time_period");
    w.attribute("start_date", props.start_date + "T00:00:00Z");
    if (props.end_date) w.attribute("end_date", *props.end_date + "T00:00:00Z");
  }
  for (const auto& notification : props.notifications) {
    auto block_scope = w.block("notification");
    w.attribute("enabled", true);
    w.attribute("threshold", notification.threshold_percent);
    w.attribute("operator", "GreaterThanOrEqualTo");
    w.attribute("threshold_type", std::string(to_string(notification.type)));
    if (!notification.emails.empty()) {
      hcl::List emails;
      for (const auto& email : notification.emails) emails.emplace_back(email);
      w.attribute("contact_emails", std::move(emails));
    }
    if (!notification.action_groups.empty()) {
      hcl::List groups;
      for (const auto& group : notification.action_groups) {
        groups.emplace_back(context.traversal(group->id()));
      }
      w.attribute("contact_groups", std::move(groups));
    }
  }
  context.tags_and_dependencies(budget);
}

}  // namespace iac::gen::terraform
