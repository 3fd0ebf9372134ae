#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/cosmos.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::azure {
namespace {

/// Synthesizes one dev stack declared by `declare`.
template <class F>
testing::Synthesis synth(F declare, std::vector<Environment> envs = {Environment::dev("eastus")}) {
  auto app = testing::make_app(declare, std::move(envs));
  return testing::synthesize(app);
}

TEST_CASE("a cosmos account is secure by default") {
  CosmosAccountProps props;
  CHECK(props.capacity.is_serverless());
  CHECK(props.consistency.level == ConsistencyLevel::session);
  CHECK(props.regions.empty());
  CHECK(props.zone_redundant);
  CHECK(props.automatic_failover);
  CHECK(props.backup.kind() == CosmosBackup::Kind::continuous_7_days);
  CHECK(props.entra_only_auth.is_enforced());
  CHECK(props.metadata_writes_through_arm_only.is_enforced());
  CHECK_FALSE(props.public_network.public_endpoint());
  CosmosSqlContainerProps container;
  CHECK(container.partition_key_version == 2);
  CHECK(container.included_paths == std::vector<std::string>{"/*"});
  CHECK_FALSE(container.default_ttl);
  CHECK_FALSE(container.throughput);
}

TEST_CASE("a cosmos account defaults to the environment's regions") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) {
        s.add<CosmosAccount>("cosmos", {.capacity = CosmosCapacity::provisioned()});
      },
      {Environment::prod("eastus", "westus")});
  REQUIRE_FALSE(has_errors(app.synthesize()));
  const auto* account =
      dynamic_cast<const CosmosAccount*>(app.stacks().front()->resources().back());
  REQUIRE(account != nullptr);
  CHECK(account->regions() == std::vector<std::string>{"eastus", "westus"});
  CHECK(account->name() == "cosmos-app-prod");
}

TEST_CASE("children are paths below the account and keep their ids as names") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& cosmos = s.add<CosmosAccount>("cosmos");
    cosmos.sql_database("db").container("items", {.partition_key = "/pk"});
    // Same container name under another database: no collision.
    cosmos.sql_database("other").container("items", {.partition_key = "/pk"});
    cosmos.grant_data_reader({.object_id = s.parameter("reader_object_id")});
    cosmos.grant_data_reader({.object_id = s.parameter("other_object_id")});
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  std::vector<std::string> paths;
  std::vector<std::string> names;
  for (const Resource* r : app.stacks().front()->resources()) {
    paths.push_back(r->path());
    names.push_back(r->name());
  }
  CHECK(paths[2] == "app/dev/cosmos/db");
  CHECK(paths[3] == "app/dev/cosmos/db/items");
  CHECK(names[3] == "items");
  CHECK(paths[6] == "app/dev/cosmos/data-reader-1");
  CHECK(paths[7] == "app/dev/cosmos/data-reader-2");
  CHECK(names[6].size() == 36);
  CHECK(names[6] != names[7]);
}

TEST_CASE("children refer to their parents, so dependencies are derived") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& cosmos = s.add<CosmosAccount>("cosmos");
    cosmos.sql_database("db").container("items", {.partition_key = "/pk"});
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  const auto resources = app.stacks().front()->resources();
  const Resource* account = resources[1];
  const Resource* database = resources[2];
  auto targets = [](const Resource* r) {
    std::vector<const Resource*> out;
    for (const Ref& ref : r->references()) out.push_back(ref.target);
    return out;
  };
  CHECK(targets(database) == std::vector<const Resource*>{account});
  CHECK(targets(resources[3]) == std::vector<const Resource*>{account, database});
}

TEST_CASE("stable_guid is deterministic and GUID-shaped") {
  CHECK(stable_guid("a") == stable_guid("a"));
  CHECK(stable_guid("a") != stable_guid("b"));
  std::string guid = stable_guid("app/dev/cosmos/data-reader-1");
  REQUIRE(guid.size() == 36);
  CHECK(guid[8] == '-');
  CHECK(guid[14] == '8');  // version nibble
}

