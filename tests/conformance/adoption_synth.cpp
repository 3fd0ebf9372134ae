/// adoption_synth: synthesizes an environment that adopts existing resources (every kind whose
/// import iacgen expresses with a distinct id form: the group, an ARM id, a role assignment, a
/// diagnostic setting, a Key Vault secret URL, a storage container) and refers to resources
/// owned elsewhere (every kind from_id<T>() accepts), for the conformance checks: imports.tf
/// and the data sources through HashiCorp's parser, `terraform fmt` and the azurerm schemas;
/// the `existing` declarations and the role assignment module through the Bicep checks.
///
/// Usage: adoption_synth <output-dir>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "dsl/azure/resources.h"
#include "dsl/core/app.h"
#include "dsl/core/aspect.h"
#include "dsl/core/stack.h"
#include "generators/generator.h"
#include "generators/output/output_sink.h"

int main(int argc, char** argv) {
  using namespace iac;
  using namespace iac::azure;
  if (argc != 2) {
    std::cerr << "usage: adoption_synth <output-dir>\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];

  App app{"adopt"};
  app.environments({Environment::dev("westeurope")});
  app.define([](Stack& s, const Environment&) {
    const std::string group = "/subscriptions/${subscription_id}/resourceGroups/rg-orders-dev";
    const std::string platform = "/subscriptions/${subscription_id}/resourceGroups/rg-platform";
    Tags::of(s).add("cost-center", "orders");
    s.resource_group().adopt(group);
    // Owned elsewhere.
    auto& central = from_id<LogAnalyticsWorkspace>(
        s, "central-logs",
        platform + "/providers/Microsoft.OperationalInsights/workspaces/log-platform");
    auto& shared_kv = from_id<KeyVault>(
        s, "shared-kv",
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-secrets/providers/"
        "Microsoft.KeyVault/vaults/kv-platform");
    auto& shared_ai = from_id<ApplicationInsights>(
        s, "shared-ai", platform + "/providers/Microsoft.Insights/components/appi-platform");
    auto& shared_st = from_id<StorageAccount>(
        s, "shared-st", platform + "/providers/Microsoft.Storage/storageAccounts/stplatform");
    auto& shared_id = from_id<UserAssignedIdentity>(
        s, "shared-id",
        platform + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-deploy");
    auto& hub = from_id<VirtualNetwork>(
        s, "hub", platform + "/providers/Microsoft.Network/virtualNetworks/vnet-hub");
    auto& hub_apps = hub.subnet("snet-apps", {});
    auto& other_group = from_id<ResourceGroup>(
        s, "reports-rg", "/subscriptions/${subscription_id}/resourceGroups/rg-reports");
    s.send_diagnostics_to(central);

    // Adopted.
    auto& vault = s.add<KeyVault>("vault");
    vault.adopt(group + "/providers/Microsoft.KeyVault/vaults/kv-orders-dev");
    auto password =
        s.parameter("db_password", {.description = "Database password", .secure = true});
    vault
        .secret("db-password", {.value = password,
                                .content_type = "password",
                                .expiration_date = "2027-06-30T00:00:00Z"})
        .adopt(
            "https://kv-orders-dev.vault.azure.net/secrets/db-password/"
            "0123456789abcdef0123456789abcdef");
    auto& storage = s.add<StorageAccount>("st", {.replication = Replication::zrs});
    storage.adopt(group + "/providers/Microsoft.Storage/storageAccounts/stordersdev");
    storage.container("uploads").adopt(
        group +
        "/providers/Microsoft.Storage/storageAccounts/stordersdev/blobServices/default/"
        "containers/uploads");
    auto& identity = s.add<UserAssignedIdentity>("app-id");
    identity.adopt(group + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-orders");
    vault.grant_secrets_read(identity.principal())
        .adopt(group +
               "/providers/Microsoft.KeyVault/vaults/kv-orders-dev/providers/"
               "Microsoft.Authorization/roleAssignments/5b8d3e2a-41c7-4d3e-9a0f-7c21e6b4d901");
    vault.set_diagnostics(Control::waived("its existing setting is adopted below"));
    s.add<DiagnosticSetting>("vault-audit", {.target = vault,
                                             .workspace = central,
                                             .log_category_groups = {"audit"},
                                             .metric_categories = {"AllMetrics"},
                                             .name = "audit"})
        .adopt(group +
               "/providers/Microsoft.KeyVault/vaults/kv-orders-dev/providers/"
               "Microsoft.Insights/diagnosticSettings/audit");

    // New resources that use the references.
    s.add<ApplicationInsights>("ai", {.workspace = central});
    shared_kv.grant_secrets_read(identity.principal());
    s.add<RoleAssignment>("reports-reader", {.scope = other_group,
                                             .role = BuiltinRole::storage_blob_data_reader,
                                             .principal = identity.principal()});
    s.add<RoleAssignment>("platform-blobs", {.scope = shared_st,
                                             .role = BuiltinRole::storage_blob_data_reader,
                                             .principal = shared_id.principal()});
    s.output("shared_vault_uri", shared_kv.uri());
    s.output("shared_ai_connection", shared_ai.connection_string());
    s.output("hub_apps_subnet", hub_apps.id());
    s.output("deploy_client_id", shared_id.client_id());
    s.output("platform_blob", shared_st.primary_blob_endpoint());
  });

  gen::MemorySink sink;
  Diagnostics diagnostics = gen::synthesize(app, sink);
  bool failed = false;
  for (const auto& d : diagnostics) {
    std::cerr << d.path << ": " << d.rule_id << ": " << d.message << "\n";
    failed = failed || d.severity == Severity::error;
  }
  if (failed) return 3;
  std::filesystem::remove_all(dir);
  for (const auto& [path, content] : sink.files()) {
    const std::filesystem::path file = dir / path;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
  }
  if (sink.files().count("adopt/dev/terraform/imports.tf") == 0) {
    std::cerr << "no imports.tf written\n";
    return 4;
  }
  return 0;
}
