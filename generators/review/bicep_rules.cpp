#include "generators/review/bicep_rules.h"

#include <algorithm>
#include <array>
#include <utility>

#include "generators/review/rule_effects.h"

namespace iac::review {

namespace {

using detail::Direction;
using detail::number_in;
using detail::unquote;

struct SecurityRule {
  std::string_view type;  ///< ARM type, or `*` for every type.
  std::string_view path;  ///< Generic path; matches it and everything under it.
  std::string_view category;
  Direction direction;
};

// The ARM side of the azurerm table (azurerm_rules.cpp), for the properties the Bicep emitters
// write, after /work/shared/reference/security_rules.md (PSRule for Azure names the ARM paths).
constexpr std::array kSecurity = {
    // Network exposure.
    SecurityRule{"*", "properties.publicNetworkAccess", "network exposure", Direction::enabled},
    SecurityRule{"*", "properties.publicNetworkAccessForIngestion", "network exposure",
                 Direction::enabled},
    SecurityRule{"*", "properties.publicNetworkAccessForQuery", "network exposure",
                 Direction::enabled},
    SecurityRule{"*", "properties.network.publicNetworkAccess", "network exposure",
                 Direction::enabled},
    SecurityRule{"*", "properties.networkAcls", "network exposure", Direction::any},
    SecurityRule{"*", "properties.networkAcls.defaultAction", "network exposure", Direction::allow},
    SecurityRule{"*", "properties.networkAcls.ipRules", "network exposure", Direction::list_widens},
    SecurityRule{"*", "properties.networkAcls.bypass", "network exposure", Direction::any},
    SecurityRule{"*", "properties.ipRules", "network exposure", Direction::list_widens},
    SecurityRule{"*", "properties.isVirtualNetworkFilterEnabled", "network exposure",
                 Direction::bad_false},
    SecurityRule{"*", "properties.virtualNetworkRules", "network exposure", Direction::any},
    SecurityRule{"*", "properties.allowBlobPublicAccess", "network exposure", Direction::bad_true},
    SecurityRule{"*", "properties.publicAccess", "network exposure", Direction::any},
    SecurityRule{"*", "properties.siteConfig.ipSecurityRestrictions", "network exposure",
                 Direction::any},
    SecurityRule{"*", "properties.siteConfig.scmIpSecurityRestrictions", "network exposure",
                 Direction::any},
    SecurityRule{"*", "properties.siteConfig.ipSecurityRestrictionsDefaultAction",
                 "network exposure", Direction::allow},
    SecurityRule{"*", "properties.siteConfig.scmIpSecurityRestrictionsDefaultAction",
                 "network exposure", Direction::allow},
    SecurityRule{"*", "properties.siteConfig.scmIpSecurityRestrictionsUseMain", "network exposure",
                 Direction::bad_false},
    SecurityRule{"*", "properties.siteConfig.vnetRouteAllEnabled", "network exposure",
                 Direction::bad_false},
    SecurityRule{"*", "properties.outboundVnetRouting", "network exposure", Direction::any},
    SecurityRule{"*", "properties.virtualNetworkSubnetId", "network exposure", Direction::any},
    SecurityRule{"*", "properties.restrictOutboundNetworkAccess", "network exposure",
                 Direction::bad_false},
    SecurityRule{"*", "properties.allowedFqdnList", "network exposure", Direction::list_widens},
    SecurityRule{"Microsoft.Network/networkSecurityGroups", "properties.securityRules",
                 "network exposure", Direction::any},
    SecurityRule{"Microsoft.Network/privateEndpoints", "properties", "network exposure",
                 Direction::any},
    SecurityRule{"Microsoft.Network/virtualNetworks", "properties.subnets", "network exposure",
                 Direction::any},
    SecurityRule{"Microsoft.Network/virtualNetworks", "properties.addressSpace", "network exposure",
                 Direction::any},
    SecurityRule{"Microsoft.DBforPostgreSQL/flexibleServers", "properties.network",
                 "network exposure", Direction::any},
    // CORS.
    SecurityRule{"*", "properties.siteConfig.cors", "CORS", Direction::any},
    SecurityRule{"*", "properties.siteConfig.cors.allowedOrigins", "CORS", Direction::list_widens},
    SecurityRule{"*", "properties.cors", "CORS", Direction::any},
    // Transport security.
    SecurityRule{"*", "properties.minimumTlsVersion", "TLS", Direction::lower},
    SecurityRule{"*", "properties.minimalTlsVersion", "TLS", Direction::lower},
    SecurityRule{"*", "properties.siteConfig.minTlsVersion", "TLS", Direction::lower},
    SecurityRule{"*", "properties.siteConfig.scmMinTlsVersion", "TLS", Direction::lower},
    SecurityRule{"*", "properties.siteConfig.ftpsState", "TLS", Direction::any},
    SecurityRule{"*", "properties.siteConfig.http20Enabled", "TLS", Direction::bad_false},
    SecurityRule{"*", "properties.httpsOnly", "TLS", Direction::bad_false},
    SecurityRule{"*", "properties.supportsHttpsTrafficOnly", "TLS", Direction::bad_false},
    SecurityRule{"*", "properties.enableNonSslPort", "TLS", Direction::bad_true},
    SecurityRule{"*", "properties.clientProtocol", "TLS", Direction::any},
    SecurityRule{"Microsoft.Cdn/profiles/afdEndpoints/routes", "properties.httpsRedirect", "TLS",
                 Direction::disabled},
    SecurityRule{"Microsoft.Cdn/profiles/afdEndpoints/routes", "properties.supportedProtocols",
                 "TLS", Direction::list_widens},
    SecurityRule{"Microsoft.Cdn/profiles/afdEndpoints/routes", "properties.forwardingProtocol",
                 "TLS", Direction::any},
    SecurityRule{"Microsoft.Cdn/profiles/originGroups/origins",
                 "properties.enforceCertificateNameCheck", "TLS", Direction::bad_false},
    SecurityRule{"Microsoft.DBforPostgreSQL/flexibleServers/configurations", "properties.value",
                 "TLS", Direction::any},
    // Authentication and identities.
    SecurityRule{"*", "identity", "identity", Direction::any},
    SecurityRule{"*", "properties.keyVaultReferenceIdentity", "identity", Direction::any},
    SecurityRule{"*", "properties.tenantId", "identity", Direction::any},
    SecurityRule{"*", "properties.allowSharedKeyAccess", "authentication", Direction::bad_true},
    SecurityRule{"*", "properties.defaultToOAuthAuthentication", "authentication",
                 Direction::bad_false},
    SecurityRule{"*", "properties.disableLocalAuth", "authentication", Direction::bad_false},
    SecurityRule{"*", "properties.DisableLocalAuth", "authentication", Direction::bad_false},
    SecurityRule{"*", "properties.disableAccessKeyAuthentication", "authentication",
                 Direction::bad_false},
    SecurityRule{"*", "properties.accessKeysAuthentication", "authentication", Direction::enabled},
    SecurityRule{"*", "properties.disableKeyBasedMetadataWriteAccess", "authentication",
                 Direction::bad_false},
    SecurityRule{"*", "properties.redisConfiguration.aad-enabled", "authentication",
                 Direction::bad_false},
    SecurityRule{"*", "properties.authConfig.passwordAuth", "authentication", Direction::enabled},
    SecurityRule{"*", "properties.authConfig.activeDirectoryAuth", "authentication",
                 Direction::disabled},
    SecurityRule{"*", "properties.clientCertEnabled", "authentication", Direction::bad_false},
    SecurityRule{"*", "properties.clientCertMode", "authentication", Direction::any},
    SecurityRule{"*", "properties.siteConfig.remoteDebuggingEnabled", "authentication",
                 Direction::bad_true},
    SecurityRule{"*", "properties.isLocalUserEnabled", "authentication", Direction::bad_true},
    SecurityRule{"*", "properties.isSftpEnabled", "authentication", Direction::bad_true},
    SecurityRule{"*", "properties.sasPolicy", "authentication", Direction::any},
    SecurityRule{"Microsoft.Web/sites/basicPublishingCredentialsPolicies", "properties.allow",
                 "authentication", Direction::bad_true},
    // Key Vault access.
    SecurityRule{"Microsoft.KeyVault/vaults", "properties.enableRbacAuthorization",
                 "Key Vault access", Direction::bad_false},
    SecurityRule{"Microsoft.KeyVault/vaults", "properties.accessPolicies", "Key Vault access",
                 Direction::any},
    SecurityRule{"Microsoft.KeyVault/vaults", "properties.enabledForDeployment", "Key Vault access",
                 Direction::bad_true},
    SecurityRule{"Microsoft.KeyVault/vaults", "properties.enabledForTemplateDeployment",
                 "Key Vault access", Direction::bad_true},
    SecurityRule{"Microsoft.KeyVault/vaults", "properties.enabledForDiskEncryption",
                 "Key Vault access", Direction::bad_true},
    SecurityRule{"Microsoft.KeyVault/vaults/secrets", "properties.attributes", "Key Vault access",
                 Direction::any},
    SecurityRule{"Microsoft.KeyVault/vaults/secrets", "properties.contentType", "Key Vault access",
                 Direction::any},
    // Data protection, backup and redundancy.
    SecurityRule{"*", "properties.enablePurgeProtection", "data protection", Direction::bad_false},
    SecurityRule{"*", "properties.enableSoftDelete", "data protection", Direction::bad_false},
    SecurityRule{"*", "properties.softDeleteRetentionInDays", "data protection", Direction::lower},
    SecurityRule{"*", "properties.deleteRetentionPolicy", "data protection", Direction::any},
    SecurityRule{"*", "properties.containerDeleteRetentionPolicy", "data protection",
                 Direction::any},
    SecurityRule{"*", "properties.isVersioningEnabled", "data protection", Direction::bad_false},
    SecurityRule{"*", "properties.encryption", "data protection", Direction::any},
    SecurityRule{"*", "properties.encryption.requireInfrastructureEncryption", "data protection",
                 Direction::bad_false},
    SecurityRule{"Microsoft.Storage/storageAccounts", "sku.name", "redundancy",
                 Direction::redundancy},
    SecurityRule{"*", "properties.backup.geoRedundantBackup", "backup", Direction::disabled},
    SecurityRule{"*", "properties.backup.backupRetentionDays", "backup", Direction::lower},
    SecurityRule{"*", "properties.backupPolicy", "backup", Direction::any},
    SecurityRule{"*", "properties.highAvailability", "redundancy", Direction::any},
    SecurityRule{"*", "properties.highAvailability.mode", "redundancy", Direction::disabled},
    SecurityRule{"*", "properties.zoneRedundant", "redundancy", Direction::bad_false},
    SecurityRule{"*", "properties.locations", "redundancy", Direction::any},
    SecurityRule{"*", "properties.enableAutomaticFailover", "redundancy", Direction::bad_false},
    SecurityRule{"*", "properties.retentionInDays", "audit logging", Direction::lower},
    SecurityRule{"*", "properties.RetentionInDays", "audit logging", Direction::lower},
    SecurityRule{"Microsoft.Insights/diagnosticSettings", "properties.logs", "audit logging",
                 Direction::any},
    SecurityRule{"Microsoft.Insights/diagnosticSettings", "properties.workspaceId", "audit logging",
                 Direction::any},
    // WAF.
    SecurityRule{"Microsoft.Network/FrontDoorWebApplicationFirewallPolicies",
                 "properties.policySettings.mode", "WAF", Direction::waf_mode},
    SecurityRule{"Microsoft.Network/FrontDoorWebApplicationFirewallPolicies",
                 "properties.policySettings.enabledState", "WAF", Direction::disabled},
    SecurityRule{"Microsoft.Network/FrontDoorWebApplicationFirewallPolicies",
                 "properties.policySettings.requestBodyCheck", "WAF", Direction::disabled},
    SecurityRule{"Microsoft.Network/FrontDoorWebApplicationFirewallPolicies",
                 "properties.managedRules", "WAF", Direction::any},
    SecurityRule{"Microsoft.Network/FrontDoorWebApplicationFirewallPolicies",
                 "properties.customRules", "WAF", Direction::any},
    SecurityRule{"Microsoft.Cdn/profiles/securityPolicies", "properties.parameters", "WAF",
                 Direction::any},
};

constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kTypeCategory = {{
    {"Microsoft.Authorization/roleAssignments", "role assignment"},
    {"Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments", "role assignment"},
    {"Microsoft.Cache/redis/accessPolicyAssignments", "role assignment"},
    {"Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments", "role assignment"},
    {"Microsoft.DBforPostgreSQL/flexibleServers/administrators", "role assignment"},
    {"Microsoft.KeyVault/vaults/accessPolicies", "Key Vault access"},
    {"Microsoft.ManagedIdentity/userAssignedIdentities", "identity"},
    {"Microsoft.Network/networkSecurityGroups", "network exposure"},
    {"Microsoft.Network/networkSecurityGroups/securityRules", "network exposure"},
    {"Microsoft.Network/privateEndpoints", "network exposure"},
    {"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", "network exposure"},
    {"Microsoft.Network/FrontDoorWebApplicationFirewallPolicies", "WAF"},
    {"Microsoft.Cdn/profiles/securityPolicies", "WAF"},
    {"Microsoft.Insights/diagnosticSettings", "audit logging"},
    {"Microsoft.KeyVault/vaults/secrets", "secrets"},
    {"Microsoft.Web/sites/basicPublishingCredentialsPolicies", "authentication"},
}};

constexpr std::array<std::string_view, 16> kHoldsData = {
    "Microsoft.DocumentDB/databaseAccounts",
    "Microsoft.DocumentDB/databaseAccounts/sqlDatabases",
    "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers",
    "Microsoft.Storage/storageAccounts",
    "Microsoft.Storage/storageAccounts/blobServices/containers",
    "Microsoft.KeyVault/vaults",
    "Microsoft.KeyVault/vaults/secrets",
    "Microsoft.DBforPostgreSQL/flexibleServers",
    "Microsoft.DBforPostgreSQL/flexibleServers/databases",
    "Microsoft.Cache/redis",
    "Microsoft.Cache/redisEnterprise",
    "Microsoft.Cache/redisEnterprise/databases",
    "Microsoft.OperationalInsights/workspaces",
    "Microsoft.Insights/components",
    "Microsoft.ManagedIdentity/userAssignedIdentities",
    "Microsoft.CognitiveServices/accounts",
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

/// What ARM does with a change it cannot make in place (a deployment PUTs the whole resource:
/// the resource provider refuses immutable properties, and a new `name` is another resource).
std::string arm_replacement(std::string_view type, std::string_view generic,
                            std::string_view before, std::string_view after) {
  const std::string b = unquote(before);
  const std::string a = unquote(after);
  if (before.empty() || after.empty() || before == after) return {};
  if (generic == "name") {
    if (type == "Microsoft.Authorization/roleAssignments") {
      return "a new name is a new role assignment: ARM creates it and an incremental deployment "
             "leaves the old one in place, with its access, until it is deleted";
    }
    return "a new name is another resource: ARM creates it, and an incremental deployment leaves "
           "the old one running, unmanaged, with its data";
  }
  if (generic == "location") {
    return "ARM cannot move an existing resource to another region: the deployment fails "
           "(InvalidResourceLocation); deploy a new resource and migrate";
  }
  if (generic == "parent" || generic == "scope") {
    return "a new parent or scope is another resource: ARM creates it and leaves the old one";
  }
  if (type == "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers" &&
      generic.rfind("properties.resource.partitionKey", 0) == 0) {
    return "Cosmos DB cannot change a container's partition key: the deployment fails; copy the "
           "data into a new container";
  }
  if (type == "Microsoft.DocumentDB/databaseAccounts" && generic == "kind") {
    return "a Cosmos DB account's kind (API) cannot change: the deployment fails";
  }
  if (type == "Microsoft.Storage/storageAccounts") {
    if (generic == "kind" && !(b == "Storage" && a == "StorageV2")) {
      return "only Storage → StorageV2 upgrades in place: the deployment fails";
    }
    if (generic == "properties.isHnsEnabled") {
      return "hierarchical namespace cannot be changed by a deployment (it needs the ADLS Gen2 "
             "upgrade): the deployment fails";
    }
    if (generic == "properties.encryption.requireInfrastructureEncryption") {
      return "infrastructure encryption is set at creation only: the deployment fails";
    }
    if (generic == "sku.name") {
      auto zonal = [](const std::string& v) { return v.find("ZRS") != std::string::npos; };
      auto tier = [](const std::string& v) { return v.substr(0, v.find('_')); };
      if (tier(a) != tier(b)) {
        return "a storage account cannot move between Standard and Premium: the deployment "
               "fails";
      }
      if (zonal(a) != zonal(b)) {
        return "ARM refuses a SKU change across the zone boundary (" + b + " → " + a +
               "): start a conversion (az storage account migration start) instead";
      }
    }
  }
  if (type == "Microsoft.Cache/redis" && generic == "properties.sku.name") {
    auto weight = [](const std::string& sku) {
      return sku == "Basic" ? 1 : sku == "Standard" ? 2 : sku == "Premium" ? 3 : 0;
    };
    if (weight(a) > 0 && weight(b) > weight(a)) {
      return "Azure Cache for Redis cannot scale down from " + b + " to " + a +
             ": the deployment fails";
    }
  }
  if (type == "Microsoft.Cache/redis" && generic == "properties.subnetId") {
    return "a cache cannot move into or out of a VNet: the deployment fails";
  }
  if (type == "Microsoft.Cdn/profiles" && generic == "sku.name") {
    return "a deployment cannot change a Front Door profile's SKU (Standard → Premium is a "
           "separate upgrade operation, Premium → Standard is not possible)";
  }
  if (type == "Microsoft.Web/serverfarms" && generic == "sku.name") {
    auto family = [](const std::string& sku) -> std::string {
      if (sku == "Y1") return "Consumption";
      if (sku.rfind("FC", 0) == 0) return "Flex Consumption";
      if (sku.rfind("EP", 0) == 0) return "Elastic Premium";
      return "dedicated";
    };
    if (family(a) != family(b)) {
      return "App Service cannot convert a " + family(b) + " plan into a " + family(a) +
             " plan: the deployment fails";
    }
  }
  if (type == "Microsoft.DBforPostgreSQL/flexibleServers") {
    if (generic == "properties.network.delegatedSubnetResourceId" ||
        generic == "properties.network.privateDnsZoneArmResourceId") {
      return "a server cannot move between VNet integration and public access or another "
             "subnet: the deployment fails";
    }
    if (generic == "properties.administratorLogin") {
      return "the administrator login cannot change: the deployment fails";
    }
    if (generic == "properties.backup.geoRedundantBackup") {
      return "geo-redundant backup is chosen at creation: the deployment fails";
    }
    if (generic == "properties.version" && number_in(a) > 0 && number_in(a) < number_in(b)) {
      return "PostgreSQL cannot be downgraded: the deployment fails";
    }
    if (generic == "properties.storage.storageSizeGB" && number_in(a) > 0 &&
        number_in(a) < number_in(b)) {
      return "storage can only grow: the deployment fails";
    }
  }
  if (type == "Microsoft.CognitiveServices/accounts" &&
      (generic == "kind" || generic == "properties.customSubDomainName")) {
    return std::string(generic) + " cannot change once set: the deployment fails";
  }
  if (type == "Microsoft.Cache/redisEnterprise/databases" &&
      (generic == "properties.clusteringPolicy" || generic.rfind("properties.modules", 0) == 0 ||
       generic.rfind("properties.geoReplication", 0) == 0)) {
    return std::string(generic) +
           " is immutable: the deployment fails (delete and re-create the "
           "database, losing its data)";
  }
  if (type == "Microsoft.Authorization/roleAssignments" &&
      (generic == "properties.principalId" || generic == "properties.roleDefinitionId")) {
    return "an existing role assignment cannot be updated (RoleAssignmentUpdateNotPermitted): "
           "give it a new name";
  }
  return {};
}

bool is_sensitive(std::string_view type, std::string_view generic) {
  if (type == "Microsoft.KeyVault/vaults/secrets" && generic == "properties.value") return true;
  static constexpr std::array<std::string_view, 8> kWords = {
      "password",         "Password",         "secret",    "Secret",
      "connectionString", "ConnectionString", "accessKey", "AccessKey"};
  return std::any_of(kWords.begin(), kWords.end(), [&](std::string_view word) {
    return generic.find(word) != std::string_view::npos;
  });
}

}  // namespace

AttributeMeaning classify_property(std::string_view type, std::string_view path,
                                   std::string_view before, std::string_view after) {
  AttributeMeaning meaning;
  const std::string generic = generic_path(path);
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
    meaning.effect =
        generic == best->path ? detail::effect_of(best->direction, before, after) : Effect::changes;
    // A rule added to a list of rules (IP rules, restrictions) widens what it lets in.
    if (generic != best->path && before.empty() && !after.empty() &&
        best->direction == Direction::list_widens) {
      meaning.effect = Effect::weakens;
    }
  }
  meaning.replaces = arm_replacement(type, generic, before, after);
  meaning.sensitive = is_sensitive(type, generic);
  return meaning;
}

std::string_view arm_security_category_of_type(std::string_view type) {
  for (const auto& [name, category] : kTypeCategory) {
    if (name == type) return category;
  }
  return {};
}

bool arm_holds_data(std::string_view type) {
  return std::find(kHoldsData.begin(), kHoldsData.end(), type) != kHoldsData.end();
}

}  // namespace iac::review
