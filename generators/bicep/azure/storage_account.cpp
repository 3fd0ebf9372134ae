#include "dsl/azure/storage_account.h"

#include <fmt/format.h>

#include "dsl/azure/key_vault.h"
#include "dsl/azure/key_vault_key.h"
#include "dsl/azure/user_assigned_identity.h"
#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

namespace {
constexpr std::string_view kApi = "2025-01-01";
}

Value reference(const azure::StorageAccount&, const std::string& symbol,
                std::string_view attribute) {
  if (attribute == "primary_blob_endpoint")
    return Reference{symbol, {"properties", "primaryEndpoints", "blob"}};
  if (attribute == "primary_queue_endpoint")
    return Reference{symbol, {"properties", "primaryEndpoints", "queue"}};
  if (attribute == "primary_table_endpoint")
    return Reference{symbol, {"properties", "primaryEndpoints", "table"}};
  if (attribute == "primary_access_key") {
    // `listKeys(st.id, '<api>').keys[0].value`: the keys are an action result, not a property.
    return Call{.function = "listKeys",
                .members = {"keys[0]", "value"},
                .arguments = {Reference{symbol, {"id"}}, std::string(kApi)}};
  }
  return common_reference(symbol, attribute, "Microsoft.Storage/storageAccounts");
}

void emit(const azure::StorageAccount& account, Context& context) {
  const auto& props = account.props();
  Array ip_rules;
  for (const auto& range : props.public_network.ip_ranges()) {
    ip_rules.emplace_back(Object{{{"value", range}, {"action", "Allow"}}});
  }
  Object encrypted{{{"enabled", true}, {"keyType", "Account"}}};
  const auto& cmk = props.customer_managed_key;
  const bool customer_key = cmk && cmk->key && cmk->identity;
  Object encryption{{{"keySource", customer_key ? "Microsoft.Keyvault" : "Microsoft.Storage"}}};
  if (customer_key) {
    // No key version: the account follows the key's automatic rotations.
    encryption.properties.push_back(
        {"identity", Object{{{"userAssignedIdentity", context.reference(cmk->identity->id())}}}});
    encryption.properties.push_back(
        {"keyvaultproperties",
         Object{{{"keyname", context.reference(cmk->key->name_ref())},
                 {"keyvaulturi", context.reference(cmk->key->vault().uri())}}}});
  }
  encryption.properties.push_back(
      {"requireInfrastructureEncryption", props.infrastructure_encryption});
  encryption.properties.push_back({"services", Object{{{"blob", encrypted},
                                                       {"file", encrypted},
                                                       {"queue", encrypted},
                                                       {"table", encrypted}}}});
  Object properties{{
      {"accessTier", std::string(to_string(props.access_tier))},
      {"minimumTlsVersion", "TLS1_2"},
      {"supportsHttpsTrafficOnly", props.https_only.is_enforced()},
      {"publicNetworkAccess", props.public_network.public_endpoint() ? "Enabled" : "Disabled"},
      {"allowBlobPublicAccess", !props.private_blobs.is_enforced()},
      {"allowSharedKeyAccess", !props.entra_only_auth.is_enforced()},
      {"defaultToOAuthAuthentication", true},
      {"allowCrossTenantReplication", false},
      {"isLocalUserEnabled", false},
      {"isSftpEnabled", false},
      {"networkAcls",
       Object{{{"defaultAction", props.public_network.denies_by_default() ? "Deny" : "Allow"},
               {"bypass", props.allow_trusted_azure_services ? "AzureServices" : "None"},
               {"ipRules", std::move(ip_rules)},
               {"virtualNetworkRules", Array{}}}}},
      {"sasPolicy",
       Object{{{"sasExpirationPeriod", props.sas_expiration_period}, {"expirationAction", "Log"}}}},
      {"encryption", std::move(encryption)},
  }};
  Object body = context.header(account);
  body.properties.push_back({"kind", "StorageV2"});
  body.properties.push_back(
      {"sku", Object{{{"name", fmt::format("Standard_{}", to_string(props.replication))}}}});
  if (customer_key) {
    Value id = context.reference(cmk->identity->id());
    Property entry{.key = {}, .value = Object{}};
    entry.key_expression = Interpolation{{std::get<Reference>(id.data())}};
    body.properties.push_back(
        {"identity", Object{{{"type", "UserAssigned"},
                             {"userAssignedIdentities", Object{{std::move(entry)}}}}}});
  }
  body.properties.push_back({"properties", std::move(properties)});
  context.write(account, fmt::format("Microsoft.Storage/storageAccounts@{}", kApi),
                std::move(body));

  // Blob soft delete and versioning live on the blob service, a child resource in ARM.
  Object blob_service{{
      {"parent", Reference{Context::symbol(account), {}}},
      {"name", "default"},
      {"properties",
       Object{{{"isVersioningEnabled", props.blob_versioning},
               {"deleteRetentionPolicy",
                Object{{{"enabled", true}, {"days", props.blob_soft_delete_days}}}},
               {"containerDeleteRetentionPolicy",
                Object{{{"enabled", true}, {"days", props.container_soft_delete_days}}}}}}},
  }};
  // Not a model resource of its own: write it straight after its account.
  BicepWriter& resources = context.resources();
  resources.resource(Context::symbol(account) + "BlobService",
                     fmt::format("Microsoft.Storage/storageAccounts/blobServices@{}", kApi),
                     blob_service);
}

}  // namespace iac::gen::bicep
