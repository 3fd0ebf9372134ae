/// Overrides are visible: the environment README lists them, and so does `iacgen diff`'s review.

#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "generators/review/review.h"
#include "tests/support/fixtures.h"

namespace iac {
namespace {

using namespace iac::azure;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("the environment README lists every override with format, path and value") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& redis = s.add<RedisCache>("redis");
    redis.override(Setting::minimum_tls_version, "1.2");
    redis.terraform_remove("redis_configuration.maxmemory_reserved");
    redis.bicep_override("properties.redisConfiguration.maxmemory-policy", "allkeys|lru");
    testing::suppress_rules(redis, "AZ-OVR-");
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& readme = result.file("app/dev/README.md");
  CHECK(contains(readme, "## Overrides\n"));
  CHECK(contains(readme,
                 "| `redis` | terraform | `minimum_tls_version` | `\"1.2\"` | "
                 "`minimum_tls_version` |\n"));
  CHECK(contains(readme,
                 "| `redis` | bicep | `properties.minimumTlsVersion` | `\"1.2\"` | "
                 "`minimum_tls_version` |\n"));
  CHECK(contains(readme,
                 "| `redis` | terraform | `redis_configuration.maxmemory_reserved` | "
                 "(removed) | — |\n"));
  // A value holding a `|` cannot break the table.
  CHECK(contains(readme, "`properties.redisConfiguration.maxmemory-policy` | \"allkeys\\|lru\" |"));
}

TEST_CASE("a README without overrides has no Overrides section") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<RedisCache>("redis"); });
  auto result = testing::synthesize(app);
  CHECK_FALSE(contains(result.file("app/dev/README.md"), "## Overrides"));
}

TEST_CASE("the diff review lists the overrides in text, markdown and JSON") {
  review::Input input;
  input.current_overrides.push_back(
      {"shop/prod/web", "terraform", "site_config.http2_enabled", "false", "http2"});
  input.current_overrides.push_back({"shop/prod/web", "bicep", "properties.x", "", ""});
  const auto result = review::build_review(input);
  const std::string text = review::render_text(result, {});
  CHECK(contains(text,
                 "== Overrides (2): raw edits the typed model does not check ==\n"
                 "   terraform shop/prod/web: site_config.http2_enabled = false "
                 "(setting http2)\n"
                 "   bicep shop/prod/web: properties.x removed\n"));
  // Shown with --security-only too: a raw edit may bypass the security review.
  CHECK(contains(review::render_text(result, {.security_only = true}), "== Overrides (2)"));
  CHECK(contains(review::render_json(result, {}), "\"target\": \"site_config.http2_enabled\""));
  input.generated["shop/prod/terraform/main.tf"] = std::string(1, 'x');
  CHECK(contains(review::render_markdown(review::build_review(input), {}), "### Overrides (2)"));
}

}  // namespace
}  // namespace iac
