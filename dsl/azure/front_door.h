#pragma once
/// Azure Front Door Standard/Premium with its WAF: the profile and what lives under it
/// (endpoints, routes, origin groups, origins, custom domains, the security policy binding the
/// WAF), and the WAF policy. Apps behind Front Door accept traffic from it only.
/// @see https://learn.microsoft.com/azure/frontdoor/front-door-overview

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/resource.h"
#include "dsl/core/security.h"

namespace iac::azure {

class Site;
class FrontDoorProfile;
class FrontDoorEndpoint;
class FrontDoorOriginGroup;
class FrontDoorOrigin;
class FrontDoorRoute;
class FrontDoorCustomDomain;
class FrontDoorFirewallPolicy;
class FrontDoorSecurityPolicy;

/// Standard: CDN, routing and WAF custom rules. Premium adds the managed rule sets (OWASP
/// Default Rule Set, Bot Manager) and Private Link origins.
/// @see https://learn.microsoft.com/azure/frontdoor/standard-premium/tier-comparison
enum class FrontDoorSku { standard, premium };
/// "Standard_AzureFrontDoor" or "Premium_AzureFrontDoor".
std::string_view to_string(FrontDoorSku sku);

// --- WAF policy --------------------------------------------------------------------------------

/// What a WAF custom rule matches on.
enum class WafMatchVariable {
  remote_addr,  ///< The client address, from X-Forwarded-For when present.
  socket_addr,  ///< The address of the TCP connection.
  request_method,
  request_uri,
  request_header,  ///< Needs `selector`: the header name.
  query_string,
  post_args,  ///< Needs `selector`: the argument name.
  request_body,
  cookies,  ///< Needs `selector`: the cookie name.
};
std::string_view to_string(WafMatchVariable variable);  ///< "RemoteAddr", "RequestUri", ...

enum class WafOperator { ip_match, geo_match, equal, contains, begins_with, ends_with, regex, any };
std::string_view to_string(WafOperator op);  ///< "IPMatch", "GeoMatch", "Equal", ...

enum class WafAction { block, log, allow, redirect };
std::string_view to_string(WafAction action);  ///< "Block", "Log", ...

/// One condition of a custom rule; a rule matches when all its conditions do.
struct WafMatchCondition {
  WafMatchVariable variable = WafMatchVariable::request_uri;
  WafOperator op = WafOperator::begins_with;
  std::vector<std::string> values;
  /// Header, cookie or argument name for request_header, cookies and post_args.
  std::optional<std::string> selector;
  bool negate = false;
};

/// A WAF custom rule: a match rule, or a rate limit per client address.
struct WafCustomRule {
  /// Letters and digits, starting with a letter (Azure's rule).
  std::string name;
  /// Lower runs first; unique within the policy, 1-100 recommended.
  int priority = 100;
  WafAction action = WafAction::block;
  std::vector<WafMatchCondition> conditions;
  /// Requests per client address and window above which `action` applies; unset for a match
  /// rule.
  std::optional<int> rate_limit_threshold;
  /// The rate-limit window: 1 or 5 minutes.
  int rate_limit_duration_minutes = 1;

