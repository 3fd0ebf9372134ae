#include "dsl/azure/autoscale.h"

#include "dsl/azure/alerts.h"
#include "dsl/azure/app_service_plan.h"
#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

namespace {

Object rule(const azure::ScaleTrigger& trigger, const azure::AppServicePlan& plan,
            Context& context) {
  const bool out = trigger.when == azure::ScaleWhen::above;
  // One-minute samples, averaged over the workers and then over the window.
  Object metric{{{"metricName", std::string(to_string(trigger.metric))},
                 {"metricNamespace", "microsoft.web/serverfarms"},
                 {"metricResourceUri", context.reference(plan.id())},
                 {"timeGrain", "PT1M"},
                 {"statistic", "Average"},
                 {"timeWindow", trigger.window},
                 {"timeAggregation", "Average"},
                 {"operator", out ? "GreaterThan" : "LessThan"},
                 {"threshold", trigger.threshold}}};
  Object action{{{"direction", out ? "Increase" : "Decrease"},
                 {"type", "ChangeCount"},
                 {"value", std::to_string(trigger.instances)},
                 {"cooldown", trigger.cooldown}}};
  return Object{{{"metricTrigger", std::move(metric)}, {"scaleAction", std::move(action)}}};
}

}  // namespace

Value reference(const azure::AutoscaleSetting&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Insights/autoscalesettings");
}

void emit(const azure::AutoscaleSetting& setting, Context& context) {
  const auto& props = setting.props();
  // ARM takes the capacity as strings.
  Object profile{{{"name", "default"},
                  {"capacity", Object{{{"minimum", std::to_string(props.min)},
                                       {"maximum", std::to_string(props.max)},
                                       {"default", std::to_string(setting.effective_default())}}}},
                  {"rules", Array{rule(props.scale_out, setting.plan(), context),
                                  rule(props.scale_in, setting.plan(), context)}}}};
  Object properties{{{"name", setting.name()},
                     {"enabled", true},
                     {"targetResourceUri", context.reference(setting.plan().id())},
                     {"profiles", Array{std::move(profile)}}}};
  if (props.notify) {
    const auto& group = props.notify->props();
    Array addresses;
    for (const auto& receiver : group.emails) addresses.emplace_back(receiver.address);
    Array webhooks;
    for (const auto& webhook : group.webhooks) {
      webhooks.emplace_back(Object{{{"serviceUri", context.value(webhook.service_uri)}}});
    }
    // Only the group's addresses: subscription administrators are not the plan's operators.
    Object notification{{{"operation", "Scale"},
                         {"email", Object{{{"sendToSubscriptionAdministrator", false},
                                           {"sendToSubscriptionCoAdministrators", false},
                                           {"customEmails", std::move(addresses)}}}},
                         {"webhooks", std::move(webhooks)}}};
    properties.properties.push_back({"notifications", Array{std::move(notification)}});
  }
  Object body = context.header(setting);
  body.properties.push_back({"properties", std::move(properties)});
  context.write(setting, "Microsoft.Insights/autoscalesettings@2021-05-01-preview",
                std::move(body));
}

}  // namespace iac::gen::bicep
