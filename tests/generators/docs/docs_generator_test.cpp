/// The generated environment README: diagram, resources, access, policy, differences.

#include <algorithm>
#include <string>

#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/app.h"
#include "dsl/core/stack.h"
#include "generators/docs/docs_generator.h"
#include "stacks/bundled.h"
#include "tests/support/fixtures.h"

namespace iac::gen::docs {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("Markdown escaping keeps hostile text literal, also in table cells") {
  CHECK(escape_markdown("a|b *c* _d_ `e` [f](g) <h> & \\") ==
        "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) &lt;h&gt; &amp; \\\\");
  CHECK(escape_markdown("one\ntwo") == "one two");
}

TEST_CASE("the README of a staging environment lists its suppressions and its access") {
  auto apps = stacks::bundled_apps();
  auto it = std::find_if(apps.begin(), apps.end(),
                         [](const App& a) { return a.name() == "threatstream"; });
  REQUIRE(it != apps.end());
  REQUIRE_FALSE(has_errors(it->synthesize()));
  const std::string readme = environment_readme(*it, *it->stack("staging"));
  CHECK(readme.rfind("# threatstream / staging\n", 0) == 0);
  CHECK(contains(readme, "```mermaid\nflowchart LR\n"));
  CHECK(contains(readme, "subgraph g_vnet_svnet"));
  // Every suppression, with reason, owner and expiry.
  for (const char* rule : {"AZ-ST-003", "AZ-FUNC-001", "AZ-APP-007"}) {
    CHECK(contains(readme, std::string("| `") + rule + "` |"));
  }
  CHECK(contains(readme, "| secops-platform | 2027-06-30 | 1 |"));
  CHECK(contains(readme, "Elastic Premium content share requires the account key"));
  // Access: the function app's identity and what it may do.
  CHECK(contains(readme,
                 "| Key Vault Secrets User | Key Vault `kv-threatstream-staging` | read "
                 "secrets |"));
  CHECK(contains(readme, "Cosmos DB Built-in Data Contributor"));
  // Resources with SKU and redundancy from the props.
  CHECK(
      contains(readme, "| Storage account | `stthreatstreamstaging` | `st` | Standard\\_LRS, Hot"));
  // Differences from dev and prod, computed.
  CHECK(contains(readme, "| Setting | **staging** | dev | prod |"));
  CHECK(contains(readme, "| environment: regions | eastus | eastus | eastus, westus |"));
  CHECK(contains(readme, "- **dev**: no private network"));
}

TEST_CASE("differences compare only what differs, and a one-environment app says so") {
  App two = testing::make_app(
      [](Stack& s, const Environment& env) {
        s.add<azure::KeyVault>("kv");
        s.add<azure::StorageAccount>(
            "st",
            {.replication = env.is_prod() ? azure::Replication::gzrs : azure::Replication::lrs});
      },
      {Environment::dev("eastus"), Environment::prod("eastus")}, "shop");
  REQUIRE_FALSE(has_errors(two.synthesize()));
  const std::string dev = environment_readme(two, *two.stack("dev"));
  CHECK(contains(dev,
                 "| st (Storage account): redundancy | locally redundant (LRS) | "
                 "geo-zone-redundant (GZRS) |"));
  CHECK_FALSE(contains(dev, "| kv (Key Vault): sku |"));  // the same in both

  App one = testing::make_app([](Stack& s, const Environment&) { s.add<azure::KeyVault>("kv"); });
  REQUIRE_FALSE(has_errors(one.synthesize()));
  CHECK(contains(environment_readme(one, *one.stacks().front()),
                 "dev is the only environment of app."));
}

TEST_CASE("synth writes one README per environment") {
  App app = testing::make_app([](Stack& s, const Environment&) { s.add<azure::KeyVault>("kv"); },
                              {Environment::dev("eastus"), Environment::prod("eastus")}, "shop");
  auto result = testing::synthesize(app);
  CHECK(contains(result.file("shop/dev/README.md"), "# shop / dev"));
  CHECK(contains(result.file("shop/prod/README.md"), "# shop / prod"));
}

}  // namespace
}  // namespace iac::gen::docs
