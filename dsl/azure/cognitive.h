#pragma once
/// Azure AI services (Cognitive Services) accounts, Azure OpenAI among them: Entra ID only (no
/// keys), no public endpoint, no outbound calls but to listed host names; and model deployments,
/// which exist only under their account.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/principal.h"
#include "dsl/core/resource.h"
#include "dsl/core/security.h"

namespace iac::azure {

class CognitiveDeployment;
class RoleAssignment;

/// The kind of account: which service API it serves.
enum class CognitiveKind {
  openai,
  ai_services,
  computer_vision,
  form_recognizer,
  text_analytics,
  speech_services,
  content_safety,
  translator,
};
/// Azure's name: "OpenAI", "AIServices", "ComputerVision", "FormRecognizer", "TextAnalytics",
/// "SpeechServices", "ContentSafety", "TextTranslation".
std::string_view to_string(CognitiveKind kind);

/// How the deployment's capacity is provisioned and where prompts are processed.
/// Standard and ProvisionedManaged process data in the account's region; the Global and
/// DataZone SKUs may process it in any region of the world or of the data zone.
/// @see https://learn.microsoft.com/azure/ai-services/openai/how-to/deployment-types
enum class DeploymentSku {
  standard,
  global_standard,
  data_zone_standard,
  provisioned_managed,
  global_provisioned_managed,
  data_zone_provisioned_managed,
  global_batch,
};
/// "Standard", "GlobalStandard", "DataZoneStandard", "ProvisionedManaged", ...
std::string_view to_string(DeploymentSku sku);
/// Whether prompts and completions stay in the account's region.
bool regional(DeploymentSku sku);

/// When Azure moves the deployment to a newer model version.
enum class VersionUpgrade {
  once_new_default_version_available,
  once_current_version_expired,
  none
};
/// "OnceNewDefaultVersionAvailable", "OnceCurrentVersionExpired", "NoAutoUpgrade".
std::string_view to_string(VersionUpgrade option);

struct CognitiveDeploymentProps {
  /// @default "OpenAI"
  std::string model_format = "OpenAI";
  /// e.g. "gpt-4o", "text-embedding-3-small". Required.
  std::string model_name;
  /// e.g. "2024-11-20"; pinned so that a model update is a reviewed change. Required.
  std::string model_version;
  /// @default Standard: processed in the account's region.
  DeploymentSku sku = DeploymentSku::standard;
  /// Units of capacity: thousands of tokens per minute for Standard SKUs, provisioned
  /// throughput units for provisioned ones. @default 10
  int capacity = 10;
  /// @default once the current version expires: the pinned version runs until it is retired,
  /// then Azure moves to the default version instead of failing the calls.
  VersionUpgrade version_upgrade = VersionUpgrade::once_current_version_expired;
};

struct CognitiveAccountProps {
  /// @default the naming convention: `oai-<app>-<env>` for OpenAI, `cog-<app>-<env>` otherwise
  /// (2-64 letters, digits and '-').
  std::optional<std::string> name;
  /// @default OpenAI
  CognitiveKind kind = CognitiveKind::openai;
  /// @default "S0", the only SKU of Azure OpenAI.
  std::string sku_name = "S0";
  /// The account's host name, `<subdomain>.openai.azure.com` or
  /// `<subdomain>.cognitiveservices.azure.com`: required for Entra ID tokens, network rules and
  /// private endpoints, and globally unique (2-64 lowercase letters, digits and '-'). Cannot be
  /// changed after creation. @default the account's name
  std::optional<std::string> custom_subdomain;
  /// Callers sign in with Microsoft Entra ID only; the account's keys are disabled.
  /// @default enforced
  /// @see https://learn.microsoft.com/azure/ai-services/disable-local-auth
  Control entra_only_auth;
  /// @default no public endpoint: reach the account through a private endpoint.
  PublicNetwork public_network;
  /// The account calls no other host than `allowed_fqdns` (data exfiltration control).
  /// @default enforced
  /// @see https://learn.microsoft.com/azure/ai-services/cognitive-services-data-loss-prevention
  Control restrict_outbound;
  /// The host names the account may call when `restrict_outbound` holds, e.g. an AI Search
  /// service for "on your data". @default none: the account calls nothing.
  std::vector<std::string> allowed_fqdns;
  /// Let trusted Azure services through the network rules. @default off
  bool allow_trusted_azure_services = false;
  std::map<std::string, std::string> tags;
};

/// An Azure AI services account with a system-assigned identity, a custom subdomain, local
/// (key) authentication off and network rules that deny by default.
class CognitiveAccount final : public Resource {
 public:
  using Props = CognitiveAccountProps;
  /// Azure OpenAI accounts (`oai-`) and the other kinds (`cog-`).
  static const ResourceKind kOpenAiKind;
  static const ResourceKind kKind;

  CognitiveAccount(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override {
    return props_.kind == CognitiveKind::openai ? kOpenAiKind : kKind;
  }
  AnyResource as_any() const override { return this; }
  std::vector<PrivateLinkService> private_link_services() const override;
  /// Audit, RequestResponse and Trace logs (allLogs) and AllMetrics.
  std::vector<DiagnosticSource> diagnostic_sources() const override;
  const PublicNetwork* public_network() const override { return &props_.public_network; }
  const Props& props() const { return props_; }

  /// `custom_subdomain`, or the account's name.
  std::string subdomain() const;

  /// The endpoint, `https://<subdomain>.openai.azure.com/` for OpenAI.
  Ref endpoint() const { return ref("endpoint"); }
  /// The account's system-assigned identity, e.g. to grant it read access to a search index.
  Principal identity() const;
  Ref principal_id() const { return ref("principal_id"); }

  /// Adds a model deployment. Deployments of one account are created one at a time.
  CognitiveDeployment& deployment(std::string name, CognitiveDeploymentProps props);
  /// Grants "Cognitive Services OpenAI User" (inference only: chat, completions, embeddings;
  /// no keys, no deployments). For OpenAI accounts.
  RoleAssignment& grant_openai_user(const Principal& principal);
  /// Grants "Cognitive Services User" (call the service's APIs), for the other kinds. The role
  /// can also list the account's keys, which `entra_only_auth` disables.
  RoleAssignment& grant_user(const Principal& principal);

  void validate(Diagnostics& out) const override;

 private:
  Props props_;
  const CognitiveDeployment* last_deployment_ = nullptr;
};

/// A model deployment of an account; callers name it in their requests.
class CognitiveDeployment final : public Resource {
 public:
  using Props = CognitiveDeploymentProps;
  static const ResourceKind kKind;

  CognitiveDeployment(Construct& scope, std::string id, std::string name, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }
  const CognitiveAccount& account() const { return account_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const CognitiveAccount& account_;
  Props props_;
};

}  // namespace iac::azure
