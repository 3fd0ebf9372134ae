#include "dsl/azure/cognitive.h"

#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::CognitiveAccount&) {
  return "azurerm_cognitive_account";
}

std::string attribute(const azure::CognitiveAccount&, std::string_view name) {
  if (name == "id" || name == "name" || name == "endpoint") return std::string(name);
  if (name == "principal_id") return "identity[0].principal_id";
  unknown_attribute("azurerm_cognitive_account", name);
}

void emit(const azure::CognitiveAccount& account, Context& context) {
  const auto& props = account.props();
  auto block = context.open(account, resource_type(account));
  auto& w = context.writer();
  w.attribute("kind", std::string(to_string(props.kind)));
  w.attribute("sku_name", props.sku_name);
  w.attribute("custom_subdomain_name", account.subdomain());
  w.attribute("local_auth_enabled", !props.entra_only_auth.is_enforced());
  w.attribute("public_network_access_enabled", props.public_network.public_endpoint());
  w.attribute("outbound_network_access_restricted", props.restrict_outbound.is_enforced());
  if (props.restrict_outbound.is_enforced()) {
    hcl::List fqdns;
    for (const auto& fqdn : props.allowed_fqdns) fqdns.emplace_back(fqdn);
    w.attribute("fqdns", std::move(fqdns));
  }
  context.tags_and_dependencies(account);
  {
    auto identity = w.block("identity");
    w.attribute("type", "SystemAssigned");
  }
  {
    auto acls = w.block("network_acls");
    w.attribute("default_action", props.public_network.denies_by_default() ? "Deny" : "Allow");
    w.attribute("bypass", props.allow_trusted_azure_services ? "AzureServices" : "None");
    hcl::List ip_rules;
    for (const auto& range : props.public_network.ip_ranges()) ip_rules.emplace_back(range);
    w.attribute("ip_rules", std::move(ip_rules));
  }
}

// --- deployment -----------------------------------------------------------------------------

std::string_view resource_type(const azure::CognitiveDeployment&) {
  return "azurerm_cognitive_deployment";
}

std::string attribute(const azure::CognitiveDeployment&, std::string_view name) {
  return id_or_name("azurerm_cognitive_deployment", name);
}

void emit(const azure::CognitiveDeployment& deployment, Context& context) {
  const auto& props = deployment.props();
  auto& w = context.writer();
  // A child of the account: no location, resource group or tags of its own.
  auto block =
      w.block("resource", {std::string(resource_type(deployment)), Context::label(deployment)});
  w.attribute("name", deployment.name());
  w.attribute("cognitive_account_id", context.traversal(deployment.account().id()));
  w.attribute("version_upgrade_option", std::string(to_string(props.version_upgrade)));
  context.tags_and_dependencies(deployment);
  {
    auto model = w.block("model");
    w.attribute("format", props.model_format);
    w.attribute("name", props.model_name);
    w.attribute("version", props.model_version);
  }
  {
    auto sku = w.block("sku");
    w.attribute("name", std::string(to_string(props.sku)));
    w.attribute("capacity", props.capacity);
  }
}

}  // namespace iac::gen::terraform
