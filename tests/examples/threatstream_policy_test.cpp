/// Policy tests as a team writes them for its own application: here, the bundled
/// threat-intelligence ingestion app. Copy this file to start your own.

#include <doctest/doctest.h>

#include <iacgen/azure.h>
#include <iacgen/testing.h>

#include "stacks/threatstream/threatstream.h"
#include "tests/examples/reachability.h"

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

TEST_CASE("threatstream: secrets stay private in staging and prod, RBAC-only everywhere") {
  auto app = stacks::threatstream();
  for (std::string env : {"staging", "prod"}) {
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
  // Dev's Y1 app resolves its Key Vault references over the internet: the vault is open, on
  // purpose, and every read still needs an Entra ID token and the Secrets User role.
  auto dev = Synthesized::of(app, "dev");
  CHECK(dev.terraform().has_resource("azurerm_key_vault",
                                     {{"public_network_access_enabled", "true"},
                                      {"purge_protection_enabled", "true"},
                                      {"rbac_authorization_enabled", "true"},
                                      {"network_acls.default_action", "Allow"}}));
  CHECK(dev.bicep().has_resource("Microsoft.KeyVault/vaults",
                                 {{"properties.publicNetworkAccess", "Enabled"},
                                  {"properties.enableRbacAuthorization", "true"},
                                  {"properties.networkAcls.defaultAction", "Allow"}}));
  CHECK(dev.fires("AZ-KV-003"));
  CHECK_FALSE(dev.fires("AZ-KV-002"));
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

TEST_CASE("threatstream: staging and prod are private end to end, dev is deliberately public") {
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

TEST_CASE("threatstream: every environment's function reaches its data and its runner the app") {
  auto app = stacks::threatstream();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    for (const auto& problem : testing::examples::unreachable_paths(synthesized)) {
      FAIL_CHECK(problem);
    }
  }
  // Dev: Y1 has no VNet integration, so what it reads is open to every address with a
  // reason, and every credential stays an Entra ID token.
  auto dev = Synthesized::of(app, "dev");
  CHECK(dev.terraform().has_resource("azurerm_service_plan", {{"sku_name", "Y1"}}));
  CHECK(dev.terraform().has_resource(
      "azurerm_cosmosdb_account",
      {{"public_network_access_enabled", "true"}, {"local_authentication_disabled", "true"}}));
  CHECK(dev.terraform().has_resource("azurerm_redis_cache",
                                     {{"public_network_access_enabled", "true"},
                                      {"access_keys_authentication_enabled", "false"}}));
  CHECK(dev.bicep().has_resource(
      "Microsoft.DocumentDB/databaseAccounts",
      {{"properties.publicNetworkAccess", "Enabled"}, {"properties.disableLocalAuth", "true"}}));
  for (std::string rule : {"AZ-COSMOS-003", "AZ-KV-003", "AZ-REDIS-002", "AZ-ST-004"}) {
    CAPTURE(rule);
    CHECK(dev.fires(rule));  // reported at dev's level: a warning, not an error
  }
  for (std::string rule : {"AZ-COSMOS-001", "AZ-REDIS-001", "AZ-KV-002", "AZ-APP-002"}) {
    CAPTURE(rule);
    CHECK_FALSE(dev.fires(rule));
  }
  // The function itself admits only the secops VPN, through which the dev runner deploys.
  CHECK(dev.terraform().attribute("azurerm_linux_function_app", "func",
                                  "site_config.ip_restriction.ip_address") == "192.0.2.0/24");
  CHECK(dev.terraform().attribute("azurerm_linux_function_app", "func",
                                  "site_config.ip_restriction_default_action") == "Deny");
}

// The check the test above relies on finds the gap this stack had: a Y1 function reading a
// Cosmos DB account whose public access is off, with no network to reach it through, and an
// app with neither a public nor a private endpoint for its runner.
TEST_CASE("threatstream: the reachability check reports a Y1 app reading a private account") {
  App app{"gap"};
  app.environments({Environment::dev("eastus")});
  app.define([](Stack& s, const Environment&) {
    auto& storage =
        s.add<StorageAccount>("st", {.replication = Replication::lrs,
                                     .public_network = PublicNetwork::open("Y1 content share"),
                                     .entra_only_auth = Control::waived("Y1 content share")});
    auto& cosmos = s.add<CosmosAccount>("cosmos", {.regions = {"eastus"}, .zone_redundant = false});
    auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::Y1});
    auto& func = s.add<LinuxFunctionApp>(
        "func", {.plan = plan, .storage = storage, .runtime = Runtime::python("3.11")});
    func.package({.path = "src", .health_path = "/api/health"});
    func.setting("COSMOS_ENDPOINT", cosmos.endpoint());
    cosmos.grant_data_contributor(func.identity());
  });
  auto dev = Synthesized::of(app, "dev");
  const auto problems = testing::examples::unreachable_paths(dev);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] ==
        "Function app 'func' cannot reach Cosmos DB account 'cosmos' (endpoint): the app has no "
        "VNet integration and the target is not open");
  CHECK(problems[1] ==
        "Function app 'func' cannot be deployed: no private endpoint and no public endpoint");
}

}  // namespace
