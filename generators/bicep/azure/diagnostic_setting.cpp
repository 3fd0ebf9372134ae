#include "dsl/azure/diagnostic_setting.h"

#include <stdexcept>

#include <fmt/format.h>

#include "dsl/azure/log_analytics.h"
#include "dsl/azure/managed_redis.h"
#include "dsl/azure/storage_account.h"
#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

namespace {

/// The symbol a diagnostic setting scopes to when it watches a sub-service: the one the
/// target's own emitter declares (a blob service, a Managed Redis database), or an `existing`
/// declaration of a service Azure creates with its account (queue, table, file).
Reference child_scope(const azure::DiagnosticSetting& setting, Context& context) {
  const auto& props = setting.props();
  const Resource& target = *props.target;
  const std::string parent = Context::symbol(target);
  const bool storage = dynamic_cast<const azure::StorageAccount*>(&target) != nullptr;
  if (storage && props.child_type == "blobServices" && props.child_name == "default") {
    return {parent + "BlobService", {}};
  }
  if (dynamic_cast<const azure::ManagedRedis*>(&target) != nullptr &&
      props.child_type == "databases" && props.child_name == "default") {
    return {parent + "Database", {}};
  }
  if (!storage) {
    throw std::logic_error(fmt::format("{}: no Bicep mapping for sub-service '{}' of a {}",
                                       setting.path(), props.child_type, target.kind().name));
  }
  std::string symbol = Context::symbol(setting) + "Target";
  context.resources().existing(
      symbol, fmt::format("Microsoft.Storage/storageAccounts/{}@2025-01-01", props.child_type),
      Object{{{"parent", Reference{parent, {}}}, {"name", props.child_name}}});
  return {symbol, {}};
}

}  // namespace

Value reference(const azure::DiagnosticSetting&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Insights/diagnosticSettings");
}

void emit(const azure::DiagnosticSetting& setting, Context& context) {
  const auto& props = setting.props();
  Reference scope = props.child_type.empty() ? Reference{Context::symbol(*props.target), {}}
                                             : child_scope(setting, context);
  Object properties{{{"workspaceId", context.reference(props.workspace->id())}}};
  if (props.dedicated_tables) {
    properties.properties.push_back({"logAnalyticsDestinationType", "Dedicated"});
  }
  Array logs;
  for (const auto& group : props.log_category_groups) {
    logs.emplace_back(Object{{{"categoryGroup", group}, {"enabled", true}}});
  }
  for (const auto& category : props.log_categories) {
    logs.emplace_back(Object{{{"category", category}, {"enabled", true}}});
  }
  if (!logs.empty()) properties.properties.push_back({"logs", std::move(logs)});
  Array metrics;
  for (const auto& category : props.metric_categories) {
    metrics.emplace_back(Object{{{"category", category}, {"enabled", true}}});
  }
  if (!metrics.empty()) properties.properties.push_back({"metrics", std::move(metrics)});
  // An extension resource: `scope` is the target; no location or tags.
  Object body{{{"name", setting.name()},
               {"scope", std::move(scope)},
               {"properties", std::move(properties)}}};
  context.write(setting, "Microsoft.Insights/diagnosticSettings@2021-05-01-preview",
                std::move(body));
}

}  // namespace iac::gen::bicep
