#include "stacks/threatstream/threatstream.h"

#include <chrono>

#include <iacgen/azure.h>

#include "dsl/policy/suppression.h"
#include "stacks/platform/platform.h"

namespace iac::stacks {

namespace {

using namespace iac::azure;
using iac::templates::Observability;
using namespace std::chrono_literals;

/// The application's threat-feed API keys. They are set in the vault by the security team
/// (never by Terraform or Bicep, so their values stay out of state files and deployment
/// history); the Function App reads them through Key Vault references.
constexpr const char* kFeedSecrets[][2] = {
    {"OTX_API_KEY", "otx-api-key"},
    {"ABUSEIPDB_API_KEY", "abuseipdb-api-key"},
    {"VIRUSTOTAL_API_KEY", "virustotal-api-key"},
};

/// The operations team's mailbox (the design document's "DevOps team").
constexpr const char* kDevOpsEmail = "devops@threatstream.local";

/// The month the budgets were first deployed: fixed, so that every synth writes the same date
/// (Azure accepts a past start only within the current period, at creation).
constexpr const char* kBudgetStart = "2026-12-01";

/// Dev alerts are informational (severity 3, email only); staging and prod keep the design
/// document's severities (Critical 0, High 1, Medium 2).
int severity(const Environment& env, int shared) { return env.is_dev() ? 3 : shared; }

/// The design document's monitoring section: its four recommended alerts, its failed-ingestion
/// query as an alert, and the budget with 80% / 100% notifications.
void declare_alerting(Stack& s, const Environment& env, Observability& monitoring,
                      const CosmosAccount& cosmos) {
  // Email for everyone; prod also pages the on-call engineer through the paging tool's webhook,
  // whose URL carries its integration token: a secure parameter, never a literal.
  ActionGroupProps devops{.short_name = "ts-devops",
                          .emails = {{.name = "devops", .address = kDevOpsEmail}}};
  if (env.is_prod()) {
    devops.webhooks.push_back(
        {.name = "oncall-pager",
         .service_uri = s.parameter("oncall_webhook_url",
                                    {.description = "On-call paging webhook URL (carries the "
                                                    "integration token)",
                                     .secure = true})});
  }
  auto& team = s.add<ActionGroup>("devops", std::move(devops));
  const auto& insights = monitoring.insights();

  // "High Ingestion Failure Rate": failed ingestion attempts > 5 in 15 minutes (High).
  s.add<ScheduledQueryAlert>(
      "ingestion-failures",
      {.description = "Failed ingestion attempts > 5 in 15 minutes: a feed API is failing or "
                      "its key was revoked. Runbook: check the source in `failures by source`.",
       .scope = insights,
       .query = R"(traces
| where message contains "Error fetching from"
| extend source = extract("from (\\w+):", 1, message)
| project timestamp, source, message)",
       .comparison = Comparison::greater_than,
       .threshold = 5,
       .frequency = "PT5M",
       .window = "PT15M",
       .severity = severity(env, 1),
       .action_groups = {team}});

  // "Timer Function Not Running": no timer executions in 30 minutes (Critical).
  s.add<ScheduledQueryAlert>(
      "timer-not-running",
      {.description = "No timer_ingestion executions in 30 minutes. Runbook: Incident Response - "
                      "Timer Function Not Running.",
       .scope = insights,
       .query = R"(requests
| where name == "timer_ingestion")",
       .comparison = Comparison::less_than,
       .threshold = 1,
       .frequency = "PT5M",
       .window = "PT30M",
       .severity = severity(env, 0),
       .action_groups = {team}});

