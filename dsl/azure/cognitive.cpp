#include "dsl/azure/cognitive.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "dsl/azure/role_assignment.h"

namespace iac::azure {

namespace {

const CognitiveAccount& account_of(const Construct& scope) {
  if (const auto* account = dynamic_cast<const CognitiveAccount*>(&scope)) return *account;
  throw std::logic_error(fmt::format(
      "{}: a model deployment must be added under a CognitiveAccount (use its `deployment()`)",
      scope.path()));
}

bool lower_alnum_hyphen(char c) { return chars::lower_alnum(c) || c == '-'; }

/// Deployment and model names: letters, digits, '-', '_' and '.'.
bool model_char(char c) { return chars::alnum(c) || c == '-' || c == '_' || c == '.'; }

/// A host name such as `search-app.search.windows.net`: labels of letters, digits and '-'.
bool is_fqdn(std::string_view host) {
  if (host.empty() || host.size() > 253 || host.find('.') == std::string_view::npos) return false;
  std::size_t label = 0;
  for (std::size_t i = 0; i <= host.size(); ++i) {
    if (i == host.size() || host[i] == '.') {
      if (label == 0 || label > 63 || host[i - 1] == '-') return false;
      label = 0;
    } else if (chars::alnum(host[i]) || (host[i] == '-' && label > 0)) {
      ++label;
    } else {
      return false;
    }
  }
  return true;
}

constexpr NamingRule kAccountNaming{.min_length = 2,
                                    .max_length = 64,
                                    .charset = "letters, digits and '-'",
                                    .allowed = chars::alnum_hyphen,
                                    .first = chars::alnum,
                                    .last = chars::alnum,
                                    .no_consecutive_hyphens = true,
                                    // The name is the default subdomain, which is global.
                                    .scope = NameScope::global};

}  // namespace

std::string_view to_string(CognitiveKind kind) {
  switch (kind) {
    case CognitiveKind::openai:
      return "OpenAI";
    case CognitiveKind::ai_services:
      return "AIServices";
    case CognitiveKind::computer_vision:
      return "ComputerVision";
    case CognitiveKind::form_recognizer:
      return "FormRecognizer";
    case CognitiveKind::text_analytics:
      return "TextAnalytics";
    case CognitiveKind::speech_services:
      return "SpeechServices";
    case CognitiveKind::content_safety:
      return "ContentSafety";
    case CognitiveKind::translator:
      return "TextTranslation";
  }
  return "OpenAI";
}

std::string_view to_string(DeploymentSku sku) {
  switch (sku) {
    case DeploymentSku::standard:
      return "Standard";
    case DeploymentSku::global_standard:
      return "GlobalStandard";
    case DeploymentSku::data_zone_standard:
      return "DataZoneStandard";
    case DeploymentSku::provisioned_managed:
      return "ProvisionedManaged";
    case DeploymentSku::global_provisioned_managed:
      return "GlobalProvisionedManaged";
    case DeploymentSku::data_zone_provisioned_managed:
      return "DataZoneProvisionedManaged";
    case DeploymentSku::global_batch:
      return "GlobalBatch";
  }
  return "Standard";
}

bool regional(DeploymentSku sku) {
  return sku == DeploymentSku::standard || sku == DeploymentSku::provisioned_managed;
}

std::string_view to_string(VersionUpgrade option) {
  switch (option) {
    case VersionUpgrade::once_new_default_version_available:
      return "OnceNewDefaultVersionAvailable";
    case VersionUpgrade::once_current_version_expired:
      return "OnceCurrentVersionExpired";
    case VersionUpgrade::none:
      return "NoAutoUpgrade";
  }
  return "OnceCurrentVersionExpired";
}

const ResourceKind CognitiveAccount::kOpenAiKind{
    .name = "Azure OpenAI account", .abbreviation = "oai", .naming = kAccountNaming};
const ResourceKind CognitiveAccount::kKind{
    .name = "Azure AI services account", .abbreviation = "cog", .naming = kAccountNaming};

CognitiveAccount::CognitiveAccount(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {}

std::vector<PrivateLinkService> CognitiveAccount::private_link_services() const {
  if (props_.kind == CognitiveKind::openai) {
    return {{"account", "privatelink.openai.azure.com"}};
  }
  return {{"account", "privatelink.cognitiveservices.azure.com"}};
}

std::string CognitiveAccount::subdomain() const {
  return props_.custom_subdomain ? *props_.custom_subdomain : name();
}

Principal CognitiveAccount::identity() const {
  return {
      .object_id = principal_id(), .kind = PrincipalKind::service_principal, .description = path()};
}

CognitiveDeployment& CognitiveAccount::deployment(std::string name,
                                                  CognitiveDeploymentProps props) {
  std::string id;
  for (char c : name) id += (chars::alnum(c) || c == '_' || c == '-') ? c : '-';
  if (id.empty() || !chars::letter(id.front())) id = "deployment-" + id;
  auto& created =
      add_construct<CognitiveDeployment>(std::move(id), std::move(name), std::move(props));
  // The account takes one deployment change at a time and rejects concurrent ones
  // (RequestConflict), so each deployment waits for the one declared before it.
  if (last_deployment_ != nullptr) created.depends_on(*last_deployment_);
  last_deployment_ = &created;
  return created;
}

RoleAssignment& CognitiveAccount::grant_openai_user(const Principal& principal) {
  std::string id = grant_id("openai-user", principal);
  if (auto* existing = dynamic_cast<RoleAssignment*>(find(id))) return *existing;
  return add<RoleAssignment>(id, {.scope = *this,
                                  .role = BuiltinRole::cognitive_services_openai_user,
                                  .principal = principal,
                                  .description = "Call the deployed models with Entra ID"});
}

RoleAssignment& CognitiveAccount::grant_user(const Principal& principal) {
  std::string id = grant_id("cognitive-user", principal);
  if (auto* existing = dynamic_cast<RoleAssignment*>(find(id))) return *existing;
  return add<RoleAssignment>(id, {.scope = *this,
                                  .role = BuiltinRole::cognitive_services_user,
                                  .principal = principal,
                                  .description = "Call the service with Entra ID"});
}

void CognitiveAccount::validate(Diagnostics& out) const {
  Resource::validate(out);
  const std::string sub = subdomain();
  if (sub.size() < 2 || sub.size() > 64 ||
      !std::all_of(sub.begin(), sub.end(), lower_alnum_hyphen) ||
      !chars::lower_alnum(sub.front()) || !chars::lower_alnum(sub.back())) {
    out.push_back(diagnostic(
        "IAC-COG-001", fmt::format("the custom subdomain '{}' is not a valid host label", sub),
        "set `.custom_subdomain` to 2-64 lowercase letters, digits and '-', starting and ending "
        "with a letter or digit (it must be globally unique)"));
  }
  if (props_.kind == CognitiveKind::openai && props_.sku_name != "S0") {
    out.push_back(diagnostic(
        "IAC-COG-002", fmt::format("`sku_name` is '{}' on an OpenAI account", props_.sku_name),
        "use \"S0\", the only SKU of Azure OpenAI"));
  } else if (props_.sku_name != "F0" && props_.sku_name != "S0" && props_.sku_name != "S" &&
             props_.sku_name != "S1" && props_.sku_name != "S2" && props_.sku_name != "S3" &&
             props_.sku_name != "S4") {
    out.push_back(diagnostic("IAC-COG-002", fmt::format("`sku_name` is '{}'", props_.sku_name),
                             "use \"S0\" (or F0, S, S1-S4 where the kind offers them)"));
  }
  for (const auto& fqdn : props_.allowed_fqdns) {
    if (!is_fqdn(fqdn)) {
      out.push_back(diagnostic("IAC-COG-003",
                               fmt::format("`allowed_fqdns` entry '{}' is not a host name", fqdn),
                               "list host names only, e.g. \"search-app.search.windows.net\" "
                               "(no scheme, path, port or wildcard)"));
    }
  }
  if (!props_.restrict_outbound.is_enforced() && !props_.allowed_fqdns.empty()) {
    out.push_back(diagnostic("IAC-COG-003",
                             "`allowed_fqdns` is set, but `restrict_outbound` is waived",
                             "remove the waiver (the list then applies), or remove the list"));
  }
  validate_control(*this, "entra_only_auth", props_.entra_only_auth, out);
  validate_control(*this, "restrict_outbound", props_.restrict_outbound, out);
  validate_public_network(*this, "public_network", props_.public_network, out);
}

// --- deployment -----------------------------------------------------------------------------

const ResourceKind CognitiveDeployment::kKind{.name = "Model deployment",
                                              .abbreviation = "deploy",
                                              .naming = {.min_length = 2,
                                                         .max_length = 64,
                                                         .charset = "letters, digits, '-', '_' "
                                                                    "and '.'",
                                                         .allowed = model_char,
                                                         .first = chars::alnum,
                                                         .last = chars::alnum,
                                                         .scope = NameScope::parent}};

CognitiveDeployment::CognitiveDeployment(Construct& scope, std::string id, std::string name,
                                         Props props)
    : Resource(scope, std::move(id), std::move(name), {}),
      account_(account_of(scope)),
      props_(std::move(props)) {}

void CognitiveDeployment::collect_references(std::vector<Ref>& out) const {
  out.push_back(account_.id());
}

void CognitiveDeployment::validate(Diagnostics& out) const {
  Resource::validate(out);
  auto plain = [](const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), model_char);
  };
  if (!plain(props_.model_name)) {
    out.push_back(
        diagnostic("IAC-COG-004",
                   props_.model_name.empty()
                       ? std::string("`model_name` is not set")
                       : fmt::format("`model_name` '{}' is not a model name", props_.model_name),
                   "set the model, e.g. `.model_name = \"gpt-4o\"`"));
  }
  if (!plain(props_.model_version)) {
    out.push_back(diagnostic(
        "IAC-COG-004",
        props_.model_version.empty()
            ? std::string("`model_version` is not set")
            : fmt::format("`model_version` '{}' is not a model version", props_.model_version),
        "pin the version, e.g. `.model_version = \"2024-11-20\"`, so that a model change is a "
        "reviewed change"));
  }
  if (!plain(props_.model_format)) {
    out.push_back(diagnostic("IAC-COG-004", "`model_format` is not set",
                             "use \"OpenAI\" for Azure OpenAI models"));
  }
  if (props_.capacity < 1) {
    out.push_back(diagnostic("IAC-COG-005", fmt::format("`capacity` is {}", props_.capacity),
                             "set at least 1 (thousand tokens per minute, or PTUs)"));
  }
  if (account_.props().kind != CognitiveKind::openai &&
      account_.props().kind != CognitiveKind::ai_services) {
    out.push_back(
        diagnostic("IAC-COG-006",
                   fmt::format("model deployments need an OpenAI or AIServices account, not {}",
                               to_string(account_.props().kind)),
                   "add the deployment to an account with `.kind = CognitiveKind::openai`"));
  }
}

std::vector<DiagnosticSource> CognitiveAccount::diagnostic_sources() const {
  // allLogs includes the Audit category (who called the account, with which identity) next to
  // RequestResponse and Trace; kept as long as the workspace retains them.
  return {{{.log_category_groups = {"allLogs"}, .metric_categories = {"AllMetrics"}}}};
}

}  // namespace iac::azure
