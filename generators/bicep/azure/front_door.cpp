#include "dsl/azure/front_door.h"

#include <fmt/format.h>

#include "dsl/azure/site.h"
#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

namespace {

constexpr std::string_view kCdnApi = "2025-04-15";
constexpr std::string_view kWafApi = "2024-02-01";

std::string cdn_type(std::string_view child) {
  return fmt::format("Microsoft.Cdn/profiles{}@{}", child, kCdnApi);
}

Array string_array(const std::vector<std::string>& items) {
  Array array;
  for (const auto& item : items) array.emplace_back(item);
  return array;
}

Object id_of(Context& context, const Ref& id) { return Object{{{"id", context.reference(id)}}}; }

const char* enabled_state(bool enabled) { return enabled ? "Enabled" : "Disabled"; }

/// A child's body: parent and name.
Object child(const Resource& parent, const Resource& resource) {
  return Object{{{"parent", Reference{Context::symbol(parent), {}}}, {"name", resource.name()}}};
}

}  // namespace

// --- profile -----------------------------------------------------------------------------------

Value reference(const azure::FrontDoorProfile&, const std::string& symbol,
                std::string_view attribute) {
  if (attribute == "resource_guid") return Reference{symbol, {"properties", "frontDoorId"}};
  return common_reference(symbol, attribute, "Microsoft.Cdn/profiles");
}

void emit(const azure::FrontDoorProfile& profile, Context& context) {
  const auto& props = profile.props();
  Object body = context.header(profile);
  // Front Door is a global service.
  body.properties[1].value = "global";
  body.properties.push_back({"sku", Object{{{"name", std::string(to_string(props.sku))}}}});
  body.properties.push_back(
      {"properties", Object{{{"originResponseTimeoutSeconds", props.response_timeout_seconds}}}});
  context.write(profile, cdn_type(""), std::move(body));
}

// --- endpoint ----------------------------------------------------------------------------------

Value reference(const azure::FrontDoorEndpoint&, const std::string& symbol,
                std::string_view attribute) {
  if (attribute == "host_name") return Reference{symbol, {"properties", "hostName"}};
  return common_reference(symbol, attribute, "Microsoft.Cdn/profiles/afdEndpoints");
}

void emit(const azure::FrontDoorEndpoint& endpoint, Context& context) {
  Object body = context.header(endpoint);
  body.properties[1].value = "global";
  body.properties.insert(body.properties.begin(),
                         {"parent", Reference{Context::symbol(endpoint.profile()), {}}});
  body.properties.push_back({"properties", Object{{{"enabledState", "Enabled"}}}});
  context.write(endpoint, cdn_type("/afdEndpoints"), std::move(body));
}

// --- origin group ------------------------------------------------------------------------------

Value reference(const azure::FrontDoorOriginGroup&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Cdn/profiles/originGroups");
}

void emit(const azure::FrontDoorOriginGroup& group, Context& context) {
  const auto& props = group.props();
  Object body = child(group.profile(), group);
  body.properties.push_back(
      {"properties",
       Object{{
           {"loadBalancingSettings",
            Object{{{"sampleSize", props.sample_size},
                    {"successfulSamplesRequired", props.successful_samples_required},
                    {"additionalLatencyInMilliseconds", props.additional_latency_ms}}}},
           {"healthProbeSettings",
            Object{{{"probePath", props.health_probe.path},
                    {"probeRequestType", props.health_probe.head ? "HEAD" : "GET"},
                    {"probeProtocol", "Https"},
                    {"probeIntervalInSeconds", props.health_probe.interval_seconds}}}},
           {"trafficRestorationTimeToHealedOrNewEndpointsInMinutes", props.restore_traffic_minutes},
           {"sessionAffinityState", "Disabled"},
       }}});
  context.write(group, cdn_type("/originGroups"), std::move(body));
}

// --- origin ------------------------------------------------------------------------------------

Value reference(const azure::FrontDoorOrigin&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Cdn/profiles/originGroups/origins");
}

