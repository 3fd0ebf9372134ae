#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac {
namespace {

TEST_CASE("a reference cycle is reported once with the whole chain") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& vault = s.add<azure::KeyVault>("kv");
    auto& storage = s.add<azure::StorageAccount>("st");
    vault.depends_on(storage);
    storage.depends_on(vault);
  });
  auto result = testing::synthesize(app);
  const auto& d = result.diagnostic("IAC-REF-001");
  CHECK(d.path == "app/dev/kv");
  CHECK(d.message == "reference cycle: app/dev/kv -> app/dev/st -> app/dev/kv");
  CHECK(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                      [](const Diagnostic& x) { return x.rule_id == "IAC-REF-001"; }) == 1);
  CHECK(result.files.empty());
}

TEST_CASE("a reference to another environment's resource is refused") {
  const azure::KeyVault* dev_vault = nullptr;
  auto app = testing::make_app(
      [&](Stack& s, const Environment& env) {
        auto& vault = s.add<azure::KeyVault>("kv");
        if (env.is_dev()) dev_vault = &vault;
        if (env.is_prod()) s.output("dev_vault_uri", dev_vault->uri());
      },
      {Environment::dev("eastus"), Environment::prod("eastus")});
  auto result = testing::synthesize(app);
  const auto& d = result.diagnostic("IAC-REF-002");
  CHECK(d.path == "app/prod");
  CHECK(d.message == "refers to 'app/dev/kv', which belongs to another environment or app");
}

TEST_CASE("a missing required link is reported with the prop name") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) { s.add<azure::ApplicationInsights>("appi"); });
  auto result = testing::synthesize(app);
  const auto& d = result.diagnostic("IAC-CORE-003");
  CHECK(d.path == "app/dev/appi");
  CHECK(d.message == "required prop `workspace` is not set");
}

TEST_CASE("validation collects every problem, not just the first") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<azure::KeyVault>("kv", {.name = "x", .soft_delete_retention_days = 1});
    s.add<azure::StorageAccount>("st", {.name = "BAD"});
    s.add<azure::ApplicationInsights>("appi");
  });
  auto result = testing::synthesize(app);
  CHECK(result.has_rule("IAC-NAME-001"));
  CHECK(result.has_rule("IAC-KV-001"));
  CHECK(result.has_rule("IAC-CORE-003"));
  CHECK(result.diagnostics.size() >= 4);
}

TEST_CASE("outputs and parameters need valid, distinct names") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& vault = s.add<azure::KeyVault>("kv");
    s.output("vault-uri", vault.uri());
    s.output("uri", vault.uri());
    s.output("uri", vault.id());
  });
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-CORE-004").message ==
        "output name 'vault-uri' is not a valid identifier");
  CHECK(result.diagnostic("IAC-CORE-005").message == "output name 'uri' is declared twice");
}

TEST_CASE("a secure parameter cannot carry a value in code") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.parameter("api_key", {.value = "hunter2", .secure = true});
  });
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-SEC-005").message ==
        "secure parameter 'api_key' has a value written in code");
}

TEST_CASE("tags with characters Azure refuses are reported") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<azure::KeyVault>("kv", {.tags = {{"a/b", "x"}, {"note", "line1\nline2"}}});
  });
  auto result = testing::synthesize(app);
  CHECK(result.has_rule("IAC-TAG-002"));
  CHECK(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                      [](const Diagnostic& d) { return d.rule_id == "IAC-TAG-002"; }) == 2);
}

TEST_CASE("strings no field can hold are refused, not escaped") {
  // The writers escape whatever a field may hold (tests/conformance/adversarial_synth.cpp); what
  // Azure or the formats forbid never reaches them.
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<azure::KeyVault>("kv", {.tags = {{"%{x}", "v"},
                                           {"tab", "a\tb"},
                                           {"long", std::string(257, 'x')},
                                           {std::string(513, 'k'), "v"}}});
    s.parameter("p-1", {.description = "any text\nis fine here"});
    s.output("o.1", "x");
  });
  auto result = testing::synthesize(app);
  CHECK(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                      [](const Diagnostic& d) { return d.rule_id == "IAC-TAG-002"; }) == 4);
  CHECK(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                      [](const Diagnostic& d) { return d.rule_id == "IAC-CORE-004"; }) == 2);
  CHECK(result.files.empty());
}

}  // namespace
}  // namespace iac
