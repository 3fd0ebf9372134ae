#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/resources.h"
#include "dsl/core/resource_id.h"
#include "dsl/core/stack.h"
#include "dsl/policy/engine.h"
#include "tests/support/fixtures.h"

namespace iac::azure {
namespace {

const std::string kGroup = "/subscriptions/${subscription_id}/resourceGroups/rg-app-dev";
const std::string kVault = kGroup + "/providers/Microsoft.KeyVault/vaults/kv-app-dev";

TEST_CASE("resource ids parse into subscription, group, type and names") {
  auto id = parse_resource_id(
      "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/"
      "Microsoft.Storage/storageAccounts/st/blobServices/default/containers/c");
  REQUIRE(id);
  CHECK(id->subscription == "00000000-0000-0000-0000-000000000001");
  CHECK(id->resource_group == "rg");
  CHECK(id->type() == "Microsoft.Storage/storageAccounts/blobServices/containers");
  CHECK(id->name() == "c");
  auto extension =
      parse_resource_id(kVault + "/providers/Microsoft.Authorization/roleAssignments/x");
  REQUIRE(extension);
  CHECK(extension->scope == kVault);
  CHECK(extension->type() == "Microsoft.Authorization/roleAssignments");
  CHECK(parse_resource_id(kGroup)->type() == "resourceGroups");
  CHECK(parse_resource_id(kGroup)->environment_subscription());
  for (const char* bad :
       {"", "subscriptions/x", "/subscriptions/not-a-guid/resourceGroups/rg",
        "/subscriptions/${subscription_id}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults",
        "/subscriptions/${subscription_id}/resourceGroups/rg//x",
        "/subscriptions/${subscription_id}/resourceGroups/rg/providers/M/v/a'b"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_resource_id(bad));
  }
  CHECK(name_in_resource_id("https://kv.vault.azure.net/secrets/pw/0123") == "pw");
}

TEST_CASE("an adopted resource takes its name from the id") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.resource_group().adopt("/subscriptions/${subscription_id}/resourceGroups/rg-legacy");
    s.add<KeyVault>("kv").adopt(
        "/subscriptions/${subscription_id}/resourceGroups/rg-legacy/providers/"
        "Microsoft.KeyVault/vaults/kv-legacy-01");
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const auto& resources = app.stacks().front()->resources();
  CHECK(resources.front()->name() == "rg-legacy");
  CHECK(resources.back()->name() == "kv-legacy-01");
  CHECK(resources.back()->adopted());
}

TEST_CASE("adoption diagnostics give the expected id shape as the fix") {
  SUBCASE("not a resource id") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      s.resource_group().adopt(kGroup);
      s.add<KeyVault>("kv").adopt("kv-app-dev");
    });
    auto result = testing::synthesize(app);
    CHECK(
        result.diagnostic("IAC-ADOPT-001").fix.find("providers/Microsoft.KeyVault/vaults/{name}") !=
        std::string::npos);
  }
  SUBCASE("another kind's id") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      s.resource_group().adopt(kGroup);
      s.add<KeyVault>("kv", {.name = "kv-app-dev"})
          .adopt(kGroup + "/providers/Microsoft.Storage/storageAccounts/kv-app-dev");
    });
    auto result = testing::synthesize(app);
    const auto& d = result.diagnostic("IAC-ADOPT-002");
    CHECK(d.message.find("Microsoft.Storage/storageAccounts") != std::string::npos);
    CHECK(d.fix.find("Microsoft.KeyVault/vaults") != std::string::npos);
    CHECK(d.path == "app/dev/kv");
  }
  SUBCASE("another resource group") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      s.resource_group().adopt(kGroup);
      s.add<KeyVault>("kv").adopt(
          "/subscriptions/${subscription_id}/resourceGroups/rg-other/providers/"
          "Microsoft.KeyVault/vaults/kv-app-dev");
    });
    auto result = testing::synthesize(app);
    CHECK(result.diagnostic("IAC-ADOPT-003").message.find("rg-other") != std::string::npos);
  }
  SUBCASE("a name that differs from the id's: Bicep cannot rename") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      s.resource_group().adopt(kGroup);
      s.add<KeyVault>("kv", {.name = "kv-new-name"}).adopt(kVault);
    });
    auto result = testing::synthesize(app);
    const auto& d = result.diagnostic("IAC-ADOPT-004");
    CHECK(d.message.find("Bicep cannot rename") != std::string::npos);
    CHECK(d.fix.find("'kv-app-dev'") != std::string::npos);
  }
  SUBCASE("a container of another account") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      s.resource_group().adopt(kGroup);
      auto& account = s.add<StorageAccount>("st", {.name = "stappdev"});
      account.adopt(kGroup + "/providers/Microsoft.Storage/storageAccounts/stappdev");
      account.container("uploads").adopt(
          kGroup +
          "/providers/Microsoft.Storage/storageAccounts/stother/blobServices/default/"
          "containers/uploads");
    });
    auto result = testing::synthesize(app);
    CHECK(result.diagnostic("IAC-ADOPT-005").fix.find("storageAccounts/stappdev/blobServices") !=
          std::string::npos);
  }
  SUBCASE("a role assignment on a resource this stack creates") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      s.resource_group().adopt(kGroup);
      auto& vault = s.add<KeyVault>("kv");
      auto& id = s.add<UserAssignedIdentity>("id");
      vault.grant_secrets_read(id.principal())
          .adopt(kVault +
                 "/providers/Microsoft.Authorization/roleAssignments/"
                 "5b8d3e2a-41c7-4d3e-9a0f-7c21e6b4d901");
    });
    auto result = testing::synthesize(app);
    CHECK(result.diagnostic("IAC-ADOPT-006").fix.find("adopt the resource it applies to") !=
          std::string::npos);
  }
  SUBCASE("a kind whose import iacgen cannot express") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      s.resource_group().adopt(kGroup);
      auto& account = s.add<CognitiveAccount>("ai", {});
      account.deployment("gpt", {}).adopt(
          kGroup + "/providers/Microsoft.CognitiveServices/accounts/x/deployments/gpt");
    });
    auto result = testing::synthesize(app);
    CHECK(result.diagnostic("IAC-ADOPT-007").fix.find("terraform import") != std::string::npos);
  }
  SUBCASE("a Key Vault secret by its ARM id") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      s.resource_group().adopt(kGroup);
      auto& vault = s.add<KeyVault>("kv");
      vault.adopt(kVault);
      auto value = s.parameter("pw", {.secure = true});
      vault.secret("pw", {.value = value}).adopt(kVault + "/secrets/pw");
    });
    auto result = testing::synthesize(app);
    CHECK(result.diagnostic("IAC-ADOPT-001").fix.find("https://<vault>.vault.azure.net/secrets/") !=
          std::string::npos);
  }
  SUBCASE("a resource adopted into a group the stack creates") {
    auto app = testing::make_app(
        [](Stack& s, const Environment&) { s.add<KeyVault>("kv").adopt(kVault); });
    auto result = testing::synthesize(app);
    CHECK(result.diagnostic("IAC-ADOPT-012").fix.find("s.resource_group().adopt(") !=
          std::string::npos);
  }
}

