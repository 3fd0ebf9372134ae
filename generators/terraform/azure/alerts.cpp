#include "dsl/azure/alerts.h"

#include "dsl/azure/resource_group.h"
#include "dsl/core/stack.h"
#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

namespace {

/// Alert rules and action groups are global resources: no region of the stack.
hcl::HclWriter::BlockScope open_global(const Resource& resource, std::string_view type,
                                       Context& context) {
  auto& w = context.writer();
  auto block = w.block("resource", {std::string(type), Context::label(resource)});
  w.attribute("name", resource.name());
  w.attribute("resource_group_name",
              context.traversal(context.stack().resource_group().name_ref()));
  return block;
}

hcl::List action_group_ids(const std::vector<Link<azure::ActionGroup>>& groups, Context& context) {
  hcl::List ids;
  for (const auto& group : groups) ids.emplace_back(context.traversal(group->id()));
  return ids;
}

}  // namespace

// --- action group ----------------------------------------------------------------------------

std::string_view resource_type(const azure::ActionGroup&) { return "azurerm_monitor_action_group"; }

std::string attribute(const azure::ActionGroup&, std::string_view name) {
  return id_or_name("azurerm_monitor_action_group", name);
}

void emit(const azure::ActionGroup& group, Context& context) {
  const auto& props = group.props();
  auto block = open_global(group, resource_type(group), context);
  auto& w = context.writer();
  w.attribute("location", "global");
  w.attribute("short_name", props.short_name);
  w.attribute("enabled", props.enabled);
  for (const auto& email : props.emails) {
    auto receiver = w.block("email_receiver");
    w.attribute("name", email.name);
    w.attribute("email_address", email.address);
    w.attribute("use_common_alert_schema", true);
  }
  for (const auto& webhook : props.webhooks) {
    auto receiver = w.block("webhook_receiver");
    w.attribute("name", webhook.name);
    // A sensitive variable (validation refuses literals): the URL's token stays out of the code.
    w.attribute("service_uri", context.value(webhook.service_uri));
    w.attribute("use_common_alert_schema", true);
  }
  context.tags_and_dependencies(group);
}

// --- metric alert ----------------------------------------------------------------------------

std::string_view resource_type(const azure::MetricAlert&) { return "azurerm_monitor_metric_alert"; }

std::string attribute(const azure::MetricAlert&, std::string_view name) {
  return id_or_name("azurerm_monitor_metric_alert", name);
}

void emit(const azure::MetricAlert& alert, Context& context) {
  const auto& props = alert.props();
  auto block = open_global(alert, resource_type(alert), context);
  auto& w = context.writer();
  w.attribute("scopes", hcl::List{context.traversal(props.scope->id())});
  if (!props.description.empty()) w.attribute("description", props.description);
  w.attribute("severity", props.severity);
  w.attribute("enabled", props.enabled);
  w.attribute("auto_mitigate", props.auto_mitigate);
  w.attribute("frequency", props.frequency);
  w.attribute("window_size", props.window);
  for (const auto& criterion : props.criteria) {
    auto criteria = w.block("criteria");
    w.attribute("metric_namespace", criterion.metric_namespace);
    w.attribute("metric_name", criterion.metric);
    w.attribute("aggregation", std::string(to_string(criterion.aggregation)));
    w.attribute("operator", std::string(to_string(criterion.comparison)));
    w.attribute("threshold", criterion.threshold);
    for (const auto& dimension : criterion.dimensions) {
      auto filter = w.block("dimension");
      w.attribute("name", dimension.name);
      w.attribute("operator", dimension.exclude ? "Exclude" : "Include");
      hcl::List values;
      for (const auto& value : dimension.values) values.emplace_back(value);
      w.attribute("values", std::move(values));
    }
  }
  for (const auto& group : props.action_groups) {
    auto action = w.block("action");
    w.attribute("action_group_id", context.traversal(group->id()));
  }
  context.tags_and_dependencies(alert);
}

// --- scheduled query alert -------------------------------------------------------------------

std::string_view resource_type(const azure::ScheduledQueryAlert&) {
  return "azurerm_monitor_scheduled_query_rules_alert_v2";
}

std::string attribute(const azure::ScheduledQueryAlert&, std::string_view name) {
  return id_or_name("azurerm_monitor_scheduled_query_rules_alert_v2", name);
}

void emit(const azure::ScheduledQueryAlert& alert, Context& context) {
  const auto& props = alert.props();
  auto block = context.open(alert, resource_type(alert));
  auto& w = context.writer();
  w.attribute("scopes", hcl::List{context.traversal(props.scope->id())});
  if (!props.description.empty()) w.attribute("description", props.description);
  w.attribute("severity", props.severity);
  w.attribute("enabled", props.enabled);
  w.attribute("evaluation_frequency", props.frequency);
  w.attribute("window_duration", props.window);
  w.attribute("auto_mitigation_enabled", props.auto_mitigate);
  {
    auto criteria = w.block("criteria");
    // A quoted string: the writer escapes quotes, backslashes, newlines and `${`/`%{`.
    w.attribute("query", props.query);
    w.attribute("time_aggregation_method", std::string(to_string(props.aggregation)));
    if (props.metric_measure_column) {
      w.attribute("metric_measure_column", *props.metric_measure_column);
    }
    // Log alerts spell it "Equal" where metric alerts say "Equals".
    w.attribute("operator", props.comparison == azure::Comparison::equal
                                ? std::string("Equal")
                                : std::string(to_string(props.comparison)));
    w.attribute("threshold", props.threshold);
    auto failing = w.block("failing_periods");
    w.attribute("minimum_failing_periods_to_trigger_alert", props.failing_periods);
    w.attribute("number_of_evaluation_periods", props.evaluation_periods);
  }
  if (!props.action_groups.empty()) {
    auto action = w.block("action");
    w.attribute("action_groups", action_group_ids(props.action_groups, context));
  }
  context.tags_and_dependencies(alert);
}

}  // namespace iac::gen::terraform
