/// Overrides rendered by both writers: replace in place, add nested, remove, escaping, and the
/// structural problems (IAC-OVR-003).

#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "generators/bicep/bicep_writer.h"
#include "generators/hcl/hcl_writer.h"
#include "tests/support/fixtures.h"

namespace iac {
namespace {

using namespace iac::azure;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("HclWriter edits: replace keeps the place, add realigns, remove realigns") {
  gen::hcl::HclWriter w;
  {
    auto block = w.block("resource", {"t", "x"});
    w.attribute("a", 1);
    w.attribute("longer_name", true);
    {
      auto nested = w.block("inner");
      w.attribute("b", "x");
    }
  }
  auto problems = w.edit_block("resource", {"t", "x"},
                               {{{{"a", {}}}, gen::hcl::Value(2)},
                                {{{"longer_name", {}}}, std::nullopt},
                                {{{"inner", {}}, {"much_longer_name", {}}}, gen::hcl::Value(3)},
                                {{{"added", {}}}, gen::hcl::Value("${x}")}});
  CHECK(problems.empty());
  CHECK(w.str() ==
        "resource \"t\" \"x\" {\n"
        "  a     = 2\n"
        "  added = \"$${x}\"\n"
        "\n"
        "  inner {\n"
        "    b                = \"x\"\n"
        "    much_longer_name = 3\n"
        "  }\n"
        "}\n");
}

TEST_CASE("HclWriter edits: repeated blocks need an index, one past the last appends") {
  gen::hcl::HclWriter w;
  {
    auto block = w.block("resource", {"t", "x"});
    for (int i = 0; i < 2; ++i) {
      auto rule = w.block("rule");
      w.attribute("priority", i);
    }
  }
  auto problems = w.edit_block("resource", {"t", "x"},
                               {{{{"rule", {}}, {"priority", {}}}, gen::hcl::Value(9)},
                                {{{"rule", 1}, {"priority", {}}}, gen::hcl::Value(7)},
                                {{{"rule", 2}, {"priority", {}}}, gen::hcl::Value(8)},
                                {{{"rule", 4}, {"priority", {}}}, gen::hcl::Value(8)},
                                {{{"rule", 0}}, std::nullopt},
                                {{{"missing", {}}}, std::nullopt},
                                {{{"rule", 0}, {"priority", {}}, {"x", {}}}, gen::hcl::Value(1)}});
  REQUIRE(problems.size() == 4);
  CHECK(contains(problems[0], "2 `rule` blocks are written at `rule`: pick one with `rule[0]`"));
  CHECK(contains(problems[1], "`rule[4]` does not exist: 3 `rule` blocks are written"));
  CHECK(contains(problems[2], "nothing is written at `missing` to remove"));
  CHECK(contains(problems[3], "`rule[0].priority` is an attribute that is not an object"));
  CHECK(w.str() ==
        "resource \"t\" \"x\" {\n"
        "  rule {\n"
        "    priority = 7\n"
        "  }\n"
        "\n"
        "  rule {\n"
        "    priority = 8\n"
        "  }\n"
        "}\n");
}

TEST_CASE("Bicep edits: replace, add nested objects, array elements, remove") {
  gen::bicep::Object body{
      {{"name", "x"},
       {"properties", gen::bicep::Object{{{"a", 1},
                                          {"rules", gen::bicep::Array{
                                                        gen::bicep::Object{{{"p", 1}}},
                                                    }}}}}}};
  auto problems = gen::bicep::apply_edits(
      body, {{{{"properties", {}}, {"a", {}}}, gen::bicep::Value(2)},
             {{{"properties", {}}, {"new", {}}, {"deep", {}}}, gen::bicep::Value("it's ${x}")},
             {{{"properties", {}}, {"rules", 0}, {"p", {}}}, gen::bicep::Value(5)},
             {{{"properties", {}}, {"rules", 1}, {"p", {}}}, gen::bicep::Value(6)},
             {{{"properties", {}}, {"rules", 3}}, gen::bicep::Value(6)},
             {{{"properties", {}}, {"rules", {}}, {"p", {}}}, gen::bicep::Value(6)},
             {{{"name", {}}}, std::nullopt},
             {{{"gone", {}}}, std::nullopt}});
  REQUIRE(problems.size() == 3);
  CHECK(contains(problems[0], "`properties.rules[3]` does not exist: the array has 2 elements"));
  CHECK(contains(problems[1], "`properties.rules` is an array: pick an element with `rules[i]`"));
  CHECK(contains(problems[2], "nothing is written at `gone` to remove"));
  gen::bicep::BicepWriter w;
  w.resource("x", "T@1", body);
  CHECK(w.str() ==
        "resource x 'T@1' = {\n"
        "  properties: {\n"
        "    a: 2\n"
        "    rules: [\n"
        "      {\n"
        "        p: 5\n"
        "      }\n"
        "      {\n"
        "        p: 6\n"
        "      }\n"
        "    ]\n"
        "    new: {\n"
        "      deep: 'it\\'s \\${x}'\n"
        "    }\n"
        "  }\n"
        "}\n");
}

App redis_app() {
  return testing::make_app([](Stack& s, const Environment&) {
    auto& logs = s.add<LogAnalyticsWorkspace>("logs");
    auto& redis = s.add<RedisCache>("redis");
    redis.terraform_override("capacity", 2);
    redis.terraform_remove("access_keys_authentication_enabled");
    redis.terraform_override("redis_configuration.notify_keyspace_events", "K\" }\n${var.x} %{if}");
    redis.terraform_override("patch_schedule.day_of_week", "Sunday");
    redis.terraform_override("patch_schedule.start_hour_utc", 3);
    redis.terraform_override("redis_configuration.rdb_storage_connection_string",
                             Expr("id=") + logs.id());
    redis.bicep_override("properties.sku.capacity", 2);
    redis.bicep_remove("properties.disableAccessKeyAuthentication");
    redis.bicep_override("properties.redisConfiguration.notify-keyspace-events", "K' }\n${x}");
    redis.bicep_override("properties.redisConfiguration.rdb-storage-connection-string",
                         Expr("id=") + logs.id());
    redis.bicep_override("properties.updateChannel", "Stable");
    redis.bicep_override("properties.ratio", 0.5);
    testing::suppress_rules(redis, "AZ-OVR-");
  });
}

TEST_CASE("Terraform: overrides replace, add nested blocks, remove and escape, in fmt form") {
  auto app = redis_app();
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  // capacity replaced in place; the removed access_keys_authentication_enabled was the longest
  // name, so the group realigns on public_network_access_enabled.
  CHECK(contains(tf, R"(  family                        = "C"
  capacity                      = 2
  redis_version                 = "6"
  minimum_tls_version           = "1.2"
  non_ssl_port_enabled          = false
  public_network_access_enabled = false
  tags = {
)"));
  CHECK_FALSE(contains(tf, "access_keys_authentication_enabled"));
  CHECK(contains(tf, R"(  redis_configuration {
    active_directory_authentication_enabled = true
    maxmemory_reserved                      = 103
    notify_keyspace_events                  = "K\" }\n$${var.x} %%{if}"
    rdb_storage_connection_string           = "id=${azurerm_log_analytics_workspace.logs.id}"
  }

  patch_schedule {
    day_of_week    = "Sunday"
    start_hour_utc = 3
  }
}
)"));
}

TEST_CASE("Bicep: overrides replace, add nested objects, remove and escape") {
  auto app = redis_app();
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& bicep = result.file("app/dev/bicep/resources.bicep");
  CHECK(contains(bicep, "      capacity: 2\n"));
  CHECK_FALSE(contains(bicep, "disableAccessKeyAuthentication"));
  // A multi-line Bicep string does not interpolate: `${x}` stays text.
  CHECK(contains(bicep, R"(    redisConfiguration: {
      'aad-enabled': 'True'
      'maxmemory-reserved': '103'
      'notify-keyspace-events': '''
K' }
${x}'''
      'rdb-storage-connection-string': 'id=${logs.id}'
    }
    updateChannel: 'Stable'
    ratio: json('0.5')
  }
)"));
}

TEST_CASE("an override that does not fit what is written is IAC-OVR-003 in each format") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& redis = s.add<RedisCache>("redis");
    redis.terraform_override("capacity.value", 1);
    redis.bicep_remove("properties.nothingHere");
  });
  auto result = testing::synthesize(app);
  int terraform = 0;
  int bicep = 0;
  for (const auto& d : result.diagnostics) {
    if (d.rule_id != "IAC-OVR-003") continue;
    CHECK(d.path == "app/dev/redis");
    terraform += contains(d.message, "`capacity` is an attribute that is not an object");
    bicep += contains(d.message, "nothing is written at `properties.nothingHere` to remove");
  }
  CHECK(terraform == 1);
  CHECK(bicep == 1);
}

}  // namespace
}  // namespace iac