TEST_CASE("reference-only constructs are no resources of the stack") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& vault =
        from_id<KeyVault>(s, "shared-kv",
                          "/subscriptions/${subscription_id}/resourceGroups/rg-platform/providers/"
                          "Microsoft.KeyVault/vaults/kv-platform");
    auto& id = s.add<UserAssignedIdentity>("id");
    vault.grant_secrets_read(id.principal());
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const Stack& stack = *app.stacks().front();
  REQUIRE(stack.references().size() == 1);
  CHECK(stack.references().front()->name() == "kv-platform");
  for (const Resource* r : stack.resources()) {
    CHECK_FALSE(r->is_reference());
    // No diagnostic setting targets it.
    if (const auto* setting = dynamic_cast<const DiagnosticSetting*>(r)) {
      CHECK(setting->props().target.get() != stack.references().front());
    }
  }
  // No finding is about it: its props are placeholders, not someone's configuration.
  for (const auto& finding : policy::evaluate(app).findings) {
    CHECK(finding.path.find("shared-kv") == std::string::npos);
  }
}

TEST_CASE("reference diagnostics") {
  SUBCASE("a kind that cannot be reference-only") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      from_id<AppServicePlan>(s, "plan",
                              kGroup + "/providers/Microsoft.Web/serverFarms/asp-shared");
    });
    CHECK(testing::synthesize(app).diagnostic("IAC-ADOPT-008").fix.find("declare this one") !=
          std::string::npos);
  }
  SUBCASE("an id of another kind") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      from_id<KeyVault>(s, "kv", kGroup + "/providers/Microsoft.Storage/storageAccounts/st");
    });
    CHECK(testing::synthesize(app)
              .diagnostic("IAC-ADOPT-002")
              .fix.find("Microsoft.KeyVault/vaults") != std::string::npos);
  }
  SUBCASE("a resource declared inside a reference") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      auto& account = from_id<StorageAccount>(
          s, "st", kGroup + "/providers/Microsoft.Storage/storageAccounts/stshared");
      account.container("mine");
    });
    CHECK(testing::synthesize(app).diagnostic("IAC-ADOPT-009").path == "app/dev/st/mine");
  }
  SUBCASE("reference-only and adopted") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      s.resource_group().adopt(kGroup);
      from_id<KeyVault>(s, "kv", kVault).adopt(kVault);
    });
    CHECK(testing::synthesize(app).has_rule("IAC-ADOPT-010"));
  }
}

}  // namespace
}  // namespace iac::azure
