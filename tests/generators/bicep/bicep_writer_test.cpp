#include <doctest/doctest.h>

#include "generators/bicep/bicep_writer.h"

namespace iac::gen::bicep {
namespace {

TEST_CASE("quote escapes quotes, backslashes, interpolation and control characters") {
  struct Case {
    std::string input;
    std::string want;
  };
  const Case cases[] = {
      {"plain", "'plain'"},
      {"it's", R"('it\'s')"},
      {R"(C:\path)", R"('C:\\path')"},
      {"${secret}", R"('\${secret}')"},
      {"$5", "'$5'"},
      {"tab\there", R"('tab\there')"},
      {std::string("bell\x07", 5), R"('bell\u{7}')"},
      {"line1\nline2", "'''\nline1\nline2'''"},
      {"line1\nit's", "'''\nline1\nit's'''"},
      {"ends with quote\n'", R"('ends with quote\n\'')"},
      {"a\n'''b", R"('a\n\'\'\'b')"},
      {"x\r\ny", R"('x\r\ny')"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    CHECK(quote(c.input) == c.want);
  }
}

TEST_CASE("identifiers are bare keys, others are quoted") {
  CHECK(is_identifier("tenantId"));
  CHECK_FALSE(is_identifier("cost-center"));
  CHECK_FALSE(is_identifier("9lives"));
}

TEST_CASE("statements are separated by blank lines, objects and arrays one entry per line") {
  BicepWriter w;
  w.comment("header");
  w.target_scope("resourceGroup");
  w.param("region", "string");
  w.param("token", "string", "API token", /*secure=*/true);
  w.resource("kv", "Microsoft.KeyVault/vaults@2024-11-01",
             Object{{{"name", "kv-app-dev"},
                     {"tags", Object{{{"cost-center", "a"}}}},
                     {"properties", Object{{{"tenantId", Call{"subscription", {"tenantId"}}},
                                            {"ipRules", Array{Object{{{"value", "1.2.3.4"}}}}},
                                            {"empty", Array{}},
                                            {"uri", Interpolation{{std::string("https://"),
                                                                   Reference{"kv", {"name"}},
                                                                   std::string("/x")}}}}}}}});
  w.output("uri", "string", Reference{"kv", {"properties", "vaultUri"}});
  w.output("id", "string", Reference{"kv", {"id"}});
  CHECK(w.str() ==
        "// header\n"
        "\n"
        "targetScope = 'resourceGroup'\n"
        "\n"
        "param region string\n"
        "\n"
        "@description('API token')\n"
        "@secure()\n"
        "param token string\n"
        "\n"
        "resource kv 'Microsoft.KeyVault/vaults@2024-11-01' = {\n"
        "  name: 'kv-app-dev'\n"
        "  tags: {\n"
        "    'cost-center': 'a'\n"
        "  }\n"
        "  properties: {\n"
        "    tenantId: subscription().tenantId\n"
        "    ipRules: [\n"
        "      {\n"
        "        value: '1.2.3.4'\n"
        "      }\n"
        "    ]\n"
        "    empty: []\n"
        "    uri: 'https://${kv.name}/x'\n"
        "  }\n"
        "}\n"
        "\n"
        "output uri string = kv.properties.vaultUri\n"
        "output id string = kv.id\n");
}

TEST_CASE("a bicepparam file assigns values and reads secrets from the environment") {
  BicepWriter w;
  w.using_file("main.bicep");
  w.param_value("region", "eastus");
  w.param_value("token", Call{"readEnvironmentVariable", {}, {"TOKEN"}});
  CHECK(w.str() ==
        "using 'main.bicep'\n"
        "\n"
        "param region = 'eastus'\n"
        "param token = readEnvironmentVariable('TOKEN')\n");
}

TEST_CASE("comments cannot be broken onto a second line") {
  BicepWriter w;
  w.comment("a\nresource evil");
  CHECK(w.str() == "// a resource evil\n");
}

}  // namespace
}  // namespace iac::gen::bicep
