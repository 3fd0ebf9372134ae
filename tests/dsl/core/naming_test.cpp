#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/naming.h"
#include "tests/support/fixtures.h"

namespace iac {
namespace {

TEST_CASE("naming rules accept and refuse names as Azure does") {
  const NamingRule& vault = azure::KeyVault::kKind.naming;
  const NamingRule& storage = azure::StorageAccount::kKind.naming;
  struct Case {
    const NamingRule& rule;
    std::string name;
    std::string problem;
  };
  const Case cases[] = {
      {vault, "kv-shop-dev", ""},
      {vault, "kv", "is 2 characters long; it must be 3 to 24"},
      {vault, "kv-threatstream-prod-audit", "is 26 characters long; it must be 3 to 24"},
      {vault, "1kv-shop", "starts with '1', which is not allowed there"},
      {vault, "kv-shop-", "ends with '-', which is not allowed there"},
      {vault, "kv--shop", "has consecutive hyphens, which are not allowed"},
      {vault, "kv_shop", "has '_' at position 3; allowed are letters, digits and '-'"},
      {storage, "stshopdev", ""},
      {storage, "st-shop-dev", "has '-' at position 3; allowed are lowercase letters and digits"},
      {storage, "stShop", "has 'S' at position 3; allowed are lowercase letters and digits"},
      {azure::ResourceGroup::kKind.naming, "rg-shop.", "ends with '.', which is not allowed there"},
      {azure::ApplicationInsights::kKind.naming, "appi/shop", "has '/' at position 5; allowed are printable characters except % & \\ ? /"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(check_name(c.rule, c.name) == c.problem);
  }
}

TEST_CASE("the CAF convention composes abbreviation, app, environment and id") {
  const NamingRule& vault = azure::KeyVault::kKind.naming;
  const NamingRule& storage = azure::StorageAccount::kKind.naming;
  CHECK(caf_name({"kv", "shop", "prod", "kv"}, vault) == "kv-shop-prod");
  CHECK(caf_name({"kv", "shop", "prod", "audit"}, vault) == "kv-shop-prod-audit");
  CHECK(caf_name({"kv", "Shop_API", "prod", "kv"}, vault) == "kv-shop-api-prod");
  CHECK(caf_name({"st", "shop-api", "prod", "st"}, storage) == "stshopapiprod");
  CHECK(caf_name({"st", "shop", "dev", "media"}, storage) == "stshopdevmedia");
}

TEST_CASE("an invalid name is a one-line diagnostic with the path, the rule and the fix") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) { s.add<azure::KeyVault>("kv", {.name = "kv_bad"}); });
  auto result = testing::synthesize(app);
  const auto& d = result.diagnostic("IAC-NAME-001");
  CHECK(format_diagnostic(d) ==
        "app/dev/kv: error IAC-NAME-001: Key Vault name 'kv_bad' has '_' at position 3; allowed "
        "are letters, digits and '-' (fix: set `.name` to 3-24 letters, digits and '-' (globally "
        "unique in Azure), or shorten the construct id or app name)");
}

TEST_CASE("a convention name that is too long is reported, never truncated") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<azure::KeyVault>("secrets"); },
                               {Environment::staging("eastus")}, "threatstream");
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-NAME-001").message ==
        "Key Vault name 'kv-threatstream-staging-secrets' is 31 characters long; it must be 3 to 24");
}

TEST_CASE("an app can replace the naming convention") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<azure::KeyVault>("kv"); });
  app.naming([](const NameParts& parts, const NamingRule&) {
    return std::string(parts.abbreviation) + "-contoso-" + std::string(parts.environment);
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  CHECK(app.stacks().front()->resources().back()->name() == "kv-contoso-dev");
}

TEST_CASE("globally unique names may not repeat across the app's stacks") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) { s.add<azure::StorageAccount>("st", {.name = "stshared"}); },
      {Environment::dev("eastus"), Environment::staging("eastus")});
  auto result = testing::synthesize(app);
  const auto& d = result.diagnostic("IAC-NAME-002");
  CHECK(d.path == "app/staging/st");
  CHECK(d.message ==
        "Storage account name 'stshared' is already used by 'app/dev/st' (names are globally unique)");
}

}  // namespace
}  // namespace iac
