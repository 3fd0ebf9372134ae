#include "dsl/azure/front_door.h"

#include "dsl/azure/resource_group.h"
#include "dsl/azure/site.h"
#include "dsl/core/stack.h"
#include "generators/terraform/azure/emitters.h"

namespace iac::gen::terraform {

namespace {

/// Front Door resources are global: no `location`. Profile and WAF policy sit in the resource
/// group; the others are children named by their parent's id.
hcl::HclWriter::BlockScope open_global(const Resource& resource, std::string_view type,
                                       Context& context, bool in_resource_group) {
  auto& w = context.writer();
  auto block = w.block("resource", {std::string(type), Context::label(resource)});
  w.attribute("name", resource.name());
  if (in_resource_group) {
    w.attribute("resource_group_name",
                context.traversal(context.stack().resource_group().name_ref()));
  }
  return block;
}

hcl::List string_list(const std::vector<std::string>& items) {
  hcl::List list;
  for (const auto& item : items) list.emplace_back(item);
  return list;
}

std::string id_only(std::string_view type, std::string_view name) {
  if (name == "id" || name == "name") return std::string(name);
  unknown_attribute(type, name);
}

}  // namespace

// --- profile -----------------------------------------------------------------------------------

std::string_view resource_type(const azure::FrontDoorProfile&) {
  return "azurerm_cdn_frontdoor_profile";
}

std::string attribute(const azure::FrontDoorProfile&, std::string_view name) {
  if (name == "resource_guid") return std::string(name);
  return id_only("azurerm_cdn_frontdoor_profile", name);
}

void emit(const azure::FrontDoorProfile& profile, Context& context) {
  const auto& props = profile.props();
  auto block = open_global(profile, resource_type(profile), context, true);
  auto& w = context.writer();
  w.attribute("sku_name", std::string(to_string(props.sku)));
  w.attribute("response_timeout_seconds", props.response_timeout_seconds);
  context.tags_and_dependencies(profile);
}

// --- endpoint ----------------------------------------------------------------------------------

std::string_view resource_type(const azure::FrontDoorEndpoint&) {
  return "azurerm_cdn_frontdoor_endpoint";
}

std::string attribute(const azure::FrontDoorEndpoint&, std::string_view name) {
  if (name == "host_name") return std::string(name);
  return id_only("azurerm_cdn_frontdoor_endpoint", name);
}

void emit(const azure::FrontDoorEndpoint& endpoint, Context& context) {
  auto block = open_global(endpoint, resource_type(endpoint), context, false);
  auto& w = context.writer();
  w.attribute("cdn_frontdoor_profile_id", context.traversal(endpoint.profile().id()));
  w.attribute("enabled", true);
  context.tags_and_dependencies(endpoint);
}

// --- origin group ------------------------------------------------------------------------------

std::string_view resource_type(const azure::FrontDoorOriginGroup&) {
  return "azurerm_cdn_frontdoor_origin_group";
}

std::string attribute(const azure::FrontDoorOriginGroup&, std::string_view name) {
  return id_only("azurerm_cdn_frontdoor_origin_group", name);
}

void emit(const azure::FrontDoorOriginGroup& group, Context& context) {
  const auto& props = group.props();
  auto block = open_global(group, resource_type(group), context, false);
  auto& w = context.writer();
  w.attribute("cdn_frontdoor_profile_id", context.traversal(group.profile().id()));
  // Requests are not pinned to one origin, so a failing origin is left at once.
  w.attribute("session_affinity_enabled", false);
  w.attribute("restore_traffic_time_to_healed_or_new_endpoint_in_minutes",
              props.restore_traffic_minutes);
  context.tags_and_dependencies(group);
  {
    auto probe = w.block("health_probe");
    w.attribute("protocol", "Https");
    w.attribute("path", props.health_probe.path);
    w.attribute("request_type", props.health_probe.head ? "HEAD" : "GET");
    w.attribute("interval_in_seconds", props.health_probe.interval_seconds);
  }
  {
    auto balancing = w.block("load_balancing");
    w.attribute("sample_size", props.sample_size);
    w.attribute("successful_samples_required", props.successful_samples_required);
    w.attribute("additional_latency_in_milliseconds", props.additional_latency_ms);
  }
}

// --- origin ------------------------------------------------------------------------------------

std::string_view resource_type(const azure::FrontDoorOrigin&) {
  return "azurerm_cdn_frontdoor_origin";
}

std::string attribute(const azure::FrontDoorOrigin&, std::string_view name) {
  return id_only("azurerm_cdn_frontdoor_origin", name);
}

void emit(const azure::FrontDoorOrigin& origin, Context& context) {
  const auto& props = origin.props();
  auto block = open_global(origin, resource_type(origin), context, false);
  auto& w = context.writer();
  w.attribute("cdn_frontdoor_origin_group_id", context.traversal(origin.group().id()));
  w.attribute("enabled", true);
  w.attribute("host_name", context.value(origin.host_name()));
  // App Service routes by Host header: it must be the app's own host name.
  w.attribute("origin_host_header", context.value(origin.host_name()));
  w.attribute("http_port", 80);
  w.attribute("https_port", 443);
  w.attribute("certificate_name_check_enabled", true);
  w.attribute("priority", props.priority);
  w.attribute("weight", props.weight);
  context.tags_and_dependencies(origin);
  if (props.private_link && props.app != nullptr) {
    auto link = w.block("private_link");
    w.attribute("request_message", origin.private_link_message());
    w.attribute("target_type", "sites");
    w.attribute("location", props.app->location());
    w.attribute("private_link_target_id", context.traversal(props.app->id()));
  }
}

// --- custom domain -----------------------------------------------------------------------------

std::string_view resource_type(const azure::FrontDoorCustomDomain&) {
  return "azurerm_cdn_frontdoor_custom_domain";
}

std::string attribute(const azure::FrontDoorCustomDomain&, std::string_view name) {
  if (name == "validation_token") return std::string(name);
  return id_only("azurerm_cdn_frontdoor_custom_domain", name);
}

void emit(const azure::FrontDoorCustomDomain& domain, Context& context) {
  auto block = open_global(domain, resource_type(domain), context, false);
  auto& w = context.writer();
  w.attribute("cdn_frontdoor_profile_id", context.traversal(domain.profile().id()));
  w.attribute("host_name", domain.props().host_name);
  context.tags_and_dependencies(domain);
  auto tls = w.block("tls");
  w.attribute("certificate_type", "ManagedCertificate");
  w.attribute("minimum_tls_version", "TLS12");
}

// --- route -------------------------------------------------------------------------------------

std::string_view resource_type(const azure::FrontDoorRoute&) {
  return "azurerm_cdn_frontdoor_route";
}

std::string attribute(const azure::FrontDoorRoute&, std::string_view name) {
  return id_only("azurerm_cdn_frontdoor_route", name);
}

void emit(const azure::FrontDoorRoute& route, Context& context) {
  const auto& props = route.props();
  auto block = open_global(route, resource_type(route), context, false);
  auto& w = context.writer();
  w.attribute("cdn_frontdoor_endpoint_id", context.traversal(route.endpoint().id()));
  if (props.origin_group) {
    w.attribute("cdn_frontdoor_origin_group_id", context.traversal(props.origin_group->id()));
    hcl::List origins;
    for (const auto* origin : props.origin_group->origins()) {
      origins.emplace_back(context.traversal(origin->id()));
    }
    w.attribute("cdn_frontdoor_origin_ids", std::move(origins));
  }
  if (!props.custom_domains.empty()) {
    hcl::List domains;
    for (const auto* domain : props.custom_domains) {
      domains.emplace_back(context.traversal(domain->id()));
    }
    w.attribute("cdn_frontdoor_custom_domain_ids", std::move(domains));
  }
  w.attribute("enabled", true);
  // HTTP is accepted only to be redirected; Front Door reaches the origin over HTTPS only.
  w.attribute("supported_protocols", hcl::List{std::string("Http"), std::string("Https")});
  w.attribute("https_redirect_enabled", props.https_only.is_enforced());
  w.attribute("forwarding_protocol", "HttpsOnly");
  w.attribute("patterns_to_match", string_list(props.patterns));
  w.attribute("link_to_default_domain", true);
  context.tags_and_dependencies(route);
  if (props.cache) {
    const auto& cache = *props.cache;
    auto block_cache = w.block("cache");
    w.attribute("query_string_caching_behavior", std::string(to_string(cache.query_strings)));
    if (!cache.query_string_names.empty()) {
      w.attribute("query_strings", string_list(cache.query_string_names));
    }
    w.attribute("compression_enabled", cache.compression);
    if (cache.compression) {
      w.attribute("content_types_to_compress", string_list(cache.content_types));
    }
  }
}

// --- WAF policy --------------------------------------------------------------------------------

std::string_view resource_type(const azure::FrontDoorFirewallPolicy&) {
  return "azurerm_cdn_frontdoor_firewall_policy";
}

std::string attribute(const azure::FrontDoorFirewallPolicy&, std::string_view name) {
  return id_only("azurerm_cdn_frontdoor_firewall_policy", name);
}

void emit(const azure::FrontDoorFirewallPolicy& waf, Context& context) {
  const auto& props = waf.props();
  auto block = open_global(waf, resource_type(waf), context, true);
  auto& w = context.writer();
  w.attribute("sku_name", std::string(to_string(waf.sku())));
  w.attribute("enabled", props.enabled.is_enforced());
  w.attribute("mode", std::string(waf.mode()));
  w.attribute("request_body_check_enabled", props.request_body_check.is_enforced());
  context.tags_and_dependencies(waf);
  for (const auto& rule : props.custom_rules) {
    auto custom = w.block("custom_rule");
    w.attribute("name", rule.name);
    w.attribute("enabled", true);
    w.attribute("priority", rule.priority);
    w.attribute("type", rule.rate_limit_threshold ? "RateLimitRule" : "MatchRule");
    if (rule.rate_limit_threshold) {
      w.attribute("rate_limit_duration_in_minutes", rule.rate_limit_duration_minutes);
      w.attribute("rate_limit_threshold", *rule.rate_limit_threshold);
    }
    w.attribute("action", std::string(to_string(rule.action)));
    for (const auto& condition : rule.conditions) {
      auto match = w.block("match_condition");
      w.attribute("match_variable", std::string(to_string(condition.variable)));
      if (condition.selector) w.attribute("selector", *condition.selector);
      w.attribute("operator", std::string(to_string(condition.op)));
      w.attribute("negation_condition", condition.negate);
      w.attribute("match_values", string_list(condition.values));
    }
  }
  if (waf.runs_managed_rules()) {
    {
      auto managed = w.block("managed_rule");
      w.attribute("type", "Microsoft_DefaultRuleSet");
      w.attribute("version", "2.1");
      w.attribute("action", "Block");
    }
    {
      auto managed = w.block("managed_rule");
      w.attribute("type", "Microsoft_BotManagerRuleSet");
      w.attribute("version", "1.1");
      w.attribute("action", "Block");
    }
  }
}

// --- security policy ---------------------------------------------------------------------------

std::string_view resource_type(const azure::FrontDoorSecurityPolicy&) {
  return "azurerm_cdn_frontdoor_security_policy";
}

std::string attribute(const azure::FrontDoorSecurityPolicy&, std::string_view name) {
  return id_only("azurerm_cdn_frontdoor_security_policy", name);
}

void emit(const azure::FrontDoorSecurityPolicy& policy, Context& context) {
  auto block = open_global(policy, resource_type(policy), context, false);
  auto& w = context.writer();
  w.attribute("cdn_frontdoor_profile_id", context.traversal(policy.profile().id()));
  context.tags_and_dependencies(policy);
  auto policies = w.block("security_policies");
  auto firewall = w.block("firewall");
  if (policy.props().waf) {
    w.attribute("cdn_frontdoor_firewall_policy_id", context.traversal(policy.props().waf->id()));
  }
  auto association = w.block("association");
  w.attribute("patterns_to_match", hcl::List{std::string("/*")});
  for (const Ref& domain : policy.domains()) {
    auto entry = w.block("domain");
    w.attribute("cdn_frontdoor_domain_id", context.traversal(domain));
  }
}

}  // namespace iac::gen::terraform
