#include "dsl/azure/alerts.h"

#include <cmath>

#include <fmt/format.h>

#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

namespace {

/// Bicep has integer literals only: a fractional threshold goes through `json('0.5')`.
Value number(double value) {
  if (std::floor(value) == value && std::fabs(value) < 9.0e15) {
    return static_cast<std::int64_t>(value);
  }
  return Call{"json", {}, {fmt::format("{}", value)}, {}};
}

Object global_header(const Resource& resource) {
  Object body;
  body.properties.push_back({"name", resource.name()});
  body.properties.push_back({"location", "global"});
  Object tags;
  for (const auto& [key, value] : resource.tags()) tags.properties.push_back({key, value});
  body.properties.push_back({"tags", std::move(tags)});
  return body;
}

Array action_group_ids(const std::vector<Link<azure::ActionGroup>>& groups, Context& context) {
  Array ids;
  for (const auto& group : groups) ids.emplace_back(context.reference(group->id()));
  return ids;
}

}  // namespace

// --- action group ----------------------------------------------------------------------------

Value reference(const azure::ActionGroup&, const std::string& symbol, std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Insights/actionGroups");
}

void emit(const azure::ActionGroup& group, Context& context) {
  const auto& props = group.props();
  Array emails;
  for (const auto& email : props.emails) {
    emails.emplace_back(Object{
        {{"name", email.name}, {"emailAddress", email.address}, {"useCommonAlertSchema", true}}});
  }
  Array webhooks;
  for (const auto& webhook : props.webhooks) {
    // A @secure() parameter (validation refuses literals), read from the pipeline's secrets.
    webhooks.emplace_back(Object{{{"name", webhook.name},
                                  {"serviceUri", context.value(webhook.service_uri)},
                                  {"useCommonAlertSchema", true}}});
  }
  Object properties{{{"groupShortName", props.short_name},
                     {"enabled", props.enabled},
                     {"emailReceivers", std::move(emails)},
                     {"webhookReceivers", std::move(webhooks)}}};
  Object body = global_header(group);
  body.properties.push_back({"properties", std::move(properties)});
  context.write(group, "Microsoft.Insights/actionGroups@2023-01-01", std::move(body));
}

// --- metric alert ----------------------------------------------------------------------------

Value reference(const azure::MetricAlert&, const std::string& symbol, std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Insights/metricAlerts");
}

void emit(const azure::MetricAlert& alert, Context& context) {
  const auto& props = alert.props();
  Array all_of;
  int index = 1;
  for (const auto& criterion : props.criteria) {
    Object condition{{{"criterionType", "StaticThresholdCriterion"},
                      {"name", fmt::format("criterion{}", index++)},
                      {"metricNamespace", criterion.metric_namespace},
                      {"metricName", criterion.metric},
                      {"timeAggregation", std::string(to_string(criterion.aggregation))},
                      {"operator", std::string(to_string(criterion.comparison))},
                      {"threshold", number(criterion.threshold)}}};
    if (!criterion.dimensions.empty()) {
      Array dimensions;
      for (const auto& dimension : criterion.dimensions) {
        Array values;
        for (const auto& value : dimension.values) values.emplace_back(value);
        dimensions.emplace_back(Object{{{"name", dimension.name},
                                        {"operator", dimension.exclude ? "Exclude" : "Include"},
                                        {"values", std::move(values)}}});
      }
      condition.properties.push_back({"dimensions", std::move(dimensions)});
    }
    all_of.emplace_back(std::move(condition));
  }
  Array actions;
  for (const auto& group : props.action_groups) {
    actions.emplace_back(Object{{{"actionGroupId", context.reference(group->id())}}});
  }
  Object properties{{
      {"description", props.description},
      {"severity", props.severity},
      {"enabled", props.enabled},
      {"scopes", Array{context.reference(props.scope->id())}},
      {"evaluationFrequency", props.frequency},
      {"windowSize", props.window},
      {"criteria",
       Object{{{"odata.type", "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria"},
               {"allOf", std::move(all_of)}}}},
      {"autoMitigate", props.auto_mitigate},
      {"actions", std::move(actions)},
  }};
  Object body = global_header(alert);
  body.properties.push_back({"properties", std::move(properties)});
  context.write(alert, "Microsoft.Insights/metricAlerts@2018-03-01", std::move(body));
}

// --- scheduled query alert -------------------------------------------------------------------

Value reference(const azure::ScheduledQueryAlert&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Insights/scheduledQueryRules");
}

void emit(const azure::ScheduledQueryAlert& alert, Context& context) {
  const auto& props = alert.props();
  // A `'''` multi-line string when the query allows it (no escapes are read there, so `${`,
  // quotes and backslashes stay as written); otherwise a quoted string with escapes.
  Object condition{
      {{"query", props.query}, {"timeAggregation", std::string(to_string(props.aggregation))}}};
  if (props.metric_measure_column) {
    condition.properties.push_back({"metricMeasureColumn", *props.metric_measure_column});
  }
  condition.properties.push_back({"operator", props.comparison == azure::Comparison::equal
                                                  ? std::string("Equal")
                                                  : std::string(to_string(props.comparison))});
  condition.properties.push_back({"threshold", number(props.threshold)});
  condition.properties.push_back(
      {"failingPeriods", Object{{{"numberOfEvaluationPeriods", props.evaluation_periods},
                                 {"minFailingPeriodsToAlert", props.failing_periods}}}});
  Object properties{{
      {"description", props.description},
      {"severity", props.severity},
      {"enabled", props.enabled},
      {"scopes", Array{context.reference(props.scope->id())}},
      {"evaluationFrequency", props.frequency},
      {"windowSize", props.window},
      {"criteria", Object{{{"allOf", Array{std::move(condition)}}}}},
      {"autoMitigate", props.auto_mitigate},
  }};
  if (!props.action_groups.empty()) {
    properties.properties.push_back(
        {"actions", Object{{{"actionGroups", action_group_ids(props.action_groups, context)}}}});
  }
  Object body = context.header(alert);
  body.properties.push_back({"properties", std::move(properties)});
  context.write(alert, "Microsoft.Insights/scheduledQueryRules@2023-12-01", std::move(body));
}

}  // namespace iac::gen::bicep
