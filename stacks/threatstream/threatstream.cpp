#include "stacks/threatstream/threatstream.h"

#include <iacgen/azure.h>

namespace iac::stacks {

namespace {

using namespace iac::azure;
using iac::templates::Observability;

/// Declared once, run per environment: dev is cheap and short-lived, prod keeps data longer
/// and survives a regional outage.
void declare(Stack& s, const Environment& env) {
  Tags::of(s).add("cost-center", "secops").add("data-classification", "confidential");

  auto& monitoring = s.add<Observability>(
      "monitoring", {.log_retention_days = env.is_prod() ? 90 : 30,
                     .telemetry_retention_days = env.is_prod() ? 365 : 90,
                     .daily_quota_gb = env.is_dev() ? std::optional<int>(1) : std::nullopt});

  auto& storage = s.add<StorageAccount>(
      "st", {.replication = env.is_prod() ? Replication::gzrs : Replication::zrs,
             .blob_soft_delete_days = env.is_prod() ? 30 : 7,
             .container_soft_delete_days = env.is_prod() ? 30 : 7});

  auto& vault = s.add<KeyVault>(
      "kv", {.soft_delete_retention_days = env.is_prod() ? 90 : 7});

  s.output("key_vault_uri", vault.uri(), "Key Vault URI, for Key Vault references");
  s.output("blob_endpoint", storage.primary_blob_endpoint());
  s.output("insights_app_id", monitoring.insights().app_id());
  s.output("log_workspace_id", monitoring.workspace().workspace_id());
}

}  // namespace

App threatstream() {
  App app{"threatstream"};
  app.environments({Environment::dev("eastus"), Environment::staging("eastus"),
                    Environment::prod("eastus", "westus")});
  app.define(declare);
  return app;
}

}  // namespace iac::stacks
