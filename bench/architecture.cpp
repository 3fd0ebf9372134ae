#include "bench/architecture.h"

#include <chrono>
#include <string>

#include <iacgen/azure.h>

#include "dsl/policy/suppression.h"

namespace iac::bench {

namespace {

using namespace iac::azure;
using namespace std::chrono_literals;

/// One copy, as stacks/threatstream declares it, with ids numbered so names stay unique.
void declare_copy(Stack& s, const Environment& env, int copy) {
  const std::string n = std::to_string(copy);
  auto& logs = s.add<LogAnalyticsWorkspace>("log" + n, {.retention_days = env.is_prod() ? 90 : 30});
  auto& insights = s.add<ApplicationInsights>("appi" + n, {.workspace = logs});
  auto& cosmos = s.add<CosmosAccount>(
      "cosmos" + n,
      {.capacity = env.is_prod() ? CosmosCapacity::provisioned() : CosmosCapacity::serverless(),
       .regions = env.is_prod() ? env.regions() : std::vector<std::string>{env.location},
       .zone_redundant = env.is_prod()});
  cosmos.sql_database("db").container(
      "indicators",
      {.partition_key = "/partition_key",
       .default_ttl = std::chrono::duration_cast<std::chrono::seconds>(24h * 30),
       .excluded_paths = {"/raw_metadata/*"},
       .throughput = env.is_prod() ? std::optional(Throughput::autoscale(4000)) : std::nullopt});
  auto& storage = s.add<StorageAccount>(
      "st" + n,
      {.replication = env.is_prod() ? Replication::gzrs : Replication::lrs,
       .public_network = env.is_dev() ? PublicNetwork::open("Y1 has no VNet integration")
                                      : PublicNetwork::disabled(),
       .entra_only_auth = Control::waived("Functions content share needs the account key")});
  storage.container("raw");
  auto& cache =
      s.add<RedisCache>("redis" + n, {.sku = env.is_dev() ? RedisSku::basic : RedisSku::standard,
                                      .capacity = env.is_dev() ? 0 : 1});
  auto& vault = s.add<KeyVault>("kv" + n);
  auto& plan = s.add<AppServicePlan>("plan" + n, {.sku = env.is_dev() ? PlanSku::Y1 : PlanSku::EP1,
                                                  .worker_count = env.is_prod() ? 3 : 1,
                                                  .zone_balancing = env.is_prod()});
  auto& func = s.add<LinuxFunctionApp>(
      "func" + n,
      {.plan = plan,
       .storage = storage,
       .insights = insights,
       .settings = {.health_check_path =
                        env.is_dev() ? std::nullopt : std::optional<std::string>("/api/health")}});
  func.setting("COSMOS_ENDPOINT", cosmos.endpoint());
  func.setting("REDIS_HOST", cache.hostname());
  func.setting("OTX_API_KEY", vault.secret_reference("otx-api-key"));
  func.setting("ABUSEIPDB_API_KEY", vault.secret_reference("abuseipdb-api-key"));
  cosmos.grant_data_contributor(func.identity());
  if (!env.is_dev()) {
    policy::suppress(storage, "AZ-ST-003", "EP content share needs the account key");
    policy::suppress(func, "AZ-APP-007", "EP content share needs the account key");
  }
}

}  // namespace

App ingestion_copies(int copies) {
  App app{"bench"};
  app.environments({Environment::dev("eastus"), Environment::staging("eastus"),
                    Environment::prod("eastus", "westus")});
  app.define([copies](Stack& s, const Environment& env) {
    Tags::of(s).add("cost-center", "bench");
    for (int copy = 1; copy <= copies; ++copy) declare_copy(s, env, copy);
  });
  return app;
}

}  // namespace iac::bench