  /// Requests from one client address matching `conditions` (all requests when empty: the rule
  /// then matches every address with `socket_addr IPMatch 0.0.0.0/0`), above `threshold` per
  /// `minutes`, are blocked.
  static WafCustomRule rate_limit(std::string name, int priority, int threshold, int minutes,
                                  std::vector<WafMatchCondition> conditions = {});
  /// Blocks requests whose client address is located in none of `countries` (ISO 3166-1
  /// alpha-2 codes such as "US").
  static WafCustomRule allow_only_countries(std::string name, int priority,
                                            std::vector<std::string> countries);
  /// Blocks requests whose client address is located in one of `countries`.
  static WafCustomRule block_countries(std::string name, int priority,
                                       std::vector<std::string> countries);
};

struct FrontDoorFirewallPolicyProps {
  /// @default the naming convention, compacted: `wafclinicprod` (letters and digits only,
  /// starting with a letter: Azure refuses hyphens in WAF policy names).
  std::optional<std::string> name;
  /// The policy inspects requests. Waiving it leaves the endpoints unprotected. @default enforced
  Control enabled;
  /// Prevention mode blocks what the rules match; waived, the policy only logs (Detection
  /// mode), which is accepted in dev only, while tuning rules. @default Prevention
  /// @see
  /// https://learn.microsoft.com/azure/web-application-firewall/afds/waf-front-door-policy-settings
  Control prevention_mode;
  /// Request bodies are inspected (up to the size limit), so injection in a POST is seen.
  /// @default enforced
  Control request_body_check;
  /// Premium runs Microsoft_DefaultRuleSet 2.1 (action Block) then Microsoft_BotManagerRuleSet
  /// 1.1. Standard cannot run managed rule sets: waive this there, with the reason.
  /// @default enforced
  Control managed_rules;
  /// Custom rules, e.g. `WafCustomRule::rate_limit("apiratelimit", 10, 300, 1)`.
  std::vector<WafCustomRule> custom_rules;
  std::map<std::string, std::string> tags;
};

/// A Front Door WAF policy. Created by FrontDoorProfile::firewall_policy(), which also binds it
/// to every endpoint and custom domain of the profile; its SKU is the profile's.
class FrontDoorFirewallPolicy final : public Resource {
 public:
  using Props = FrontDoorFirewallPolicyProps;
  static const ResourceKind kKind;

  FrontDoorFirewallPolicy(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }
  const FrontDoorProfile& profile() const { return profile_; }
  FrontDoorSku sku() const;
  /// "Prevention" or "Detection".
  std::string_view mode() const {
    return props_.prevention_mode.is_enforced() ? "Prevention" : "Detection";
  }
  /// Whether the managed rule sets are written (enforced on Premium).
  bool runs_managed_rules() const;

  void validate(Diagnostics& out) const override;

