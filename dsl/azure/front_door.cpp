#include "dsl/azure/front_door.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "dsl/azure/app_service_plan.h"
#include "dsl/azure/site.h"
#include "dsl/core/stack.h"

namespace iac::azure {

namespace {

template <class Parent>
const Parent& parent_of(const Construct& scope, std::string_view child, std::string_view parent) {
  if (const auto* typed = dynamic_cast<const Parent*>(&scope)) return *typed;
  throw std::logic_error(fmt::format("{}: a {} must be added under a {} (use its methods)",
                                     scope.path(), child, parent));
}

template <class T>
std::vector<const T*> children_of(const Construct& parent) {
  std::vector<const T*> result;
  for (const auto& child : parent.children()) {
    if (const auto* typed = dynamic_cast<const T*>(child.get())) result.push_back(typed);
  }
  return result;
}

bool dns_label_char(char c) { return chars::alnum(c) || c == '-'; }

/// Empty when `host` is a fully qualified DNS name of at least two labels, lowercase.
std::string check_host_name(std::string_view host) {
  if (host.empty()) return "it is empty";
  if (host.size() > 253) return "it is longer than 253 characters";
  if (host.find('.') == std::string_view::npos) return "it has a single label";
  std::size_t start = 0;
  while (start <= host.size()) {
    std::size_t end = host.find('.', start);
    if (end == std::string_view::npos) end = host.size();
    std::string_view label = host.substr(start, end - start);
    if (label.empty() || label.size() > 63) return "a label is empty or longer than 63 characters";
    if (!std::all_of(label.begin(), label.end(), dns_label_char)) {
      return fmt::format("label '{}' has characters other than letters, digits and '-'", label);
    }
    if (label.front() == '-' || label.back() == '-') {
      return fmt::format("label '{}' starts or ends with '-'", label);
    }
    for (char c : label) {
      if (c >= 'A' && c <= 'Z') return "it has upper-case letters";
    }
    start = end + 1;
  }
  return {};
}

bool letter_or_digit(char c) { return chars::alnum(c); }

constexpr NamingRule kChildNaming{.min_length = 1,
                                  .max_length = 90,
                                  .charset = "letters, digits and '-'",
                                  .allowed = chars::alnum_hyphen,
                                  .first = chars::alnum,
                                  .last = chars::alnum,
                                  .scope = NameScope::parent};

}  // namespace

std::string_view to_string(FrontDoorSku sku) {
  return sku == FrontDoorSku::premium ? "Premium_AzureFrontDoor" : "Standard_AzureFrontDoor";
}

std::string_view to_string(WafMatchVariable variable) {
  switch (variable) {
    case WafMatchVariable::remote_addr:
      return "RemoteAddr";
    case WafMatchVariable::socket_addr:
      return "SocketAddr";
    case WafMatchVariable::request_method:
      return "RequestMethod";
    case WafMatchVariable::request_uri:
      return "RequestUri";
    case WafMatchVariable::request_header:
      return "RequestHeader";
    case WafMatchVariable::query_string:
      return "QueryString";
    case WafMatchVariable::post_args:
      return "PostArgs";
    case WafMatchVariable::request_body:
      return "RequestBody";
    case WafMatchVariable::cookies:
      return "Cookies";
  }
  return "RequestUri";
}

std::string_view to_string(WafOperator op) {
  switch (op) {
    case WafOperator::ip_match:
      return "IPMatch";
    case WafOperator::geo_match:
      return "GeoMatch";
    case WafOperator::equal:
      return "Equal";
    case WafOperator::contains:
      return "Contains";
    case WafOperator::begins_with:
      return "BeginsWith";
    case WafOperator::ends_with:
      return "EndsWith";
    case WafOperator::regex:
      return "RegEx";
    case WafOperator::any:
      return "Any";
  }
  return "Equal";
}

std::string_view to_string(WafAction action) {
  switch (action) {
    case WafAction::block:
      return "Block";
    case WafAction::log:
      return "Log";
    case WafAction::allow:
      return "Allow";
    case WafAction::redirect:
      return "Redirect";
  }
  return "Block";
}

std::string_view to_string(QueryStringCaching caching) {
  switch (caching) {
    case QueryStringCaching::ignore:
      return "IgnoreQueryString";
    case QueryStringCaching::use:
      return "UseQueryString";
    case QueryStringCaching::ignore_specified:
      return "IgnoreSpecifiedQueryStrings";
    case QueryStringCaching::include_specified:
      return "IncludeSpecifiedQueryStrings";
  }
  return "UseQueryString";
}

WafCustomRule WafCustomRule::rate_limit(std::string name, int priority, int threshold, int minutes,
                                        std::vector<WafMatchCondition> conditions) {
  if (conditions.empty()) {
    // A rate-limit rule needs a condition; this one matches every client.
    conditions.push_back({.variable = WafMatchVariable::socket_addr,
                          .op = WafOperator::ip_match,
                          .values = {"0.0.0.0/0", "::/0"}});
  }
  return {.name = std::move(name),
          .priority = priority,
          .action = WafAction::block,
          .conditions = std::move(conditions),
          .rate_limit_threshold = threshold,
          .rate_limit_duration_minutes = minutes};
}

WafCustomRule WafCustomRule::allow_only_countries(std::string name, int priority,
                                                  std::vector<std::string> countries) {
  return {.name = std::move(name),
          .priority = priority,
          .action = WafAction::block,
          .conditions = {{.variable = WafMatchVariable::remote_addr,
                          .op = WafOperator::geo_match,
                          .values = std::move(countries),
                          .negate = true}}};
}

WafCustomRule WafCustomRule::block_countries(std::string name, int priority,
                                             std::vector<std::string> countries) {
  return {.name = std::move(name),
          .priority = priority,
          .action = WafAction::block,
          .conditions = {{.variable = WafMatchVariable::remote_addr,
                          .op = WafOperator::geo_match,
                          .values = std::move(countries)}}};
}

// --- WAF policy --------------------------------------------------------------------------------

const ResourceKind FrontDoorFirewallPolicy::kKind{
    .name = "Front Door WAF policy",
    .abbreviation = "waf",
    .naming = {.min_length = 1,
               .max_length = 128,
               .charset = "letters and digits, starting with a letter",
               .allowed = letter_or_digit,
               .first = chars::letter,
               .last = chars::alnum,
               .scope = NameScope::resource_group,
               .style = NameStyle::compact}};

FrontDoorFirewallPolicy::FrontDoorFirewallPolicy(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags),
      profile_(parent_of<FrontDoorProfile>(scope, "Front Door WAF policy", "FrontDoorProfile")),
      props_(std::move(props)) {}

FrontDoorSku FrontDoorFirewallPolicy::sku() const { return profile_.props().sku; }

bool FrontDoorFirewallPolicy::runs_managed_rules() const {
  return sku() == FrontDoorSku::premium && props_.managed_rules.is_enforced();
}

void FrontDoorFirewallPolicy::validate(Diagnostics& out) const {
  Resource::validate(out);
  validate_control(*this, "enabled", props_.enabled, out);
  validate_control(*this, "prevention_mode", props_.prevention_mode, out);
  validate_control(*this, "request_body_check", props_.request_body_check, out);
  validate_control(*this, "managed_rules", props_.managed_rules, out);
  if (!props_.prevention_mode.is_enforced() && !stack().env().is_dev()) {
    out.push_back(
        diagnostic("IAC-AFD-001",
                   fmt::format("`prevention_mode` is waived in {}: the WAF only logs attacks",
                               stack().env().name),
                   "Detection mode is for tuning rules in dev; remove the waiver outside dev"));
  }
  if (sku() == FrontDoorSku::standard && props_.managed_rules.is_enforced()) {
    out.push_back(diagnostic(
        "IAC-AFD-002",
        "`managed_rules` is enforced, but the profile is Standard, which runs custom rules only "
        "(no Default Rule Set, no Bot Manager)",
        "use `.sku = FrontDoorSku::premium` on the profile, or write why Standard is enough: "
        "`.managed_rules = Control::waived(\"<reason>\")`"));
  }
  std::set<std::string> names;
  std::set<int> priorities;
  for (const auto& rule : props_.custom_rules) {
    const std::string label = rule.name.empty() ? std::string("(unnamed)") : rule.name;
    if (rule.name.empty() || rule.name.size() > 128 || !chars::letter(rule.name.front()) ||
        !std::all_of(rule.name.begin(), rule.name.end(), letter_or_digit)) {
      out.push_back(diagnostic(
          "IAC-AFD-003", fmt::format("custom rule name '{}' is not letters and digits", label),
          "name it with letters and digits, starting with a letter, e.g. \"apiratelimit\""));
    }
    if (!names.insert(rule.name).second) {
      out.push_back(diagnostic("IAC-AFD-003",
                               fmt::format("custom rule '{}' is declared twice", label),
                               "give each custom rule its own name"));
    }
    if (rule.priority < 1 || !priorities.insert(rule.priority).second) {
      out.push_back(
          diagnostic("IAC-AFD-004",
                     fmt::format("custom rule '{}' has priority {}, not a positive unique number",
                                 label, rule.priority),
                     "give each custom rule its own priority, 1 or more"));
    }
    if (rule.conditions.empty() || rule.conditions.size() > 10) {
      out.push_back(diagnostic(
          "IAC-AFD-005",
          fmt::format("custom rule '{}' has {} match conditions", label, rule.conditions.size()),
          "give it 1 to 10 match conditions"));
    }
    for (const auto& condition : rule.conditions) {
      const bool needs_selector = condition.variable == WafMatchVariable::request_header ||
                                  condition.variable == WafMatchVariable::cookies ||
                                  condition.variable == WafMatchVariable::post_args;
      if (needs_selector && (!condition.selector || condition.selector->empty())) {
        out.push_back(diagnostic("IAC-AFD-005",
                                 fmt::format("custom rule '{}' matches {} without a `selector`",
                                             label, to_string(condition.variable)),
                                 "set `.selector` to the header, cookie or argument name"));
      }
      if (condition.values.empty() && condition.op != WafOperator::any) {
        out.push_back(diagnostic(
            "IAC-AFD-005", fmt::format("custom rule '{}' has a condition without values", label),
            "list the values to match in `.values`"));
      }
      if (condition.op == WafOperator::geo_match) {
        for (const auto& code : condition.values) {
          auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
          if (code.size() != 2 || !upper(code[0]) || !upper(code[1])) {
            out.push_back(diagnostic(
                "IAC-AFD-005", fmt::format("custom rule '{}' matches country '{}'", label, code),
                "use ISO 3166-1 alpha-2 country codes in upper case, e.g. \"US\""));
          }
        }
      }
    }
    if (rule.rate_limit_threshold) {
      if (*rule.rate_limit_threshold < 10) {
        out.push_back(diagnostic("IAC-AFD-006",
                                 fmt::format("custom rule '{}' has rate-limit threshold {}", label,
                                             *rule.rate_limit_threshold),
                                 "set a threshold of 10 requests or more"));
      }
      if (rule.rate_limit_duration_minutes != 1 && rule.rate_limit_duration_minutes != 5) {
        out.push_back(diagnostic("IAC-AFD-006",
                                 fmt::format("custom rule '{}' has a {}-minute rate-limit window",
                                             label, rule.rate_limit_duration_minutes),
                                 "use a window of 1 or 5 minutes"));
      }
    }
  }
}

// --- profile -----------------------------------------------------------------------------------

const ResourceKind FrontDoorProfile::kKind{.name = "Front Door profile",
                                           .abbreviation = "afd",
                                           .naming = {.min_length = 1,
                                                      .max_length = 260,
                                                      .charset = "letters, digits and '-'",
                                                      .allowed = chars::alnum_hyphen,
                                                      .first = chars::alnum,
                                                      .last = chars::alnum,
                                                      .scope = NameScope::resource_group}};

FrontDoorProfile::FrontDoorProfile(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {}

FrontDoorEndpoint& FrontDoorProfile::endpoint(std::string id, FrontDoorEndpointProps props) {
  return add<FrontDoorEndpoint>(std::move(id), std::move(props));
}

FrontDoorOriginGroup& FrontDoorProfile::origin_group(std::string id,
                                                     FrontDoorOriginGroupProps props) {
  return add<FrontDoorOriginGroup>(std::move(id), std::move(props));
}

FrontDoorCustomDomain& FrontDoorProfile::custom_domain(std::string id,
                                                       FrontDoorCustomDomainProps props) {
  return add<FrontDoorCustomDomain>(std::move(id), std::move(props));
}

FrontDoorFirewallPolicy& FrontDoorProfile::firewall_policy(FrontDoorFirewallPolicyProps props) {
  if (find("waf") != nullptr) {
    throw std::logic_error(fmt::format("{}: firewall_policy() is called twice", path()));
  }
  auto& waf = add<FrontDoorFirewallPolicy>("waf", std::move(props));
  add<FrontDoorSecurityPolicy>("waf-binding", {.waf = waf});
  return waf;
}

std::vector<const FrontDoorEndpoint*> FrontDoorProfile::endpoints() const {
  return children_of<FrontDoorEndpoint>(*this);
}

std::vector<const FrontDoorCustomDomain*> FrontDoorProfile::custom_domains() const {
  return children_of<FrontDoorCustomDomain>(*this);
}

std::vector<const FrontDoorOrigin*> FrontDoorProfile::origins() const {
  std::vector<const FrontDoorOrigin*> result;
  for (const auto* group : children_of<FrontDoorOriginGroup>(*this)) {
    for (const auto* origin : group->origins()) result.push_back(origin);
  }
  return result;
}

const FrontDoorSecurityPolicy* FrontDoorProfile::security_policy() const {
  auto policies = children_of<FrontDoorSecurityPolicy>(*this);
  return policies.empty() ? nullptr : policies.front();
}

void FrontDoorProfile::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (props_.response_timeout_seconds < 16 || props_.response_timeout_seconds > 240) {
    out.push_back(
        diagnostic("IAC-AFD-010",
                   fmt::format("`response_timeout_seconds` is {}", props_.response_timeout_seconds),
                   "set it between 16 and 240"));
  }
  if (endpoints().empty()) {
    out.push_back(diagnostic("IAC-AFD-011", "the profile has no endpoint",
                             "add one with `profile.endpoint(\"<id>\")` and a route on it"));
  }
}

// --- endpoint ----------------------------------------------------------------------------------

const ResourceKind FrontDoorEndpoint::kKind{.name = "Front Door endpoint",
                                            .abbreviation = "fde",
                                            .naming = {.min_length = 1,
                                                       .max_length = 46,
                                                       .charset = "letters, digits and '-'",
                                                       .allowed = chars::alnum_hyphen,
                                                       .first = chars::alnum,
                                                       .last = chars::alnum,
                                                       .scope = NameScope::global}};

FrontDoorEndpoint::FrontDoorEndpoint(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags),
      profile_(parent_of<FrontDoorProfile>(scope, "Front Door endpoint", "FrontDoorProfile")),
      props_(std::move(props)) {}

FrontDoorRoute& FrontDoorEndpoint::route(std::string id, FrontDoorRouteProps props) {
  return add<FrontDoorRoute>(std::move(id), std::move(props));
}

void FrontDoorEndpoint::collect_references(std::vector<Ref>& out) const {
  out.push_back(profile_.id());
}

// --- origin group ------------------------------------------------------------------------------

const ResourceKind FrontDoorOriginGroup::kKind{
    .name = "Front Door origin group", .abbreviation = "og", .naming = kChildNaming};

FrontDoorOriginGroup::FrontDoorOriginGroup(Construct& scope, std::string id, Props props)
    : Resource(scope, id, props.name.value_or(id), {}),
      profile_(parent_of<FrontDoorProfile>(scope, "Front Door origin group", "FrontDoorProfile")),
      props_(std::move(props)) {}

FrontDoorOrigin& FrontDoorOriginGroup::origin(std::string id, const Site& app,
                                              FrontDoorOriginProps props) {
  props.app = &app;
  return add<FrontDoorOrigin>(std::move(id), std::move(props));
}

FrontDoorOrigin& FrontDoorOriginGroup::origin(std::string id, FrontDoorOriginProps props) {
  return add<FrontDoorOrigin>(std::move(id), std::move(props));
}

std::vector<const FrontDoorOrigin*> FrontDoorOriginGroup::origins() const {
  return children_of<FrontDoorOrigin>(*this);
}

void FrontDoorOriginGroup::collect_references(std::vector<Ref>& out) const {
  out.push_back(profile_.id());
}

void FrontDoorOriginGroup::validate(Diagnostics& out) const {
  Resource::validate(out);
  const auto& probe = props_.health_probe;
  if (probe.path.empty() || probe.path.front() != '/') {
    out.push_back(diagnostic("IAC-AFD-020",
                             fmt::format("`health_probe.path` '{}' is not a path", probe.path),
                             "use a path such as \"/healthz\""));
  }
  if (probe.interval_seconds < 5 || probe.interval_seconds > 255) {
    out.push_back(diagnostic(
        "IAC-AFD-020", fmt::format("`health_probe.interval_seconds` is {}", probe.interval_seconds),
        "set it between 5 and 255"));
  }
  if (props_.sample_size < 1 || props_.successful_samples_required < 1 ||
      props_.successful_samples_required > props_.sample_size) {
    out.push_back(
        diagnostic("IAC-AFD-021",
                   fmt::format("`successful_samples_required` {} of `sample_size` {}",
                               props_.successful_samples_required, props_.sample_size),
                   "use a sample size of 1 or more and require at most that many successes"));
  }
  if (props_.additional_latency_ms < 0 || props_.additional_latency_ms > 1000) {
    out.push_back(diagnostic(
        "IAC-AFD-021", fmt::format("`additional_latency_ms` is {}", props_.additional_latency_ms),
        "set it between 0 and 1000"));
  }
  if (props_.restore_traffic_minutes < 0 || props_.restore_traffic_minutes > 50) {
    out.push_back(
        diagnostic("IAC-AFD-021",
                   fmt::format("`restore_traffic_minutes` is {}", props_.restore_traffic_minutes),
                   "set it between 0 and 50"));
  }
  if (origins().empty()) {
    out.push_back(diagnostic("IAC-AFD-022", "the origin group has no origin",
                             "add one with `group.origin(\"<id>\", app)`"));
  }
}

// --- origin ------------------------------------------------------------------------------------

const ResourceKind FrontDoorOrigin::kKind{
    .name = "Front Door origin", .abbreviation = "origin", .naming = kChildNaming};

FrontDoorOrigin::FrontDoorOrigin(Construct& scope, std::string id, Props props)
    : Resource(scope, id, props.name.value_or(id), {}),
      group_(parent_of<FrontDoorOriginGroup>(scope, "Front Door origin", "FrontDoorOriginGroup")),
      props_(std::move(props)) {}

Expr FrontDoorOrigin::host_name() const {
  if (props_.app != nullptr) return props_.app->default_hostname();
  return props_.host.value_or("");
}

std::string FrontDoorOrigin::private_link_message() const {
  if (props_.private_link && props_.private_link->request_message) {
    return *props_.private_link->request_message;
  }
  return "Front Door " + profile().name();
}

void FrontDoorOrigin::collect_references(std::vector<Ref>& out) const {
  out.push_back(group_.id());
  if (props_.app != nullptr) {
    out.push_back(props_.app->default_hostname());
    if (props_.private_link) out.push_back(props_.app->id());
  }
}

void FrontDoorOrigin::validate(Diagnostics& out) const {
  Resource::validate(out);
  validate_control(*this, "lock_app", props_.lock_app, out);
  if ((props_.app == nullptr) == !props_.host.has_value()) {
    out.push_back(diagnostic("IAC-AFD-030", "set exactly one of `app` and `host`",
                             "add the origin with `group.origin(\"<id>\", app)` or set `.host`"));
  }
  if (props_.host) {
    if (std::string problem = check_host_name(*props_.host); !problem.empty()) {
      out.push_back(diagnostic(
          "IAC-AFD-031", fmt::format("`host` '{}' is no host name: {}", *props_.host, problem),
          "use a lower-case DNS name such as \"origin.example.com\""));
    }
  }
  if (props_.private_link) {
    if (profile().props().sku != FrontDoorSku::premium) {
      out.push_back(
          diagnostic("IAC-AFD-032", "`private_link` is set, but the profile is Standard",
                     "Private Link origins need `.sku = FrontDoorSku::premium`; on Standard remove "
                     "`.private_link` (the app stays public, locked to Front Door)"));
    }
    if (props_.app == nullptr) {
      out.push_back(diagnostic("IAC-AFD-032", "`private_link` is set on a `host` origin",
                               "Private Link is written for app origins only; use `app`"));
    } else if (const auto* plan = props_.app->plan(); plan && is_consumption(plan->props().sku)) {
      out.push_back(diagnostic(
          "IAC-AFD-032",
          fmt::format("`private_link` is set, but the app runs on a {} plan, which takes no "
                      "private endpoint",
                      to_string(plan->props().sku)),
          "run the app on an Elastic Premium or dedicated plan, or remove `.private_link`"));
    }
  }
  if (props_.priority < 1 || props_.priority > 5) {
    out.push_back(diagnostic("IAC-AFD-033", fmt::format("`priority` is {}", props_.priority),
                             "set it between 1 and 5"));
  }
  if (props_.weight < 1 || props_.weight > 1000) {
    out.push_back(diagnostic("IAC-AFD-033", fmt::format("`weight` is {}", props_.weight),
                             "set it between 1 and 1000"));
  }
}

// --- route -------------------------------------------------------------------------------------

const ResourceKind FrontDoorRoute::kKind{
    .name = "Front Door route", .abbreviation = "route", .naming = kChildNaming};

FrontDoorRoute::FrontDoorRoute(Construct& scope, std::string id, Props props)
    : Resource(scope, id, props.name.value_or(id), {}),
      endpoint_(parent_of<FrontDoorEndpoint>(scope, "Front Door route", "FrontDoorEndpoint")),
      props_(std::move(props)) {}

void FrontDoorRoute::collect_references(std::vector<Ref>& out) const {
  out.push_back(endpoint_.id());
  if (props_.origin_group) {
    out.push_back(props_.origin_group->id());
    for (const auto* origin : props_.origin_group->origins()) out.push_back(origin->id());
  }
  for (const auto* domain : props_.custom_domains) {
    if (domain != nullptr) out.push_back(domain->id());
  }
}

void FrontDoorRoute::validate(Diagnostics& out) const {
  Resource::validate(out);
  validate_control(*this, "https_only", props_.https_only, out);
  if (!props_.origin_group) {
    out.push_back(diagnostic("IAC-AFD-040", "required prop `origin_group` is not set",
                             "set `.origin_group = <FrontDoorOriginGroup>`"));
  } else if (&props_.origin_group->profile() != &endpoint_.profile()) {
    out.push_back(diagnostic("IAC-AFD-040", "`origin_group` belongs to another profile",
                             "use an origin group of this endpoint's profile"));
  }
  if (props_.patterns.empty()) {
    out.push_back(diagnostic("IAC-AFD-041", "`patterns` is empty",
                             "list the paths to route, e.g. {\"/*\"} or {\"/api/*\"}"));
  }
  for (const auto& pattern : props_.patterns) {
    if (pattern.empty() || pattern.front() != '/') {
      out.push_back(diagnostic("IAC-AFD-041",
                               fmt::format("pattern '{}' does not start with '/'", pattern),
                               "write patterns as paths: \"/*\", \"/api/*\""));
    }
  }
  for (const auto* domain : props_.custom_domains) {
    if (domain == nullptr || &domain->profile() != &endpoint_.profile()) {
      out.push_back(diagnostic("IAC-AFD-042",
                               "`custom_domains` holds a domain of another profile (or null)",
                               "use custom domains added with this profile's custom_domain()"));
    }
  }
  if (props_.cache) {
    const auto& cache = *props_.cache;
    const bool specified = cache.query_strings == QueryStringCaching::ignore_specified ||
                           cache.query_strings == QueryStringCaching::include_specified;
    if (specified == cache.query_string_names.empty()) {
      out.push_back(diagnostic(
          "IAC-AFD-043",
          specified ? std::string("`cache.query_string_names` is empty")
                    : std::string("`cache.query_string_names` is set, but `cache.query_strings` "
                                  "does not use it"),
          "list query strings only with ignore_specified or include_specified"));
    }
    if (cache.compression && cache.content_types.empty()) {
      out.push_back(diagnostic("IAC-AFD-043", "`cache.compression` is on with no content types",
                               "list the content types to compress, or turn compression off"));
    }
  }
}

// --- custom domain -----------------------------------------------------------------------------

const ResourceKind FrontDoorCustomDomain::kKind{.name = "Front Door custom domain",
                                                .abbreviation = "domain",
                                                .naming = {.min_length = 2,
                                                           .max_length = 260,
                                                           .charset = "letters, digits and '-'",
                                                           .allowed = chars::alnum_hyphen,
                                                           .first = chars::alnum,
                                                           .last = chars::alnum,
                                                           .scope = NameScope::parent}};

FrontDoorCustomDomain::FrontDoorCustomDomain(Construct& scope, std::string id, Props props)
    : Resource(scope, id, props.name.value_or(id), {}),
      profile_(parent_of<FrontDoorProfile>(scope, "Front Door custom domain", "FrontDoorProfile")),
      props_(std::move(props)) {}

void FrontDoorCustomDomain::collect_references(std::vector<Ref>& out) const {
  out.push_back(profile_.id());
}

void FrontDoorCustomDomain::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (std::string problem = check_host_name(props_.host_name); !problem.empty()) {
    out.push_back(
        diagnostic("IAC-AFD-050",
                   fmt::format("`host_name` '{}' is no host name: {}", props_.host_name, problem),
                   "use the lower-case domain clients call, e.g. \"api.clinic.example.com\""));
  }
}

