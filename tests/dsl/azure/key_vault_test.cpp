#include <doctest/doctest.h>

#include "dsl/azure/key_vault.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::azure {
namespace {

TEST_CASE("a key vault is secure by default") {
  KeyVaultProps props;
  CHECK(props.sku == KeyVaultSku::standard);
  CHECK(props.rbac_authorization.is_enforced());
  CHECK(props.purge_protection.is_enforced());
  CHECK(props.soft_delete_retention_days == 90);
  CHECK_FALSE(props.public_network.public_endpoint());
  CHECK(props.allow_trusted_azure_services);
  CHECK_FALSE(props.enabled_for_deployment);
  CHECK_FALSE(props.enabled_for_disk_encryption);
  CHECK_FALSE(props.enabled_for_template_deployment);
}

TEST_CASE("a key vault gets the convention name kv-<app>-<env>") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<KeyVault>("kv"); },
                               {Environment::prod("eastus")}, "shop");
  REQUIRE_FALSE(has_errors(app.synthesize()));
  CHECK(app.stacks().front()->resources().back()->name() == "kv-shop-prod");
}

TEST_CASE("soft delete retention must be 7 to 90 days") {
  for (int days : {6, 91}) {
    auto app = testing::make_app([days](Stack& s, const Environment&) {
      s.add<KeyVault>("kv", {.soft_delete_retention_days = days});
    });
    auto result = testing::synthesize(app);
    CAPTURE(days);
    CHECK(result.diagnostic("IAC-KV-001").fix == "set it between 7 and 90");
  }
  auto ok = testing::make_app([](Stack& s, const Environment&) {
    s.add<KeyVault>("kv", {.soft_delete_retention_days = 7});
  });
  CHECK_FALSE(has_errors(ok.synthesize()));
}

}  // namespace
}  // namespace iac::azure