void emit(const azure::FrontDoorOrigin& origin, Context& context) {
  const auto& props = origin.props();
  Object properties{{
      {"hostName", context.value(origin.host_name())},
      // App Service routes by Host header: it must be the app's own host name.
      {"originHostHeader", context.value(origin.host_name())},
      {"httpPort", 80},
      {"httpsPort", 443},
      {"priority", props.priority},
      {"weight", props.weight},
      {"enabledState", "Enabled"},
      {"enforceCertificateNameCheck", true},
  }};
  if (props.private_link && props.app != nullptr) {
    properties.properties.push_back(
        {"sharedPrivateLinkResource", Object{{{"privateLink", id_of(context, props.app->id())},
                                              {"groupId", "sites"},
                                              {"privateLinkLocation", props.app->location()},
                                              {"requestMessage", origin.private_link_message()}}}});
  }
  Object body = child(origin.group(), origin);
  body.properties.push_back({"properties", std::move(properties)});
  context.write(origin, cdn_type("/originGroups/origins"), std::move(body));
}

// --- custom domain -----------------------------------------------------------------------------

Value reference(const azure::FrontDoorCustomDomain&, const std::string& symbol,
                std::string_view attribute) {
  if (attribute == "validation_token") {
    return Reference{symbol, {"properties", "validationProperties", "validationToken"}};
  }
  return common_reference(symbol, attribute, "Microsoft.Cdn/profiles/customDomains");
}

void emit(const azure::FrontDoorCustomDomain& domain, Context& context) {
  Object body = child(domain.profile(), domain);
  body.properties.push_back(
      {"properties", Object{{{"hostName", domain.props().host_name},
                             {"tlsSettings", Object{{{"certificateType", "ManagedCertificate"},
                                                     {"minimumTlsVersion", "TLS12"}}}}}}});
  context.write(domain, cdn_type("/customDomains"), std::move(body));
}

// --- route -------------------------------------------------------------------------------------

Value reference(const azure::FrontDoorRoute&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Cdn/profiles/afdEndpoints/routes");
}

void emit(const azure::FrontDoorRoute& route, Context& context) {
  const auto& props = route.props();
  Object properties;
  Array depends_on;
  if (!props.custom_domains.empty()) {
    Array domains;
    for (const auto* domain : props.custom_domains) {
      domains.emplace_back(id_of(context, domain->id()));
    }
    properties.properties.push_back({"customDomains", std::move(domains)});
  }
  if (props.origin_group) {
    properties.properties.push_back({"originGroup", id_of(context, props.origin_group->id())});
    // A route on an origin group without origins is refused: wait for them.
    for (const auto* origin : props.origin_group->origins()) {
      depends_on.emplace_back(Reference{Context::symbol(*origin), {}});
    }
  }
  // HTTP is accepted only to be redirected; Front Door reaches the origin over HTTPS only.
  properties.properties.push_back({"supportedProtocols", Array{"Http", "Https"}});
  properties.properties.push_back({"patternsToMatch", string_array(props.patterns)});
  if (props.cache) {
    const auto& cache = *props.cache;
    Object configuration{
        {{"queryStringCachingBehavior", std::string(to_string(cache.query_strings))}}};
    if (!cache.query_string_names.empty()) {
      std::string names;
      for (const auto& name : cache.query_string_names) names += (names.empty() ? "" : ",") + name;
      configuration.properties.push_back({"queryParameters", names});
    }
    Object compression{{{"isCompressionEnabled", cache.compression}}};
    if (cache.compression) {
      compression.properties.push_back(
          {"contentTypesToCompress", string_array(cache.content_types)});
    }
    configuration.properties.push_back({"compressionSettings", std::move(compression)});
    properties.properties.push_back({"cacheConfiguration", std::move(configuration)});
  }
  properties.properties.push_back({"forwardingProtocol", "HttpsOnly"});
  properties.properties.push_back({"linkToDefaultDomain", "Enabled"});
  properties.properties.push_back({"httpsRedirect", enabled_state(props.https_only.is_enforced())});
  properties.properties.push_back({"enabledState", "Enabled"});
  Object body = child(route.endpoint(), route);
  body.properties.push_back({"properties", std::move(properties)});
  if (!depends_on.empty()) body.properties.push_back({"dependsOn", std::move(depends_on)});
  context.write(route, cdn_type("/afdEndpoints/routes"), std::move(body));
}

