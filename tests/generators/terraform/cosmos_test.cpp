#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/cosmos.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::gen::terraform {
namespace {

using namespace iac::azure;

/// main.tf of a stack with a Cosmos account, a database, a container and a reader.
std::string main_tf(CosmosAccountProps account, CosmosSqlContainerProps container,
                    Environment env = Environment::dev("eastus")) {
  auto app = testing::make_app(
      [&](Stack& s, const Environment&) {
        auto& cosmos = s.add<CosmosAccount>("cosmos", account);
        cosmos.sql_database("db").container("items", container);
        cosmos.grant_data_reader({.object_id = s.parameter("reader_object_id")});
        testing::suppress_rules(s, "AZ-COSMOS-");
      },
      {env});
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  return result.file("app/" + env.name + "/terraform/main.tf");
}

bool contains(const std::string& text, const std::string& snippet) {
  return text.find(snippet) != std::string::npos;
}

TEST_CASE("the cosmos account writes every security attribute explicitly") {
  std::string tf = main_tf({}, {.partition_key = "/pk"});
  CHECK(contains(tf, R"(resource "azurerm_cosmosdb_account" "cosmos" {
  name                               = "cosmos-app-dev"
  location                           = "eastus"
  resource_group_name                = azurerm_resource_group.rg.name
  offer_type                         = "Standard"
  kind                               = "GlobalDocumentDB"
  minimal_tls_version                = "Tls12"
  local_authentication_disabled      = true
  access_key_metadata_writes_enabled = false
  public_network_access_enabled      = false
  is_virtual_network_filter_enabled  = false
  ip_range_filter                    = []
  automatic_failover_enabled         = true
  multiple_write_locations_enabled   = false
  free_tier_enabled                  = false
)"));
  CHECK(contains(tf, R"(
  capabilities {
    name = "EnableServerless"
  }

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "eastus"
    failover_priority = 0
    zone_redundant    = true
  }

  backup {
    type = "Continuous"
    tier = "Continuous7Days"
  }
}
)"));
}

TEST_CASE("a provisioned prod account lists both regions, periodic backup and an allow list") {
  std::string tf =
      main_tf({.capacity = CosmosCapacity::provisioned(2000),
               .backup = CosmosBackup::periodic(120, 48, BackupRedundancy::zone),
               .public_network = PublicNetwork::allow_from({"203.0.113.0/24"}, "office")},
              {.partition_key = "/pk"}, Environment::prod("eastus", "westus"));
  CHECK(contains(tf,
                 "  public_network_access_enabled      = true\n"
                 "  is_virtual_network_filter_enabled  = true\n"
                 "  ip_range_filter                    = [\"203.0.113.0/24\"]\n"));
  CHECK(contains(tf, "  capacity {\n    total_throughput_limit = 2000\n  }\n"));
  CHECK(contains(tf, "    location          = \"westus\"\n    failover_priority = 1\n"));
  CHECK(contains(tf, R"(  backup {
    type                = "Periodic"
    interval_in_minutes = 120
    retention_in_hours  = 48
    storage_redundancy  = "Zone"
  })"));
  CHECK_FALSE(contains(tf, "EnableServerless"));
}

TEST_CASE("database and container refer to their parents") {
  std::string tf = main_tf({.capacity = CosmosCapacity::provisioned()},
                           {.partition_key = {"/tenant", "/user"},
                            .default_ttl = std::chrono::days(1),
                            .excluded_paths = {"/raw/*"},
                            .unique_keys = {{"/email"}},
                            .throughput = Throughput::autoscale(4000)});
  CHECK(contains(tf, R"(resource "azurerm_cosmosdb_sql_database" "cosmos_db" {
  name                = "db"
  resource_group_name = azurerm_resource_group.rg.name
  account_name        = azurerm_cosmosdb_account.cosmos.name
}
)"));
  CHECK(contains(tf, R"(resource "azurerm_cosmosdb_sql_container" "cosmos_db_items" {
  name                  = "items"
  resource_group_name   = azurerm_resource_group.rg.name
  account_name          = azurerm_cosmosdb_account.cosmos.name
  database_name         = azurerm_cosmosdb_sql_database.cosmos_db.name
  partition_key_paths   = ["/tenant", "/user"]
  partition_key_kind    = "MultiHash"
  partition_key_version = 2
  default_ttl           = 86400

  autoscale_settings {
    max_throughput = 4000
  }

  indexing_policy {
    indexing_mode = "consistent"

    included_path {
      path = "/*"
    }

    excluded_path {
      path = "/raw/*"
    }
  }

  unique_key {
    paths = ["/email"]
  }
}
)"));
}

TEST_CASE("the data reader role assignment uses the built-in role on the account scope") {
  std::string tf = main_tf({}, {.partition_key = "/pk"});
  CHECK(
      contains(tf, R"(resource "azurerm_cosmosdb_sql_role_assignment" "cosmos_data_reader_1" {)"));
  CHECK(contains(
      tf,
      R"(  role_definition_id  = "${azurerm_cosmosdb_account.cosmos.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000001"
  principal_id        = var.reader_object_id
  scope               = azurerm_cosmosdb_account.cosmos.id
)"));
}

TEST_CASE("waived controls are rendered as such") {
  std::string tf = main_tf({.entra_only_auth = Control::waived("legacy SDK"),
                            .metadata_writes_through_arm_only = Control::waived("legacy tool")},
                           {.partition_key = "/pk"});
  CHECK(contains(tf, "local_authentication_disabled      = false"));
  CHECK(contains(tf, "access_key_metadata_writes_enabled = true"));
}

}  // namespace
}  // namespace iac::gen::terraform
