#include "dsl/azure/autoscale.h"

#include "dsl/azure/alerts.h"
#include "dsl/azure/app_service_plan.h"
#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

namespace {

void rule(const azure::ScaleTrigger& trigger, const azure::AppServicePlan& plan, Context& context) {
  auto& w = context.writer();
  auto block = w.block("rule");
  {
    auto metric = w.block("metric_trigger");
    w.attribute("metric_name", std::string(to_string(trigger.metric)));
    w.attribute("metric_namespace", "microsoft.web/serverfarms");
    w.attribute("metric_resource_id", context.traversal(plan.id()));
    // One-minute samples, averaged over the workers and then over the window.
    w.attribute("time_grain", "PT1M");
    w.attribute("statistic", "Average");
    w.attribute("time_window", trigger.window);
    w.attribute("time_aggregation", "Average");
    w.attribute("operator", trigger.when == azure::ScaleWhen::above ? "GreaterThan" : "LessThan");
    w.attribute("threshold", trigger.threshold);
  }
  auto action = w.block("scale_action");
  w.attribute("direction", trigger.when == azure::ScaleWhen::above ? "Increase" : "Decrease");
  w.attribute("type", "ChangeCount");
  w.attribute("value", trigger.instances);
  w.attribute("cooldown", trigger.cooldown);
}

}  // namespace

std::string_view resource_type(const azure::AutoscaleSetting&) {
  return "azurerm_monitor_autoscale_setting";
}

std::string attribute(const azure::AutoscaleSetting&, std::string_view name) {
  return id_or_name("azurerm_monitor_autoscale_setting", name);
}

void emit(const azure::AutoscaleSetting& setting, Context& context) {
  const auto& props = setting.props();
  auto block = context.open(setting, resource_type(setting));
  auto& w = context.writer();
  w.attribute("target_resource_id", context.traversal(setting.plan().id()));
  w.attribute("enabled", true);
  context.tags_and_dependencies(setting);
  {
    auto profile = w.block("profile");
    w.attribute("name", "default");
    {
      auto capacity = w.block("capacity");
      w.attribute("default", setting.effective_default());
      w.attribute("minimum", props.min);
      w.attribute("maximum", props.max);
    }
    rule(props.scale_out, setting.plan(), context);
    rule(props.scale_in, setting.plan(), context);
  }
  if (props.notify) {
    const auto& group = props.notify->props();
    auto notification = w.block("notification");
    {
      auto email = w.block("email");
      // Only the group's addresses: subscription administrators are not the plan's operators.
      w.attribute("send_to_subscription_administrator", false);
      w.attribute("send_to_subscription_co_administrator", false);
      hcl::List addresses;
      for (const auto& receiver : group.emails) addresses.emplace_back(receiver.address);
      w.attribute("custom_emails", std::move(addresses));
    }
    for (const auto& webhook : group.webhooks) {
      auto hook = w.block("webhook");
      w.attribute("service_uri", context.value(webhook.service_uri));
    }
  }
}

}  // namespace iac::gen::terraform
