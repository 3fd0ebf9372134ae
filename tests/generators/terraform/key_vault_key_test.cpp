#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "generators/terraform/terraform_generator.h"
#include "testing/assertions.h"
#include "tests/support/fixtures.h"

namespace iac::gen::terraform {
namespace {

using namespace iac::azure;
using iac::testing::RenderedResources;

constexpr const char* kExpiry = "2027-12-01T00:00:00Z";

/// A premium vault with an HSM key, an identity allowed to use it, and an account encrypted
/// with it.
void encrypted_account(Stack& s, const Environment&) {
  auto& identity = s.add<UserAssignedIdentity>("cmk", {});
  auto& key = s.add<KeyVault>("kv", {.sku = KeyVaultSku::premium})
                  .key("st-cmk", {.expiration_date = kExpiry});
  auto& grant = key.grant_encryption_use(identity.principal());
  s.add<StorageAccount>(
       "st", {.customer_managed_key = CustomerManagedKey{.key = key, .identity = identity}})
      .depends_on(grant);
}

TEST_CASE("a key vault key writes type, size, operations, expiry and rotation explicitly") {
  auto app = testing::make_app(encrypted_account);
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  auto rendered = RenderedResources::from_terraform(tf);
  CHECK(rendered.has_resource("azurerm_key_vault_key",
                              {{"name", "st-cmk"},
                               {"key_vault_id", "azurerm_key_vault.kv.id"},
                               {"key_type", "RSA-HSM"},
                               {"key_size", "3072"},
                               {"key_opts", "[\"wrapKey\", \"unwrapKey\"]"},
                               {"expiration_date", kExpiry},
                               {"rotation_policy.expire_after", "P1Y"},
                               {"rotation_policy.notify_before_expiry", "P30D"},
                               {"rotation_policy.automatic.time_before_expiry", "P30D"},
                               {"lifecycle.ignore_changes", "[expiration_date]"}}));
  // Scoped to the key by its resource id (not its data-plane URI).
  CHECK(
      rendered.has_resource("azurerm_role_assignment",
                            {{"scope", "azurerm_key_vault_key.kv_st_cmk.resource_versionless_id"},
                             {"principal_id", "azurerm_user_assigned_identity.cmk.principal_id"}}));
  CHECK(tf.find("# Key Vault Crypto Service Encryption User") != std::string::npos);
}

TEST_CASE("a storage account with a customer-managed key writes its identity and key block") {
  auto app = testing::make_app(encrypted_account);
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  auto rendered = RenderedResources::from_terraform(result.file("app/dev/terraform/main.tf"));
  CHECK(rendered.has_resource(
      "azurerm_storage_account",
      {{"identity.type", "UserAssigned"},
       {"identity.identity_ids", "[azurerm_user_assigned_identity.cmk.id]"},
       {"customer_managed_key.key_vault_key_id", "azurerm_key_vault_key.kv_st_cmk.versionless_id"},
       {"customer_managed_key.user_assigned_identity_id", "azurerm_user_assigned_identity.cmk.id"},
       {"depends_on", "[azurerm_role_assignment.kv_crypto_encryption_user_cmk]"}}));
}

TEST_CASE("a weakened key writes RSA without rotation policy") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& key = s.add<KeyVault>("kv").key("k", {.hardware_protection = Control::waived("dev"),
                                                .key_size = 4096,
                                                .expiry = Control::waived("test"),
                                                .auto_rotation = Control::waived("test")});
    testing::suppress_rules(key, "AZ-KVK-");
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  auto rendered = RenderedResources::from_terraform(tf);
  CHECK(
      rendered.has_resource("azurerm_key_vault_key", {{"key_type", "RSA"}, {"key_size", "4096"}}));
  CHECK(tf.find("rotation_policy") == std::string::npos);
  CHECK(tf.find("expiration_date") == std::string::npos);
}

TEST_CASE("versions.tf completes the backend when the app names the state account") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<KeyVault>("kv"); },
                               {Environment::dev("eastus"), Environment::prod("eastus")}, "shop");
  app.delivery({.state_backends = {{"prod",
                                    {.resource_group = "rg-platform-prod",
                                     .storage_account = "stplatformprodtfstate",
                                     .container = "tfstate"}}}});
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& prod = result.file("shop/prod/terraform/versions.tf");
  CHECK(prod.find("  backend \"azurerm\" {\n"
                  "    resource_group_name  = \"rg-platform-prod\"\n"
                  "    storage_account_name = \"stplatformprodtfstate\"\n"
                  "    container_name       = \"tfstate\"\n"
                  "    key                  = \"shop/prod.tfstate\"\n"
                  "    use_azuread_auth     = true\n"
                  "  }\n") != std::string::npos);
  // dev has none: the partial block, completed by the pipeline.
  const std::string& dev = result.file("shop/dev/terraform/versions.tf");
  CHECK(dev.find("  backend \"azurerm\" {\n"
                 "    key              = \"shop/dev.tfstate\"\n"
                 "    use_azuread_auth = true\n"
                 "  }\n") != std::string::npos);
  CHECK(dev.find("storage_account_name") == std::string::npos);

  const Stack& stack = *app.stack("prod");
  auto config = state_backend_config(stack);
  REQUIRE(config);
  CHECK(config->resource_group_name == "rg-platform-prod");
  CHECK(config->storage_account_name == "stplatformprodtfstate");
  CHECK(config->container_name == "tfstate");
  CHECK(config->key == "shop/prod.tfstate");
  CHECK_FALSE(state_backend_config(*app.stack("dev")));
  // Another app's state in the same account, for terraform_remote_state.
  CHECK(state_backend_config(*stack.state_backend(), "billing", "prod").key ==
        "billing/prod.tfstate");
}

TEST_CASE("state backends are checked: known environments and valid names") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<KeyVault>("kv"); });
  app.delivery({.state_backends = {{"qa",
                                    {.resource_group = "rg-state",
                                     .storage_account = "st-State",
                                     .container = "tfstate"}}}});
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-CORE-008").message.find("'qa'") != std::string::npos);
  const auto& name = result.diagnostic("IAC-CORE-009");
  CHECK(name.message.find("'st-State'") != std::string::npos);
  CHECK(name.fix.find("3-24 lowercase letters and digits") != std::string::npos);
}

}  // namespace
}  // namespace iac::gen::terraform