TEST_CASE("cosmos account validation") {
  SUBCASE("serverless cannot span regions") {
    auto result = synth([](Stack& s, const Environment&) { s.add<CosmosAccount>("cosmos"); },
                        {Environment::prod("eastus", "westus")});
    const auto& d = result.diagnostic("IAC-COSMOS-002");
    CHECK(d.path == "app/prod/cosmos");
    CHECK(d.message.find("`capacity` is serverless") != std::string::npos);
    CHECK(d.fix.find("CosmosCapacity::provisioned()") != std::string::npos);
  }
  SUBCASE("regions must be unique") {
    auto result = synth([](Stack& s, const Environment&) {
      s.add<CosmosAccount>(
          "cosmos", {.capacity = CosmosCapacity::provisioned(), .regions = {"eastus", "eastus"}});
    });
    CHECK(result.diagnostic("IAC-COSMOS-001").message == "`regions` lists 'eastus' twice");
  }
  SUBCASE("bounded staleness needs a valid lag") {
    auto result = synth([](Stack& s, const Environment&) {
      s.add<CosmosAccount>("cosmos", {.consistency = {.level = ConsistencyLevel::bounded_staleness,
                                                      .max_interval_seconds = 1}});
    });
    CHECK(result.diagnostic("IAC-COSMOS-003").message == "`consistency.max_interval_seconds` is 1");
  }
  SUBCASE("bounded staleness across regions needs the larger minimum") {
    auto result = synth(
        [](Stack& s, const Environment&) {
          s.add<CosmosAccount>("cosmos",
                               {.capacity = CosmosCapacity::provisioned(),
                                .consistency = {.level = ConsistencyLevel::bounded_staleness,
                                                .max_interval_seconds = 300,
                                                .max_staleness_prefix = 100}});
        },
        {Environment::prod("eastus", "westus")});
    CHECK(result.diagnostic("IAC-COSMOS-003").fix ==
          "set it between 100000 and 2147483647 (several regions)");
  }
  SUBCASE("periodic backup ranges") {
    auto result = synth([](Stack& s, const Environment&) {
      s.add<CosmosAccount>("cosmos", {.backup = CosmosBackup::periodic(30, 4)});
    });
    int count = 0;
    for (const auto& d : result.diagnostics) count += d.rule_id == "IAC-COSMOS-004";
    CHECK(count == 2);
  }
  SUBCASE("total throughput limit") {
    auto result = synth([](Stack& s, const Environment&) {
      s.add<CosmosAccount>("cosmos", {.capacity = CosmosCapacity::provisioned(100)});
    });
    CHECK(result.has_rule("IAC-COSMOS-013"));
  }
  SUBCASE("weakening auth needs a reason") {
    auto result = synth([](Stack& s, const Environment&) {
      s.add<CosmosAccount>("cosmos", {.entra_only_auth = Control::waived("")});
    });
    CHECK(result.diagnostic("IAC-SEC-001").message ==
          "`entra_only_auth` is waived without a reason");
  }
  SUBCASE("opening the network needs a reason") {
    auto result = synth([](Stack& s, const Environment&) {
      s.add<CosmosAccount>("cosmos", {.public_network = PublicNetwork::open("")});
    });
    CHECK(result.has_rule("IAC-SEC-002"));
  }
}