 private:
  const FrontDoorProfile& profile_;
  Props props_;
};

// --- profile -----------------------------------------------------------------------------------

struct FrontDoorProfileProps {
  /// @default the naming convention: `afd-<app>-<env>`.
  std::optional<std::string> name;
  /// @default Premium: managed WAF rule sets and Private Link origins. Standard costs about a
  /// tenth and suits dev; it needs `managed_rules` waived on the WAF.
  FrontDoorSku sku = FrontDoorSku::premium;
  /// Seconds Front Door waits for an origin's response, 16 to 240. @default 60
  int response_timeout_seconds = 60;
  std::map<std::string, std::string> tags;
};

struct FrontDoorEndpointProps {
  /// @default the naming convention: `fde-<app>-<env>-<id>` (1-46 characters; Azure appends a
  /// hash to the host name).
  std::optional<std::string> name;
  std::map<std::string, std::string> tags;
};

/// The origin group's HTTPS health probe.
struct FrontDoorHealthProbe {
  /// A path that answers 200 without authentication, e.g. the app's "/healthz".
  std::string path = "/";
  /// Seconds between probes from each Front Door point of presence, 5 to 255. @default 100
  int interval_seconds = 100;
  /// HEAD costs the origin least. @default true (HEAD); false probes with GET
  bool head = true;
};

struct FrontDoorOriginGroupProps {
  std::optional<std::string> name;
  FrontDoorHealthProbe health_probe;
  /// Latency samples considered per origin. @default 4
  int sample_size = 4;
  /// Successful samples within `sample_size` for an origin to count as healthy. @default 3
  int successful_samples_required = 3;
  /// Origins within this many ms of the fastest share the traffic. @default 50
  int additional_latency_ms = 50;
  /// Minutes before traffic returns to a healed or new origin, 0 to 50. @default 10
  int restore_traffic_minutes = 10;
};

/// A Private Link connection from Front Door to the app (Premium only). The app gets a pending
/// private endpoint connection that its owner approves once (Azure portal, `az network
/// private-endpoint-connection approve`); until then Front Door answers 502.
struct FrontDoorPrivateLink {
  /// Shown to the approver. @default "Front Door <profile name>"
  std::optional<std::string> request_message;
};

struct FrontDoorOriginProps {
  std::optional<std::string> name;
  /// The app served: host name and Host header are its default host name. Set this or `host`.
  const Site* app = nullptr;
  /// Any other origin host name (the Host header is the same).
  std::optional<std::string> host;
  /// Reach the app over Private Link instead of its public endpoint; Premium only, and only for
  /// an `app`. @default none
  std::optional<FrontDoorPrivateLink> private_link;
  /// The app's access restrictions admit only this Front Door profile: service tag
  /// AzureFrontDoor.Backend and header X-Azure-FDID = the profile's id, default Deny; the SCM
  /// site gets no Front Door rule. @default enforced
  /// @see https://learn.microsoft.com/azure/frontdoor/origin-security
  Control lock_app;
  /// 1 (first) to 5. @default 1
  int priority = 1;
  /// 1 to 1000. @default 1000
  int weight = 1000;
};

/// How a route's cache treats query strings.
enum class QueryStringCaching { ignore, use, ignore_specified, include_specified };
/// "IgnoreQueryString", "UseQueryString", "IgnoreSpecifiedQueryStrings",
/// "IncludeSpecifiedQueryStrings".
std::string_view to_string(QueryStringCaching caching);

struct FrontDoorRouteCache {
  QueryStringCaching query_strings = QueryStringCaching::use;
  /// The query strings for ignore_specified / include_specified.
  std::vector<std::string> query_string_names;
  bool compression = true;
  /// Content types compressed. @default JSON, JavaScript, CSS, HTML, plain text, SVG
  std::vector<std::string> content_types = {"application/json", "application/javascript",
                                            "text/css",         "text/html",
                                            "text/plain",       "image/svg+xml"};
};

struct FrontDoorRouteProps {
  std::optional<std::string> name;
  /// Required: where the route sends requests.
  Link<FrontDoorOriginGroup> origin_group;
  /// @default everything: "/*"
  std::vector<std::string> patterns = {"/*"};
  /// Custom domains served by this route (the endpoint's default domain is always served).
  std::vector<const FrontDoorCustomDomain*> custom_domains;
  /// HTTP requests are redirected to HTTPS; waived, the route serves plain HTTP.
  /// Front Door always reaches the origin over HTTPS. @default enforced
  Control https_only;
  /// Caching at the edge; none (every request goes to the origin), the right default for APIs.
  std::optional<FrontDoorRouteCache> cache;
};

struct FrontDoorCustomDomainProps {
  std::optional<std::string> name;
  /// The domain, e.g. "api.clinic.example.com". Validated (DNS labels). Required.
  std::string host_name;
};

/// A Front Door Standard/Premium profile. Add endpoints, origin groups and custom domains with
/// its methods, and a WAF with firewall_policy().
class FrontDoorProfile final : public Resource {
 public:
  using Props = FrontDoorProfileProps;
  static const ResourceKind kKind;

  FrontDoorProfile(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  /// Access, health probe and WAF logs (allLogs) and AllMetrics.
  std::vector<DiagnosticSource> diagnostic_sources() const override;
  const Props& props() const { return props_; }

  /// The profile's GUID, sent by Front Door as the `X-Azure-FDID` header.
  Ref resource_guid() const { return ref("resource_guid"); }

  FrontDoorEndpoint& endpoint(std::string id, FrontDoorEndpointProps props = {});
  FrontDoorOriginGroup& origin_group(std::string id, FrontDoorOriginGroupProps props = {});
  FrontDoorCustomDomain& custom_domain(std::string id, FrontDoorCustomDomainProps props);
  /// The WAF policy (id "waf") and the security policy binding it to every endpoint and
  /// custom domain of this profile (id "waf-binding"). Once per profile.
  FrontDoorFirewallPolicy& firewall_policy(FrontDoorFirewallPolicyProps props = {});

  std::vector<const FrontDoorEndpoint*> endpoints() const;
  std::vector<const FrontDoorCustomDomain*> custom_domains() const;
  std::vector<const FrontDoorOrigin*> origins() const;
  /// The security policy, or nullptr without a WAF.
  const FrontDoorSecurityPolicy* security_policy() const;

  void validate(Diagnostics& out) const override;

 private:
  Props props_;
};

/// A Front Door endpoint: `<name>-<hash>.z01.azurefd.net`.
class FrontDoorEndpoint final : public Resource {
 public:
  using Props = FrontDoorEndpointProps;
  static const ResourceKind kKind;

