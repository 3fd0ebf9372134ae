#include "generators/review/azurerm_rules.h"
#include "generators/review/rule_effects.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

namespace iac::review {

namespace {

using detail::Direction;
using detail::effect_of;
using detail::number_in;
using detail::unquote;

struct SecurityRule {
  std::string_view type;  ///< azurerm type, or `*` for every type.
  std::string_view path;  ///< Generic path; matches it and everything under it.
  std::string_view category;
  Direction direction;
};

// Security-relevant attributes of the kinds in dsl/azure, after
// /work/shared/reference/security_rules.md (Checkov and PSRule checks, azurerm v4 names).
constexpr std::array kSecurity = {
    // Network exposure.
    SecurityRule{"*", "public_network_access_enabled", "network exposure", Direction::bad_true},
    SecurityRule{"*", "public_network_access", "network exposure", Direction::enabled},
    SecurityRule{"*", "network_acls", "network exposure", Direction::any},
    SecurityRule{"*", "network_rules", "network exposure", Direction::any},
    SecurityRule{"*", "ip_rules", "network exposure", Direction::list_widens},
    SecurityRule{"*", "ip_range_filter", "network exposure", Direction::list_widens},
    SecurityRule{"*", "is_virtual_network_filter_enabled", "network exposure",
                 Direction::bad_false},
    SecurityRule{"*", "virtual_network_rule", "network exposure", Direction::any},
    SecurityRule{"*", "network_acl_bypass_for_azure_services", "network exposure",
                 Direction::bad_true},
    SecurityRule{"*", "allow_nested_items_to_be_public", "network exposure", Direction::bad_true},
    SecurityRule{"*", "container_access_type", "network exposure", Direction::any},
    SecurityRule{"*", "site_config.ip_restriction", "network exposure", Direction::any},
    SecurityRule{"*", "site_config.scm_ip_restriction", "network exposure", Direction::any},
    SecurityRule{"*", "site_config.ip_restriction_default_action", "network exposure",
                 Direction::any},
    SecurityRule{"*", "site_config.scm_ip_restriction_default_action", "network exposure",
                 Direction::any},
    SecurityRule{"*", "site_config.scm_use_main_ip_restriction", "network exposure",
                 Direction::bad_false},
    SecurityRule{"*", "site_config.vnet_route_all_enabled", "network exposure",
                 Direction::bad_false},
    SecurityRule{"*", "virtual_network_subnet_id", "network exposure", Direction::any},
    SecurityRule{"*", "internet_ingestion_enabled", "network exposure", Direction::bad_true},
    SecurityRule{"*", "internet_query_enabled", "network exposure", Direction::bad_true},
    SecurityRule{"*", "outbound_network_access_restricted", "network exposure",
                 Direction::bad_false},
    SecurityRule{"*", "fqdns", "network exposure", Direction::list_widens},
    SecurityRule{"azurerm_network_security_group", "security_rule", "network exposure",
                 Direction::any},
    SecurityRule{"azurerm_private_endpoint", "private_service_connection", "network exposure",
                 Direction::any},
    SecurityRule{"azurerm_private_endpoint", "subnet_id", "network exposure", Direction::any},
    SecurityRule{"azurerm_subnet", "address_prefixes", "network exposure", Direction::any},
    SecurityRule{"azurerm_virtual_network", "address_space", "network exposure", Direction::any},
    // CORS and anonymous access.
    SecurityRule{"*", "site_config.cors", "CORS", Direction::any},
    SecurityRule{"*", "site_config.cors.allowed_origins", "CORS", Direction::list_widens},
    SecurityRule{"*", "cors_rule", "CORS", Direction::any},
    SecurityRule{"*", "auth_settings", "authentication", Direction::any},
    SecurityRule{"*", "auth_settings_v2", "authentication", Direction::any},
    // Transport security.
    SecurityRule{"*", "minimum_tls_version", "TLS", Direction::lower},
    SecurityRule{"*", "min_tls_version", "TLS", Direction::lower},
    SecurityRule{"*", "site_config.minimum_tls_version", "TLS", Direction::lower},
    SecurityRule{"*", "site_config.scm_minimum_tls_version", "TLS", Direction::lower},
    SecurityRule{"*", "https_only", "TLS", Direction::bad_false},
    SecurityRule{"*", "https_traffic_only_enabled", "TLS", Direction::bad_false},
    SecurityRule{"*", "non_ssl_port_enabled", "TLS", Direction::bad_true},
    SecurityRule{"*", "site_config.ftps_state", "TLS", Direction::any},
    SecurityRule{"*", "site_config.http2_enabled", "TLS", Direction::bad_false},
    SecurityRule{"azurerm_cdn_frontdoor_route", "https_redirect_enabled", "TLS",
                 Direction::bad_false},
    SecurityRule{"azurerm_cdn_frontdoor_route", "supported_protocols", "TLS",
                 Direction::list_widens},
    SecurityRule{"azurerm_cdn_frontdoor_route", "forwarding_protocol", "TLS", Direction::any},
    SecurityRule{"azurerm_cdn_frontdoor_origin", "certificate_name_check_enabled", "TLS",
                 Direction::bad_false},
    // Authentication and identities.
    SecurityRule{"*", "identity", "identity", Direction::any},
    SecurityRule{"*", "key_vault_reference_identity_id", "identity", Direction::any},
    SecurityRule{"*", "tenant_id", "identity", Direction::any},
    SecurityRule{"*", "shared_access_key_enabled", "authentication", Direction::bad_true},
    SecurityRule{"*", "default_to_oauth_authentication", "authentication", Direction::bad_false},
    SecurityRule{"*", "local_authentication_disabled", "authentication", Direction::bad_false},
    SecurityRule{"*", "local_authentication_enabled", "authentication", Direction::bad_true},
    SecurityRule{"*", "local_auth_enabled", "authentication", Direction::bad_true},
    SecurityRule{"*", "access_keys_authentication_enabled", "authentication", Direction::bad_true},
    SecurityRule{"*", "access_key_metadata_writes_enabled", "authentication", Direction::bad_true},
    SecurityRule{"*", "redis_configuration.active_directory_authentication_enabled",
                 "authentication", Direction::bad_false},
    SecurityRule{"*", "authentication.password_auth_enabled", "authentication",
                 Direction::bad_true},
    SecurityRule{"*", "authentication.active_directory_auth_enabled", "authentication",
                 Direction::bad_false},
    SecurityRule{"*", "client_certificate_enabled", "authentication", Direction::bad_false},
    SecurityRule{"*", "client_certificate_mode", "authentication", Direction::any},
    SecurityRule{"*", "ftp_publish_basic_authentication_enabled", "authentication",
                 Direction::bad_true},
    SecurityRule{"*", "webdeploy_publish_basic_authentication_enabled", "authentication",
                 Direction::bad_true},
    SecurityRule{"*", "site_config.remote_debugging_enabled", "authentication",
                 Direction::bad_true},
    SecurityRule{"*", "storage_uses_managed_identity", "authentication", Direction::bad_false},
    SecurityRule{"*", "disable_local_auth", "authentication", Direction::bad_false},
    // Key Vault access.
    SecurityRule{"azurerm_key_vault", "rbac_authorization_enabled", "Key Vault access",
                 Direction::bad_false},
    SecurityRule{"azurerm_key_vault", "enable_rbac_authorization", "Key Vault access",
                 Direction::bad_false},
    SecurityRule{"azurerm_key_vault", "access_policy", "Key Vault access", Direction::any},
    SecurityRule{"azurerm_key_vault", "enabled_for_deployment", "Key Vault access",
                 Direction::bad_true},
    SecurityRule{"azurerm_key_vault", "enabled_for_template_deployment", "Key Vault access",
                 Direction::bad_true},
    SecurityRule{"azurerm_key_vault", "enabled_for_disk_encryption", "Key Vault access",
                 Direction::bad_true},
    SecurityRule{"azurerm_key_vault_secret", "expiration_date", "Key Vault access", Direction::any},
    SecurityRule{"azurerm_key_vault_secret", "content_type", "Key Vault access", Direction::any},
    // Data protection, backup and redundancy.
    SecurityRule{"*", "purge_protection_enabled", "data protection", Direction::bad_false},
    SecurityRule{"*", "soft_delete_retention_days", "data protection", Direction::lower},
    SecurityRule{"*", "blob_properties.delete_retention_policy", "data protection", Direction::any},
    SecurityRule{"*", "blob_properties.container_delete_retention_policy", "data protection",
                 Direction::any},
    SecurityRule{"*", "blob_properties.versioning_enabled", "data protection",
                 Direction::bad_false},
    SecurityRule{"*", "infrastructure_encryption_enabled", "data protection", Direction::bad_false},
    SecurityRule{"*", "customer_managed_key", "data protection", Direction::any},
    SecurityRule{"*", "account_replication_type", "redundancy", Direction::redundancy},
    SecurityRule{"*", "geo_redundant_backup_enabled", "backup", Direction::bad_false},
    SecurityRule{"*", "backup", "backup", Direction::any},
    SecurityRule{"*", "backup_retention_days", "backup", Direction::lower},
    SecurityRule{"*", "high_availability", "redundancy", Direction::any},
    SecurityRule{"*", "high_availability_enabled", "redundancy", Direction::bad_false},
    SecurityRule{"*", "zone_redundant", "redundancy", Direction::bad_false},
    SecurityRule{"*", "zone_balancing_enabled", "redundancy", Direction::bad_false},
    SecurityRule{"*", "geo_location", "redundancy", Direction::any},
    SecurityRule{"*", "automatic_failover_enabled", "redundancy", Direction::bad_false},
    SecurityRule{"*", "retention_in_days", "audit logging", Direction::lower},
    SecurityRule{"azurerm_monitor_diagnostic_setting", "enabled_log", "audit logging",
                 Direction::any},
    SecurityRule{"azurerm_monitor_diagnostic_setting", "log_analytics_workspace_id",
                 "audit logging", Direction::any},
    // WAF.
    SecurityRule{"azurerm_cdn_frontdoor_firewall_policy", "mode", "WAF", Direction::waf_mode},
    SecurityRule{"azurerm_cdn_frontdoor_firewall_policy", "enabled", "WAF", Direction::bad_false},
    SecurityRule{"azurerm_cdn_frontdoor_firewall_policy", "managed_rule", "WAF", Direction::any},
    SecurityRule{"azurerm_cdn_frontdoor_firewall_policy", "custom_rule", "WAF", Direction::any},
    SecurityRule{"azurerm_cdn_frontdoor_firewall_policy", "request_body_check_enabled", "WAF",
                 Direction::bad_false},
    SecurityRule{"azurerm_cdn_frontdoor_security_policy", "security_policies", "WAF",
                 Direction::any},
};

struct ReplaceRule {
  std::string_view type;  ///< azurerm type, or `*`.
  std::string_view path;
};

// Attributes azurerm 4.x marks ForceNew: changing one destroys the resource and creates a new one.
// A rule matches its path and every path below it (a ForceNew block recreates on any nested
// change). Conditional replacements (a SKU downgrade, a replication change across zones) are in
// conditional_replacement() below. Every group was checked against the provider's schema for 4.x
// (the resource's `Schema` map and its `CustomizeDiff`); the URL is the registry page.
constexpr std::array kReplace = {
    ReplaceRule{"*", "name"},
    ReplaceRule{"*", "location"},
    ReplaceRule{"*", "resource_group_name"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/cosmosdb_account
    ReplaceRule{"azurerm_cosmosdb_account", "kind"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/cosmosdb_sql_container
    /// (partition_key_paths, partition_key_kind, partition_key_version, account_name and
    /// database_name are `ForceNew: true`)
    ReplaceRule{"azurerm_cosmosdb_sql_database", "account_name"},
    ReplaceRule{"azurerm_cosmosdb_sql_container", "account_name"},
    ReplaceRule{"azurerm_cosmosdb_sql_container", "database_name"},
    ReplaceRule{"azurerm_cosmosdb_sql_container", "partition_key_paths"},
    ReplaceRule{"azurerm_cosmosdb_sql_container", "partition_key_kind"},
    ReplaceRule{"azurerm_cosmosdb_sql_container", "partition_key_version"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/cosmosdb_sql_role_assignment
    ReplaceRule{"azurerm_cosmosdb_sql_role_assignment", "account_name"},
    ReplaceRule{"azurerm_cosmosdb_sql_role_assignment", "principal_id"},
    ReplaceRule{"azurerm_cosmosdb_sql_role_assignment", "role_definition_id"},
    ReplaceRule{"azurerm_cosmosdb_sql_role_assignment", "scope"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/role_assignment
    ReplaceRule{"azurerm_role_assignment", "scope"},
    ReplaceRule{"azurerm_role_assignment", "role_definition_name"},
    ReplaceRule{"azurerm_role_assignment", "role_definition_id"},
    ReplaceRule{"azurerm_role_assignment", "principal_id"},
    ReplaceRule{"azurerm_role_assignment", "principal_type"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/storage_account
    /// (`ForceNew: true` in the schema; account_kind and account_replication_type are
    /// conditional, see conditional_replacement())
    ReplaceRule{"azurerm_storage_account", "account_tier"},
    ReplaceRule{"azurerm_storage_account", "is_hns_enabled"},
    ReplaceRule{"azurerm_storage_account", "nfsv3_enabled"},
    ReplaceRule{"azurerm_storage_account", "edge_zone"},
    ReplaceRule{"azurerm_storage_account", "dns_endpoint_type"},
    ReplaceRule{"azurerm_storage_account", "infrastructure_encryption_enabled"},
    ReplaceRule{"azurerm_storage_account", "queue_encryption_key_type"},
    ReplaceRule{"azurerm_storage_account", "table_encryption_key_type"},
    ReplaceRule{"azurerm_storage_account", "immutability_policy"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/storage_container
    ReplaceRule{"azurerm_storage_container", "storage_account_id"},
    ReplaceRule{"azurerm_storage_container", "storage_account_name"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/key_vault_secret
    ReplaceRule{"azurerm_key_vault_secret", "key_vault_id"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/service_plan
    ReplaceRule{"azurerm_service_plan", "os_type"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/redis_cache
    /// (subnet_id, private_static_ip_address and zones are `ForceNew: true`; `family` is not;
    /// a SKU downgrade is a `ForceNewIfChange`, see conditional_replacement())
    ReplaceRule{"azurerm_redis_cache", "subnet_id"},
    ReplaceRule{"azurerm_redis_cache", "private_static_ip_address"},
    ReplaceRule{"azurerm_redis_cache", "zones"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/redis_cache_access_policy_assignment
    ReplaceRule{"azurerm_redis_cache_access_policy_assignment", "redis_cache_id"},
    ReplaceRule{"azurerm_redis_cache_access_policy_assignment", "access_policy_name"},
    ReplaceRule{"azurerm_redis_cache_access_policy_assignment", "object_id"},
    ReplaceRule{"azurerm_redis_cache_access_policy_assignment", "object_id_alias"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/managed_redis
    /// (high_availability_enabled is `ForceNew: true`; sku_name and the default database's
    /// immutable settings are conditional, see conditional_replacement())
    ReplaceRule{"azurerm_managed_redis", "high_availability_enabled"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/postgresql_flexible_server
    /// (delegated_subnet_id, geo_redundant_backup_enabled, customer_managed_key,
    /// point_in_time_restore_time_in_utc and source_server_id are `ForceNew: true`;
    /// private_dns_zone_id and zone are not; administrator_login, version, storage_mb and
    /// identity are conditional, see conditional_replacement())
    ReplaceRule{"azurerm_postgresql_flexible_server", "delegated_subnet_id"},
    ReplaceRule{"azurerm_postgresql_flexible_server", "geo_redundant_backup_enabled"},
    ReplaceRule{"azurerm_postgresql_flexible_server", "customer_managed_key"},
    ReplaceRule{"azurerm_postgresql_flexible_server", "point_in_time_restore_time_in_utc"},
    ReplaceRule{"azurerm_postgresql_flexible_server", "source_server_id"},
    ReplaceRule{"azurerm_postgresql_flexible_server_database", "server_id"},
    ReplaceRule{"azurerm_postgresql_flexible_server_database", "charset"},
    ReplaceRule{"azurerm_postgresql_flexible_server_database", "collation"},
    ReplaceRule{"azurerm_postgresql_flexible_server_configuration", "server_id"},
    ReplaceRule{"azurerm_postgresql_flexible_server_active_directory_administrator", "server_name"},
    ReplaceRule{"azurerm_postgresql_flexible_server_active_directory_administrator", "object_id"},
    ReplaceRule{"azurerm_postgresql_flexible_server_active_directory_administrator", "tenant_id"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/private_endpoint
    ReplaceRule{"azurerm_private_endpoint", "subnet_id"},
    ReplaceRule{"azurerm_private_endpoint", "private_service_connection.name"},
    ReplaceRule{"azurerm_private_endpoint",
                "private_service_connection.private_connection_resource_id"},
    ReplaceRule{"azurerm_private_endpoint", "private_service_connection.subresource_names"},
    ReplaceRule{"azurerm_private_endpoint", "private_service_connection.is_manual_connection"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/private_dns_zone_virtual_network_link
    ReplaceRule{"azurerm_private_dns_zone_virtual_network_link", "private_dns_zone_name"},
    ReplaceRule{"azurerm_private_dns_zone_virtual_network_link", "virtual_network_id"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/subnet
    ReplaceRule{"azurerm_subnet", "virtual_network_name"},
    ReplaceRule{"azurerm_subnet_network_security_group_association", "subnet_id"},
    ReplaceRule{"azurerm_subnet_network_security_group_association", "network_security_group_id"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/cognitive_account
    ReplaceRule{"azurerm_cognitive_account", "kind"},
    ReplaceRule{"azurerm_cognitive_account", "custom_subdomain_name"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/cognitive_deployment
    ReplaceRule{"azurerm_cognitive_deployment", "cognitive_account_id"},
    ReplaceRule{"azurerm_cognitive_deployment", "model.format"},
    ReplaceRule{"azurerm_cognitive_deployment", "model.name"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/application_insights
    ReplaceRule{"azurerm_application_insights", "application_type"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/monitor_diagnostic_setting
    ReplaceRule{"azurerm_monitor_diagnostic_setting", "target_resource_id"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/cdn_frontdoor_profile
    /// (sku_name is `ForceNew: true`: Standard → Premium recreates the profile; Premium →
    /// Standard is refused, see conditional_replacement())
    ReplaceRule{"azurerm_cdn_frontdoor_profile", "sku_name"},
    ReplaceRule{"azurerm_cdn_frontdoor_endpoint", "cdn_frontdoor_profile_id"},
    ReplaceRule{"azurerm_cdn_frontdoor_origin_group", "cdn_frontdoor_profile_id"},
    ReplaceRule{"azurerm_cdn_frontdoor_origin", "cdn_frontdoor_origin_group_id"},
    ReplaceRule{"azurerm_cdn_frontdoor_route", "cdn_frontdoor_endpoint_id"},
    ReplaceRule{"azurerm_cdn_frontdoor_firewall_policy", "sku_name"},
    ReplaceRule{"azurerm_cdn_frontdoor_security_policy", "cdn_frontdoor_profile_id"},
    ReplaceRule{"azurerm_cdn_frontdoor_security_policy", "security_policies"},
    /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/consumption_budget_resource_group
    ReplaceRule{"azurerm_consumption_budget_resource_group", "resource_group_id"},
    ReplaceRule{"azurerm_consumption_budget_resource_group", "time_period.start_date"},
};

constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kTypeCategory = {{
    {"azurerm_role_assignment", "role assignment"},
    {"azurerm_cosmosdb_sql_role_assignment", "role assignment"},
    {"azurerm_redis_cache_access_policy_assignment", "role assignment"},
    {"azurerm_postgresql_flexible_server_active_directory_administrator", "role assignment"},
    {"azurerm_key_vault_access_policy", "Key Vault access"},
    {"azurerm_user_assigned_identity", "identity"},
    {"azurerm_network_security_group", "network exposure"},
    {"azurerm_network_security_rule", "network exposure"},
    {"azurerm_subnet_network_security_group_association", "network exposure"},
    {"azurerm_private_endpoint", "network exposure"},
    {"azurerm_postgresql_flexible_server_firewall_rule", "network exposure"},
    {"azurerm_storage_account_network_rules", "network exposure"},
    {"azurerm_cdn_frontdoor_firewall_policy", "WAF"},
    {"azurerm_cdn_frontdoor_security_policy", "WAF"},
    {"azurerm_monitor_diagnostic_setting", "audit logging"},
    {"azurerm_key_vault_secret", "secrets"},
}};

constexpr std::array<std::string_view, 15> kHoldsData = {
    "azurerm_cosmosdb_account",
    "azurerm_cosmosdb_sql_database",
    "azurerm_cosmosdb_sql_container",
    "azurerm_storage_account",
    "azurerm_storage_container",
    "azurerm_key_vault",
    "azurerm_key_vault_secret",
    "azurerm_postgresql_flexible_server",
    "azurerm_postgresql_flexible_server_database",
    "azurerm_redis_cache",
    "azurerm_managed_redis",
    "azurerm_log_analytics_workspace",
    "azurerm_application_insights",
    "azurerm_user_assigned_identity",
    "azurerm_cognitive_account",
};

bool path_matches(std::string_view generic, std::string_view pattern) {
  if (generic.size() < pattern.size() || generic.compare(0, pattern.size(), pattern) != 0) {
    return false;
  }
  return generic.size() == pattern.size() || generic[pattern.size()] == '.';
}

bool type_matches(std::string_view type, std::string_view pattern) {
  return pattern == "*" || pattern == type;
}

/// Replacements that depend on the old and new values (`CustomizeDiff` / `ForceNewIfChange` in the
/// provider). Empty when the change is made in place.
std::string conditional_replacement(std::string_view type, std::string_view generic,
                                    std::string_view before, std::string_view after) {
  const std::string b = unquote(before);
  const std::string a = unquote(after);
  if (b.empty() || a.empty() || a == b) return {};
  if (type == "azurerm_service_plan" && generic == "sku_name") {
    // Consumption (Y1), Flex Consumption (FC1) and Elastic Premium (EP*) plans cannot be
    // converted into each other or into dedicated plans.
    auto family = [](const std::string& sku) -> std::string {
      if (sku == "Y1") return "Consumption";
      if (sku.rfind("FC", 0) == 0) return "Flex Consumption";
      if (sku.rfind("EP", 0) == 0) return "Elastic Premium";
      return "dedicated";
    };
    if (family(a) != family(b)) {
      return "App Service cannot convert a " + family(b) + " plan into a " + family(a) +
             " plan: the plan and its apps are recreated";
    }
  }
  /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/redis_cache
  /// `ForceNewIfChange("sku_name")`: a downgrade by weight (Basic 1 < Standard 2 < Premium 3)
  /// recreates the cache; an upgrade scales in place.
  if (type == "azurerm_redis_cache" && generic == "sku_name") {
    auto weight = [](const std::string& sku) {
      return sku == "Basic" ? 1 : sku == "Standard" ? 2 : sku == "Premium" ? 3 : 0;
    };
    if (weight(a) > 0 && weight(b) > weight(a)) {
      return "a " + b + " cache cannot be scaled down to " + a + ": azurerm recreates it";
    }
  }
  /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/cdn_frontdoor_profile
  /// sku_name is ForceNew; the provider refuses Premium → Standard outright.
  if (type == "azurerm_cdn_frontdoor_profile" && generic == "sku_name") {
    if (b.rfind("Premium", 0) == 0 && a.rfind("Standard", 0) == 0) {
      return "azurerm refuses to downgrade a Premium Front Door profile to Standard (the plan "
             "fails); deploying Standard means a new profile, endpoints and routes";
    }
    return "sku_name cannot change in place (ForceNew): the profile, its endpoints and routes "
           "are recreated";
  }
  /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/managed_redis
  /// sku_name: the provider asks Azure for the cluster's scaling targets and recreates the cache
  /// when the new SKU is not one of them (earlier 4.x releases marked it ForceNew outright). The
  /// default database's clustering_policy, geo_replication_group_name and module are immutable:
  /// the provider deletes and re-creates the database.
  if (type == "azurerm_managed_redis" && generic == "sku_name") {
    return "recreated (data lost) unless Azure lists " + a +
           " among the cache's scaling targets; check with `az redisenterprise list-skus-for-"
           "scaling` first";
  }
  if (type == "azurerm_managed_redis" &&
      (generic == "default_database.clustering_policy" ||
       generic == "default_database.geo_replication_group_name" ||
       generic.rfind("default_database.module", 0) == 0)) {
    return "azurerm deletes and re-creates the default database to change " + std::string(generic) +
           " (its data is lost)";
  }
  /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/postgresql_flexible_server
  /// CustomizeDiff: a lower `version`, a smaller `storage_mb`, any change of a set
  /// `administrator_login`, and dropping a user-assigned identity force a new server.
  if (type == "azurerm_postgresql_flexible_server") {
    if (generic == "version" && number_in(a) > 0 && number_in(a) < number_in(b)) {
      return "PostgreSQL cannot be downgraded from " + b + " to " + a +
             ": azurerm recreates the server";
    }
    if (generic == "storage_mb" && number_in(a) > 0 && number_in(a) < number_in(b)) {
      return "storage can only grow: azurerm recreates the server";
    }
    if (generic == "administrator_login") {
      return "administrator_login cannot change once set: azurerm recreates the server";
    }
    if (generic == "identity.type" && b.find("UserAssigned") != std::string::npos &&
        a.find("UserAssigned") == std::string::npos) {
      return "removing the user-assigned identity recreates the server";
    }
  }
  /// https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/storage_account
  /// `ForceNewIfChange("account_replication_type")`: LRS/GRS/RAGRS ↔ ZRS/GZRS/RAGZRS (across the
  /// zone boundary) recreates the account, other changes are in place. account_kind recreates it
  /// except for the Storage → StorageV2 upgrade.
  if (type == "azurerm_storage_account" && generic == "account_replication_type") {
    auto zonal = [](const std::string& v) { return v.find("ZRS") != std::string::npos; };
    if (zonal(b) != zonal(a)) {
      return "moving between zone-redundant and non-zonal replication (" + b + " → " + a +
             ") recreates the account in azurerm; Azure's own conversion keeps the data";
    }
  }
  if (type == "azurerm_storage_account" && generic == "account_kind" &&
      !(b == "Storage" && a == "StorageV2")) {
    return "only Storage → StorageV2 upgrades in place: azurerm recreates the account";
  }
  return {};
}

bool is_sensitive(std::string_view type, std::string_view generic) {
  if (type == "azurerm_key_vault_secret" && generic == "value") return true;
  static constexpr std::array<std::string_view, 8> kWords = {
      "password",    "secret", "connection_string",   "access_key",
      "primary_key", "sas",    "instrumentation_key", "administrator_login_password"};
  return std::any_of(kWords.begin(), kWords.end(), [&](std::string_view word) {
    return generic.find(word) != std::string_view::npos;
  });
}

}  // namespace

std::string generic_path(std::string_view path) {
  std::string out;
  int depth = 0;
  for (char c : path) {
    if (c == '[') ++depth;
    if (depth == 0) out += c;
    if (c == ']' && depth > 0) --depth;
  }
  return out;
}

AttributeMeaning classify_attribute(std::string_view type, std::string_view path,
                                    std::string_view before, std::string_view after) {
  AttributeMeaning meaning;
  const std::string generic = generic_path(path);
  // The most specific security rule wins: per type before `*`, longer paths before shorter.
  const SecurityRule* best = nullptr;
  for (const auto& rule : kSecurity) {
    if (!type_matches(type, rule.type) || !path_matches(generic, rule.path)) continue;
    if (best == nullptr || (best->type == "*" && rule.type != "*") ||
        ((best->type == "*") == (rule.type == "*") && rule.path.size() > best->path.size())) {
      best = &rule;
    }
  }
  if (best != nullptr) {
    meaning.category = std::string(best->category);
    // A direction applies to the attribute itself; nested paths below it only `change`.
    meaning.effect =
        generic == best->path ? effect_of(best->direction, before, after) : Effect::changes;
  }
  for (const auto& rule : kReplace) {
    // A type-specific ForceNew attribute also recreates when it appears or disappears (its
    // provider default differs); `name` and `location` always have a value.
    const bool both = !before.empty() && !after.empty();
    if (type_matches(type, rule.type) && path_matches(generic, rule.path) &&
        (both || (rule.type != "*" && before != after))) {
      meaning.replaces = std::string(rule.path) + " cannot change in place (ForceNew)";
    }
  }
  if (std::string conditional = conditional_replacement(type, generic, before, after);
      !conditional.empty()) {
    meaning.replaces = std::move(conditional);
  }
  meaning.sensitive = is_sensitive(type, generic);
  return meaning;
}

std::string_view security_category_of_type(std::string_view type) {
  for (const auto& [name, category] : kTypeCategory) {
    if (name == type) return category;
  }
  return {};
}

bool holds_data(std::string_view type) {
  return std::find(kHoldsData.begin(), kHoldsData.end(), type) != kHoldsData.end();
}

namespace detail {

std::string unquote(std::string_view text) {
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
      text.back() == text.front()) {
    return std::string(text.substr(1, text.size() - 2));
  }
  return std::string(text);
}

/// The number in a version or count (`"1.2"`, `"TLS1_2"`, `90`), or -1.
double number_in(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
    } else if ((c == '.' || c == '_') && !digits.empty() && digits.find('.') == std::string::npos) {
      digits += '.';
    }
  }
  if (digits.empty() || digits == ".") return -1;
  return std::stod(digits);
}

namespace {

int redundancy_rank(std::string_view text) {
  static constexpr std::array<std::string_view, 6> kOrder = {"LRS",   "ZRS",  "GRS",
                                                             "RAGRS", "GZRS", "RAGZRS"};
  std::string value = unquote(text);
  // ARM SKU names carry the tier: `Standard_GZRS`.
  if (auto underscore = value.rfind('_'); underscore != std::string::npos) {
    value = value.substr(underscore + 1);
  }
  for (size_t i = 0; i < kOrder.size(); ++i) {
    if (value == kOrder[i]) return static_cast<int>(i);
  }
  return -1;
}

/// The quoted items of a list expression.
std::vector<std::string> list_items(std::string_view text) {
  std::vector<std::string> items;
  size_t i = 0;
  while ((i = text.find_first_of("\"'", i)) != std::string_view::npos) {
    const char quote = text[i];
    size_t end = i + 1;
    while (end < text.size() && text[end] != quote) end += text[end] == '\\' ? 2 : 1;
    items.emplace_back(text.substr(i, end + 1 - i));
    i = end + 1;
  }
  return items;
}

}  // namespace

Effect effect_of(Direction direction, std::string_view before, std::string_view after) {
  // ARM writes some booleans as strings (`'True'`).
  auto lower = [](std::string_view text) {
    std::string out = unquote(text);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  const std::string before_bool = lower(before);
  const std::string after_bool = lower(after);
  auto by_bad = [&](bool bad_is_true) {
    const std::string_view bad = bad_is_true ? "true" : "false";
    const std::string_view good = bad_is_true ? "false" : "true";
    if (after_bool == bad) return Effect::weakens;
    if (after_bool == good && !before_bool.empty()) return Effect::tightens;
    if (after_bool.empty() && before_bool == good) return Effect::weakens;  // the default applies
    return Effect::changes;
  };
  switch (direction) {
    case Direction::any:
      return Effect::changes;
    case Direction::bad_true:
      return by_bad(true);
    case Direction::bad_false:
      return by_bad(false);
    case Direction::lower: {
      double b = number_in(before);
      double a = number_in(after);
      if (b < 0 || a < 0 || a == b) return Effect::changes;
      return a < b ? Effect::weakens : Effect::tightens;
    }
    case Direction::redundancy: {
      int b = redundancy_rank(before);
      int a = redundancy_rank(after);
      if (b < 0 || a < 0 || a == b) return Effect::changes;
      return a < b ? Effect::weakens : Effect::tightens;
    }
    case Direction::enabled:
      if (unquote(after) == "Enabled") return Effect::weakens;
      if (unquote(after) == "Disabled") return Effect::tightens;
      return Effect::changes;
    case Direction::disabled:
      if (unquote(after) == "Disabled") return Effect::weakens;
      if (unquote(after) == "Enabled") return Effect::tightens;
      return Effect::changes;
    case Direction::allow:
      if (unquote(after) == "Allow") return Effect::weakens;
      if (unquote(after) == "Deny") return Effect::tightens;
      return Effect::changes;
    case Direction::waf_mode:
      if (unquote(after) == "Detection") return Effect::weakens;
      if (unquote(after) == "Prevention") return Effect::tightens;
      return Effect::changes;
    case Direction::list_widens: {
      auto old_items = list_items(before);
      auto new_items = list_items(after);
      bool gained = std::any_of(new_items.begin(), new_items.end(), [&](const std::string& item) {
        return std::find(old_items.begin(), old_items.end(), item) == old_items.end();
      });
      if (gained) return Effect::weakens;
      return new_items.size() < old_items.size() ? Effect::tightens : Effect::changes;
    }
  }
  return Effect::changes;
}

}  // namespace detail

}  // namespace iac::review
