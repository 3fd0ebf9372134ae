#pragma once
/// Alerting: action groups (who is told), metric alerts and scheduled query (log) alerts.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/resource.h"

namespace iac::azure {

/// An email recipient. The common alert schema is always on (one payload for every alert type).
struct EmailReceiver {
  std::string name;     ///< Unique in the group, e.g. "devops".
  std::string address;  ///< e.g. "devops@example.com".
};

/// A webhook recipient. Its URL usually embeds a token (an incident tool's integration key), so
/// it is never a literal: pass a secure parameter, `s.parameter("pager_url", {.secure = true})`,
/// which Terraform declares `sensitive` and Bicep `@secure()`, filled by the pipeline.
struct WebhookReceiver {
  std::string name;
  Expr service_uri;
};

struct ActionGroupProps {
  /// @default the naming convention: `ag-<app>-<env>-<id>`.
  std::optional<std::string> name;
  /// Shown in SMS and email subjects: 1-12 characters. Required.
  std::string short_name;
  std::vector<EmailReceiver> emails;
  std::vector<WebhookReceiver> webhooks;
  /// @default true
  bool enabled = true;
  std::map<std::string, std::string> tags;
};

/// An action group (global): the receivers alerts notify.
class ActionGroup final : public Resource {
 public:
  using Props = ActionGroupProps;
  static const ResourceKind kKind;

  ActionGroup(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  Props props_;
};

/// How an alert aggregates the values in its window.
enum class Aggregation { average, count, minimum, maximum, total };
std::string_view to_string(Aggregation aggregation);  ///< "Average", "Count", ...

/// How an alert compares the aggregate with its threshold.
enum class Comparison { equal, greater_than, greater_than_or_equal, less_than, less_than_or_equal };
std::string_view to_string(Comparison comparison);  ///< "Equals", "GreaterThan", ...

/// A dimension filter: `{"StatusCode", {"500", "503"}}`, or `exclude = true` to leave them out.
struct DimensionFilter {
  std::string name;
  std::vector<std::string> values;
  bool exclude = false;
};

/// One static-threshold condition of a metric alert.
struct MetricCriterion {
  std::string metric_namespace;  ///< e.g. "Microsoft.Web/sites".
  std::string metric;            ///< e.g. "Http5xx".
  Aggregation aggregation = Aggregation::average;
  Comparison comparison = Comparison::greater_than;
  double threshold = 0;
  std::vector<DimensionFilter> dimensions;
};

/// Typed criteria for the common metric alerts.
namespace metric {
/// HTTP 5xx responses of a Function or Web App: total over the window above `count`.
MetricCriterion http_5xx(double count);
/// Cosmos DB normalized RU consumption (max over partitions and regions) above `percent`.
/// Provisioned throughput only: serverless accounts have no RU/s to normalize against.
MetricCriterion cosmos_normalized_ru(double percent);
/// Azure Cache for Redis server load above `percent`.
MetricCriterion redis_server_load(double percent);
}  // namespace metric

struct MetricAlertProps {
  /// @default the naming convention: `alert-<app>-<env>-<id>`.
  std::optional<std::string> name;
  std::string description;
  /// The resource whose metrics are watched. Required.
  Link<Resource> scope;
  /// Every condition must hold (at least one, at most five).
  std::vector<MetricCriterion> criteria;
  /// 0 (critical) to 4 (verbose). @default 2 (warning)
  int severity = 2;
  /// How often it is evaluated: PT1M, PT5M, PT15M, PT30M or PT1H. @default PT5M
  std::string frequency = "PT5M";
  /// The look-back window, at least `frequency`: PT1M, PT5M, PT15M, PT30M, PT1H, PT6H, PT12H or
  /// P1D. @default PT15M
  std::string window = "PT15M";
  /// Resolves the alert when the condition clears. @default true
  bool auto_mitigate = true;
  bool enabled = true;
  /// Who is notified; policy rule AZ-ALERT-001 asks for at least one.
  std::vector<Link<ActionGroup>> action_groups;
  std::map<std::string, std::string> tags;
};

/// A metric alert on one resource (global).
class MetricAlert final : public Resource {
 public:
  using Props = MetricAlertProps;
  static const ResourceKind kKind;

  MetricAlert(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  Props props_;
};

struct ScheduledQueryAlertProps {
  /// @default the naming convention: `alert-<app>-<env>-<id>`.
  std::optional<std::string> name;
  std::string description;
  /// Where the query runs: an ApplicationInsights or a LogAnalyticsWorkspace. Required.
  Link<Resource> scope;
  /// The KQL query; written as is (each format escapes it). Required.
  std::string query;
  /// Count rows, or aggregate `metric_measure_column`. @default count
  Aggregation aggregation = Aggregation::count;
  /// The numeric column aggregated; required unless `aggregation` is count.
  std::optional<std::string> metric_measure_column;
  Comparison comparison = Comparison::greater_than;
  double threshold = 0;
  /// PT1M, PT5M, PT10M, PT15M, PT30M, PT45M, PT1H, PT2H, PT3H, PT4H, PT5H, PT6H or P1D.
  /// @default PT5M
  std::string frequency = "PT5M";
  /// The query's time range, at least `frequency`, up to P2D. @default PT15M
  std::string window = "PT15M";
  /// 0 (critical) to 4 (verbose). @default 2
  int severity = 2;
  /// Fires when `failing_periods` of the last `evaluation_periods` evaluations breach (1-6).
  int failing_periods = 1;
  int evaluation_periods = 1;
  bool auto_mitigate = true;
  bool enabled = true;
  std::vector<Link<ActionGroup>> action_groups;
  std::map<std::string, std::string> tags;
};

/// A log search alert (scheduled query rule v2) in the stack's region.
class ScheduledQueryAlert final : public Resource {
 public:
  using Props = ScheduledQueryAlertProps;
  static const ResourceKind kKind;

  ScheduledQueryAlert(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  Props props_;
};

/// Whether `value` is one of the ISO 8601 durations an alert accepts for that setting.
bool is_metric_alert_frequency(std::string_view value);
bool is_metric_alert_window(std::string_view value);
bool is_query_alert_frequency(std::string_view value);
bool is_query_alert_window(std::string_view value);
/// Minutes in one of those durations (PT5M = 5, P1D = 1440); 0 when not recognised.
int duration_minutes(std::string_view value);

}  // namespace iac::azure
