#include "stacks/docextract/docextract.h"

#include <optional>
#include <string>

#include <iacgen/azure.h>

#include "dsl/policy/suppression.h"
#include "stacks/platform/platform.h"

namespace iac::stacks {

namespace {

using namespace iac::azure;
using iac::templates::Observability;

/// Streamlit listens here; App Service forwards to it (WEBSITES_PORT) and the app reads it as
/// APP_PORT (the best practices' "configure server.port via APP_PORT").
constexpr const char* kPort = "8000";

/// The operations mailbox.
constexpr const char* kOpsEmail = "docextract-ops@hso.example";

/// Where uploaded documents and the extraction results are kept.
constexpr const char* kUploads = "uploads";
constexpr const char* kResults = "results";

/// The month the budgets were first deployed: fixed, so that every synth writes the same date.
constexpr const char* kBudgetStart = "2026-12-01";

/// Every environment is private, dev included (seed 004 for staging and prod: "Private
/// Endpoints: No public exposure", "NSGs: least privilege"): one VNet per environment, a subnet
/// for the private endpoints and one for both apps' outbound VNet integration, each behind its
/// own NSG. The PrivateNetwork switch gives the storage accounts, Key Vault, Computer Vision,
/// the extractor and (in staging and prod) the front end their endpoints and DNS zones, and
/// routes the apps' outbound calls through the VNet.
PrivateNetwork& declare_network(Stack& s, const Environment& env) {
  const std::string base = env.is_prod() ? "10.50" : env.is_staging() ? "10.51" : "10.52";
  std::vector<templates::EndpointPort> ports{
      {"allow-apps-https", "443",
       "Front end and extractor to storage, Key Vault, Computer Vision and the extractor's "
       "own site"}};
  // Only Elastic Premium mounts a content share; dev's extractor runs on a dedicated plan.
  if (!env.is_dev()) {
    ports.push_back({"allow-apps-smb", "445", "Elastic Premium content share on Azure Files"});
  }
  return templates::private_landing_zone(s, {.vnet_range = base + ".0.0/16",
                                             .endpoints_range = base + ".1.0/24",
                                             .apps_range = base + ".2.0/26",
                                             .endpoint_ports = std::move(ports)});
}

/// The best practices' alerts (failure rate, latency, function errors, storage capacity are
/// covered by the front end's server errors and the extractor's failure rate) and the budget.
void declare_alerting(Stack& s, const Environment& env, Observability& monitoring,
                      const LinuxWebApp& web) {
  auto& ops = s.add<ActionGroup>(
      "ops", {.short_name = "docx-ops", .emails = {{.name = "ops", .address = kOpsEmail}}});
  const int severity = env.is_dev() ? 3 : 1;
  s.add<MetricAlert>("web-5xx",
                     {.description = "The Streamlit front end returned more than 10 server "
                                     "errors in 15 minutes.",
                      .scope = web,
                      .criteria = {metric::http_5xx(10)},
                      .severity = severity,
                      .frequency = "PT5M",
                      .window = "PT15M",
                      .action_groups = {ops}});
  s.add<ScheduledQueryAlert>(
      "extraction-failures",
      {.description = "More than 5% of document extractions failed in the last hour. Runbook: "
                      "check Computer Vision throttling and the extractor's exceptions.",
       .scope = monitoring.insights(),
       .query = R"(requests
| where name == "extract"
| summarize failure_percent = 100.0 * countif(success == false) / count())",
       .aggregation = Aggregation::average,
       .metric_measure_column = "failure_percent",
       .comparison = Comparison::greater_than,
       .threshold = 5,
       .frequency = "PT15M",
       .window = "PT1H",
       .severity = severity,
       .action_groups = {ops}});
  s.add<ResourceGroupBudget>("budget",
                             {.amount = env.is_prod() ? 800.0 : (env.is_staging() ? 300.0 : 100.0),
                              .start_date = kBudgetStart,
                              .notifications = {{.threshold_percent = 80, .action_groups = {ops}},
                                                {.threshold_percent = 100,
                                                 .type = BudgetThresholdType::forecasted,
                                                 .action_groups = {ops}}}});
}

/// Declared once, run per environment. Dev is cheap (one B1 plan for the front end and the
/// extractor, LRS storage, the smallest private network); staging mirrors prod's shape on
/// fewer workers; prod runs zone-balanced front end workers, an always-ready Elastic Premium
/// extractor (the seed's "min instances for cold start reduction") and geo-zone-redundant
/// documents.
///
/// How dev reaches its data. The extractor reads the documents and calls Computer Vision with
/// its identity, the front end reads the documents and the vault (a Key Vault reference), and
/// calls the extractor; all of them had public access off while dev had no network, and a Y1
/// extractor can have none (no VNet integration, outbound addresses no firewall can list).
/// Opening them is not an option without weakening: Computer Vision open to every address is an
/// error in every environment (AZ-COG-003), and the documents are the confidential part of the
/// system even when synthetic. So dev is private like staging and prod, at the least cost: the
/// extractor moves from Y1 to the front end's B1 plan (no extra plan; a dedicated plan supports
/// VNet integration, and its Functions host reaches its storage with its identity, so the host
/// account loses its shared key and needs no file endpoint), and the network adds seven private
/// endpoints and six DNS zones, about $54 a month, within the $100 dev budget. Elastic Premium
/// (about $150 a month) would have broken it; Flex Consumption apps are not modeled (IAC-APP-013).
void declare(Stack& s, const Environment& env) {
  Tags::of(s).add("cost-center", "hso-data").add("data-classification", "confidential");
  PrivateNetwork& network = declare_network(s, env);

  auto& monitoring = s.add<Observability>(
      "monitoring", {.log_retention_days = env.is_prod() ? 90 : 30,
                     .telemetry_retention_days = env.is_prod() ? 365 : 90,
                     .daily_quota_gb = env.is_dev() ? std::optional<int>(1) : std::nullopt});

  // Uploaded documents and extraction results: Entra ID only, private, GRS-class in prod
  // ("Backups: use GRS for Storage"), with soft delete as the point-in-time safety net.
  auto& documents =
      s.add<StorageAccount>("docs", {.replication = env.is_prod()      ? Replication::gzrs
                                                    : env.is_staging() ? Replication::zrs
                                                                       : Replication::lrs,
                                     .blob_soft_delete_days = env.is_prod() ? 30 : 7,
                                     .container_soft_delete_days = env.is_prod() ? 30 : 7});
  documents.container(kUploads);
  documents.container(kResults);

  // The Functions host storage. Elastic Premium (staging, prod) mounts its code from an Azure
  // Files share, which only accepts the account key: the key stays enabled there, for the host
  // only. Dev's dedicated plan runs from the deployed package and the host signs in with its
  // identity, so dev's account is Entra ID only.
  const bool dedicated_extractor = env.is_dev();
  auto& host_storage = s.add<StorageAccount>(
      "st", {.replication = env.is_prod() ? Replication::gzrs : Replication::lrs,
             .entra_only_auth = dedicated_extractor
                                    ? Control::enforced()
                                    : Control::waived("the Functions content share (Azure Files) "
                                                      "needs the account key; documents are in "
                                                      "an Entra-only account")});
  if (!env.is_dev()) {
    policy::suppress(host_storage, "AZ-ST-003",
                     "Elastic Premium content share requires the account key; the account has "
                     "no public endpoint and holds no documents",
                     {.owner = "hso-platform", .expires = "2027-06-30"});
  }

  // Computer Vision reads the documents: keyless (Entra ID only), no public endpoint.
  auto& vision = s.add<CognitiveAccount>("cv", {.kind = CognitiveKind::computer_vision});

  auto& vault = s.add<KeyVault>("kv", {.soft_delete_retention_days = env.is_prod() ? 90 : 7});

  // The Streamlit front end's plan; in dev the extractor runs on it too.
  auto& web_plan = s.add<AppServicePlan>("web-plan", {.sku = env.is_dev()    ? PlanSku::B1
                                                             : env.is_prod() ? PlanSku::P1v3
                                                                             : PlanSku::P0v3,
                                                      .worker_count = env.is_prod()      ? 3
                                                                      : env.is_staging() ? 2
                                                                                         : 1,
                                                      .zone_balancing = env.is_prod()});
  // Prod's front end scales out on CPU from one worker per zone (the production standard's
  // autoscaling): one more after 10 minutes above 70%, one fewer after 15 minutes below 30%.
  if (env.is_prod()) {
    web_plan.autoscale(
        {.min = 3, .max = 10, .scale_out = cpu_above(70), .scale_in = cpu_below(30)});
  }

  // The extractor: an HTTP function the front end calls with a function key. Dev shares the
  // front end's B1 worker (a few synthetic documents a day need no plan of their own).
  auto& func_plan = dedicated_extractor
                        ? web_plan
                        : s.add<AppServicePlan>("func-plan", {.sku = PlanSku::EP1,
                                                              .worker_count = env.is_prod() ? 3 : 1,
                                                              .zone_balancing = env.is_prod()});
  auto& extractor =
      s.add<LinuxFunctionApp>("func", {.plan = func_plan,
                                       .storage = host_storage,
                                       .runtime = Runtime::python("3.11"),
                                       .insights = monitoring.insights(),
                                       .settings = {.health_check_path = "/api/health"}});
  extractor.package({.path = "extractor",
                     .build = "python -m pip install --target .python_packages/lib/site-packages "
                              "-r requirements.txt",
                     .health_path = "/api/health"});
  extractor.setting("ENV", env.is_prod() ? "production" : env.name);
  extractor.setting("COMPUTER_VISION_ENDPOINT", vision.endpoint());
  extractor.setting("DOCUMENTS_BLOB_ENDPOINT", documents.primary_blob_endpoint());
  extractor.setting("UPLOADS_CONTAINER", kUploads);
  extractor.setting("RESULTS_CONTAINER", kResults);
  extractor.setting("LOG_LEVEL", env.is_dev() ? "DEBUG" : "INFO");
  // Calls to Computer Vision are retried with exponential backoff (HTTP triggers have no host
  // retry policy): three retries from 2 s, on throttling and transient server errors.
  extractor.setting("VISION_MAX_RETRIES", "3");
  extractor.setting("VISION_BACKOFF_INITIAL_MS", "2000");
  extractor.setting("VISION_RETRY_STATUS_CODES", "429,500,502,503,504");
  extractor.http("extract", {.route = "extract", .methods = {HttpMethod::post}});
  extractor.http("health", {.route = "health",
                            .auth = HttpAuth::anonymous("App Service health probes cannot send "
                                                        "a function key")});
  if (!env.is_dev()) {
    policy::suppress(extractor, "AZ-FUNC-001",
                     "'health' is the platform health-check target, which cannot send a function "
                     "key; it returns liveness only, no document data, and the app has no public "
                     "endpoint",
                     {.owner = "hso-platform", .expires = "2027-06-30"});
    policy::suppress(extractor, "AZ-APP-007",
                     "Elastic Premium mounts its content share with the account key; the app's "
                     "own data access uses its managed identity",
                     {.owner = "hso-platform", .expires = "2027-06-30"});
  }
  vision.grant_user(extractor.identity());
  s.add<RoleAssignment>("extractor-documents",
                        {.scope = documents,
                         .role = BuiltinRole::storage_blob_data_contributor,
                         .principal = extractor.identity(),
                         .description = "The extractor reads uploads and writes results"});

  // The Streamlit front end.
  auto& web = s.add<LinuxWebApp>(
      "web", {.plan = web_plan,
              .runtime = Runtime::python("3.11"),
              .insights = monitoring.insights(),
              .settings = {// Dev is reached over the team's VPN; staging and prod only privately.
                           .public_network =
                               env.is_dev() ? PublicNetwork::allow_from(
                                                  {"198.51.100.0/24"},
                                                  "HSO VPN egress; dev holds synthetic documents")
                                            : PublicNetwork::disabled(),
                           .health_check_path = "/_stcore/health",
                           .startup_command = std::string("python -m streamlit run app.py "
                                                          "--server.port ") +
                                              kPort + " --server.address 0.0.0.0"}});
  if (env.is_dev()) {
    // Dev's front end is reached over the HSO VPN (the team has no runner or client inside the
    // VNet for it), through its allow-listed public endpoint; it still reaches the documents,
    // the vault and the extractor privately through its VNet integration.
    network.without_private_endpoint(web,
                                     "dev's front end is used from the HSO VPN through its "
                                     "allow-listed public endpoint",
                                     {.owner = "hso-platform", .expires = "2027-06-30"});
  }
  // Zip-deployed as source: the platform's build (SCM_DO_BUILD_DURING_DEPLOYMENT) installs
  // requirements.txt into the virtual environment the startup command runs in.
  web.package({.path = "frontend"});
  web.setting("WEBSITES_PORT", kPort);
  web.setting("APP_PORT", kPort);
  web.setting("STREAMLIT_SERVER_PORT", kPort);
  web.setting("STREAMLIT_SERVER_HEADLESS", "true");
  web.setting("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false");
  web.setting("SCM_DO_BUILD_DURING_DEPLOYMENT", "true");
  web.setting("ENV", env.is_prod() ? "production" : env.name);
  web.setting("USE_MOCK_AZURE", "false");
  web.setting("DEBUG", env.is_dev() ? "true" : "false");
  web.setting("LOG_LEVEL", env.is_dev() ? "DEBUG" : "INFO");
  web.setting("AZURE_FUNCTION_URL",
              "https://" + Expr(extractor.default_hostname()) + "/api/extract");
  // The extractor's function key, set in the vault by the operators after each rotation.
  web.setting("AZURE_FUNCTION_KEY", vault.secret_reference("extractor-function-key"));
  web.setting("AZURE_STORAGE_ACCOUNT", documents.name_ref());
  web.setting("AZURE_STORAGE_BLOB_ENDPOINT", documents.primary_blob_endpoint());
  web.setting("UPLOADS_CONTAINER", kUploads);
  web.setting("RESULTS_CONTAINER", kResults);
  s.add<RoleAssignment>("web-documents",
                        {.scope = documents,
                         .role = BuiltinRole::storage_blob_data_contributor,
                         .principal = web.identity(),
                         .description = "The front end uploads documents and reads results"});

  declare_alerting(s, env, monitoring, web);

  s.output("web_hostname", web.default_hostname());
  s.output("function_hostname", extractor.default_hostname());
  s.output("key_vault_uri", vault.uri(), "Key Vault URI, for setting the function key");
  s.output("vision_endpoint", vision.endpoint());
  s.output("insights_app_id", monitoring.insights().app_id());
}

}  // namespace

App docextract() {
  App app{"docextract"};
  app.environments({Environment::dev("eastus"), Environment::staging("eastus"),
                    Environment::prod("eastus", "westus")});
  app.define(declare);
  // Unit tests, lint and security scans gate every change (the best practices' CI/CD). No app
  // is open to the internet (VPN-only in dev, private in staging and prod), so each environment
  // deploys from a runner inside its network.
  app.delivery({.tests = AppTests{.directory = ".",
                                  .python = "3.11",
                                  .install = "python -m pip install -r requirements.txt "
                                             "-r requirements-dev.txt",
                                  .command = "python -m pytest --junitxml=test-results.xml "
                                             "--cov=. --cov-report=xml:coverage.xml",
                                  .junit_report = "test-results.xml",
                                  .coverage_report = "coverage.xml"},
                .self_hosted_runners = {{"dev", "docextract-dev"},
                                        {"staging", "docextract-staging"},
                                        {"prod", "docextract-prod"}},
                // Each environment's state in the platform's state account of that environment.
                .state_backends = platform_state_backends()});
  return app;
}

}  // namespace iac::stacks
