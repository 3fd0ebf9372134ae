#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "testing/assertions.h"
#include "tests/support/fixtures.h"

namespace iac::gen::bicep {
namespace {

using namespace iac::azure;
using iac::testing::RenderedResources;

TEST_CASE("a key vault key and a customer-managed key storage account in Bicep") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& identity = s.add<UserAssignedIdentity>("cmk", {});
    auto& key = s.add<KeyVault>("kv", {.sku = KeyVaultSku::premium})
                    .key("st-cmk", {.expiration_date = "2027-12-01T00:00:00Z"});
    auto& grant = key.grant_encryption_use(identity.principal());
    s.add<StorageAccount>(
         "st", {.customer_managed_key = CustomerManagedKey{.key = key, .identity = identity}})
        .depends_on(grant);
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& bicep = result.file("app/dev/bicep/resources.bicep");
  auto rendered = RenderedResources::from_bicep(bicep);
  CHECK(bicep.find("'Microsoft.KeyVault/vaults/keys@2024-11-01'") != std::string::npos);
  CHECK(rendered.has_resource(
      "Microsoft.KeyVault/vaults/keys",
      {{"parent", "kv"},
       {"name", "st-cmk"},
       {"properties.kty", "RSA-HSM"},
       {"properties.keySize", "3072"},
       {"properties.attributes.enabled", "true"},
       {"properties.attributes.exp", "dateTimeToEpoch('2027-12-01T00:00:00Z')"},
       {"properties.rotationPolicy.attributes.expiryTime", "P1Y"}}));
  CHECK(bicep.find("keyOps: [\n      'wrapKey'\n      'unwrapKey'\n    ]") != std::string::npos);
  CHECK(bicep.find("type: 'rotate'") != std::string::npos);
  CHECK(bicep.find("type: 'notify'") != std::string::npos);
  CHECK(rendered.has_resource(
      "Microsoft.Storage/storageAccounts",
      {{"identity.type", "UserAssigned"},
       {"properties.encryption.keySource", "Microsoft.Keyvault"},
       {"properties.encryption.identity.userAssignedIdentity", "cmk.id"},
       {"properties.encryption.keyvaultproperties.keyname", "kvStCmk.name"},
       {"properties.encryption.keyvaultproperties.keyvaulturi", "kv.properties.vaultUri"},
       {"properties.encryption.requireInfrastructureEncryption", "true"}}));
  CHECK(bicep.find("'${cmk.id}': {}") != std::string::npos);
}

TEST_CASE("a storage account without a customer-managed key keeps Microsoft-managed keys") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<StorageAccount>("st"); });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  auto rendered = RenderedResources::from_bicep(result.file("app/dev/bicep/resources.bicep"));
  CHECK(rendered.has_resource("Microsoft.Storage/storageAccounts",
                              {{"properties.encryption.keySource", "Microsoft.Storage"}}));
  CHECK(rendered.attribute("Microsoft.Storage/storageAccounts", "st", "identity.type") ==
        std::nullopt);
}

}  // namespace
}  // namespace iac::gen::bicep