// --- WAF policy --------------------------------------------------------------------------------

Value reference(const azure::FrontDoorFirewallPolicy&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute,
                          "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies");
}

void emit(const azure::FrontDoorFirewallPolicy& waf, Context& context) {
  const auto& props = waf.props();
  Array rules;
  for (const auto& rule : props.custom_rules) {
    Array conditions;
    for (const auto& condition : rule.conditions) {
      Object entry{{{"matchVariable", std::string(to_string(condition.variable))}}};
      if (condition.selector) entry.properties.push_back({"selector", *condition.selector});
      entry.properties.push_back({"operator", std::string(to_string(condition.op))});
      entry.properties.push_back({"negateCondition", condition.negate});
      entry.properties.push_back({"matchValue", string_array(condition.values)});
      conditions.emplace_back(std::move(entry));
    }
    Object entry{{{"name", rule.name},
                  {"priority", rule.priority},
                  {"enabledState", "Enabled"},
                  {"ruleType", rule.rate_limit_threshold ? "RateLimitRule" : "MatchRule"}}};
    if (rule.rate_limit_threshold) {
      entry.properties.push_back({"rateLimitDurationInMinutes", rule.rate_limit_duration_minutes});
      entry.properties.push_back({"rateLimitThreshold", *rule.rate_limit_threshold});
    }
    entry.properties.push_back({"matchConditions", std::move(conditions)});
    entry.properties.push_back({"action", std::string(to_string(rule.action))});
    rules.emplace_back(std::move(entry));
  }
  Array managed;
  if (waf.runs_managed_rules()) {
    managed.emplace_back(Object{{{"ruleSetType", "Microsoft_DefaultRuleSet"},
                                 {"ruleSetVersion", "2.1"},
                                 {"ruleSetAction", "Block"}}});
    managed.emplace_back(Object{{{"ruleSetType", "Microsoft_BotManagerRuleSet"},
                                 {"ruleSetVersion", "1.1"},
                                 {"ruleSetAction", "Block"}}});
  }
  Object body = context.header(waf);
  body.properties[1].value = "Global";
  body.properties.push_back({"sku", Object{{{"name", std::string(to_string(waf.sku()))}}}});
  body.properties.push_back(
      {"properties",
       Object{{
           {"policySettings",
            Object{{{"enabledState", enabled_state(props.enabled.is_enforced())},
                    {"mode", std::string(waf.mode())},
                    {"requestBodyCheck", enabled_state(props.request_body_check.is_enforced())}}}},
           {"customRules", Object{{{"rules", std::move(rules)}}}},
           {"managedRules", Object{{{"managedRuleSets", std::move(managed)}}}},
       }}});
  context.write(
      waf, fmt::format("Microsoft.Network/FrontDoorWebApplicationFirewallPolicies@{}", kWafApi),
      std::move(body));
}

// --- security policy ---------------------------------------------------------------------------

Value reference(const azure::FrontDoorSecurityPolicy&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute, "Microsoft.Cdn/profiles/securityPolicies");
}

void emit(const azure::FrontDoorSecurityPolicy& policy, Context& context) {
  Array domains;
  for (const Ref& domain : policy.domains()) domains.emplace_back(id_of(context, domain));
  Object parameters{{{"type", "WebApplicationFirewall"}}};
  if (policy.props().waf) {
    parameters.properties.push_back({"wafPolicy", id_of(context, policy.props().waf->id())});
  }
  parameters.properties.push_back(
      {"associations",
       Array{Object{{{"domains", std::move(domains)}, {"patternsToMatch", Array{"/*"}}}}}});
  Object body = child(policy.profile(), policy);
  body.properties.push_back({"properties", Object{{{"parameters", std::move(parameters)}}}});
  context.write(policy, cdn_type("/securityPolicies"), std::move(body));
}

}  // namespace iac::gen::bicep
