#include "dsl/azure/cognitive.h"

#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

namespace {
constexpr const char* kApiVersion = "2025-06-01";
}

Value reference(const azure::CognitiveAccount&, const std::string& symbol,
                std::string_view attribute) {
  if (attribute == "endpoint") return Reference{symbol, {"properties", "endpoint"}};
  if (attribute == "principal_id") return Reference{symbol, {"identity", "principalId"}};
  return common_reference(symbol, attribute, "Microsoft.CognitiveServices/accounts");
}

void emit(const azure::CognitiveAccount& account, Context& context) {
  const auto& props = account.props();
  Object body = context.header(account);
  body.properties.push_back({"kind", std::string(to_string(props.kind))});
  body.properties.push_back({"sku", Object{{{"name", props.sku_name}}}});
  body.properties.push_back({"identity", Object{{{"type", "SystemAssigned"}}}});
  Array ip_rules;
  for (const auto& range : props.public_network.ip_ranges()) {
    ip_rules.emplace_back(Object{{{"value", range}}});
  }
  Object properties{{
      {"customSubDomainName", account.subdomain()},
      {"disableLocalAuth", props.entra_only_auth.is_enforced()},
      {"publicNetworkAccess", props.public_network.public_endpoint() ? "Enabled" : "Disabled"},
      {"networkAcls",
       Object{{{"defaultAction", props.public_network.denies_by_default() ? "Deny" : "Allow"},
               {"bypass", props.allow_trusted_azure_services ? "AzureServices" : "None"},
               {"ipRules", std::move(ip_rules)}}}},
      {"restrictOutboundNetworkAccess", props.restrict_outbound.is_enforced()},
  }};
  if (props.restrict_outbound.is_enforced()) {
    Array fqdns;
    for (const auto& fqdn : props.allowed_fqdns) fqdns.emplace_back(fqdn);
    properties.properties.push_back({"allowedFqdnList", std::move(fqdns)});
  }
  body.properties.push_back({"properties", std::move(properties)});
  context.write(account, std::string("Microsoft.CognitiveServices/accounts@") + kApiVersion,
                std::move(body));
}

// --- deployment -----------------------------------------------------------------------------

Value reference(const azure::CognitiveDeployment&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.CognitiveServices/accounts/deployments");
}

void emit(const azure::CognitiveDeployment& deployment, Context& context) {
  const auto& props = deployment.props();
  Object body{{
      {"parent", Reference{Context::symbol(deployment.account()), {}}},
      {"name", deployment.name()},
      {"sku", Object{{{"name", std::string(to_string(props.sku))}, {"capacity", props.capacity}}}},
      {"properties",
       Object{{{"model", Object{{{"format", props.model_format},
                                 {"name", props.model_name},
                                 {"version", props.model_version}}}},
               {"versionUpgradeOption", std::string(to_string(props.version_upgrade))}}}},
  }};
  context.write(deployment,
                std::string("Microsoft.CognitiveServices/accounts/deployments@") + kApiVersion,
                std::move(body));
}

}  // namespace iac::gen::bicep
