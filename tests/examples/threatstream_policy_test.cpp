/// Policy tests as a team writes them for its own application: here, the bundled
/// threat-intelligence ingestion app. Copy this file to start your own.

#include <doctest/doctest.h>

#include <iacgen/azure.h>
#include <iacgen/testing.h>

#include "stacks/threatstream/threatstream.h"

namespace {

using namespace iac;
using namespace iac::azure;
using iac::testing::Synthesized;

TEST_CASE("threatstream: no environment has an active error finding") {
  auto app = stacks::threatstream();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    CHECK_FALSE(has_errors(synthesized.diagnostics()));
    CHECK(synthesized.findings(Severity::error).empty());
  }
}

TEST_CASE("threatstream: dev is the only environment with an open storage firewall") {
  auto app = stacks::threatstream();
  CHECK(Synthesized::of(app, "dev").fires("AZ-ST-004"));
  CHECK_FALSE(Synthesized::of(app, "staging").fires("AZ-ST-004"));
  CHECK_FALSE(Synthesized::of(app, "prod").fires("AZ-ST-004"));
}

TEST_CASE("threatstream: prod data survives a regional outage and deletion") {
  auto app = stacks::threatstream();
  auto prod = Synthesized::of(app, "prod");
  CHECK(prod.has<StorageAccount>([](const StorageAccount& st) {
    return is_geo_redundant(st.props().replication) && st.props().blob_soft_delete_days >= 30;
  }));
  CHECK(prod.terraform().has_resource("azurerm_storage_account",
                                      {{"account_replication_type", "GZRS"}}));
  CHECK(prod.bicep().has_resource("Microsoft.Storage/storageAccounts",
                                  {{"sku.name", "Standard_GZRS"}}));
}

TEST_CASE("threatstream: secrets stay private in every environment") {
  auto app = stacks::threatstream();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    CHECK(synthesized.terraform().has_resource("azurerm_key_vault",
                                               {{"public_network_access_enabled", "false"},
                                                {"purge_protection_enabled", "true"},
                                                {"rbac_authorization_enabled", "true"},
                                                {"network_acls.default_action", "Deny"}}));
    CHECK(synthesized.bicep().has_resource(
        "Microsoft.KeyVault/vaults",
        {{"properties.publicNetworkAccess", "Disabled"}, {"properties.enableSoftDelete", "true"}}));
  }
}

TEST_CASE("threatstream: every environment sends its logs to Log Analytics and is alerted on") {
  auto app = stacks::threatstream();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    CHECK_FALSE(synthesized.fires("AZ-DIAG-001"));
    CHECK_FALSE(synthesized.fires("AZ-ALERT-001"));
    // Key Vault, Cosmos DB, Redis, the plan, the app, App Insights, and the storage account
    // with its four services.
    CHECK(synthesized.terraform().count("azurerm_monitor_diagnostic_setting") == 11);
    CHECK(synthesized.terraform().has_resource("azurerm_monitor_diagnostic_setting",
                                               {{"log_analytics_destination_type", "Dedicated"}}));
    CHECK(synthesized.terraform().count("azurerm_monitor_scheduled_query_rules_alert_v2") == 3);
    CHECK(synthesized.bicep().has_resource(
        "Microsoft.Consumption/budgets",
        {{"properties.timePeriod.startDate", "2026-12-01T00:00:00Z"}}));
  }
  auto prod = Synthesized::of(app, "prod");
  CHECK(prod.terraform().has_resource("azurerm_monitor_metric_alert",
                                      {{"criteria.metric_name", "NormalizedRUConsumption"}}));
  CHECK(
      prod.terraform().has_resource("azurerm_monitor_action_group",
                                    {{"webhook_receiver.service_uri", "var.oncall_webhook_url"}}));
  CHECK(prod.has<ScheduledQueryAlert>(
      [](const ScheduledQueryAlert& alert) { return alert.props().severity == 0; }));
  CHECK(Synthesized::of(app, "dev").has<ScheduledQueryAlert>([](const ScheduledQueryAlert& alert) {
    return alert.props().severity == 3;
  }));
}

}  // namespace

namespace {

TEST_CASE("threatstream: staging and prod are private end to end, dev stays public") {
  auto app = stacks::threatstream();
  for (std::string env : {"staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    // Every Private Link resource has its endpoints, and nothing keeps a public endpoint.
    for (std::string rule : {"AZ-NET-002", "AZ-NET-003", "AZ-NET-004", "AZ-NET-005"}) {
      CAPTURE(rule);
      CHECK_FALSE(synthesized.fires(rule));
    }
    CHECK(synthesized.resources<PrivateEndpoint>().size() == 8);  // Cosmos, 4 storage, Redis,
                                                                  // Key Vault, Function App
    CHECK(synthesized.terraform().count("azurerm_private_endpoint") == 8);
    CHECK(synthesized.terraform().has_resource(
        "azurerm_linux_function_app", {{"virtual_network_subnet_id", "azurerm_subnet.vnet_apps.id"},
                                       {"site_config.vnet_route_all_enabled", "true"},
                                       {"public_network_access_enabled", "false"}}));
    CHECK(synthesized.bicep().has_resource("Microsoft.Network/privateEndpoints"));
  }
  CHECK(Synthesized::of(app, "dev").resources<PrivateEndpoint>().empty());
  CHECK(Synthesized::of(app, "dev").resources<VirtualNetwork>().empty());
}

}  // namespace
