#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/aspect.h"
#include "dsl/policy/engine.h"
#include "generators/generator.h"
#include "generators/output/output_sink.h"
#include "tests/support/fixtures.h"

namespace iac::policy {
namespace {

using namespace iac::azure;

/// Synthesizes `app` (evaluate() reads the locked stacks) and evaluates it on `today`.
Report evaluated(App& app, std::string today) {
  REQUIRE_FALSE(has_errors(app.synthesize()));
  return evaluate(app, std::move(today));
}

std::vector<Finding> with_rule(const Report& report, std::string_view id) {
  std::vector<Finding> result;
  for (const auto& f : report.findings) {
    if (f.rule_id == id) result.push_back(f);
  }
  return result;
}

App sandbox_app(std::function<void(Stack&, KeyVault&)> extra) {
  return testing::make_app([extra](Stack& s, const Environment&) {
    Tags::of(s).add("cost-center", "test");
    s.add<LogAnalyticsWorkspace>("log");  // the vault's diagnostics go there
    auto& vault = s.add<KeyVault>("kv", {.purge_protection = Control::waived("sandbox")});
    extra(s, vault);
  });
}

TEST_CASE("an unsuppressed error finding refuses the synth") {
  auto app = sandbox_app([](Stack&, KeyVault&) {});
  gen::MemorySink sink;
  Diagnostics diagnostics = gen::synthesize(app, sink);
  CHECK(has_errors(diagnostics));
  CHECK(sink.files().empty());
  auto it = std::find_if(diagnostics.begin(), diagnostics.end(),
                         [](const Diagnostic& d) { return d.rule_id == "AZ-KV-001"; });
  REQUIRE(it != diagnostics.end());
  CHECK(it->path == "app/dev/kv");
  CHECK(it->message == "purge protection is waived: sandbox");
}

TEST_CASE("a suppression with a reason lets the synth through and stays visible") {
  auto app = sandbox_app([](Stack&, KeyVault& vault) {
    suppress(vault, "AZ-KV-001", "sandbox vault, recreated nightly",
             {.owner = "platform", .expires = "2027-01-31"});
  });
  gen::MemorySink sink;
  CHECK_FALSE(has_errors(gen::synthesize(app, sink)));
  CHECK_FALSE(sink.files().empty());
  Report report = evaluated(app, "2026-06-01");
  auto findings = with_rule(report, "AZ-KV-001");
  REQUIRE(findings.size() == 1);
  REQUIRE(findings.front().suppressed_by != nullptr);
  CHECK(findings.front().suppressed_by->reason == "sandbox vault, recreated nightly");
  CHECK(report.active(Severity::warning).empty());
}

TEST_CASE("a suppression on the stack covers every construct below it") {
  auto app = sandbox_app([](Stack& s, KeyVault&) { suppress(s, "AZ-KV-001", "ephemeral env"); });
  CHECK(evaluated(app, "2026-06-01").active(Severity::error).empty());
}

TEST_CASE("suppressions are checked themselves") {
  SUBCASE("without a reason") {
    auto app = sandbox_app([](Stack&, KeyVault& vault) { suppress(vault, "AZ-KV-001", ""); });
    auto missing = with_rule(evaluated(app, "2026-06-01"), "IAC-POL-001");
    REQUIRE(missing.size() == 1);
    CHECK(missing.front().severity == Severity::error);
  }
  SUBCASE("with a malformed expiry") {
    auto app = sandbox_app([](Stack&, KeyVault& vault) {
      suppress(vault, "AZ-KV-001", "sandbox", {.expires = "next spring"});
    });
    CHECK(with_rule(evaluated(app, "2026-06-01"), "IAC-POL-002").size() == 1);
  }
  SUBCASE("expired") {
    auto app = sandbox_app([](Stack&, KeyVault& vault) {
      suppress(vault, "AZ-KV-001", "sandbox", {.expires = "2026-05-31"});
    });
    auto expired = with_rule(evaluated(app, "2026-06-01"), "IAC-POL-003");
    REQUIRE(expired.size() == 1);
    CHECK(expired.front().message == "suppression of AZ-KV-001 expired on 2026-05-31");
    CHECK(with_rule(evaluated(app, "2026-05-31"), "IAC-POL-003").empty());
  }
  SUBCASE("naming an unknown rule") {
    auto app = sandbox_app([](Stack&, KeyVault& vault) {
      suppress(vault, "AZ-KV-001", "sandbox");
      suppress(vault, "AZ-KV-999", "typo");
    });
    CHECK(with_rule(evaluated(app, "2026-06-01"), "IAC-POL-004").size() == 1);
  }
  SUBCASE("matching nothing") {
    auto app = sandbox_app([](Stack& s, KeyVault& vault) {
      suppress(vault, "AZ-KV-001", "sandbox");
      suppress(s, "AZ-ST-006", "no storage here");
    });
    auto unused = with_rule(evaluated(app, "2026-06-01"), "IAC-POL-005");
    REQUIRE(unused.size() == 1);
    CHECK(unused.front().severity == Severity::warning);
  }
}

TEST_CASE("a team's own rule runs with the baseline") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    Tags::of(s).add("cost-center", "test");
    s.add<KeyVault>("kv", {.sku = KeyVaultSku::premium});
  });
  app.add_rule(for_kind<KeyVault>({.id = "CONTOSO-001",
                                   .title = "Vaults are standard SKU",
                                   .rationale = "cost",
                                   .fix = "use KeyVaultSku::standard",
                                   .levels = Levels::everywhere(Level::error)},
                                  [](const KeyVault& vault, const Environment&) -> Problem {
                                    if (vault.props().sku == KeyVaultSku::standard) return {};
                                    return "premium SKU";
                                  }));
  REQUIRE_FALSE(has_errors(app.synthesize()));
  auto findings = with_rule(evaluated(app, "2026-06-01"), "CONTOSO-001");
  REQUIRE(findings.size() == 1);
  CHECK(findings.front().message == "premium SKU");
  CHECK(find_rule("CONTOSO-001", app.rules()) != nullptr);
  CHECK(find_rule("CONTOSO-001") == nullptr);
}

}  // namespace
}  // namespace iac::policy
