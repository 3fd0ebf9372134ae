#pragma once
/// Autoscale settings of an App Service plan: Azure Monitor adds workers when a metric of the
/// plan stays above a threshold and removes them when it stays below another, within a
/// minimum and a maximum.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "dsl/core/expr.h"
#include "dsl/core/resource.h"

namespace iac::azure {

class ActionGroup;
class AppServicePlan;

/// A platform metric of the plan (namespace `microsoft.web/serverfarms`), averaged over its
/// workers. @see
/// https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-web-serverfarms-metrics
enum class ScaleMetric {
  cpu,         ///< CpuPercentage, 0-100.
  memory,      ///< MemoryPercentage, 0-100.
  http_queue,  ///< HttpQueueLength: requests waiting for a worker.
};
std::string_view to_string(ScaleMetric metric);  ///< "CpuPercentage", ...

/// Which side of the threshold triggers the rule.
enum class ScaleWhen { above, below };

/// One scale rule: when `metric` stays `when` `threshold` over `window`, change the worker
/// count by `instances`, then wait `cooldown` before the next change. Build it with
/// `cpu_above(70)`, `cpu_below(30)`, ...
struct ScaleTrigger {
  ScaleMetric metric = ScaleMetric::cpu;
  ScaleWhen when = ScaleWhen::above;
  /// A whole number (Bicep takes integers): a percentage for cpu and memory, a request count
  /// for http_queue.
  int threshold = 70;
  /// How long the average must stay past the threshold, ISO 8601 minutes or hours ("PT10M"),
  /// 5 minutes to 12 hours.
  std::string window = "PT10M";
  /// Workers added or removed per step, at least 1.
  int instances = 1;
  /// The pause after a change, so the new workers settle before the metric is read again,
  /// ISO 8601 minutes or hours ("PT5M"), 1 minute to 1 week.
  std::string cooldown = "PT5M";
};

/// Scale out when the average CPU of the plan's workers stays above `percent` for 10 minutes:
/// one worker at a time, 5 minutes apart.
ScaleTrigger cpu_above(int percent);
/// Scale in when it stays below `percent` for 15 minutes: one worker at a time, 10 minutes
/// apart (slower than scale-out, so that a short lull does not remove capacity).
ScaleTrigger cpu_below(int percent);
ScaleTrigger memory_above(int percent);       ///< As cpu_above, on memory.
ScaleTrigger memory_below(int percent);       ///< As cpu_below, on memory.
ScaleTrigger http_queue_above(int requests);  ///< As cpu_above, on queued requests.
ScaleTrigger http_queue_below(int requests);  ///< As cpu_below, on queued requests.

struct AutoscaleProps {
  /// @default the naming convention: `autoscale-<app>-<env>`.
  std::optional<std::string> name;
  /// The fewest workers. @default 2: one failure or platform update never leaves the apps on
  /// one worker, and a zone-balanced plan keeps two zones (the policy requires 2 in staging
  /// and prod).
  int min = 2;
  /// The most workers, within the SKU's limit (Standard 10, Premium v3 30). @default 10
  int max = 10;
  /// The workers when the metrics cannot be read. @default `min`
  std::optional<int> default_count;
  /// The rule that adds workers: a `*_above` trigger. @default cpu_above(70)
  ScaleTrigger scale_out = cpu_above(70);
  /// The rule that removes them: a `*_below` trigger, with a step no larger than the
  /// scale-out one. Always present, so that the plan comes back down. @default cpu_below(30)
  ScaleTrigger scale_in = cpu_below(30);
  /// The action group whose email addresses and webhooks are told about every scale action
  /// (autoscale notifies emails and webhooks only, not action groups themselves).
  /// @default none
  Link<ActionGroup> notify;
  std::map<std::string, std::string> tags;
};

/// The autoscale setting of an App Service plan, declared with `plan.autoscale({...})`: one
/// profile with the capacity range and a scale-out and a scale-in rule on the plan's metrics.
/// Standard and Premium v3 plans only: Basic scales by hand, consumption and Elastic Premium
/// plans scale themselves.
class AutoscaleSetting final : public Resource {
 public:
  using Props = AutoscaleProps;
  static const ResourceKind kKind;

  AutoscaleSetting(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }
  /// The plan it scales: its scope.
  const AppServicePlan& plan() const { return plan_; }
  /// `default_count`, or `min`.
  int effective_default() const { return props_.default_count.value_or(props_.min); }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const AppServicePlan& plan_;
  Props props_;
};

}  // namespace iac::azure
