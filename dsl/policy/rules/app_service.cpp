/// App Service rules: plans sized for an SLA in shared tiers, function and web apps reachable
/// over HTTPS only, with an identity that can read the secrets their settings reference.

#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "dsl/azure/app_service_plan.h"
#include "dsl/azure/autoscale.h"
#include "dsl/azure/front_door.h"
#include "dsl/azure/function_app.h"
#include "dsl/azure/key_vault.h"
#include "dsl/azure/resource_group.h"
#include "dsl/azure/role_assignment.h"
#include "dsl/azure/web_app.h"
#include "dsl/core/stack.h"
#include "dsl/policy/rules/families.h"

namespace iac::policy::rules {

using azure::AppIdentity;
using azure::AppServicePlan;
using azure::BuiltinRole;
using azure::KeyVault;
using azure::KeyVaultSecret;
using azure::LinuxFunctionApp;
using azure::LinuxWebApp;
using azure::PlanSku;
using azure::RoleAssignment;
using azure::Site;

namespace {

/// A rule over both site kinds: what function apps and web apps share lives in Site.
Rule for_sites(RuleInfo info, std::function<Problem(const Site&, const Environment&)> check) {
  return {.info = std::move(info),
          .kinds = {&LinuxFunctionApp::kKind, &LinuxWebApp::kKind},
          .check = [check = std::move(check)](const Resource& resource, const Environment& env) {
            return check(static_cast<const Site&>(resource), env);
          }};
}

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

/// The text of an expression with its references left out: enough to recognize the
/// `@Microsoft.KeyVault(...)` syntax and the literal parts of a hand-written reference.
std::string literal_text(const Expr& value) {
  std::string text;
  for (const auto& part : value.parts()) {
    if (const auto* literal = std::get_if<std::string>(&part)) text += *literal;
  }
  return text;
}

/// The value following `key` up to one of `ends`, or empty.
std::string field(std::string_view text, std::string_view key, std::string_view ends) {
  auto at = text.find(key);
  if (at == std::string_view::npos) return {};
  text.remove_prefix(at + key.size());
  return std::string(text.substr(0, text.find_first_of(ends)));
}

/// What an app setting reads from Key Vault: the vault (and the declared secret, when the
/// reference names one). `vault` is null when the setting is no Key Vault reference, or names a
/// vault outside the model, whose role assignments the model cannot see either.
struct SecretRead {
  const KeyVault* vault = nullptr;
  const KeyVaultSecret* secret = nullptr;
};

SecretRead secret_read(const Expr& value, const Stack& stack) {
  if (literal_text(value).rfind("@Microsoft.KeyVault(", 0) != 0) return {};
  SecretRead read;
  for (const auto& ref : value.refs()) {
    if (&ref.target->kind() == &KeyVault::kKind) {
      read.vault = static_cast<const KeyVault*>(ref.target);
    } else if (&ref.target->kind() == &KeyVaultSecret::kKind) {
      read.secret = static_cast<const KeyVaultSecret*>(ref.target);
      read.vault = &read.secret->vault();
    }
  }
  if (read.vault != nullptr) return read;
  // Written by hand: `VaultName=kv-x;SecretName=y` or `SecretUri=https://kv-x.vault.azure.net/...`.
  const std::string text = literal_text(value);
  std::string name = field(text, "VaultName=", ";)");
  if (name.empty()) name = field(text, "SecretUri=https://", ".");
  if (name.empty()) return {};
  for (const Resource* resource : stack.resources()) {
    if (&resource->kind() == &KeyVault::kKind && resource->name() == name) {
      read.vault = static_cast<const KeyVault*>(resource);
    }
  }
  return read;
}

/// Roles that include reading secret values (Secrets User and the broader data roles).
bool reads_secrets(BuiltinRole role) {
  return role == BuiltinRole::key_vault_secrets_user ||
         role == BuiltinRole::key_vault_secrets_officer ||
         role == BuiltinRole::key_vault_administrator;
}

/// Whether `principal` (an identity's `principal_id` reference) holds a secret-reading role
/// that covers `read`: on the secret, its vault, or the stack's resource group.
bool can_read(const Ref& principal, const SecretRead& read) {
  const Resource* group = &read.vault->stack().resource_group();
  for (const Resource* resource : read.vault->stack().resources()) {
    if (&resource->kind() != &RoleAssignment::kKind) continue;
    const auto& grant = static_cast<const RoleAssignment*>(resource)->props();
    const Resource* scope = grant.scope.get();
    if (!reads_secrets(grant.role) || (scope != read.vault && scope != group &&
                                       (read.secret == nullptr || scope != read.secret))) {
      continue;
    }
    for (const Ref& ref : grant.principal.object_id.refs()) {
      if (ref.target == principal.target && ref.attribute == principal.attribute) return true;
    }
  }
  return false;
}

/// An origin a network attacker can serve (http://), or one that matches sites the app does
/// not own (a wildcard).
bool loose_origin(const std::string& origin) {
  return origin.rfind("https://", 0) != 0 || origin.find('*') != std::string::npos;
}

}  // namespace

std::vector<Rule> app_service() {
  return {
      // Availability rules have no Azure Security Benchmark control: the benchmark covers
      // security only, so `benchmark` stays empty there rather than naming an unrelated one.
      for_kind<AppServicePlan>(
          {.id = "AZ-PLAN-001",
           .title = "App Service plans in staging and prod are Standard or Premium",
           .rationale = "Basic plans have no deployment slots, no zone redundancy and few "
                        "instances; a shared environment needs the SLA-backed tiers.",
           .fix = "set `.sku = PlanSku::P0v3` (or S1-S3, P1v3-P3v3); Y1/EP/FC1 also pass",
           .levels = {.dev = Level::off, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_211"},
           .psrule = {"Azure.AppService.MinPlan"},
           .benchmark = ""},
          [](const AppServicePlan& plan, const Environment&) -> Problem {
            if (azure::tier(plan.props().sku) != "Basic") return {};
            return "the plan is " + std::string(azure::to_string(plan.props().sku)) +
                   ", a Basic SKU";
          }),
      for_kind<AppServicePlan>(
          {.id = "AZ-PLAN-002",
           .title = "Dedicated plans in staging and prod run at least 2 workers",
           .rationale = "With one worker every platform update, crash or scale-in takes the "
                        "apps on the plan down.",
           .fix = "set `.worker_count = 2` or more (consumption and Elastic Premium plans are "
                  "not checked: they scale on their own)",
           .levels = {.dev = Level::off, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_212"},
           .psrule = {"Azure.AppService.PlanInstanceCount"},
           .benchmark = ""},
          [](const AppServicePlan& plan, const Environment&) -> Problem {
            const PlanSku sku = plan.props().sku;
            if (azure::is_consumption(sku) || azure::is_elastic_premium(sku) ||
                plan.props().worker_count >= 2) {
              return {};
            }
            return "the plan runs " + std::to_string(plan.props().worker_count) + " worker";
          }),
      for_kind<AppServicePlan>(
          {.id = "AZ-PLAN-003",
           .title = "Prod App Service plans are zone balanced",
           .rationale = "A plan in one availability zone goes down with that zone.",
           .fix = "use a P*v3 or EP* SKU with `.worker_count = 2` (3 covers every zone) and "
                  "`.zone_balancing = true`; a Y1 plan cannot, suppress it with that reason",
           .levels = {.dev = Level::off, .staging = Level::off, .prod = Level::error},
           .checkov = {"CKV_AZURE_225"},
           .psrule = {"Azure.AppService.AvailabilityZone"},
           .benchmark = ""},
          [](const AppServicePlan& plan, const Environment&) -> Problem {
            if (plan.props().zone_balancing) return {};
            const PlanSku sku = plan.props().sku;
            if (!azure::supports_zone_balancing(sku)) {
              return "the plan is " + std::string(azure::to_string(sku)) +
                     ", which cannot spread over availability zones";
            }
            return "`zone_balancing` is off";
          }),
      for_sites({.id = "AZ-APP-001",
                 .title = "Function and web apps accept HTTPS only",
                 .rationale = "Plain HTTP exposes requests, cookies and tokens on the wire.",
                 .fix = "remove the waiver of `settings.https_only`",
                 .levels = Levels::everywhere(Level::error),
                 .checkov = {"CKV_AZURE_70", "CKV_AZURE_14", "CKV_AZURE_153"},
                 .psrule = {"Azure.AppService.UseHTTPS"},
                 .benchmark = "DP-3"},
                [](const Site& site, const Environment&) -> Problem {
                  if (site.settings().https_only.is_enforced()) return {};
                  return "HTTP is accepted: " + site.settings().https_only.reason();
                }),
      for_sites(
          {.id = "AZ-APP-002",
           .title = "App access restrictions deny by default",
           .rationale = "An app open to every address can be probed and attacked directly, "
                        "around the WAF in front of it.",
           .fix = "use PublicNetwork::disabled() or PublicNetwork::allow_from({ranges}, reason) "
                  "in `settings.public_network`",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {},
           .benchmark = "NS-2"},
          [](const Site& site, const Environment&) -> Problem {
            if (site.settings().public_network.denies_by_default()) return {};
            return "every address may call the app: " + site.settings().public_network.reason();
          }),
      for_sites(
          {.id = "AZ-APP-003",
           .title = "Prod apps have no public endpoint",
           .rationale = "Production apps are reached through a private endpoint (Front Door "
                        "Premium Private Link or an internal caller) only.",
           .fix = "use PublicNetwork::disabled() in `settings.public_network`; behind Front Door "
                  "Standard keep the allow list and suppress AZ-APP-003 with that reason",
           .levels = {.dev = Level::off, .staging = Level::off, .prod = Level::error},
           .checkov = {"CKV_AZURE_221", "CKV_AZURE_222"},
           .psrule = {},
           .benchmark = "NS-2"},
          [](const Site& site, const Environment&) -> Problem {
            if (azure::front_door_access(site).needs_public_endpoint) {
              return std::string(
                  "the public endpoint is on for Front Door (an origin without "
                  "Private Link)");
            }
            if (!site.settings().public_network.public_endpoint()) return {};
            return "the public endpoint is on: " + site.settings().public_network.reason();
          }),
      for_sites(
          {.id = "AZ-APP-004",
           .title = "CORS allows exact HTTPS origins only",
           .rationale = "An http:// origin can be impersonated on the network, and a wildcard "
                        "such as https://*.azurewebsites.net admits every tenant's site, so "
                        "their pages could call the app from the user's browser.",
           .fix = "list exact origins such as \"https://app.example.com\" in "
                  "`settings.cors_allowed_origins` (http://localhost only in dev)",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_57", "CKV_AZURE_62"},
           .psrule = {},
           .benchmark = "PV-2"},
          [](const Site& site, const Environment&) -> Problem {
            std::vector<std::string> loose;
            for (const auto& origin : site.settings().cors_allowed_origins) {
              if (loose_origin(origin)) loose.push_back("'" + origin + "'");
            }
            if (loose.empty()) return {};
            return "CORS admits " + join(loose);
          }),
      for_sites(
          {.id = "AZ-APP-005",
           .title = "Function and web apps have a managed identity",
           .rationale = "Without an identity the app reaches storage, Key Vault and telemetry "
                        "with keys and connection strings, which leak and are not audited.",
           .fix = "keep the default system-assigned identity, or use "
                  "`AppIdentity::user_assigned(identity)` instead of `AppIdentity::none`",
           .levels = Levels::everywhere(Level::error),
           .checkov = {"CKV_AZURE_16", "CKV_AZURE_71"},
           .psrule = {"Azure.AppService.ManagedIdentity"},
           .benchmark = "IM-3"},
          [](const Site& site, const Environment&) -> Problem {
            if (site.settings().identity.mode() != AppIdentity::Mode::none) return {};
            return "the app has no identity: " + site.settings().identity.reason();
          }),
      for_sites(
          {.id = "AZ-APP-006",
           .title = "Apps in staging and prod have a health check",
           .rationale = "Without a probe the platform keeps routing to an instance that is up "
                        "but broken.",
           .fix = "set `settings.health_check_path`, e.g. \"/healthz\" (Y1 plans have none and "
                  "are not checked)",
           .levels = {.dev = Level::off, .staging = Level::error, .prod = Level::error},
           .checkov = {"CKV_AZURE_213"},
           .psrule = {"Azure.AppService.WebProbe", "Azure.AppService.WebProbePath"},
           .benchmark = ""},
          [](const Site& site, const Environment&) -> Problem {
            if (site.settings().health_check_path) return {};
            // Consumption plans have no health check (IAC-APP-009 refuses one there).
            if (site.plan() != nullptr && azure::is_consumption(site.plan()->props().sku))
              return {};
            return "`settings.health_check_path` is not set";
          }),
      for_kind<LinuxFunctionApp>(
          {.id = "AZ-APP-007",
           .title = "Functions hosts in staging and prod reach storage with their identity",
           .rationale = "On Y1 and Elastic Premium plans the host reads the storage account "
                        "key from its settings; anyone who can read the settings has full "
                        "access to the account.",
           .fix = "run the app on a dedicated plan (S1-S3, P*v3), where the host uses its "
                  "identity; otherwise suppress AZ-APP-007 naming the content share",
           .levels = {.dev = Level::off, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {},
           .benchmark = "IM-1"},
          [](const LinuxFunctionApp& app, const Environment&) -> Problem {
            if (app.storage_uses_managed_identity()) return {};
            return "the host uses the storage account key on its " +
                   std::string(azure::to_string(app.plan()->props().sku)) + " plan";
          }),
      // No scanner can see this one: it needs the app setting, the vault it names and the
      // role assignments together, which only the model has.
      for_sites(
          {.id = "AZ-APP-008",
           .title = "An app that reads a Key Vault secret holds a role to read it",
           .rationale = "A Key Vault reference resolves with the app's identity; without Key "
                        "Vault Secrets User on the vault the app starts with the literal "
                        "reference as its setting and fails at run time.",
           .fix = "set it with `app.setting(name, vault.secret_reference(secret))`, which grants "
                  "the role, or call `vault.grant_secrets_read(app.identity())`; keep an "
                  "identity (not `AppIdentity::none`)",
           .levels = Levels::everywhere(Level::error),
           .checkov = {},
           .psrule = {},
           .benchmark = "IM-3"},
          [](const Site& site, const Environment&) -> Problem {
            const bool has_identity = site.settings().identity.mode() != AppIdentity::Mode::none;
            const auto principal = site.identity().object_id.refs();
            std::vector<std::string> unreadable;
            for (const auto& setting : site.app_settings()) {
              SecretRead read = secret_read(setting.value, site.stack());
              if (read.vault == nullptr) continue;
              if (has_identity && !principal.empty() && can_read(principal.front(), read)) {
                continue;
              }
              unreadable.push_back("'" + setting.name + "' (" + read.vault->path() + ")");
            }
            if (unreadable.empty()) return {};
            return fmt::format("Key Vault reference{} {} cannot resolve: {}",
                               unreadable.size() == 1 ? "" : "s", join(unreadable),
                               has_identity
                                   ? "the app's identity holds no role to read secrets there"
                                   : "the app has no identity");
          }),
      // A plan without autoscale runs a fixed `worker_count`, which AZ-PLAN-002 already keeps
      // at 2 or more: it is available, only sized by hand for the peak. Hence a warning.
      for_kind<AppServicePlan>(
          {.id = "AZ-PLAN-004",
           .title = "Prod Standard and Premium v3 App Service plans autoscale",
           .rationale = "A fixed worker count is sized by guess: too small it queues requests "
                        "at the peak, too large it pays for idle workers all night.",
           .fix = "add `plan.autoscale({.min = 2, .max = 10, .scale_out = cpu_above(70), "
                  ".scale_in = cpu_below(30)})`, or suppress with the capacity plan's reason",
           .levels = {.dev = Level::off, .staging = Level::off, .prod = Level::warning},
           .checkov = {},
           .psrule = {},
           .benchmark = ""},
          [](const AppServicePlan& plan, const Environment&) -> Problem {
            if (!azure::supports_autoscale(plan.props().sku) ||
                plan.autoscale_setting() != nullptr) {
              return {};
            }
            return "the plan runs a fixed " + std::to_string(plan.props().worker_count) +
                   " workers";
          }),
      for_kind<azure::AutoscaleSetting>(
          {.id = "AZ-PLAN-005",
           .title = "Autoscale keeps at least 2 workers in staging and prod",
           .rationale = "Scaling in to one worker brings back the single point of failure "
                        "AZ-PLAN-002 removes, and takes a zone-balanced plan out of its zones.",
           .fix = "set `.min = 2` or more (3 keeps a worker in every zone)",
           .levels = {.dev = Level::off, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {"Azure.AppService.PlanInstanceCount"},
           .benchmark = ""},
          [](const azure::AutoscaleSetting& setting, const Environment&) -> Problem {
            if (setting.props().min >= 2) return {};
            return "autoscale may scale the plan in to " + std::to_string(setting.props().min) +
                   " worker";
          }),
  };
}

}  // namespace iac::policy::rules
