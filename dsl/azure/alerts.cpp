#include "dsl/azure/alerts.h"

#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>

#include "dsl/azure/application_insights.h"
#include "dsl/azure/log_analytics.h"

namespace iac::azure {

namespace {

struct Duration {
  std::string_view text;
  int minutes;
};

constexpr std::array<Duration, 15> kDurations{{{"PT1M", 1},
                                               {"PT5M", 5},
                                               {"PT10M", 10},
                                               {"PT15M", 15},
                                               {"PT30M", 30},
                                               {"PT45M", 45},
                                               {"PT1H", 60},
                                               {"PT2H", 120},
                                               {"PT3H", 180},
                                               {"PT4H", 240},
                                               {"PT5H", 300},
                                               {"PT6H", 360},
                                               {"PT12H", 720},
                                               {"P1D", 1440},
                                               {"P2D", 2880}}};

bool one_of(std::string_view value, std::initializer_list<std::string_view> allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

bool valid_email(std::string_view address) {
  auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= address.size()) return false;
  if (address.find('@', at + 1) != std::string_view::npos) return false;
  if (address.find('.', at) == std::string_view::npos) return false;
  return std::none_of(address.begin(), address.end(), [](char c) {
    return c == ' ' || c == '"' || c == '\'' || static_cast<unsigned char>(c) < 0x20;
  });
}

/// Receiver names: non-empty, unique in the group.
void check_receiver_name(const Construct& owner, const std::string& name,
                         std::set<std::string>& seen, Diagnostics& out) {
  if (name.empty()) {
    out.push_back(
        owner.diagnostic("IAC-ALERT-003", "a receiver has no `name`",
                         "name every receiver, e.g. {\"devops\", \"devops@example.com\"}"));
  } else if (!seen.insert(name).second) {
    out.push_back(owner.diagnostic("IAC-ALERT-003",
                                   fmt::format("receiver name '{}' is used twice", name),
                                   "give each receiver of the group its own name"));
  }
}

void check_severity(const Construct& owner, int severity, Diagnostics& out) {
  if (severity < 0 || severity > 4) {
    out.push_back(owner.diagnostic("IAC-ALERT-006", fmt::format("`severity` is {}", severity),
                                   "use 0 (critical) to 4 (verbose)"));
  }
}

void check_action_groups(const Construct& owner, const std::vector<Link<ActionGroup>>& groups,
                         Diagnostics& out) {
  for (const auto& group : groups) {
    if (!group) {
      out.push_back(owner.diagnostic("IAC-ALERT-010", "an entry of `action_groups` is empty",
                                     "link an ActionGroup, or remove the entry"));
    }
  }
}

void check_window(const Construct& owner, std::string_view frequency, std::string_view window,
                  Diagnostics& out) {
  int f = duration_minutes(frequency);
  int w = duration_minutes(window);
  if (f > 0 && w > 0 && w < f) {
    out.push_back(owner.diagnostic(
        "IAC-ALERT-008",
        fmt::format("`window` {} is shorter than `frequency` {}", window, frequency),
        "use a window at least as long as the evaluation frequency"));
  }
}

/// Alert rule names: Azure Monitor's rule for both alert kinds.
constexpr NamingRule kAlertNaming{.min_length = 1,
                                  .max_length = 260,
                                  .charset =
                                      "printable characters except "
                                      "'%', '&', '\\', '?' and '/'",
                                  .allowed = chars::insights};

/// What both alert kinds reference: the watched resource and the action groups.
void collect_alert_references(const Resource* scope,
                              const std::vector<Link<ActionGroup>>& action_groups,
                              std::vector<Ref>& out) {
  if (scope != nullptr) out.push_back(scope->id());
  for (const auto& group : action_groups) {
    if (group) out.push_back(group->id());
  }
}

}  // namespace

std::string_view to_string(Aggregation aggregation) {
  switch (aggregation) {
    case Aggregation::average:
      return "Average";
    case Aggregation::count:
      return "Count";
    case Aggregation::minimum:
      return "Minimum";
    case Aggregation::maximum:
      return "Maximum";
    case Aggregation::total:
      return "Total";
  }
  return "Average";
}

std::string_view to_string(Comparison comparison) {
  switch (comparison) {
    case Comparison::equal:
      return "Equals";
    case Comparison::greater_than:
      return "GreaterThan";
    case Comparison::greater_than_or_equal:
      return "GreaterThanOrEqual";
    case Comparison::less_than:
      return "LessThan";
    case Comparison::less_than_or_equal:
      return "LessThanOrEqual";
  }
  return "GreaterThan";
}

int duration_minutes(std::string_view value) {
  for (const auto& duration : kDurations) {
    if (duration.text == value) return duration.minutes;
  }
  return 0;
}

bool is_metric_alert_frequency(std::string_view value) {
  return one_of(value, {"PT1M", "PT5M", "PT15M", "PT30M", "PT1H"});
}

bool is_metric_alert_window(std::string_view value) {
  return one_of(value, {"PT1M", "PT5M", "PT15M", "PT30M", "PT1H", "PT6H", "PT12H", "P1D"});
}

bool is_query_alert_frequency(std::string_view value) {
  return one_of(value, {"PT1M", "PT5M", "PT10M", "PT15M", "PT30M", "PT45M", "PT1H", "PT2H", "PT3H",
                        "PT4H", "PT5H", "PT6H", "P1D"});
}

bool is_query_alert_window(std::string_view value) {
  return one_of(value, {"PT5M", "PT10M", "PT15M", "PT30M", "PT45M", "PT1H", "PT2H", "PT3H", "PT4H",
                        "PT5H", "PT6H", "P1D", "P2D"});
}

namespace metric {

MetricCriterion http_5xx(double count) {
  return {.metric_namespace = "Microsoft.Web/sites",
          .metric = "Http5xx",
          .aggregation = Aggregation::total,
          .comparison = Comparison::greater_than,
          .threshold = count};
}

MetricCriterion cosmos_normalized_ru(double percent) {
  return {.metric_namespace = "Microsoft.DocumentDB/databaseAccounts",
          .metric = "NormalizedRUConsumption",
          .aggregation = Aggregation::maximum,
          .comparison = Comparison::greater_than,
          .threshold = percent};
}

MetricCriterion redis_server_load(double percent) {
  return {.metric_namespace = "Microsoft.Cache/redis",
          .metric = "serverLoad",
          .aggregation = Aggregation::maximum,
          .comparison = Comparison::greater_than,
          .threshold = percent};
}

}  // namespace metric

// --- ActionGroup ----------------------------------------------------------------------------

const ResourceKind ActionGroup::kKind{.name = "action group",
                                      .abbreviation = "ag",
                                      .naming = {.min_length = 1,
                                                 .max_length = 260,
                                                 .charset = "letters, digits, '-', '_', '.', "
                                                            "'(' and ')'",
                                                 .allowed = chars::resource_group,
                                                 .first = chars::alnum,
                                                 .last = chars::not_period}};

ActionGroup::ActionGroup(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {}

void ActionGroup::collect_references(std::vector<Ref>& out) const {
  for (const auto& webhook : props_.webhooks) {
    for (const Ref& ref : webhook.service_uri.refs()) out.push_back(ref);
  }
}

void ActionGroup::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (props_.short_name.empty() || props_.short_name.size() > 12) {
    out.push_back(
        diagnostic("IAC-ALERT-001",
                   fmt::format("`short_name` '{}' has {} characters", props_.short_name,
                               props_.short_name.size()),
                   "set `.short_name` to 1-12 characters; it is shown in email subjects and SMS"));
  }
  if (props_.emails.empty() && props_.webhooks.empty()) {
    out.push_back(
        diagnostic("IAC-ALERT-002", "the group has no receivers", "add `.emails` or `.webhooks`"));
  }
  std::set<std::string> names;
  for (const auto& email : props_.emails) {
    check_receiver_name(*this, email.name, names, out);
    if (!valid_email(email.address)) {
      out.push_back(
          diagnostic("IAC-ALERT-004",
                     fmt::format("receiver '{}' has email address '{}'", email.name, email.address),
                     "use one address such as devops@example.com"));
    }
  }
  for (const auto& webhook : props_.webhooks) {
    check_receiver_name(*this, webhook.name, names, out);
    if (webhook.service_uri.empty()) {
      out.push_back(diagnostic("IAC-ALERT-005",
                               fmt::format("webhook '{}' has no `service_uri`", webhook.name),
                               "pass a secure parameter: `s.parameter(\"<name>\", {.secure = "
                               "true})`"));
    } else if (!webhook.service_uri.sensitive()) {
      out.push_back(diagnostic(
          "IAC-ALERT-005",
          fmt::format("webhook '{}' takes its URL from a literal or non-secret value; webhook URLs "
                      "carry tokens and would sit in the output and its state",
                      webhook.name),
          "pass a secure parameter: `.service_uri = s.parameter(\"<name>\", {.secure = true})`"));
    }
  }
}

// --- MetricAlert ----------------------------------------------------------------------------

const ResourceKind MetricAlert::kKind{
    .name = "metric alert", .abbreviation = "alert", .naming = kAlertNaming};

MetricAlert::MetricAlert(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {}

void MetricAlert::collect_references(std::vector<Ref>& out) const {
  collect_alert_references(props_.scope.get(), props_.action_groups, out);
}

void MetricAlert::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (!props_.scope) {
    out.push_back(diagnostic("IAC-ALERT-007", "`scope` is not set",
                             "set `.scope` to the resource whose metric is watched"));
  }
  if (props_.criteria.empty() || props_.criteria.size() > 5) {
    out.push_back(diagnostic("IAC-ALERT-009",
                             fmt::format("the alert has {} criteria", props_.criteria.size()),
                             "give it 1 to 5 `.criteria`, e.g. metric::http_5xx(10)"));
  }
  for (const auto& criterion : props_.criteria) {
    if (criterion.metric_namespace.empty() || criterion.metric.empty()) {
      out.push_back(diagnostic("IAC-ALERT-009", "a criterion has no `metric_namespace` or `metric`",
                               "set both, e.g. \"Microsoft.Web/sites\" and \"Http5xx\""));
    }
    for (const auto& dimension : criterion.dimensions) {
      if (dimension.name.empty() || dimension.values.empty()) {
        out.push_back(
            diagnostic("IAC-ALERT-009",
                       fmt::format("dimension filter '{}' of metric '{}' needs a name and "
                                   "values",
                                   dimension.name, criterion.metric),
                       "set `.name` and `.values` (\"*\" for every value)"));
      }
    }
  }
  check_severity(*this, props_.severity, out);
  if (!is_metric_alert_frequency(props_.frequency)) {
    out.push_back(diagnostic("IAC-ALERT-008", fmt::format("`frequency` is '{}'", props_.frequency),
                             "use PT1M, PT5M, PT15M, PT30M or PT1H"));
  }
  if (!is_metric_alert_window(props_.window)) {
    out.push_back(diagnostic("IAC-ALERT-008", fmt::format("`window` is '{}'", props_.window),
                             "use PT1M, PT5M, PT15M, PT30M, PT1H, PT6H, PT12H or P1D"));
  }
  check_window(*this, props_.frequency, props_.window, out);
  check_action_groups(*this, props_.action_groups, out);
}

// --- ScheduledQueryAlert --------------------------------------------------------------------

const ResourceKind ScheduledQueryAlert::kKind{
    .name = "scheduled query alert", .abbreviation = "alert", .naming = kAlertNaming};

ScheduledQueryAlert::ScheduledQueryAlert(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {}

void ScheduledQueryAlert::collect_references(std::vector<Ref>& out) const {
  collect_alert_references(props_.scope.get(), props_.action_groups, out);
}

void ScheduledQueryAlert::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (!props_.scope) {
    out.push_back(diagnostic("IAC-ALERT-007", "`scope` is not set",
                             "set `.scope` to an ApplicationInsights or a LogAnalyticsWorkspace"));
  } else if (dynamic_cast<const ApplicationInsights*>(props_.scope.get()) == nullptr &&
             dynamic_cast<const LogAnalyticsWorkspace*>(props_.scope.get()) == nullptr) {
    out.push_back(diagnostic(
        "IAC-ALERT-007",
        fmt::format("`scope` is a {}; a log alert queries Application Insights or Log Analytics",
                    props_.scope->kind().name),
        "set `.scope` to an ApplicationInsights or a LogAnalyticsWorkspace"));
  }
  if (props_.query.find_first_not_of(" \t\r\n") == std::string::npos) {
    out.push_back(diagnostic("IAC-ALERT-011", "`query` is empty", "write the KQL query"));
  }
  if (props_.aggregation != Aggregation::count &&
      (!props_.metric_measure_column || props_.metric_measure_column->empty())) {
    out.push_back(
        diagnostic("IAC-ALERT-011",
                   fmt::format("`aggregation` is {} but no `metric_measure_column` is set",
                               to_string(props_.aggregation)),
                   "name the numeric column the query returns, or use Aggregation::count"));
  }
  check_severity(*this, props_.severity, out);
  if (!is_query_alert_frequency(props_.frequency)) {
    out.push_back(diagnostic("IAC-ALERT-008", fmt::format("`frequency` is '{}'", props_.frequency),
                             "use PT1M, PT5M, PT10M, PT15M, PT30M, PT45M, PT1H to PT6H, or P1D"));
  }
  if (!is_query_alert_window(props_.window)) {
    out.push_back(diagnostic("IAC-ALERT-008", fmt::format("`window` is '{}'", props_.window),
                             "use PT5M, PT10M, PT15M, PT30M, PT45M, PT1H to PT6H, P1D or P2D"));
  }
  check_window(*this, props_.frequency, props_.window, out);
  if (props_.evaluation_periods < 1 || props_.evaluation_periods > 6 ||
      props_.failing_periods < 1 || props_.failing_periods > props_.evaluation_periods) {
    out.push_back(diagnostic("IAC-ALERT-012",
                             fmt::format("`failing_periods` {} of `evaluation_periods` {}",
                                         props_.failing_periods, props_.evaluation_periods),
                             "use 1 to 6 evaluation periods and 1 to that many failing periods"));
  }
  check_action_groups(*this, props_.action_groups, out);
}

}  // namespace iac::azure
