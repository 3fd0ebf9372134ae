// The replacement (ForceNew) rules, one case per rule corrected after checking the azurerm 4.x
// provider schema (the URLs are in generators/review/azurerm_rules.cpp).
#include <doctest/doctest.h>

#include "generators/review/azurerm_rules.h"

namespace iac::review {
namespace {

bool replaces(std::string_view type, std::string_view path, std::string_view before,
              std::string_view after) {
  return !classify_attribute(type, path, before, after).replaces.empty();
}

TEST_CASE("azurerm storage: replication across the zone boundary and account_kind recreate") {
  // ForceNewIfChange("account_replication_type"): LRS/GRS/RAGRS <-> ZRS/GZRS/RAGZRS.
  CHECK(replaces("azurerm_storage_account", "account_replication_type", "\"LRS\"", "\"ZRS\""));
  CHECK(replaces("azurerm_storage_account", "account_replication_type", "\"RAGZRS\"", "\"GRS\""));
  CHECK_FALSE(
      replaces("azurerm_storage_account", "account_replication_type", "\"LRS\"", "\"RAGRS\""));
  CHECK_FALSE(
      replaces("azurerm_storage_account", "account_replication_type", "\"ZRS\"", "\"GZRS\""));
  // account_kind: only Storage -> StorageV2 upgrades in place.
  CHECK_FALSE(replaces("azurerm_storage_account", "account_kind", "\"Storage\"", "\"StorageV2\""));
  CHECK(replaces("azurerm_storage_account", "account_kind", "\"StorageV2\"", "\"BlobStorage\""));
  CHECK(replaces("azurerm_storage_account", "account_tier", "\"Standard\"", "\"Premium\""));
}

TEST_CASE("azurerm storage: the encryption settings fixed at creation recreate") {
  CHECK(replaces("azurerm_storage_account", "infrastructure_encryption_enabled", "false", "true"));
  // Set where it was absent (the provider default is false): still a new account.
  CHECK(replaces("azurerm_storage_account", "infrastructure_encryption_enabled", "", "true"));
  CHECK(replaces("azurerm_storage_account", "queue_encryption_key_type", "\"Service\"",
                 "\"Account\""));
  CHECK(
      replaces("azurerm_storage_account", "dns_endpoint_type", "\"Standard\"", "\"AzureDnsZone\""));
  // A ForceNew block recreates on a nested change.
  CHECK(replaces("azurerm_storage_account", "immutability_policy.state", "\"Unlocked\"",
                 "\"Locked\""));
  CHECK_FALSE(replaces("azurerm_storage_account", "min_tls_version", "\"TLS1_2\"", "\"TLS1_3\""));
}

TEST_CASE("azurerm Redis cache: every SKU downgrade recreates, upgrades and family do not") {
  CHECK(replaces("azurerm_redis_cache", "sku_name", "\"Standard\"", "\"Basic\""));
  CHECK(replaces("azurerm_redis_cache", "sku_name", "\"Premium\"", "\"Basic\""));
  CHECK_FALSE(replaces("azurerm_redis_cache", "sku_name", "\"Standard\"", "\"Premium\""));
  CHECK_FALSE(replaces("azurerm_redis_cache", "family", "\"C\"", "\"P\""));
  CHECK(replaces("azurerm_redis_cache", "zones", "[\"1\"]", "[\"1\", \"2\"]"));
}

TEST_CASE("azurerm Front Door profile: any SKU change recreates, Premium to Standard is refused") {
  const auto up = classify_attribute("azurerm_cdn_frontdoor_profile", "sku_name",
                                     "\"Standard_AzureFrontDoor\"", "\"Premium_AzureFrontDoor\"");
  CHECK(up.replaces.find("ForceNew") != std::string::npos);
  const auto down = classify_attribute("azurerm_cdn_frontdoor_profile", "sku_name",
                                       "\"Premium_AzureFrontDoor\"", "\"Standard_AzureFrontDoor\"");
  CHECK(down.replaces.find("refuses") != std::string::npos);
}

TEST_CASE("azurerm PostgreSQL flexible server: what recreates and what changes in place") {
  CHECK(replaces("azurerm_postgresql_flexible_server", "geo_redundant_backup_enabled", "false",
                 "true"));
  CHECK(replaces("azurerm_postgresql_flexible_server", "customer_managed_key.key_vault_key_id",
                 "azurerm_key_vault_key.a.id", "azurerm_key_vault_key.b.id"));
  CHECK(replaces("azurerm_postgresql_flexible_server", "version", "\"16\"", "\"15\""));
  CHECK_FALSE(replaces("azurerm_postgresql_flexible_server", "version", "\"15\"", "\"16\""));
  CHECK(replaces("azurerm_postgresql_flexible_server", "storage_mb", "65536", "32768"));
  CHECK(replaces("azurerm_postgresql_flexible_server", "identity.type", "\"UserAssigned\"",
                 "\"SystemAssigned\""));
  // Not ForceNew in 4.x: private_dns_zone_id (Computed, updatable) and zone.
  CHECK_FALSE(replaces("azurerm_postgresql_flexible_server", "private_dns_zone_id",
                       "azurerm_private_dns_zone.a.id", "azurerm_private_dns_zone.b.id"));
  CHECK_FALSE(replaces("azurerm_postgresql_flexible_server", "zone", "\"1\"", "\"2\""));
}

TEST_CASE(
    "azurerm Managed Redis: high availability recreates, the SKU may, database settings lose "
    "data") {
  CHECK(replaces("azurerm_managed_redis", "high_availability_enabled", "true", "false"));
  CHECK(
      classify_attribute("azurerm_managed_redis", "sku_name", "\"Balanced_B3\"", "\"Balanced_B5\"")
          .replaces.find("scaling targets") != std::string::npos);
  CHECK(classify_attribute("azurerm_managed_redis", "default_database.clustering_policy",
                           "\"OSSCluster\"", "\"EnterpriseCluster\"")
            .replaces.find("data is lost") != std::string::npos);
  CHECK_FALSE(
      replaces("azurerm_managed_redis", "public_network_access", "\"Disabled\"", "\"Enabled\""));
}

}  // namespace
}  // namespace iac::review
