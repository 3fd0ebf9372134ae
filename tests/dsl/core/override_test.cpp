#include <limits>

#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/override.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac {
namespace {

using namespace iac::azure;

TEST_CASE("override paths: dotted identifiers with optional indexes") {
  std::vector<OverrideStep> steps;
  CHECK(parse_override_path("site_config.ip_restriction[1].action", steps).empty());
  REQUIRE(steps.size() == 3);
  CHECK(steps[0].name == "site_config");
  CHECK_FALSE(steps[0].index);
  CHECK(steps[1].name == "ip_restriction");
  CHECK(steps[1].index == 1);
  CHECK(steps[2].name == "action");
  CHECK(parse_override_path("properties.x-ms-header", steps).empty());

  CHECK_FALSE(parse_override_path("", steps).empty());
  CHECK_FALSE(parse_override_path("a..b", steps).empty());
  CHECK_FALSE(parse_override_path("a.", steps).empty());
  CHECK_FALSE(parse_override_path("1a", steps).empty());
  CHECK_FALSE(parse_override_path("a[x]", steps).empty());
  CHECK_FALSE(parse_override_path("a[]", steps).empty());
  CHECK_FALSE(parse_override_path("a[1", steps).empty());
  CHECK_FALSE(parse_override_path("a b", steps).empty());
  CHECK_FALSE(parse_override_path("a\"}\nb", steps).empty());
  CHECK_FALSE(parse_override_path("a.${b}", steps).empty());
}

TEST_CASE("an invalid override path is IAC-OVR-001 with the construct path and the fix") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& redis = s.add<RedisCache>("redis");
    redis.terraform_override("redis_configuration.\"} evil", true);
  });
  auto result = testing::synthesize(app);
  const Diagnostic& d = result.diagnostic("IAC-OVR-001");
  CHECK(d.path == "app/dev/redis");
  CHECK(d.message.find("terraform path is invalid") != std::string::npos);
  CHECK(d.fix.find("terraform_override(\"site_config.http2_enabled\"") != std::string::npos);
  CHECK(result.files.empty());
}

TEST_CASE("meta-arguments, duplicates and non-finite numbers are refused") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& redis = s.add<RedisCache>("redis");
    redis.terraform_override("count", 2);
    redis.bicep_override("dependsOn", OverrideValue::List{});
    redis.terraform_override("capacity", 2);
    redis.terraform_override("capacity", 3);
    redis.terraform_override("redis_configuration.maxfragmentationmemory_reserved",
                             std::numeric_limits<double>::infinity());
  });
  auto result = testing::synthesize(app);
  int count = 0;
  for (const auto& d : result.diagnostics) count += d.rule_id == "IAC-OVR-001";
  CHECK(count == 4);
}

TEST_CASE("a setting the kind does not map is IAC-OVR-002") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) { s.add<KeyVault>("kv").override(Setting::http2, true); });
  auto result = testing::synthesize(app);
  const Diagnostic& d = result.diagnostic("IAC-OVR-002");
  CHECK(d.path == "app/dev/kv");
  CHECK(d.message.find("no well-known setting 'http2'") != std::string::npos);
  CHECK(d.fix.find("terraform_override") != std::string::npos);
}

TEST_CASE("a typed setting edits both formats and a reference in an override is a dependency") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& logs = s.add<LogAnalyticsWorkspace>("logs");
    auto& redis = s.add<RedisCache>("redis");
    redis.override(Setting::minimum_tls_version, "1.2");
    redis.terraform_override("redis_configuration.notify_keyspace_events",
                             Expr("workspace ") + logs.id());
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  const Resource* redis = nullptr;
  const Resource* logs = nullptr;
  for (const Resource* r : app.stacks().front()->resources()) {
    if (r->path() == "app/dev/redis") redis = r;
    if (r->path() == "app/dev/logs") logs = r;
  }
  REQUIRE(redis != nullptr);
  REQUIRE(redis->overrides().size() == 3);
  CHECK(redis->overrides()[0].format == OverrideFormat::terraform);
  CHECK(redis->overrides()[0].path == "minimum_tls_version");
  CHECK(redis->overrides()[0].setting == "minimum_tls_version");
  CHECK(redis->overrides()[1].format == OverrideFormat::bicep);
  CHECK(redis->overrides()[1].path == "properties.minimumTlsVersion");
  bool depends_on_logs = false;
  for (const Ref& ref : redis->references()) depends_on_logs |= ref.target == logs;
  CHECK(depends_on_logs);
}

TEST_CASE("override values summarize for docs without leaking references") {
  CHECK(OverrideValue(true).summary() == "true");
  CHECK(OverrideValue(3).summary() == "3");
  CHECK(OverrideValue(1.5).summary() == "1.5");
  CHECK(OverrideValue("a\"b\n").summary() == "\"a\\\"b\\u000a\"");
  CHECK(OverrideValue(OverrideValue::List{"a", "b"}).summary() == "[2 items]");
  CHECK(OverrideValue(OverrideValue::Object{{"k", 1}}).summary() == "{1 key}");
}

}  // namespace
}  // namespace iac
