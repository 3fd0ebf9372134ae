#include <stdexcept>

#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/aspect.h"
#include "dsl/core/stack.h"
#include "templates/observability.h"
#include "tests/support/fixtures.h"

namespace iac {
namespace {

using azure::KeyVault;
using azure::StorageAccount;

TEST_CASE("construct paths are the chain of ids from the app down") {
  Stack stack("shop", Environment::dev("eastus"));
  auto& monitoring = stack.add<templates::Observability>("monitoring");
  CHECK(stack.path() == "shop/dev");
  CHECK(stack.resource_group().path() == "shop/dev/rg");
  CHECK(monitoring.workspace().path() == "shop/dev/monitoring/log");
  CHECK(stack.find("monitoring") == &monitoring);
  CHECK(stack.find("missing") == nullptr);
}

TEST_CASE("resources are listed in declaration order, the resource group first") {
  Stack stack("shop", Environment::dev("eastus"));
  stack.add<KeyVault>("kv");
  stack.add<StorageAccount>("st");
  auto resources = stack.resources();
  REQUIRE(resources.size() == 3);
  CHECK(resources[0]->construct_id() == "rg");
  CHECK(resources[1]->construct_id() == "kv");
  CHECK(resources[2]->construct_id() == "st");
}

TEST_CASE("adding a child after the lock is a programmer error") {
  Stack stack("shop", Environment::dev("eastus"));
  stack.lock();
  CHECK_THROWS_WITH_AS(stack.add<KeyVault>("kv"),
                       doctest::Contains("cannot add children during synthesis"),
                       std::logic_error);
}

TEST_CASE("construct ids are letters, digits, '-' and '_', starting with a letter") {
  CHECK(is_valid_construct_id("kv"));
  CHECK(is_valid_construct_id("audit-logs_2"));
  CHECK_FALSE(is_valid_construct_id(""));
  CHECK_FALSE(is_valid_construct_id("2kv"));
  CHECK_FALSE(is_valid_construct_id("key vault"));
  CHECK_FALSE(is_valid_construct_id("a/b"));
  CHECK_FALSE(is_valid_construct_id(std::string(65, 'a')));
}

TEST_CASE("a duplicate id is a diagnostic with the path, not a crash") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<KeyVault>("kv");
    s.add<KeyVault>("kv", {.name = "kv-other-name"});
  });
  auto result = testing::synthesize(app);
  const auto& d = result.diagnostic("IAC-CORE-001");
  CHECK(d.path == "app/dev/kv");
  CHECK(d.message == "duplicate construct id 'kv' in scope 'app/dev'");
  CHECK(result.files.empty());
}

TEST_CASE("an invalid construct id is reported") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) { s.add<KeyVault>("key vault", {.name = "kv-ok-name"}); });
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-CORE-002").path == "app/dev/key vault");
}

TEST_CASE("tag aspects apply below their scope, the closest scope and the resource's own tags win") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    Tags::of(s).add("owner", "platform").add("tier", "stack");
    auto& monitoring = s.add<templates::Observability>("monitoring");
    Tags::of(monitoring).add("tier", "monitoring");
    s.add<KeyVault>("kv", {.tags = {{"owner", "security"}}});
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  const Stack& stack = *app.stacks().front();
  auto tags_of = [&](std::string_view id) {
    for (const Resource* r : stack.resources()) {
      if (r->construct_id() == id) return r->tags();
    }
    FAIL("no resource " << id);
    return std::map<std::string, std::string>{};
  };
  CHECK(tags_of("log").at("tier") == "monitoring");
  CHECK(tags_of("log").at("owner") == "platform");
  CHECK(tags_of("kv").at("tier") == "stack");
  CHECK(tags_of("kv").at("owner") == "security");
  CHECK(tags_of("rg").at("environment") == "dev");
  CHECK(tags_of("rg").at("managed-by") == "iacgen");
}

TEST_CASE("an exception from the stack function becomes a diagnostic") {
  auto app = testing::make_app(
      [](Stack&, const Environment&) { throw std::runtime_error("catalog service unreachable"); });
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-CORE-000").message ==
        "the stack function failed: catalog service unreachable");
}

TEST_CASE("an app without environments or stack function says so") {
  App empty{"empty"};
  const auto& diagnostics = empty.synthesize();
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics[0].rule_id == "IAC-CORE-006");
  CHECK(diagnostics[1].rule_id == "IAC-CORE-007");
}

}  // namespace
}  // namespace iac
