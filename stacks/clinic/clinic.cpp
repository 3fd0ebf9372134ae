#include "stacks/clinic/clinic.h"

#include <optional>
#include <string>
#include <vector>

#include <iacgen/azure.h>

#include "stacks/platform/platform.h"

namespace iac::stacks {

namespace {

using namespace iac::azure;
using iac::templates::Observability;

/// Secrets the operators set in the vault themselves (never Terraform or Bicep, so the values
/// stay out of state files and deployment history), read by the API through Key Vault
/// references. The setting names are ASP.NET Core configuration keys (`__` is `:`).
constexpr const char* kOperatorSecrets[][2] = {
    {"JwtSettings__Secret", "jwt-signing-key"},
    {"StripeSettings__WebhookSecret", "stripe-webhook-secret"},
};

/// The payment provider's key is rotated by the payments team through the pipeline, which
/// passes it as a secure parameter; it expires with the provider's rotation deadline so that
/// a missed rotation fails loudly instead of running on a stale key.
constexpr const char* kPaymentsKeyExpiry = "2027-03-31T00:00:00Z";

/// The ASP.NET Core environment name, which turns Swagger on in Development only.
const char* aspnetcore_environment(const Environment& env) {
  if (env.is_prod()) return "Production";
  return env.is_staging() ? "Staging" : "Development";
}

/// Dev keeps test media in one datacenter; staging survives a zone outage; prod also the loss
/// of eastus, with a copy in the paired region westus (the DR region).
Replication media_replication(const Environment& env) {
  if (env.is_prod()) return Replication::gzrs;
  return env.is_staging() ? Replication::zrs : Replication::lrs;
}

/// Staging runs two workers so that deployments and smoke tests see instance rotation as prod
/// does; prod runs three, one per availability zone.
int api_workers(const Environment& env) {
  if (env.is_prod()) return 3;
  return env.is_staging() ? 2 : 1;
}

/// Every environment is private, dev included (seeds/004 for staging and prod): one VNet per
/// environment, a subnet for the private endpoints and one for the API's outbound VNet
/// integration, each behind a least-privilege NSG. The PrivateNetwork switch gives the media
/// account (blob), Key Vault, the cache, the PostgreSQL server and (in staging and prod) the
/// API their private endpoints and DNS zones, and integrates the API with the VNet.
///
/// Why dev is private too: the API reaches PostgreSQL, the media account, the cache and its Key
/// Vault references through its own network, and all four have public access off. The public
/// alternative is worse: the B1 app's outbound addresses change with the scale unit, so the
/// server would need "allow all Azure services" (0.0.0.0, every tenant's Azure address) and the
/// vault a firewall open to every address (Key Vault references are resolved from the app's
/// network), on a PHI-tagged workload. The B1 plan supports VNet integration, so dev costs four
/// endpoints and four DNS zones (about $31 a month, within the $200 dev budget).
///
/// Prod also has a network in its DR region (westus), 10.33.0.0/16, for the private endpoint
/// of the PostgreSQL read replica: the address space overlaps none of the other environments',
/// so that it can be peered when the API fails over. Only clients inside it reach the replica.
PrivateNetwork& declare_network(Stack& s, const Environment& env) {
  const std::string base = env.is_prod() ? "10.30" : env.is_staging() ? "10.31" : "10.32";
  std::optional<templates::DrLandingZone> dr;
  if (env.secondary_location) {
    dr = templates::DrLandingZone{
        .vnet_range = "10.33.0.0/16",
        .endpoints_range = "10.33.1.0/24",
        .endpoint_ports = {{"allow-dr-postgres", "5432",
                            "DR region clients (the API after failover) to the PostgreSQL "
                            "read replica"}}};
  }
  // Dev's cache is Azure Cache for Redis (TLS on 6380), staging's and prod's Azure Managed Redis
  // (10000). The endpoints subnet enforces its NSG on private endpoint traffic, so each port the
  // API uses is listed, PostgreSQL's included.
  return templates::private_landing_zone(
      s,
      {.vnet_range = base + ".0.0/16",
       .endpoints_range = base + ".1.0/24",
       .apps_range = base + ".2.0/26",
       .endpoint_ports = {
           {"allow-api-https", "443", "Booking API to Key Vault, media storage and its own site"},
           env.is_dev() ? templates::EndpointPort{"allow-api-redis", "6380",
                                                  "Booking API to Azure Cache for Redis over TLS"}
                        : templates::EndpointPort{"allow-api-redis", "10000",
                                                  "Booking API to Azure Managed Redis over TLS"},
           {"allow-api-postgres", "5432", "Booking API to PostgreSQL over TLS"}},
       .dr = dr});
}

/// The booking database: a Burstable server in dev; General Purpose in staging; in prod
/// General Purpose with a zone-redundant standby, 30 days of point-in-time restore (the design's
/// retention) and geo-redundant backups that restore in westus after the loss of eastus.
PostgresFlexibleServerProps database_server(const Environment& env) {
  PostgresFlexibleServerProps props{
      .sku_name = env.is_dev() ? "B_Standard_B1ms" : "GP_Standard_D2ds_v5",
      .storage_gb = env.is_prod() ? 128 : 32,
      .backup_retention_days = env.is_prod()      ? 30
                               : env.is_staging() ? 14
                                                  : 7,
      .geo_redundant_backup = env.is_prod(),
      .high_availability = env.is_prod() ? PostgresHighAvailability::zone_redundant
                                         : PostgresHighAvailability::disabled,
  };
  // Patching restarts the server: Sunday 07:00 UTC is 02:00-03:00 in eastus, clinics closed.
  if (!env.is_dev()) props.maintenance_window = {.day_of_week = 0, .start_hour = 7};
  return props;
}

/// Declared once, run per environment. Dev is one small worker, a Basic C0 cache, a Burstable
/// database and LRS media reachable from the team's VPN; staging mirrors prod's shape at lower
/// cost (two workers, a Managed Redis without replication, a database without standby); prod
/// runs three zone-balanced workers, a replicated Managed Redis, a zone-redundant database with
/// geo-redundant backups and geo-zone-redundant media that survives the loss of eastus.
///
/// The API is reached through Front Door with a WAF in every environment: Premium (managed rule
/// sets, Private Link to the app, which then has no public endpoint) in staging and prod;
/// Standard in dev, where the app stays public but admits only this Front Door and the VPN.
///
/// The API's plan autoscales on CPU in staging and prod (seeds/001 "autoscale rules"): prod
/// between 3 workers (one per zone) and 10, staging between 2 and 4 so that the same rules are
/// exercised before prod at a bounded cost. Dev's Basic plan cannot autoscale.
///
/// Prod's database has a read replica in the DR region (westus): the DR runbook promotes it
/// (RPO 15 minutes, which a geo-restore cannot meet). Staging has no DR region, so no replica.
void declare(Stack& s, const Environment& env) {
  // PHI is processed here: the tag marks every resource as in scope of the HIPAA BAA review.
  Tags::of(s).add("cost-center", "clinic").add("data-classification", "phi");
  PrivateNetwork& network = declare_network(s, env);

  auto& monitoring = s.add<Observability>(
      "monitoring", {.log_retention_days = env.is_prod() ? 90 : 30,
                     .telemetry_retention_days = env.is_prod() ? 365 : 90,
                     .daily_quota_gb = env.is_dev() ? std::optional<int>(1) : std::nullopt});

  // One identity for the API, created before the app so that its role assignments exist when
  // a slot swap or re-creation brings up a new site.
  auto& identity = s.add<UserAssignedIdentity>("id", {});

  // Media: clinic photos and patient-uploaded documents, private and Entra ID only.
  auto& media =
      s.add<StorageAccount>("media", {.replication = media_replication(env),
                                      .blob_soft_delete_days = env.is_prod() ? 30 : 7,
                                      .container_soft_delete_days = env.is_prod() ? 30 : 7});
  media.container("media");
  s.add<RoleAssignment>("media-writer",
                        {.scope = media,
                         .role = BuiltinRole::storage_blob_data_contributor,
                         .principal = identity.principal(),
                         .description = "The booking API stores and reads clinic media"});

  auto& vault = s.add<KeyVault>("kv", {.soft_delete_retention_days = env.is_prod() ? 90 : 7});
  vault.secret("payments-api-key",
               {.value = s.parameter("payments_api_key",
                                     {.description = "Stripe secret key of the environment's "
                                                     "Stripe account",
                                      .secure = true}),
                .content_type = "text/plain",
                .expiration_date = kPaymentsKeyExpiry});

  auto& plan = s.add<AppServicePlan>("plan", {.sku = env.is_dev() ? PlanSku::B1 : PlanSku::P1v3,
                                              .worker_count = api_workers(env),
                                              .zone_balancing = env.is_prod()});
  auto& api = s.add<LinuxWebApp>(
      "api",
      {.plan = plan,
       .runtime = Runtime::dotnet("8.0"),
       .insights = monitoring.insights(),
       .settings = {.identity = AppIdentity::user_assigned(identity),
                    // Dev is also called from developers' machines over the VPN; staging and
                    // prod have no public endpoint (Front Door reaches them over Private Link).
                    .public_network = env.is_dev()
                                          ? PublicNetwork::allow_from(
                                                {"203.0.113.0/24"},
                                                "clinic VPN egress; dev holds synthetic data only")
                                          : PublicNetwork::disabled(),
                    .health_check_path = "/healthz"}});
  if (env.is_dev()) {
    // Front Door Standard has no Private Link origins: dev's API keeps its public endpoint,
    // admitting only this Front Door profile and the clinic VPN (over which the dev runner
    // deploys), and reaches its data privately through its VNet integration.
    network.without_private_endpoint(api,
                                     "Front Door Standard (dev) reaches its origins over the "
                                     "internet; the app admits only this profile and the VPN",
                                     {.owner = "clinic-platform", .expires = "2027-06-30"});
  }
  api.package({.path = "api",
               .build = "dotnet publish src/Clinic.Api -c Release -o publish",
               .output = "publish"});
  api.setting("ASPNETCORE_ENVIRONMENT", aspnetcore_environment(env));
  // DefaultAzureCredential picks the user-assigned identity by its client id.
  api.setting("AZURE_CLIENT_ID", identity.client_id());
  api.setting("Storage__BlobEndpoint", media.primary_blob_endpoint());
  api.setting("Storage__MediaContainer", "media");
  api.setting("StripeSettings__SecretKey", vault.secret_reference("payments-api-key"));
  for (const auto& [setting, secret] : kOperatorSecrets) {
    api.setting(setting, vault.secret_reference(secret));  // also grants Secrets User
  }

  // Slot and service lookups are cached (a miss costs one database query). Dev takes the
  // cheapest cache there is; staging and prod use Azure Managed Redis, replicated in prod only.
  if (env.is_dev()) {
    auto& cache = s.add<RedisCache>("redis", {.sku = RedisSku::basic, .capacity = 0});
    api.setting("Redis__Host", cache.hostname());
    cache.grant_data_contributor(api.identity());  // access keys are off: Entra ID only
  } else {
    auto& cache = s.add<ManagedRedis>(
        "amr",
        {.sku = env.is_prod() ? "Balanced_B3" : "Balanced_B1",
         .high_availability =
             env.is_prod() ? Control::enforced()
                           : Control::waived("staging caches reproducible slot lookups only; "
                                             "losing the node costs a cold cache, not data")});
    api.setting("Redis__Host", cache.hostname());
  }

  // Diagnostic settings come from the diagnostics aspect (to the monitoring workspace); the
  // team is emailed when the booking API returns server errors.
  auto& ops = s.add<ActionGroup>(
      "ops", {.short_name = "clinic-ops",
              .emails = {{.name = "platform", .address = "platform-ops@clinic.example"}}});
  if (!env.is_dev()) {
    // Scale-out adds one worker after 10 minutes above 70% CPU; scale-in removes one after 15
    // minutes below 30%. The team is emailed on every scale action.
    plan.autoscale({.min = api_workers(env),
                    .max = env.is_prod() ? 10 : 4,
                    .scale_out = cpu_above(70),
                    .scale_in = cpu_below(30),
                    .notify = ops});
  }
  s.add<MetricAlert>("api-5xx",
                     {.description = "The booking API returned more than 10 server errors in "
                                     "15 minutes.",
                      .scope = api,
                      .criteria = {metric::http_5xx(10)},
                      .severity = env.is_dev() ? 3 : 1,
                      .frequency = "PT5M",
                      .window = "PT15M",
                      .action_groups = {ops}});

  // Spend of the environment's resource group, from the month of the first deployment.
  s.add<ResourceGroupBudget>("budget",
                             {.amount = env.is_prod() ? 1500.0 : (env.is_staging() ? 600.0 : 200.0),
                              .start_date = "2026-12-01",
                              .notifications = {{.threshold_percent = 80, .action_groups = {ops}},
                                                {.threshold_percent = 100,
                                                 .type = BudgetThresholdType::forecasted,
                                                 .action_groups = {ops}}}});
  // The edge: Front Door with its WAF in front of the API. Staging runs Premium like prod, so
  // that the Default Rule Set's false positives and the Private Link approval are met before
  // prod; dev runs Standard (about a tenth of the cost) on synthetic data.
  const bool premium_edge = !env.is_dev();
  auto& edge = s.add<FrontDoorProfile>(
      "edge", {.sku = premium_edge ? FrontDoorSku::premium : FrontDoorSku::standard,
               .response_timeout_seconds = 60});
  edge.firewall_policy(
      {.managed_rules =
           premium_edge ? Control::enforced()
                        : Control::waived("dev runs Front Door Standard (custom rules only) on "
                                          "synthetic data; the Default Rule Set and Bot Manager "
                                          "run in staging and prod"),
       // Seeds: "rate limiting and health probes configured". 300 requests a minute per client
       // address is far above what one patient or front desk sends to the booking API.
       .custom_rules = {WafCustomRule::rate_limit("ratelimitperclient", 10, 300, 1)}});
  auto& origins =
      edge.origin_group("booking", {.health_probe = {.path = "/healthz", .interval_seconds = 60}});
  origins.origin(
      "app", api,
      {.private_link = premium_edge ? std::optional<FrontDoorPrivateLink>(FrontDoorPrivateLink{
                                          .request_message = "clinic booking API behind "
                                                             "Front Door"})
                                    : std::nullopt});
  auto& endpoint = edge.endpoint("api");
  endpoint.route("booking", {.origin_group = origins});
  api.setting("FRONTDOOR_ENDPOINT", "https://" + Expr(endpoint.host_name()));
  // PHI lives here. Nobody has a password: the operators' Entra group administers the server
  // and, as part of the release's migration step, creates the API's role for its managed
  // identity (`pgaadauth_create_principal('<identity name>', false, false)`) with the grants the
  // schema needs, so the API itself holds no DDL rights. The API signs in with a token of its
  // user-assigned identity (Npgsql with DefaultAzureCredential); the connection string has no
  // secret, so it is a plain setting rather than a Key Vault secret.
  auto& database = s.add<PostgresFlexibleServer>("psql", database_server(env));
  database.entra_admin(
      {.object_id = s.parameter("db_admins_object_id",
                                {.description = "Object id of the Entra group that administers "
                                                "the clinic database"}),
       .kind = PrincipalKind::group,
       .description = "clinic database administrators"},
      s.parameter("db_admins_group_name", {.description = "Display name of that Entra group"}));
  database.database("clinic");
  if (env.secondary_location) {
    // The DR copy: the source's size and storage, no public endpoint, its private endpoint in
    // the westus network. It inherits the database, the roles and the Entra administrators.
    auto& replica = database.read_replica("dr", {});
    s.output("postgres_replica_fqdn", replica.fqdn(),
             "PostgreSQL read replica host name in the DR region (the DR runbook's target)");
  }
  api.setting("ConnectionStrings__DefaultConnection",
              "Host=" + Expr(database.fqdn()) + ";Database=clinic;Username=" +
                  Expr(identity.name_ref()) + ";Ssl Mode=VerifyFull");

  s.output("key_vault_uri", vault.uri(), "Key Vault URI, for setting the operator secrets");
  s.output("postgres_fqdn", database.fqdn(), "PostgreSQL host name");
  s.output("api_hostname", api.default_hostname());
  s.output("media_blob_endpoint", media.primary_blob_endpoint());
  s.output("api_identity_client_id", identity.client_id());
  s.output("insights_app_id", monitoring.insights().app_id());
  s.output("frontdoor_endpoint_hostname", endpoint.host_name());
}

}  // namespace

App clinic() {
  App app{"clinic"};
  app.environments({Environment::dev("eastus"), Environment::staging("eastus"),
                    Environment::prod("eastus", "westus")});
  app.define(declare);
  // Deployed with Bicep, the clinic team's choice; the Terraform output is still validated.
  // The API is reachable only from the clinic VPN (dev) or privately: every environment
  // deploys from a runner inside its network.
  app.delivery({.deploy_with = IacFlavour::bicep,
                .tests = AppTests{.directory = "api", .command = "dotnet test -c Release"},
                .self_hosted_runners = {{"dev", "clinic-dev"},
                                        {"staging", "clinic-staging"},
                                        {"prod", "clinic-prod"}},
                // Each environment's state in the platform's state account of that environment.
                .state_backends = platform_state_backends()});
  return app;
}

}  // namespace iac::stacks
