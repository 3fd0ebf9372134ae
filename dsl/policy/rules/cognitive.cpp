/// Azure AI services / Azure OpenAI rules: Entra ID only, private, no data exfiltration, and
/// prompts processed where the account is.

#include <functional>
#include <string>

#include "dsl/azure/cognitive.h"
#include "dsl/policy/rules/families.h"

namespace iac::policy::rules {

using azure::CognitiveAccount;
using azure::CognitiveDeployment;
using azure::CognitiveKind;

namespace {

/// A rule over accounts of every kind: OpenAI accounts have a ResourceKind of their own (for
/// their `oai-` names), so the rule lists both.
Rule for_accounts(RuleInfo info,
                  std::function<Problem(const CognitiveAccount&, const Environment&)> check) {
  Rule rule = for_kind<CognitiveAccount>(std::move(info), std::move(check));
  rule.kinds.push_back(&CognitiveAccount::kOpenAiKind);
  return rule;
}

}  // namespace

std::vector<Rule> cognitive() {
  return {
      for_accounts(
          {.id = "AZ-COG-001",
           .title = "AI services accounts authenticate with Entra ID (keys off)",
           .rationale = "Account keys are shared secrets with full access to every deployment; "
                        "Entra ID tokens are per identity, short-lived and audited.",
           .fix = "remove the waiver of `entra_only_auth`; grant callers "
                  "`grant_openai_user(app.identity())`",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_236"},
           .psrule = {"Azure.AI.DisableLocalAuth"},
           .benchmark = "IM-1"},
          [](const CognitiveAccount& account, const Environment&) -> Problem {
            if (account.props().entra_only_auth.is_enforced()) return {};
            return "keys are accepted: " + account.props().entra_only_auth.reason();
          }),
      for_accounts(
          {.id = "AZ-COG-002",
           .title = "AI services accounts have no public endpoint in staging and prod",
           .rationale = "Prompts and completions of shared environments travel over private "
                        "endpoints only.",
           .fix = "use PublicNetwork::disabled() and a private endpoint",
           .levels = {.dev = Level::off, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_134"},
           .psrule = {"Azure.AI.PrivateEndpoints"},
           .benchmark = "NS-2"},
          [](const CognitiveAccount& account, const Environment&) -> Problem {
            if (!account.props().public_network.public_endpoint()) return {};
            return "the public endpoint is on: " + account.props().public_network.reason();
          }),
      for_accounts(
          {.id = "AZ-COG-003",
           .title = "AI services network rules deny by default",
           .rationale = "An open public endpoint lets any address call the models; an allow "
                        "list keeps even dev to known addresses.",
           .fix = "use PublicNetwork::allow_from({...}, reason) or PublicNetwork::disabled()",
           .levels = {.dev = Level::error, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {"Azure.AI.PublicAccess"},
           .benchmark = "NS-2"},
          [](const CognitiveAccount& account, const Environment&) -> Problem {
            if (account.props().public_network.denies_by_default()) return {};
            return "every address is allowed: " + account.props().public_network.reason();
          }),
      for_accounts(
          {.id = "AZ-COG-004",
           .title = "Azure OpenAI accounts call only listed hosts (outbound restricted)",
           .rationale = "Features such as \"on your data\" make the account call other "
                        "services; an allow list of host names stops data exfiltration.",
           .fix = "remove the waiver of `restrict_outbound`; list the hosts in `allowed_fqdns`",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_247"},
           .psrule = {},
           .benchmark = "DP-2"},
          [](const CognitiveAccount& account, const Environment&) -> Problem {
            if (account.props().kind != CognitiveKind::openai ||
                account.props().restrict_outbound.is_enforced()) {
              return {};
            }
            return "outbound calls are unrestricted: " + account.props().restrict_outbound.reason();
          }),
      for_kind<CognitiveDeployment>(
          {.id = "AZ-COG-005",
           .title = "Model deployments process prompts in the account's region",
           .rationale = "Global and data zone deployments may process prompts and completions "
                        "in other regions, which data residency commitments can forbid.",
           .fix = "use `DeploymentSku::standard` or `DeploymentSku::provisioned_managed`, or "
                  "suppress with the residency assessment that allows it",
           .levels = {.dev = Level::off, .staging = Level::warning, .prod = Level::warning},
           .checkov = {},
           .psrule = {},
           .benchmark = "DP-1"},
          [](const CognitiveDeployment& deployment, const Environment&) -> Problem {
            if (azure::regional(deployment.props().sku)) return {};
            return "the " + std::string(to_string(deployment.props().sku)) +
                   " SKU may process data outside " + deployment.account().location();
          }),
  };
}

}  // namespace iac::policy::rules
