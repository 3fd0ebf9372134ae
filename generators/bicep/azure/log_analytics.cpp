#include "dsl/azure/log_analytics.h"

#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

namespace {
constexpr std::string_view kType = "Microsoft.OperationalInsights/workspaces";
}

Value reference(const azure::LogAnalyticsWorkspace&, const std::string& symbol,
                std::string_view attribute) {
  if (attribute == "workspace_id") return Reference{symbol, {"properties", "customerId"}};
  return common_reference(symbol, attribute, kType);
}

void emit(const azure::LogAnalyticsWorkspace& workspace, Context& context) {
  const auto& props = workspace.props();
  Object properties{{
      {"sku", Object{{{"name", "PerGB2018"}}}},
      {"retentionInDays", props.retention_days},
  }};
  if (props.daily_quota_gb) {
    properties.properties.push_back({"workspaceCapping", Object{{{"dailyQuotaGb", *props.daily_quota_gb}}}});
  }
  properties.properties.push_back(
      {"features", Object{{{"disableLocalAuth", props.entra_only_auth.is_enforced()},
                           {"enableLogAccessUsingOnlyResourcePermissions", true}}}});
  properties.properties.push_back(
      {"publicNetworkAccessForIngestion", props.public_ingestion ? "Enabled" : "Disabled"});
  properties.properties.push_back(
      {"publicNetworkAccessForQuery", props.public_query ? "Enabled" : "Disabled"});
  Object body = context.header(workspace);
  body.properties.push_back({"properties", std::move(properties)});
  context.write(workspace, "Microsoft.OperationalInsights/workspaces@2025-02-01", std::move(body));
}

}  // namespace iac::gen::bicep