  // "Function Execution Failures": failures > 10% of executions in 1 hour (High).
  s.add<ScheduledQueryAlert>(
      "function-failures",
      {.description = "More than 10% of function executions failed in the last hour.",
       .scope = insights,
       .query = R"(requests
| summarize failure_percent = 100.0 * countif(success == false) / count())",
       .aggregation = Aggregation::average,
       .metric_measure_column = "failure_percent",
       .comparison = Comparison::greater_than,
       .threshold = 10,
       .frequency = "PT15M",
       .window = "PT1H",
       .severity = severity(env, 1),
       .action_groups = {team}});

  // "High Cosmos RU Usage": RU/s > 80% of provisioned (Medium). Only provisioned throughput
  // (prod) has RU/s to normalize against; serverless accounts (dev, staging) bill per request.
  if (env.is_prod()) {
    s.add<MetricAlert>(
        "cosmos-ru", {.description = "Normalized RU consumption above 80% of the provisioned RU/s.",
                      .scope = cosmos,
                      .criteria = {metric::cosmos_normalized_ru(80)},
                      .severity = 2,
                      .frequency = "PT5M",
                      .window = "PT15M",
                      .action_groups = {team}});
  }

  // Budget: 80% of actual spend, and a forecast of going over.
  s.add<ResourceGroupBudget>("budget", {.amount = env.is_prod() ? 250.0 : 100.0,
                                        .start_date = kBudgetStart,
                                        .notifications = {{.threshold_percent = 80,
                                                           .type = BudgetThresholdType::actual,
                                                           .emails = {kDevOpsEmail},
                                                           .action_groups = {team}},
                                                          {.threshold_percent = 100,
                                                           .type = BudgetThresholdType::forecasted,
                                                           .emails = {kDevOpsEmail},
                                                           .action_groups = {team}}}});
}

/// Staging and prod are private (seeds/004: "Private Endpoints: No public exposure", "NSGs:
/// least privilege"): one VNet per environment with a subnet for the private endpoints and one
/// for the Function App's outbound VNet integration, each behind its own NSG. The PrivateNetwork
/// switch gives Cosmos DB, the storage account (blob, file, queue, table: it is the Functions
/// host storage), Redis, Key Vault and the Function App their endpoints and DNS zones.
void declare_network(Stack& s, const Environment& env) {
  const std::string base = env.is_prod() ? "10.20" : "10.21";
  // The endpoints take HTTPS (Key Vault, Cosmos DB, blob/queue/table, the app's own site),
  // SMB (the Elastic Premium content share on Azure Files) and Redis over TLS, from the
  // Function App's integration subnet only.
  templates::private_landing_zone(
      s,
      {.vnet_range = base + ".0.0/16",
       .endpoints_range = base + ".1.0/24",
       .apps_range = base + ".2.0/26",
       .endpoint_ports = {{"allow-apps-https", "443",
                           "Function App to Key Vault, Cosmos DB, storage and its own site"},
                          {"allow-apps-smb", "445", "Elastic Premium content share on Azure Files"},
                          {"allow-apps-redis", "6380", "Redis over TLS"}}});
}

/// How dev reaches its data. Dev runs the Functions host on a Y1 Consumption plan (the seed's
/// "Consumption Plan, $0.20" and "Dev/Test: single region, serverless Cosmos DB"): Y1 has no
/// VNet integration and no inbound private endpoint, and its outbound addresses are shared by
/// the scale unit and change, so no firewall can list them. Making dev private would take an
/// Elastic Premium EP1 (about $150 a month) or a B1 with Always On ($13), plus seven or eight
/// private endpoints and as many DNS zones (about $55-62 a month), against a $100 dev budget
/// whose workload the seed estimates at $56-81; iacgen does not model Flex Consumption function
/// apps yet (IAC-APP-013). So dev opens the public endpoints of what the function reads,
/// deliberately and with these reasons, and keeps every credential an Entra ID token: Cosmos DB
/// with its account keys off and a data role (AZ-COSMOS-001), Redis with access keys off and a data
/// access policy (AZ-REDIS-001), Key Vault authorizing each Key Vault reference through RBAC
/// (AZ-KV-002). Dev holds indicators from public threat feeds and the feeds' dev API keys;
/// staging and prod, which hold the production keys, stay private. The policy reports each
/// open endpoint as the dev-level warning it is (AZ-COSMOS-003, AZ-KV-003, AZ-REDIS-002,
/// AZ-ST-004).
PublicNetwork dev_data_access(const Environment& env, const char* what) {
  if (!env.is_dev()) return PublicNetwork::disabled();
  return PublicNetwork::open(std::string("dev's Y1 Functions host has no VNet integration and "
                                         "no listable outbound address; ") +
                             what);
}

/// The egress of the secops VPN, through which the self-hosted dev runner deploys the code and
/// developers call the HTTP functions (a function key is still required).
constexpr const char* kSecopsVpnEgress = "192.0.2.0/24";