// --- security policy ---------------------------------------------------------------------------

const ResourceKind FrontDoorSecurityPolicy::kKind{
    .name = "Front Door security policy", .abbreviation = "secpol", .naming = kChildNaming};

FrontDoorSecurityPolicy::FrontDoorSecurityPolicy(Construct& scope, std::string id, Props props)
    : Resource(scope, id, std::optional<std::string>(id), {}),
      profile_(
          parent_of<FrontDoorProfile>(scope, "Front Door security policy", "FrontDoorProfile")),
      props_(std::move(props)) {}

std::vector<Ref> FrontDoorSecurityPolicy::domains() const {
  std::vector<Ref> result;
  for (const auto* endpoint : profile_.endpoints()) result.push_back(endpoint->id());
  for (const auto* domain : profile_.custom_domains()) result.push_back(domain->id());
  return result;
}

void FrontDoorSecurityPolicy::collect_references(std::vector<Ref>& out) const {
  out.push_back(profile_.id());
  if (props_.waf) out.push_back(props_.waf->id());
  for (Ref& ref : domains()) out.push_back(std::move(ref));
}

// --- apps behind Front Door --------------------------------------------------------------------

FrontDoorAccess front_door_access(const Site& site) {
  FrontDoorAccess access;
  for (const Resource* resource : site.stack().resources()) {
    if (&resource->kind() != &FrontDoorOrigin::kKind) continue;
    const auto& origin = static_cast<const FrontDoorOrigin&>(*resource);
    if (origin.props().app != &site || !origin.props().lock_app.is_enforced()) continue;
    if (access.profile == nullptr) access.profile = &origin.profile();
    if (std::find(access.profiles.begin(), access.profiles.end(), &origin.profile()) ==
        access.profiles.end()) {
      access.profiles.push_back(&origin.profile());
    }
    if (!origin.props().private_link) access.needs_public_endpoint = true;
  }
  return access;
}

std::vector<DiagnosticSource> FrontDoorProfile::diagnostic_sources() const {
  // FrontDoorAccessLog, FrontDoorHealthProbeLog and FrontDoorWebApplicationFirewallLog: who
  // called what, and every request the WAF matched (PSRule Azure.FrontDoor.Logs), with AllMetrics.
  return {{{.log_category_groups = {"allLogs"}, .metric_categories = {"AllMetrics"}}}};
}

}  // namespace iac::azure
