/// Every rule of the azure-baseline pack, failing on a weakened stack and passing on the
/// default; the cases are registered by one file per rule family (*_rules_test.cpp).

#include <functional>
#include <set>

#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/aspect.h"
#include "dsl/policy/engine.h"
#include "tests/support/fixtures.h"
#include "tests/support/rule_cases.h"

namespace iac::policy {
namespace {

using namespace iac::azure;

using testing::rule_cases;

/// The findings of one rule on a one-environment app declared by `declare`.
std::vector<Finding> findings_of(std::string_view rule, const Environment& env,
                                 const std::function<void(Stack&)>& declare) {
  auto app = testing::make_app(
      [&](Stack& s, const Environment&) {
        Tags::of(s).add("cost-center", "test");
        declare(s);
      },
      {env});
  REQUIRE_FALSE(has_errors(app.synthesize()));
  std::vector<Finding> result;
  for (auto& finding : evaluate(app, "2026-01-01").findings) {
    if (finding.rule_id == rule) result.push_back(finding);
  }
  return result;
}

TEST_CASE("every baseline rule passes on secure props and fails when weakened") {
  for (const auto& c : rule_cases()) {
    CAPTURE(c.rule);
    CHECK(findings_of(c.rule, c.env, c.passing).empty());
    auto failing = findings_of(c.rule, c.env, c.failing);
    REQUIRE(failing.size() == 1);
    CHECK_FALSE(failing.front().message.empty());
    CHECK(failing.front().fix == find_rule(c.rule)->info.fix);
  }
}

TEST_CASE("the cost-center tag rule fires on untagged resources only") {
  auto untagged = testing::make_app([](Stack& s, const Environment&) { s.add<KeyVault>("kv"); });
  REQUIRE_FALSE(has_errors(untagged.synthesize()));
  auto report = evaluate(untagged, "2026-01-01");
  CHECK(std::count_if(report.findings.begin(), report.findings.end(),
                      [](const Finding& f) { return f.rule_id == "AZ-TAG-001"; }) == 2);
  CHECK(findings_of("AZ-TAG-001", Environment::dev("eastus"), [](Stack& s) {
          s.add<KeyVault>("kv");
        }).empty());
}

TEST_CASE("every rule of the pack has a case here, a title, a rationale and a fix") {
  std::set<std::string_view> covered;
  for (const auto& c : rule_cases()) covered.insert(c.rule);
  covered.insert("AZ-TAG-001");  // needs an untagged stack: its own test case above
  std::set<std::string_view> ids;
  for (const Rule& rule : azure_baseline()) {
    CAPTURE(rule.info.id);
    CHECK(covered.count(rule.info.id) == 1);
    CHECK(ids.insert(rule.info.id).second);
    CHECK_FALSE(rule.info.title.empty());
    CHECK_FALSE(rule.info.rationale.empty());
    CHECK_FALSE(rule.info.fix.empty());
  }
}

TEST_CASE("a rule's level follows the tier") {
  auto weakened = [](Stack& s) {
    s.add<StorageAccount>("st", {.entra_only_auth = Control::waived("y1")});
  };
  CHECK(findings_of("AZ-ST-003", Environment::dev("eastus"), weakened).front().severity ==
        Severity::warning);
  CHECK(findings_of("AZ-ST-003", Environment::prod("eastus"), weakened).front().severity ==
        Severity::error);
  CHECK(findings_of("AZ-ST-006", Environment::dev("eastus"), [](Stack& s) {
          s.add<StorageAccount>("st", {.replication = Replication::lrs});
        }).empty());
}

}  // namespace
}  // namespace iac::policy
