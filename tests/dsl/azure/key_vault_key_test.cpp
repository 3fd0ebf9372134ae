#include <doctest/doctest.h>

#include "dsl/azure/key_vault.h"
#include "dsl/azure/key_vault_key.h"
#include "dsl/azure/role_assignment.h"
#include "dsl/azure/storage_account.h"
#include "dsl/azure/user_assigned_identity.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::azure {
namespace {

constexpr const char* kExpiry = "2027-12-01T00:00:00Z";

TEST_CASE("a key vault key is HSM-backed, expiring, rotated and wrap-only by default") {
  KeyVaultKeyProps props;
  CHECK(props.hardware_protection.is_enforced());
  CHECK(props.expiry.is_enforced());
  CHECK(props.auto_rotation.is_enforced());
  CHECK(props.key_size == 3072);
  CHECK(props.operations ==
        std::vector<KeyOperation>{KeyOperation::wrap_key, KeyOperation::unwrap_key});
  CHECK(props.expire_after == "P1Y");
  CHECK(props.rotate_before_expiry == "P30D");
}

TEST_CASE("a key vault key takes the name given to vault.key") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<KeyVault>("kv", {.sku = KeyVaultSku::premium}).key("cmk", {.expiration_date = kExpiry});
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  CHECK(app.stacks().front()->resources().back()->name() == "cmk");
}

TEST_CASE("an HSM key needs a premium vault") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<KeyVault>("kv").key("cmk", {.expiration_date = kExpiry});
  });
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-KV-006").fix.find("KeyVaultSku::premium") != std::string::npos);
  auto waived = testing::make_app([](Stack& s, const Environment&) {
    s.add<KeyVault>("kv").key(
        "cmk", {.hardware_protection = Control::waived("dev, no HSM"), .expiration_date = kExpiry});
  });
  CHECK_FALSE(testing::synthesize(waived).has_rule("IAC-KV-006"));
}

TEST_CASE("a key vault key refuses small keys, no operations and a missing or bad expiry") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& vault = s.add<KeyVault>("kv", {.sku = KeyVaultSku::premium});
    vault.key("small", {.key_size = 2048, .expiration_date = kExpiry});
    vault.key("none", {.operations = {}, .expiration_date = kExpiry});
    vault.key("undated", {});
  });
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-KV-007").fix == "set `.key_size` to 3072 or 4096");
  CHECK(result.diagnostic("IAC-KV-008").fix.find("wrap_key") != std::string::npos);
  CHECK(result.diagnostic("IAC-KV-004").path.find("undated") != std::string::npos);

  auto bad_date = testing::make_app([](Stack& s, const Environment&) {
    s.add<KeyVault>("kv", {.sku = KeyVaultSku::premium})
        .key("cmk", {.expiration_date = "2027-12-01"});
  });
  CHECK(testing::synthesize(bad_date).has_rule("IAC-KV-005"));
}

TEST_CASE("a key's rotation durations are ISO 8601 with Key Vault's minimums") {
  CHECK(iso8601_days("P30D") == 30);
  CHECK(iso8601_days("P2M") == 60);
  CHECK(iso8601_days("P1Y") == 365);
  CHECK_FALSE(iso8601_days("30D"));
  CHECK_FALSE(iso8601_days("P1W"));
  CHECK_FALSE(iso8601_days("P"));
  for (auto [lifetime, before] : {std::pair{"P14D", "P7D"}, std::pair{"P1Y", "P3D"},
                                  std::pair{"P1M", "P30D"}, std::pair{"1 year", "P30D"}}) {
    auto app = testing::make_app([&](Stack& s, const Environment&) {
      s.add<KeyVault>("kv", {.sku = KeyVaultSku::premium})
          .key("cmk", {.expiration_date = kExpiry,
                       .expire_after = lifetime,
                       .rotate_before_expiry = before});
    });
    CAPTURE(lifetime);
    CAPTURE(before);
    CHECK(testing::synthesize(app).has_rule("IAC-KV-009"));
  }
}

TEST_CASE("grant_encryption_use grants the crypto service encryption role on the key, once") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& identity = s.add<UserAssignedIdentity>("id", {});
    auto& key = s.add<KeyVault>("kv", {.sku = KeyVaultSku::premium})
                    .key("cmk", {.expiration_date = kExpiry});
    auto& first = key.grant_encryption_use(identity.principal());
    CHECK(&first == &key.grant_encryption_use(identity.principal()));
    CHECK(first.props().role == BuiltinRole::key_vault_crypto_service_encryption_user);
    CHECK(first.props().scope.get() == &key);
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  CHECK(definition(BuiltinRole::key_vault_crypto_service_encryption_user).guid ==
        "e147488a-f6f5-4113-8e2d-b22465e65bf6");
  CHECK(definition(BuiltinRole::key_vault_crypto_officer).guid ==
        "14b46e9e-c2b7-41b4-b07b-48a6ebf60603");
}

TEST_CASE("a customer-managed key needs key and identity, purge protection and wrap/unwrap") {
  auto incomplete = testing::make_app([](Stack& s, const Environment&) {
    auto& key = s.add<KeyVault>("kv", {.sku = KeyVaultSku::premium})
                    .key("cmk", {.expiration_date = kExpiry});
    s.add<StorageAccount>("st", {.customer_managed_key = CustomerManagedKey{.key = key}});
  });
  CHECK(testing::synthesize(incomplete).diagnostic("IAC-ST-004").message.find("`identity`") !=
        std::string::npos);

  auto weak = testing::make_app([](Stack& s, const Environment&) {
    auto& identity = s.add<UserAssignedIdentity>("id", {});
    auto& key = s.add<KeyVault>("kv", {.sku = KeyVaultSku::premium,
                                       .purge_protection = Control::waived("test vault")})
                    .key("cmk", {.operations = {KeyOperation::sign}, .expiration_date = kExpiry});
    s.add<StorageAccount>(
        "st", {.customer_managed_key = CustomerManagedKey{.key = key, .identity = identity}});
  });
  auto result = testing::synthesize(weak);
  CHECK(result.diagnostic("IAC-ST-005").fix == "keep the vault's `purge_protection` enforced");
  CHECK(result.has_rule("IAC-ST-006"));
}

}  // namespace
}  // namespace iac::azure
