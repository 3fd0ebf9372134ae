#include <doctest/doctest.h>

#include <cstddef>
#include <stdexcept>
#include <vector>

#include "dsl/azure/cosmos.h"  // stable_guid
#include "dsl/azure/managed_redis.h"
#include "dsl/azure/redis_cache.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::azure {
namespace {

testing::Synthesis synth_redis(RedisCacheProps props,
                               Environment env = Environment::dev("eastus")) {
  auto app = testing::make_app(
      [props](Stack& s, const Environment&) { s.add<RedisCache>("redis", props); }, {env});
  return testing::synthesize(app);
}

TEST_CASE("a redis cache is secure by default") {
  RedisCacheProps props;
  CHECK(props.sku == RedisSku::standard);
  CHECK(props.capacity == 1);
  CHECK_FALSE(props.public_network.public_endpoint());
  CHECK(props.entra_only_auth.is_enforced());
  CHECK(props.zones.empty());
  CHECK_FALSE(props.replicas_per_primary);
  CHECK(props.redis_version == "6");
  auto result = synth_redis({});
  CHECK_FALSE(has_errors(result.diagnostics));
}

TEST_CASE("maxmemory_reserved defaults to 10% of the SKU's memory") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<RedisCache>("c1", {});
    s.add<RedisCache>("p5", {.sku = RedisSku::premium, .capacity = 5});
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  const auto resources = app.stacks().front()->resources();
  const auto* c1 = dynamic_cast<const RedisCache*>(resources[1]);
  const auto* p5 = dynamic_cast<const RedisCache*>(resources[2]);
  REQUIRE(c1 != nullptr);
  REQUIRE(p5 != nullptr);
  CHECK(c1->memory_mb() == 1024);
  CHECK(c1->effective_maxmemory_reserved_mb() == 103);
  CHECK(p5->family() == "P");
  CHECK(p5->effective_maxmemory_reserved_mb() == 12288);
}

TEST_CASE("redis cache validation") {
  SUBCASE("capacity per SKU") {
    CHECK(synth_redis({.sku = RedisSku::standard, .capacity = 7}).diagnostic("IAC-REDIS-001").fix ==
          "use 0 to 6 (C0-C6)");
    CHECK(synth_redis({.sku = RedisSku::premium, .capacity = 0}).diagnostic("IAC-REDIS-001").fix ==
          "use 1 to 5 (P1-P5)");
    CHECK_FALSE(synth_redis({.sku = RedisSku::basic, .capacity = 0}).has_rule("IAC-REDIS-001"));
  }
  SUBCASE("maxmemory_reserved at least 10%") {
    auto result = synth_redis({.maxmemory_reserved_mb = 50});
    const auto& d = result.diagnostic("IAC-REDIS-002");
    CHECK(d.message == "`maxmemory_reserved_mb` is 50 MB, under 10% of the cache's 1024 MB");
    CHECK(d.fix == "set it to at least 103 MB, or leave it unset");
    CHECK(synth_redis({.sku = RedisSku::basic, .maxmemory_reserved_mb = 100})
              .has_rule("IAC-REDIS-002"));
  }
  SUBCASE("zones and replicas are Premium only") {
    CHECK(synth_redis({.zones = {"1", "2"}}).diagnostic("IAC-REDIS-003").message ==
          "`zones` is set on a Standard cache");
    CHECK(synth_redis({.replicas_per_primary = 1}).has_rule("IAC-REDIS-003"));
    CHECK(synth_redis({.sku = RedisSku::premium, .replicas_per_primary = 4})
              .has_rule("IAC-REDIS-003"));
    CHECK_FALSE(
        synth_redis({.sku = RedisSku::premium, .zones = {"1", "2"}, .replicas_per_primary = 1})
            .has_rule("IAC-REDIS-003"));
  }
  SUBCASE("version 6 only") {
    CHECK(synth_redis({.redis_version = "4"}).diagnostic("IAC-REDIS-004").message ==
          "`redis_version` is '4'");
  }
  SUBCASE("Basic outside dev is a warning") {
    auto result = synth_redis({.sku = RedisSku::basic}, Environment::staging("eastus"));
    CHECK(result.diagnostic("IAC-REDIS-005").severity == Severity::warning);
    CHECK_FALSE(synth_redis({.sku = RedisSku::basic}).has_rule("IAC-REDIS-005"));
  }
  SUBCASE("allow lists are not rendered for Redis") {
    auto result =
        synth_redis({.public_network = PublicNetwork::allow_from({"203.0.113.0/24"}, "office")});
    CHECK(result.has_rule("IAC-REDIS-006"));
  }
  SUBCASE("weakening a control needs a reason") {
    CHECK(synth_redis({.entra_only_auth = Control::waived("")}).has_rule("IAC-SEC-001"));
  }
}

