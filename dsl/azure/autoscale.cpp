#include "dsl/azure/autoscale.h"

#include <stdexcept>

#include <fmt/format.h>

#include "dsl/azure/alerts.h"
#include "dsl/azure/app_service_plan.h"

namespace iac::azure {

namespace {

const AppServicePlan& plan_of(const Construct& scope) {
  if (const auto* plan = dynamic_cast<const AppServicePlan*>(&scope)) return *plan;
  throw std::logic_error(
      fmt::format("{}: an autoscale setting is declared under its plan: `plan.autoscale({{...}})`",
                  scope.path()));
}

/// Minutes of an ISO 8601 duration of the form `PT<n>M` or `PT<n>H`; -1 for anything else.
int minutes_of(const std::string& duration) {
  if (duration.size() < 4 || !duration.starts_with("PT")) return -1;
  const char unit = duration.back();
  if (unit != 'M' && unit != 'H') return -1;
  int value = 0;
  for (std::size_t i = 2; i + 1 < duration.size(); ++i) {
    const char c = duration[i];
    if (c < '0' || c > '9' || value > 100000) return -1;
    value = value * 10 + (c - '0');
  }
  return unit == 'H' ? value * 60 : value;
}

bool is_percentage(ScaleMetric metric) { return metric != ScaleMetric::http_queue; }

ScaleTrigger out_trigger(ScaleMetric metric, int threshold) {
  return {.metric = metric,
          .when = ScaleWhen::above,
          .threshold = threshold,
          .window = "PT10M",
          .instances = 1,
          .cooldown = "PT5M"};
}

ScaleTrigger in_trigger(ScaleMetric metric, int threshold) {
  return {.metric = metric,
          .when = ScaleWhen::below,
          .threshold = threshold,
          .window = "PT15M",
          .instances = 1,
          .cooldown = "PT10M"};
}

}  // namespace

std::string_view to_string(ScaleMetric metric) {
  switch (metric) {
    case ScaleMetric::cpu:
      return "CpuPercentage";
    case ScaleMetric::memory:
      return "MemoryPercentage";
    case ScaleMetric::http_queue:
      return "HttpQueueLength";
  }
  return "CpuPercentage";
}

ScaleTrigger cpu_above(int percent) { return out_trigger(ScaleMetric::cpu, percent); }
ScaleTrigger cpu_below(int percent) { return in_trigger(ScaleMetric::cpu, percent); }
ScaleTrigger memory_above(int percent) { return out_trigger(ScaleMetric::memory, percent); }
ScaleTrigger memory_below(int percent) { return in_trigger(ScaleMetric::memory, percent); }
ScaleTrigger http_queue_above(int requests) {
  return out_trigger(ScaleMetric::http_queue, requests);
}
ScaleTrigger http_queue_below(int requests) {
  return in_trigger(ScaleMetric::http_queue, requests);
}

const ResourceKind AutoscaleSetting::kKind{.name = "autoscale setting",
                                           .abbreviation = "autoscale",
                                           .naming = {.min_length = 1,
                                                      .max_length = 260,
                                                      .charset = "letters, digits, '-' and '_'",
                                                      .allowed = chars::alnum_hyphen_underscore}};

AutoscaleSetting::AutoscaleSetting(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags),
      plan_(plan_of(scope)),
      props_(std::move(props)) {}

void AutoscaleSetting::collect_references(std::vector<Ref>& out) const {
  out.push_back(plan_.id());
  if (props_.notify) {
    for (const auto& webhook : props_.notify->props().webhooks) {
      for (const Ref& ref : webhook.service_uri.refs()) out.push_back(ref);
    }
  }
}

void AutoscaleSetting::validate(Diagnostics& out) const {
  Resource::validate(out);
  const PlanSku sku = plan_.props().sku;
  const std::string_view sku_name = to_string(sku);
  if (!supports_autoscale(sku)) {
    out.push_back(diagnostic(
        "IAC-SCALE-001",
        fmt::format("the plan is {} ({}), which autoscale cannot scale", sku_name, tier(sku)),
        is_consumption(sku) || is_elastic_premium(sku)
            ? std::string("remove the autoscale setting: consumption and Elastic Premium plans "
                          "add workers themselves (limit them with the apps' scale-out limit)")
            : std::string("use a Standard (S1-S3) or Premium v3 (P0v3-P3v3) SKU: Basic plans "
                          "scale by hand only")));
  }
  const int limit = max_workers(sku);
  const int initial = effective_default();
  if (props_.min < 1 || props_.min > initial || initial > props_.max ||
      (limit > 0 && props_.max > limit)) {
    out.push_back(diagnostic(
        "IAC-SCALE-002",
        fmt::format("the capacity is min {}, default {}, max {}", props_.min, initial, props_.max),
        limit > 0 ? fmt::format("keep 1 <= min <= default <= max <= {} (the most workers a {} "
                                "plan runs)",
                                limit, sku_name)
                  : std::string("keep 1 <= min <= default <= max")));
  }
  const int workers = plan_.props().worker_count;
  if (supports_autoscale(sku) && (workers < props_.min || workers > props_.max)) {
    out.push_back(diagnostic(
        "IAC-SCALE-003",
        fmt::format("the plan's `worker_count` {} is outside the autoscale range {}-{}", workers,
                    props_.min, props_.max),
        "set the plan's `.worker_count` within the range (each Bicep deployment starts the plan "
        "at it), e.g. to the autoscale default"));
  }
  if (plan_.props().zone_balancing && props_.min < 2) {
    out.push_back(diagnostic(
        "IAC-SCALE-004",
        fmt::format("the plan is zone balanced, but autoscale may scale it in to {} worker",
                    props_.min),
        "set `.min = 2` or more (3 keeps one worker in every zone)"));
  }
  const ScaleTrigger& up = props_.scale_out;
  const ScaleTrigger& down = props_.scale_in;
  if (up.when != ScaleWhen::above || down.when != ScaleWhen::below) {
    out.push_back(diagnostic(
        "IAC-SCALE-005", "`scale_out` must trigger above a threshold and `scale_in` below one",
        "use `.scale_out = cpu_above(70)` and `.scale_in = cpu_below(30)` (or the memory and "
        "http_queue triggers)"));
  } else if (up.metric == down.metric && down.threshold >= up.threshold) {
    out.push_back(diagnostic(
        "IAC-SCALE-005",
        fmt::format("`scale_in` at {} {} is not below `scale_out` at {}: the plan would flap",
                    to_string(down.metric), down.threshold, up.threshold),
        "leave a gap between the thresholds, e.g. cpu_above(70) and cpu_below(30)"));
  }
  for (const ScaleTrigger* trigger : {&up, &down}) {
    const char* which = trigger == &up ? "scale_out" : "scale_in";
    if (trigger->threshold < 0 || (is_percentage(trigger->metric) && trigger->threshold > 100) ||
        (is_percentage(trigger->metric) && trigger->threshold == 0 &&
         trigger->when == ScaleWhen::below)) {
      out.push_back(diagnostic("IAC-SCALE-006",
                               fmt::format("`{}` threshold is {} for {}", which, trigger->threshold,
                                           to_string(trigger->metric)),
                               is_percentage(trigger->metric)
                                   ? "use a percentage between 1 and 100"
                                   : "use a request count of 0 or more"));
    }
    const int window = minutes_of(trigger->window);
    const int cooldown = minutes_of(trigger->cooldown);
    if (window < 5 || window > 12 * 60) {
      out.push_back(
          diagnostic("IAC-SCALE-007", fmt::format("`{}` window is '{}'", which, trigger->window),
                     "use ISO 8601 minutes or hours between PT5M and PT12H, e.g. \"PT10M\""));
    }
    if (cooldown < 1 || cooldown > 7 * 24 * 60) {
      out.push_back(diagnostic(
          "IAC-SCALE-007", fmt::format("`{}` cooldown is '{}'", which, trigger->cooldown),
          "use ISO 8601 minutes or hours between PT1M and PT168H, e.g. \"PT5M\""));
    }
    if (trigger->instances < 1 || trigger->instances > props_.max) {
      out.push_back(diagnostic(
          "IAC-SCALE-008", fmt::format("`{}` changes the count by {}", which, trigger->instances),
          fmt::format("change it by 1 to {} workers", props_.max)));
    }
  }
  if (down.instances > up.instances) {
    out.push_back(diagnostic(
        "IAC-SCALE-008",
        fmt::format("`scale_in` removes {} workers per step, more than `scale_out` adds ({})",
                    down.instances, up.instances),
        "scale in by smaller steps than out (`.instances`), so that capacity drains gently"));
  }
  if (props_.notify && props_.notify->props().emails.empty() &&
      props_.notify->props().webhooks.empty()) {
    out.push_back(diagnostic(
        "IAC-SCALE-009",
        fmt::format("`notify` action group '{}' has no email or webhook receiver",
                    props_.notify->construct_id()),
        "autoscale notifies emails and webhooks only: give the group one, or unset `notify`"));
  }
}

}  // namespace iac::azure
