#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/aspect.h"
#include "testing/assertions.h"
#include "tests/support/fixtures.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

TEST_CASE("rendered Terraform is read back by type, label and dotted path") {
  auto resources = RenderedResources::from_terraform(
      "resource \"azurerm_key_vault\" \"kv\" {\n"
      "  name     = \"kv-a\"\n"
      "  sku_name = \"standard\"\n"
      "  tags = {\n"
      "    cost-center = \"x\"\n"
      "  }\n"
      "\n"
      "  network_acls {\n"
      "    default_action = \"Deny\"\n"
      "  }\n"
      "}\n");
  CHECK(resources.count("azurerm_key_vault") == 1);
  CHECK(resources.attribute("azurerm_key_vault", "kv", "network_acls.default_action") == "Deny");
  CHECK(resources.attribute("azurerm_key_vault", "kv", "tags.cost-center") == "x");
  CHECK(resources.has_resource("azurerm_key_vault", {{"sku_name", "standard"}}));
  CHECK_FALSE(resources.has_resource("azurerm_key_vault", {{"sku_name", "premium"}}));
  CHECK_FALSE(resources.has_resource("azurerm_storage_account"));
}

TEST_CASE("rendered Bicep is read back by type without version, symbol and path") {
  auto resources = RenderedResources::from_bicep(
      "resource kv 'Microsoft.KeyVault/vaults@2024-11-01' = {\n"
      "  name: 'kv-a'\n"
      "  properties: {\n"
      "    enablePurgeProtection: true\n"
      "    networkAcls: {\n"
      "      ipRules: [\n"
      "        {\n"
      "          value: '1.2.3.4'\n"
      "        }\n"
      "      ]\n"
      "      defaultAction: 'Deny'\n"
      "    }\n"
      "  }\n"
      "}\n");
  CHECK(resources.attribute("Microsoft.KeyVault/vaults", "kv",
                            "properties.enablePurgeProtection") == "true");
  CHECK(resources.attribute("Microsoft.KeyVault/vaults", "kv",
                            "properties.networkAcls.defaultAction") == "Deny");
  CHECK(resources.has_resource("Microsoft.KeyVault/vaults", {{"name", "kv-a"}}));
}

TEST_CASE("one environment is synthesized with its findings, model and files") {
  auto declare = [](Stack& s, const Environment& env) {
    Tags::of(s).add("cost-center", "retail");
    s.add<StorageAccount>("st",
                          {.replication = env.is_prod() ? Replication::gzrs : Replication::lrs,
                           .entra_only_auth = Control::waived("legacy SDK")});
  };
  auto dev_only = make_app(declare, {Environment::dev("eastus")});
  auto dev = Synthesized::of(dev_only, "dev");
  CHECK(dev.findings(Severity::error).empty());
  CHECK(dev.fires("AZ-ST-003"));  // a warning in dev
  CHECK(dev.has<StorageAccount>());
  CHECK_FALSE(dev.has<KeyVault>());
  CHECK(dev.terraform().has_resource(
      "azurerm_storage_account",
      {{"shared_access_key_enabled", "true"}, {"account_replication_type", "LRS"}}));
  CHECK(dev.bicep().has_resource("Microsoft.Storage/storageAccounts",
                                 {{"properties.allowSharedKeyAccess", "true"}}));

  // In prod the same waiver is an error: the synth of the whole app refuses.
  auto both = make_app(declare, {Environment::dev("eastus"), Environment::prod("eastus")});
  auto prod = Synthesized::of(both, "prod");
  REQUIRE(prod.findings(Severity::error).size() == 1);
  CHECK(prod.findings(Severity::error).front()->rule_id == "AZ-ST-003");
  CHECK(prod.diagnostics().front().rule_id == "AZ-ST-003");
  CHECK(prod.files().empty());
  CHECK_THROWS_AS(Synthesized::of(both, "qa"), std::invalid_argument);
}

}  // namespace
}  // namespace iac::testing