  FrontDoorEndpoint(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  const Props& props() const { return props_; }
  const FrontDoorProfile& profile() const { return profile_; }

  /// The endpoint's host name, e.g. `fde-clinic-prod-api-abc123.z01.azurefd.net`.
  Ref host_name() const { return ref("host_name"); }

  FrontDoorRoute& route(std::string id, FrontDoorRouteProps props);

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const FrontDoorProfile& profile_;
  Props props_;
};

/// Origins that share health probing and load balancing.
class FrontDoorOriginGroup final : public Resource {
 public:
  using Props = FrontDoorOriginGroupProps;
  static const ResourceKind kKind;

  FrontDoorOriginGroup(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }
  const FrontDoorProfile& profile() const { return profile_; }

  /// An origin serving `app` (host name and Host header from its default host name).
  FrontDoorOrigin& origin(std::string id, const Site& app, FrontDoorOriginProps props = {});
  /// An origin at any host name.
  FrontDoorOrigin& origin(std::string id, FrontDoorOriginProps props);
  std::vector<const FrontDoorOrigin*> origins() const;

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const FrontDoorProfile& profile_;
  Props props_;
};

/// One origin of a group: an app or a host, always reached over HTTPS with its certificate's
/// name checked.
class FrontDoorOrigin final : public Resource {
 public:
  using Props = FrontDoorOriginProps;
  static const ResourceKind kKind;

  FrontDoorOrigin(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }
  const FrontDoorOriginGroup& group() const { return group_; }
  const FrontDoorProfile& profile() const { return group_.profile(); }
  /// The origin host: the app's default host name, or `host`.
  Expr host_name() const;
  /// The Private Link request message.
  std::string private_link_message() const;

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const FrontDoorOriginGroup& group_;
  Props props_;
};

/// Sends requests matching its patterns on its endpoint (and custom domains) to an origin group.
class FrontDoorRoute final : public Resource {
 public:
  using Props = FrontDoorRouteProps;
  static const ResourceKind kKind;

  FrontDoorRoute(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }
  const FrontDoorEndpoint& endpoint() const { return endpoint_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const FrontDoorEndpoint& endpoint_;
  Props props_;
};

/// A custom domain with a Front Door managed certificate and TLS 1.2 minimum. Validate it with
/// a TXT record `_dnsauth.<host>` holding validation_token(), then CNAME it to the endpoint.
class FrontDoorCustomDomain final : public Resource {
 public:
  using Props = FrontDoorCustomDomainProps;
  static const ResourceKind kKind;

  FrontDoorCustomDomain(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }
  const FrontDoorProfile& profile() const { return profile_; }

  /// The token for the `_dnsauth` TXT record.
  Ref validation_token() const { return ref("validation_token"); }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const FrontDoorProfile& profile_;
  Props props_;
};

struct FrontDoorSecurityPolicyProps {
  Link<FrontDoorFirewallPolicy> waf;
};

/// Binds the profile's WAF policy to all its endpoints and custom domains, for every path.
class FrontDoorSecurityPolicy final : public Resource {
 public:
  using Props = FrontDoorSecurityPolicyProps;
  static const ResourceKind kKind;

  FrontDoorSecurityPolicy(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }
  const FrontDoorProfile& profile() const { return profile_; }
  /// The endpoint and custom domain ids the WAF covers, in declaration order.
  std::vector<Ref> domains() const;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const FrontDoorProfile& profile_;
  Props props_;
};

// --- apps behind Front Door --------------------------------------------------------------------

/// How Front Door reaches an app, from the origins of the app's stack that lock it.
struct FrontDoorAccess {
  /// The first profile whose origin locks the app, or nullptr: the app is not locked to one.
  const FrontDoorProfile* profile = nullptr;
  /// Every profile whose origin locks the app, in declaration order, each once: the access
  /// restriction admits their X-Azure-FDID values.
  std::vector<const FrontDoorProfile*> profiles;
  /// Some locking origin reaches the app over its public endpoint (no Private Link), so the
  /// public endpoint must be on (restricted to Front Door).
  bool needs_public_endpoint = false;
};
FrontDoorAccess front_door_access(const Site& site);

}  // namespace iac::azure