TEST_CASE("database and container validation") {
  SUBCASE("throughput on a serverless account") {
    auto result = synth([](Stack& s, const Environment&) {
      s.add<CosmosAccount>("cosmos").sql_database("db", {.throughput = Throughput::manual(400)});
    });
    const auto& d = result.diagnostic("IAC-COSMOS-005");
    CHECK(d.path == "app/dev/cosmos/db");
    CHECK(d.message == "`throughput` is set but the account 'app/dev/cosmos' is serverless");
  }
  SUBCASE("throughput values") {
    for (auto throughput : {Throughput::manual(350), Throughput::manual(450),
                            Throughput::autoscale(500), Throughput::autoscale(1500)}) {
      auto result = synth([throughput](Stack& s, const Environment&) {
        s.add<CosmosAccount>("cosmos", {.capacity = CosmosCapacity::provisioned()})
            .sql_database("db")
            .container("c", {.partition_key = "/pk", .throughput = throughput});
      });
      CAPTURE(throughput.request_units());
      CHECK(result.diagnostic("IAC-COSMOS-006").path == "app/dev/cosmos/db/c");
    }
    auto ok = synth([](Stack& s, const Environment&) {
      s.add<CosmosAccount>("cosmos", {.capacity = CosmosCapacity::provisioned()})
          .sql_database("db", {.throughput = Throughput::autoscale(4000)})
          .container("c", {.partition_key = "/pk", .throughput = Throughput::manual(400)});
    });
    CHECK_FALSE(has_errors(ok.diagnostics));
  }
  SUBCASE("partition key is required, with at most three paths starting with '/'") {
    auto missing = synth([](Stack& s, const Environment&) {
      s.add<CosmosAccount>("cosmos").sql_database("db").container("c", {});
    });
    CHECK(missing.diagnostic("IAC-COSMOS-007").message == "`partition_key` is not set");
    auto too_many = synth([](Stack& s, const Environment&) {
      s.add<CosmosAccount>("cosmos").sql_database("db").container(
          "c", {.partition_key = {"/a", "/b", "/c", "/d"}});
    });
    CHECK(too_many.has_rule("IAC-COSMOS-007"));
    auto bad_path = synth([](Stack& s, const Environment&) {
      s.add<CosmosAccount>("cosmos").sql_database("db").container("c", {.partition_key = "pk"});
    });
    CHECK(bad_path.diagnostic("IAC-COSMOS-007").message ==
          "`partition_key` path 'pk' is not a property path");
  }
  SUBCASE("hierarchical keys need version 2") {
    auto result = synth([](Stack& s, const Environment&) {
      s.add<CosmosAccount>("cosmos").sql_database("db").container(
          "c", {.partition_key = {"/a", "/b"}, .partition_key_version = 1});
    });
    CHECK(result.diagnostic("IAC-COSMOS-008").fix ==
          "hierarchical keys need `.partition_key_version = 2`");
  }
  SUBCASE("default ttl must be positive") {
    auto result = synth([](Stack& s, const Environment&) {
      s.add<CosmosAccount>("cosmos").sql_database("db").container(
          "c", {.partition_key = "/pk", .default_ttl = std::chrono::seconds(0)});
    });
    CHECK(result.diagnostic("IAC-COSMOS-009").message == "`default_ttl` is 0 seconds");
  }
  SUBCASE("index paths end in /* or /?") {
    auto result = synth([](Stack& s, const Environment&) {
      s.add<CosmosAccount>("cosmos").sql_database("db").container(
          "c", {.partition_key = "/pk", .excluded_paths = {"/raw"}});
    });
    CHECK(result.diagnostic("IAC-COSMOS-010").message ==
          "`excluded_paths` has '/raw', which is not an index path");
  }
  SUBCASE("unique keys") {
    auto result = synth([](Stack& s, const Environment&) {
      s.add<CosmosAccount>("cosmos").sql_database("db").container(
          "c", {.partition_key = "/pk", .unique_keys = {{}, {"email"}}});
    });
    int count = 0;
    for (const auto& d : result.diagnostics) count += d.rule_id == "IAC-COSMOS-011";
    CHECK(count == 2);
  }
  SUBCASE("a role assignment needs a principal") {
    auto result = synth([](Stack& s, const Environment&) {
      s.add<CosmosAccount>("cosmos").grant_data_contributor({});
    });
    CHECK(result.diagnostic("IAC-COSMOS-012").path == "app/dev/cosmos/data-contributor-1");
  }
}

TEST_CASE("excluding /* drops it from the included paths") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<CosmosAccount>("cosmos").sql_database("db").container(
        "c",
        {.partition_key = "/pk", .included_paths = {"/*", "/name/?"}, .excluded_paths = {"/*"}});
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  const auto* container =
      dynamic_cast<const CosmosSqlContainer*>(app.stacks().front()->resources().back());
  REQUIRE(container != nullptr);
  CHECK(container->effective_included_paths() == std::vector<std::string>{"/name/?"});
}

}  // namespace
}  // namespace iac::azure
