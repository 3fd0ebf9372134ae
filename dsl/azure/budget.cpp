#include "dsl/azure/budget.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "dsl/azure/alerts.h"

namespace iac::azure {

namespace {

bool digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Whether `date` is `YYYY-MM-DD` with a real month and day (leap years included).
bool is_date(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  if (!digits(date.substr(0, 4)) || !digits(date.substr(5, 2)) || !digits(date.substr(8, 2))) {
    return false;
  }
  int year = std::stoi(std::string(date.substr(0, 4)));
  int month = std::stoi(std::string(date.substr(5, 2)));
  int day = std::stoi(std::string(date.substr(8, 2)));
  if (month < 1 || month > 12 || day < 1) return false;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

}  // namespace

std::string_view to_string(BudgetTimeGrain grain) {
  switch (grain) {
    case BudgetTimeGrain::monthly:
      return "Monthly";
    case BudgetTimeGrain::quarterly:
      return "Quarterly";
    case BudgetTimeGrain::annually:
      return "Annually";
  }
  return "Monthly";
}

std::string_view to_string(BudgetThresholdType type) {
  return type == BudgetThresholdType::forecasted ? "Forecasted" : "Actual";
}

const ResourceKind ResourceGroupBudget::kKind{.name = "budget",
                                              .abbreviation = "budget",
                                              .naming = {.min_length = 1,
                                                         .max_length = 63,
                                                         .charset = "letters, digits, '-' and '_'",
                                                         .allowed = chars::alnum_hyphen_underscore,
                                                         .first = chars::alnum}};

ResourceGroupBudget::ResourceGroupBudget(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, {}), props_(std::move(props)) {}

void ResourceGroupBudget::collect_references(std::vector<Ref>& out) const {
  for (const auto& notification : props_.notifications) {
    for (const auto& group : notification.action_groups) {
      if (group) out.push_back(group->id());
    }
  }
}

void ResourceGroupBudget::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (!(props_.amount > 0)) {
    out.push_back(diagnostic("IAC-BUDGET-001", fmt::format("`amount` is {}", props_.amount),
                             "set `.amount` to the spend per period, more than 0"));
  }
  const std::string& start = props_.start_date;
  if (!is_date(start) || start.substr(8) != "01") {
    out.push_back(diagnostic(
        "IAC-BUDGET-002", fmt::format("`start_date` is '{}'", start),
        "set `.start_date` to the first day of a month, \"YYYY-MM-01\" (the month of the first "
        "deployment); it is never derived from today"));
  } else if (start < "2017-06-01") {
    out.push_back(diagnostic("IAC-BUDGET-002",
                             fmt::format("`start_date` {} is before June 2017", start),
                             "budgets start on or after 2017-06-01"));
  }
  if (props_.end_date && (!is_date(*props_.end_date) || *props_.end_date <= start)) {
    out.push_back(diagnostic("IAC-BUDGET-003", fmt::format("`end_date` is '{}'", *props_.end_date),
                             "use a YYYY-MM-DD date after `start_date`, or leave it unset"));
  }
  if (props_.notifications.empty() || props_.notifications.size() > 5) {
    out.push_back(
        diagnostic("IAC-BUDGET-004",
                   fmt::format("the budget has {} notifications", props_.notifications.size()),
                   "add 1 to 5, e.g. {.threshold_percent = 80} and "
                   "{.threshold_percent = 100, .type = BudgetThresholdType::forecasted}"));
  }
  std::set<std::pair<int, BudgetThresholdType>> seen;
  for (const auto& notification : props_.notifications) {
    if (notification.threshold_percent < 1 || notification.threshold_percent > 1000) {
      out.push_back(diagnostic(
          "IAC-BUDGET-004",
          fmt::format("a notification's `threshold_percent` is {}", notification.threshold_percent),
          "use 1 to 1000 (percent of the amount)"));
    }
    if (!seen.insert({notification.threshold_percent, notification.type}).second) {
      out.push_back(
          diagnostic("IAC-BUDGET-004",
                     fmt::format("two notifications at {}% {}", notification.threshold_percent,
                                 to_string(notification.type)),
                     "merge their recipients into one notification"));
    }
    if (notification.emails.empty() && notification.action_groups.empty()) {
      out.push_back(diagnostic(
          "IAC-BUDGET-005",
          fmt::format("the notification at {}% has no recipients", notification.threshold_percent),
          "set `.emails` and/or `.action_groups`"));
    }
    for (const auto& group : notification.action_groups) {
      if (!group) {
        out.push_back(diagnostic("IAC-BUDGET-005", "an entry of `action_groups` is empty",
                                 "link an ActionGroup, or remove the entry"));
      }
    }
    for (const auto& email : notification.emails) {
      if (email.find('@') == std::string::npos || email.find(' ') != std::string::npos) {
        out.push_back(diagnostic("IAC-BUDGET-005",
                                 fmt::format("'{}' is not an email address", email),
                                 "use one address such as finops@example.com"));
      }
    }
  }
}

}  // namespace iac::azure