TEST_CASE("grants are access policy assignments below the cache, one at a time") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& cache = s.add<RedisCache>("redis");
    cache.grant_data_contributor({.object_id = s.parameter("writer_object_id")});
    cache.grant_data_reader({.object_id = s.parameter("reader_object_id")});
    cache.grant_data_owner({.object_id = s.parameter("owner_object_id")});
    cache.grant_data_contributor({.object_id = s.parameter("other_object_id")});
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  std::vector<const RedisAccessPolicyAssignment*> grants;
  for (const Resource* r : app.stacks().front()->resources()) {
    if (const auto* grant = dynamic_cast<const RedisAccessPolicyAssignment*>(r)) {
      grants.push_back(grant);
    }
  }
  REQUIRE(grants.size() == 4);
  CHECK(grants[0]->path() == "app/dev/redis/data-contributor-1");
  CHECK(grants[1]->path() == "app/dev/redis/data-reader-1");
  CHECK(grants[2]->path() == "app/dev/redis/data-owner-1");
  CHECK(grants[3]->path() == "app/dev/redis/data-contributor-2");
  CHECK(to_string(grants[0]->props().policy) == "Data Contributor");
  CHECK(to_string(grants[1]->props().policy) == "Data Reader");
  CHECK(to_string(grants[2]->props().policy) == "Data Owner");
  CHECK(grants[0]->cache().path() == "app/dev/redis");
  // Names are GUIDs derived from the path: stable across runs, distinct per assignment.
  CHECK(grants[0]->name().size() == 36);
  CHECK(grants[0]->name() != grants[3]->name());
  CHECK(grants[0]->name() == stable_guid("redis-access-policy-assignment:app/dev/redis/"
                                         "data-contributor-1"));
  // The cache rejects concurrent access policy changes: each waits for the one before.
  CHECK(grants[0]->explicit_dependencies().empty());
  for (std::size_t i = 1; i < grants.size(); ++i) {
    REQUIRE(grants[i]->explicit_dependencies().size() == 1);
    CHECK(grants[i]->explicit_dependencies().front() == grants[i - 1]);
  }
}

TEST_CASE("redis access policy assignment validation") {
  SUBCASE("a grant needs a principal with an object id") {
    auto app = testing::make_app(
        [](Stack& s, const Environment&) { s.add<RedisCache>("redis").grant_data_reader({}); });
    auto result = testing::synthesize(app);
    const auto& d = result.diagnostic("IAC-REDIS-009");
    CHECK(d.path == "app/dev/redis/data-reader-1");
    CHECK(d.message == "the principal has no `object_id`");
    CHECK(d.severity == Severity::error);
  }
  SUBCASE("a grant on a cache that also allows access keys is fine") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      s.add<RedisCache>("redis", {.entra_only_auth = Control::waived("legacy client")})
          .grant_data_contributor({.object_id = s.parameter("writer_object_id")});
    });
    auto result = testing::synthesize(app);
    CHECK_FALSE(has_errors(result.diagnostics));
    CHECK_FALSE(result.has_rule("IAC-REDIS-009"));
  }
  SUBCASE("an assignment outside a cache is a programmer error") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      CHECK_THROWS_AS(s.add<RedisAccessPolicyAssignment>("grant"), std::logic_error);
    });
    (void)app.synthesize();
  }
}

TEST_CASE("a managed redis is secure by default") {
  ManagedRedisProps props;
  CHECK(props.sku == "Balanced_B1");
  CHECK(props.high_availability.is_enforced());
  CHECK(props.entra_only_auth.is_enforced());
  CHECK_FALSE(props.public_network.public_endpoint());
  // Both generators render it: Terraform writes azurerm_managed_redis, Bicep redisEnterprise.
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<ManagedRedis>("amr"); });
  auto result = testing::synthesize(app);
  CHECK_FALSE(has_errors(result.diagnostics));
}

TEST_CASE("managed redis validation") {
  auto synth = [](ManagedRedisProps props) {
    auto app = testing::make_app(
        [props](Stack& s, const Environment&) { s.add<ManagedRedis>("amr", props); });
    return app.synthesize();
  };
  auto has = [](const Diagnostics& diagnostics, std::string_view rule) {
    for (const auto& d : diagnostics) {
      if (d.rule_id == rule) return true;
    }
    return false;
  };
  CHECK(has(synth({.sku = "Enterprise_E10"}), "IAC-REDIS-007"));
  CHECK(has(synth({.sku = "Balanced_"}), "IAC-REDIS-007"));
  CHECK_FALSE(has(synth({.sku = "MemoryOptimized_M10"}), "IAC-REDIS-007"));
  CHECK(has(synth({.public_network = PublicNetwork::allow_from({"203.0.113.1"}, "office")}),
            "IAC-REDIS-008"));
  CHECK(has(synth({.high_availability = Control::waived("")}), "IAC-SEC-001"));
}

}  // namespace
}  // namespace iac::azure
