#include "stacks/openai/openai.h"

#include <optional>
#include <string>

#include <iacgen/azure.h>

#include "stacks/platform/platform.h"

namespace iac::stacks {

namespace {

using namespace iac::azure;
using iac::templates::Observability;

/// The model deployments the service calls, by the names its code uses. Both are regional
/// Standard deployments: prompts and completions are processed in Australia East, as the
/// service's data residency commitment requires (Global and DataZone SKUs may process them
/// elsewhere). Versions are pinned; a model upgrade is a reviewed change of this file.
constexpr const char* kChatDeployment = "chat";
constexpr const char* kEmbeddingsDeployment = "embeddings";

/// Thousands of tokens per minute per deployment: enough for developers in dev, load tests in
/// staging, and the production peak with headroom for retries in prod.
int chat_capacity(const Environment& env) {
  if (env.is_prod()) return 80;
  return env.is_staging() ? 30 : 10;
}
int embeddings_capacity(const Environment& env) {
  if (env.is_prod()) return 120;
  return env.is_staging() ? 30 : 10;
}

/// Every environment is private, dev included (seed 004 for staging and prod: "Private
/// Endpoints: No public exposure", "NSGs: least privilege"): one VNet per environment, a subnet for
/// the private endpoints and one for the API's outbound VNet integration, each behind its own NSG.
/// The PrivateNetwork switch gives the OpenAI account, Key Vault and the API their private
/// endpoints and privatelink DNS zones, and routes the API's outbound calls through the VNet.
void declare_network(Stack& s, const Environment& env) {
  const std::string base = env.is_prod() ? "10.40" : env.is_staging() ? "10.41" : "10.42";
  // Everything behind an endpoint speaks HTTPS: the models, the vault and the API's own site.
  templates::private_landing_zone(
      s, {.vnet_range = base + ".0.0/16",
          .endpoints_range = base + ".1.0/24",
          .apps_range = base + ".2.0/26",
          .endpoint_ports = {
              {"allow-api-https", "443", "API to Azure OpenAI, Key Vault and its own site"}}});
}

/// Declared once, run per environment. Every environment keeps the security posture of the
/// hardening report (Entra ID only, no keys, no public endpoints, 90 days of audit logs);
/// what changes is capacity: one B1 worker in dev, two Premium v3 workers in staging, three
/// zone-balanced ones in prod, and the deployments' tokens per minute.
///
/// The service authenticates to Azure OpenAI with its system-assigned identity (Cognitive
/// Services OpenAI User): the account's keys are disabled, so the report's "API key in Key
/// Vault" is not needed; the vault stays for the service's other secrets, read with the same
/// identity (Key Vault Secrets User).
///
/// The diagnostics aspect sends the account's audit, request and trace logs and the vault's
/// audit events to the workspace, kept 90 days. Every environment reaches the account, the vault
/// and the API over private endpoints only (declare_network).
///
/// Why dev is private too: the API reads the models and the vault with its identity, through
/// its own network. Without a VNet, the account and the vault (public access off) were
/// unreachable from dev's API, and the API itself (public access off, no endpoint) from the
/// dev runner. Opening them instead is not possible without weakening: a B1 app's outbound
/// addresses change with the scale unit (no firewall can list them), and an account open to
/// every address is an error in every environment (AZ-COG-003). The B1 plan supports VNet
/// integration, so dev needs only three private endpoints (account, vault, API) and three DNS
/// zones: about $23 a month, within the $150 dev budget, for the same topology as prod.
void declare(Stack& s, const Environment& env) {
  Tags::of(s).add("cost-center", "ai-platform").add("data-classification", "confidential");
  declare_network(s, env);

  // Audit logs are kept 90 days in every environment (the report's retention policy).
  auto& monitoring = s.add<Observability>(
      "monitoring", {.log_retention_days = 90,
                     .telemetry_retention_days = 90,
                     .daily_quota_gb = env.is_dev() ? std::optional<int>(1) : std::nullopt});

  auto& vault = s.add<KeyVault>("kv", {.soft_delete_retention_days = env.is_prod() ? 90 : 7});

  // Keys off, no public endpoint, no outbound calls: the service only serves its deployments.
  auto& openai = s.add<CognitiveAccount>("oai", {.kind = CognitiveKind::openai});
  openai.deployment(kChatDeployment, {.model_name = "gpt-4o",
                                      .model_version = "2024-11-20",
                                      .sku = DeploymentSku::standard,
                                      .capacity = chat_capacity(env)});
  openai.deployment(kEmbeddingsDeployment, {.model_name = "text-embedding-3-small",
                                            .model_version = "1",
                                            .sku = DeploymentSku::standard,
                                            .capacity = embeddings_capacity(env)});

  auto& plan = s.add<AppServicePlan>("plan", {.sku = env.is_dev()    ? PlanSku::B1
                                                     : env.is_prod() ? PlanSku::P1v3
                                                                     : PlanSku::P0v3,
                                              .worker_count = env.is_prod()      ? 3
                                                              : env.is_staging() ? 2
                                                                                 : 1,
                                              .zone_balancing = env.is_prod()});
  // Prod scales out on CPU from one worker per zone (the production standard's autoscaling):
  // one more after 10 minutes above 70%, one fewer after 15 minutes below 30%.
  if (env.is_prod()) {
    plan.autoscale({.min = 3, .max = 10, .scale_out = cpu_above(70), .scale_in = cpu_below(30)});
  }
  auto& api = s.add<LinuxWebApp>("api", {.plan = plan,
                                         .runtime = Runtime::node("20"),
                                         .insights = monitoring.insights(),
                                         .settings = {.health_check_path = "/health"}});
  // The pipelines deploy the compiled service after the infrastructure, then probe /health.
  api.package({.path = "api", .build = "npm ci && npm run build && npm prune --omit=dev"});
  api.setting("NODE_ENV", env.is_dev() ? "development" : "production");
  api.setting("AZURE_OPENAI_ENDPOINT", openai.endpoint());
  api.setting("AZURE_OPENAI_CHAT_DEPLOYMENT", kChatDeployment);
  api.setting("AZURE_OPENAI_EMBEDDINGS_DEPLOYMENT", kEmbeddingsDeployment);
  api.setting("AZURE_KEY_VAULT_URL", vault.uri());
  // The report's retry options: three attempts with exponential backoff (x2, at most 30 s),
  // on throttling (429) and transient server errors only.
  api.setting("OPENAI_RETRY_MAX_RETRIES", "3");
  api.setting("OPENAI_RETRY_BACKOFF_MULTIPLIER", "2");
  api.setting("OPENAI_RETRY_MAX_BACKOFF_MS", "30000");
  api.setting("OPENAI_RETRY_STATUS_CODES", "429,500,502,503,504");
  // Structured logging: debug in dev, info elsewhere; health checks every 30 seconds.
  api.setting("LOG_LEVEL", env.is_dev() ? "debug" : "info");
  api.setting("HEALTH_CHECK_INTERVAL_MS", "30000");

  openai.grant_openai_user(api.identity());
  vault.grant_secrets_read(api.identity());

  // The report's monitoring: the team is emailed when the API returns server errors (the
  // retries exhausted) and when spend nears the environment's budget.
  auto& ops = s.add<ActionGroup>(
      "ops", {.short_name = "ai-ops",
              .emails = {{.name = "platform", .address = "ai-platform-ops@openai.example"}}});
  s.add<MetricAlert>("api-5xx",
                     {.description = "The API returned more than 10 server errors in 15 minutes "
                                     "(Azure OpenAI throttling or outage after retries).",
                      .scope = api,
                      .criteria = {metric::http_5xx(10)},
                      .severity = env.is_dev() ? 3 : 1,
                      .frequency = "PT5M",
                      .window = "PT15M",
                      .action_groups = {ops}});
  s.add<ResourceGroupBudget>("budget",
                             {.amount = env.is_prod() ? 2000.0 : (env.is_staging() ? 500.0 : 150.0),
                              .start_date = "2026-12-01",
                              .notifications = {{.threshold_percent = 80, .action_groups = {ops}},
                                                {.threshold_percent = 100,
                                                 .type = BudgetThresholdType::forecasted,
                                                 .action_groups = {ops}}}});

  s.output("openai_endpoint", openai.endpoint(), "Azure OpenAI endpoint");
  s.output("api_hostname", api.default_hostname());
  s.output("key_vault_uri", vault.uri(), "Key Vault URI, for setting the service's secrets");
  s.output("insights_app_id", monitoring.insights().app_id());
}

}  // namespace

App openai() {
  App app{"openai"};
  app.environments({Environment::dev("australiaeast"), Environment::staging("australiaeast"),
                    Environment::prod("australiaeast", "australiasoutheast")});
  app.define(declare);
  // The service's own tests gate every change. The API has no public endpoint in any
  // environment (private endpoints everywhere), so each environment deploys from a runner
  // inside its network.
  app.delivery({.tests = AppTests{.directory = "api",
                                  .install = "npm ci",
                                  .command = "npm test -- --ci --reporters=default "
                                             "--reporters=jest-junit --coverage "
                                             "--coverageReporters=cobertura",
                                  .junit_report = "junit.xml",
                                  .coverage_report = "coverage/cobertura-coverage.xml"},
                .self_hosted_runners = {{"dev", "openai-dev"},
                                        {"staging", "openai-staging"},
                                        {"prod", "openai-prod"}},
                // Each environment's state in the platform's state account of that environment.
                .state_backends = platform_state_backends()});
  return app;
}

}  // namespace iac::stacks