/// Declared once, run per environment. Dev is cheap and short-lived (serverless Cosmos DB, a
/// consumption plan, a Basic cache); prod keeps data longer, scales, and survives a regional
/// outage (autoscale Cosmos DB in two regions, GZRS storage, Elastic Premium, Standard C1 cache).
void declare(Stack& s, const Environment& env) {
  Tags::of(s).add("cost-center", "secops").add("data-classification", "confidential");
  if (!env.is_dev()) declare_network(s, env);

  auto& monitoring = s.add<Observability>(
      "monitoring", {.log_retention_days = env.is_prod() ? 90 : 30,
                     .telemetry_retention_days = env.is_prod() ? 365 : 90,
                     .daily_quota_gb = env.is_dev() ? std::optional<int>(1) : std::nullopt});

  // Indicators: one container, partitioned by feed, expiring after 30 days.
  auto& cosmos = s.add<CosmosAccount>(
      "cosmos",
      {.capacity = env.is_prod() ? CosmosCapacity::provisioned() : CosmosCapacity::serverless(),
       .regions = env.is_prod() ? env.regions() : std::vector<std::string>{env.location},
       .zone_redundant = env.is_prod(),
       .public_network =
           dev_data_access(env, "account keys stay off: the function signs in with Entra ID")});
  cosmos.sql_database("threatstream")
      .container("indicators",
                 {.partition_key = "/partition_key",
                  .default_ttl = std::chrono::duration_cast<std::chrono::seconds>(24h * 30),
                  .excluded_paths = {"/raw_metadata/*"},
                  .throughput =
                      env.is_prod() ? std::optional(Throughput::autoscale(4000)) : std::nullopt});

  // The Functions host storage. The Y1 and EP plans mount their code from an Azure Files share,
  // which only accepts the account key: the key stays enabled, for the host only.
  const bool consumption = env.is_dev();
  auto& storage = s.add<StorageAccount>(
      "st",
      {.replication = env.is_prod() ? Replication::gzrs : Replication::lrs,
       .public_network = consumption ? PublicNetwork::open("Y1 consumption plans have no VNet "
                                                           "integration to reach a private account")
                                     : PublicNetwork::disabled(),
       .entra_only_auth = Control::waived("the Functions content share (Azure Files) needs the "
                                          "account key; app data uses Cosmos DB with Entra ID"),
       .blob_soft_delete_days = env.is_prod() ? 30 : 7,
       .container_soft_delete_days = env.is_prod() ? 30 : 7});
  storage.container("raw-feeds");
  if (!env.is_dev()) {
    policy::suppress(storage, "AZ-ST-003",
                     "Elastic Premium content share requires the account key; the account has "
                     "no public endpoint and app data is in Cosmos DB with Entra ID",
                     {.owner = "secops-platform", .expires = "2027-06-30"});
  }

  auto& cache = s.add<RedisCache>(
      "redis", {.sku = env.is_dev() ? RedisSku::basic : RedisSku::standard,
                .capacity = env.is_dev() ? 0 : 1,
                .public_network = dev_data_access(
                    env, "access keys stay off: the function signs in with Entra ID")});

  auto& vault = s.add<KeyVault>(
      "kv", {.soft_delete_retention_days = env.is_prod() ? 90 : 7,
             .public_network = dev_data_access(env,
                                               "Key Vault references are resolved from "
                                               "there and authorized by RBAC; the vault "
                                               "holds the feeds' dev keys only")});

  // Prod spreads three always-ready instances over the region's availability zones.
  auto& plan = s.add<AppServicePlan>("plan", {.sku = consumption ? PlanSku::Y1 : PlanSku::EP1,
                                              .worker_count = env.is_prod() ? 3 : 1,
                                              .zone_balancing = env.is_prod()});
  auto& ingestion = s.add<LinuxFunctionApp>(
      "func",
      {.plan = plan,
       .storage = storage,
       .runtime = Runtime::python("3.11"),
       .insights = monitoring.insights(),
       // Dev's Y1 app has no private endpoint: the dev runner deploys to it, and developers
       // call it, from the secops VPN only (deployment with Entra ID, HTTP with function keys).
       .settings = {.public_network =
                        consumption ? PublicNetwork::allow_from(
                                          {kSecopsVpnEgress},
                                          "Y1 has no inbound private endpoint; the dev runner "
                                          "and developers come from the secops VPN")
                                    : PublicNetwork::disabled(),
                    .health_check_path =
                        consumption ? std::nullopt : std::optional<std::string>("/api/health")},
       // App-wide retry of failed executions; the timer's own policy takes precedence.
       .host = {.retry = Retry::fixed_delay(3, 5s)}});
  // The pipelines deploy the ingestion code after the infrastructure, then probe /api/health.
  ingestion.package({.path = "ingestion",
                     .build = "python -m pip install --target .python_packages/lib/site-packages "
                              "-r requirements.txt",
                     .health_path = "/api/health"});
  ingestion.setting("COSMOS_ENDPOINT", cosmos.endpoint());
  ingestion.setting("COSMOS_DATABASE", "threatstream");
  ingestion.setting("COSMOS_CONTAINER", "indicators");
  ingestion.setting("REDIS_HOST", cache.hostname());
  for (const auto& [setting, secret] : kFeedSecrets) {
    ingestion.setting(setting, vault.secret_reference(secret));  // also grants Secrets User
  }
  cosmos.grant_data_contributor(ingestion.identity());
  cache.grant_data_contributor(ingestion.identity());

  // The functions of the ingestion app (host.json and function.json under functions/func/).
  ingestion.timer("timer_ingestion", "0 */15 * * * *",
                  {.parameter = "mytimer", .retry = Retry::fixed_delay(2, 30s)});
  ingestion.http("http_ingestion",
                 {.route = "ingest", .methods = {HttpMethod::get, HttpMethod::post}});
  // The platform health check (`settings.health_check_path` = /api/health) and the load
  // balancer probe send no function key.
  ingestion.http("health", {.route = "health",
                            .auth = HttpAuth::anonymous("load balancer and App Service health "
                                                        "probes cannot send a function key")});
  if (!env.is_dev()) {
    policy::suppress(ingestion, "AZ-FUNC-001",
                     "'health' is the platform health-check and load balancer probe target, which "
                     "cannot send a function key; it returns liveness only, no indicator data, "
                     "and the app has no public endpoint",
                     {.owner = "secops-platform", .expires = "2027-06-30"});
  }
  if (!env.is_dev()) {
    policy::suppress(ingestion, "AZ-APP-007",
                     "Elastic Premium mounts its content share with the account key; the app's own "
                     "data access uses its managed identity",
                     {.owner = "secops-platform", .expires = "2027-06-30"});
  }

  declare_alerting(s, env, monitoring, cosmos);

  s.output("key_vault_uri", vault.uri(), "Key Vault URI, for setting the feed API keys");
  s.output("cosmos_endpoint", cosmos.endpoint());
  s.output("function_hostname", ingestion.default_hostname());
  s.output("insights_app_id", monitoring.insights().app_id());
  s.output("log_workspace_id", monitoring.workspace().workspace_id());
}

}  // namespace

App threatstream() {
  App app{"threatstream"};
  app.environments({Environment::dev("eastus"), Environment::staging("eastus"),
                    Environment::prod("eastus", "westus")});
  app.define(declare);
  // The ingestion code's own tests gate every change. The app has no open public endpoint in
  // any environment, so each environment deploys from its own runner: inside the network in
  // staging and prod, behind the secops VPN (the app's allow list) in dev.
  app.delivery({.tests = AppTests{.directory = "ingestion",
                                  .python = "3.11",
                                  .install = "python -m pip install -r requirements.txt pytest "
                                             "pytest-cov pytest-mock",
                                  .command = "python -m pytest tests/ --junitxml=test-results.xml "
                                             "--cov=. --cov-report=xml:coverage.xml",
                                  .junit_report = "test-results.xml",
                                  .coverage_report = "coverage.xml"},
                .self_hosted_runners = {{"dev", "threatstream-dev"},
                                        {"staging", "threatstream-staging"},
                                        {"prod", "threatstream-prod"}},
                // Each environment's state in the platform's state account of that environment.
                .state_backends = platform_state_backends()});
  return app;
}

}  // namespace iac::stacks
