#include "dsl/azure/application_insights.h"

#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

Value reference(const azure::ApplicationInsights&, const std::string& symbol,
                std::string_view attribute) {
  if (attribute == "connection_string") return Reference{symbol, {"properties", "ConnectionString"}};
  if (attribute == "app_id") return Reference{symbol, {"properties", "AppId"}};
  return common_reference(symbol, attribute, "Microsoft.Insights/components");
}

void emit(const azure::ApplicationInsights& insights, Context& context) {
  const auto& props = insights.props();
  const char* type = props.application_type == azure::ApplicationType::web ? "web" : "other";
  Object properties{{{"Application_Type", type}}};
  if (props.workspace) {
    properties.properties.push_back({"WorkspaceResourceId", context.reference(props.workspace->id())});
  }
  properties.properties.push_back({"IngestionMode", "LogAnalytics"});
  properties.properties.push_back({"RetentionInDays", props.retention_days});
  properties.properties.push_back({"SamplingPercentage", props.sampling_percentage});
  properties.properties.push_back({"DisableLocalAuth", props.entra_only_auth.is_enforced()});
  properties.properties.push_back(
      {"publicNetworkAccessForIngestion", props.public_ingestion ? "Enabled" : "Disabled"});
  properties.properties.push_back(
      {"publicNetworkAccessForQuery", props.public_query ? "Enabled" : "Disabled"});
  Object body = context.header(insights);
  body.properties.push_back({"kind", type});
  body.properties.push_back({"properties", std::move(properties)});
  context.write(insights, "Microsoft.Insights/components@2020-02-02", std::move(body));
}

}  // namespace iac::gen::bicep
