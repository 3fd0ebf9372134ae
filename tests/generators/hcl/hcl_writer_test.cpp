#include <functional>
#include <variant>
#include <vector>

#include <doctest/doctest.h>

#include "generators/hcl/hcl_writer.h"

namespace iac::gen::hcl {
namespace {

TEST_CASE("quote escapes everything that could end or interpolate a string") {
  struct Case {
    std::string input;
    std::string want;
  };
  const Case cases[] = {
      {"plain", R"("plain")"},
      {R"(say "hi")", R"("say \"hi\"")"},
      {R"(C:\path)", R"("C:\\path")"},
      {"a\nb\tc\rd", R"("a\nb\tc\rd")"},
      {"${var.secret}", R"("$${var.secret}")"},
      {"%{ if true }", R"("%%{ if true }")"},
      {"$5 and 100%", R"("$5 and 100%")"},
      {std::string("nul\x01", 4), R"("nul\u0001")"},
      {"caf\xc3\xa9", "\"caf\xc3\xa9\""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    CHECK(quote(c.input) == c.want);
  }
}

TEST_CASE("a template's literals cannot turn an interpolation into an escape") {
  struct Case {
    std::vector<std::variant<std::string, Traversal>> parts;
    std::string want;
  };
  const Traversal ref{{"var", "x"}};
  const Case cases[] = {
      {{std::string("a"), ref, std::string("b")}, R"(v = "a${var.x}b")"},
      // "$" + "${var.x}" written naively is "$${var.x}": HCL reads the literal text "${var.x}".
      {{std::string("a$"), ref}, R"(v = "a${"$"}${var.x}")"},
      {{std::string("$$"), ref}, R"(v = "${"$$"}${var.x}")"},
      {{std::string("%"), ref, std::string("$")}, R"(v = "%${var.x}$")"},
      {{std::string("${"), ref, std::string("%{")}, R"(v = "$${${var.x}%%{")"},
      {{ref, std::string("{")}, R"(v = "${var.x}{")"},
  };
  for (const auto& c : cases) {
    HclWriter w;
    w.attribute("v", Template{c.parts});
    CHECK(w.str() == c.want + "\n");
  }
}

TEST_CASE("a key named for is quoted, or it would start a for expression") {
  HclWriter w;
  w.attribute("tags", Object{{{"for", "x"}, {"null", "y"}}});
  CHECK(w.str() == "tags = {\n  \"for\" = \"x\"\n  null  = \"y\"\n}\n");
}

TEST_CASE("alignment counts characters as terraform fmt does, not bytes") {
  // Expected text produced by hclwrite's formatter (@cdktf/hcl-tools 0.21.0).
  HclWriter w;
  w.attribute("tags", Object{{{"e\u0301\u0301", "%"},
                              {"\U0001F44D\U0001F3FD", "y"},
                              {"\U0001F1EB\U0001F1F7", "z"},
                              {"cl\u00e9 \u4e2d", "w"},
                              {"abcdefghij", "y"}}});
  CHECK(w.str() ==
        "tags = {\n"
        "  \"e\u0301\u0301\"        = \"%\"\n"
        "  \"\U0001F44D\U0001F3FD\"        = \"y\"\n"
        "  \"\U0001F1EB\U0001F1F7\"        = \"z\"\n"
        "  \"cl\u00e9 \u4e2d\"    = \"w\"\n"
        "  abcdefghij = \"y\"\n"
        "}\n");
}

TEST_CASE("identifiers are bare object keys, anything else is quoted") {
  CHECK(is_identifier("cost-center"));
  CHECK(is_identifier("_x1"));
  CHECK_FALSE(is_identifier("1x"));
  CHECK_FALSE(is_identifier("a.b"));
  CHECK_FALSE(is_identifier(""));
}

TEST_CASE("the writer produces terraform fmt's layout") {
  struct Case {
    std::string name;
    std::function<void(HclWriter&)> build;
    std::string want;
  };
  const Case cases[] = {
      {"aligns consecutive single-line attributes",
       [](HclWriter& w) {
         auto b = w.block("resource", {"azurerm_resource_group", "rg"});
         w.attribute("name", "rg-app-dev");
         w.attribute("location", "eastus");
         w.attribute("enabled", true);
         w.attribute("count", 3);
       },
       "resource \"azurerm_resource_group\" \"rg\" {\n"
       "  name     = \"rg-app-dev\"\n"
       "  location = \"eastus\"\n"
       "  enabled  = true\n"
       "  count    = 3\n"
       "}\n"},
      {"a multi-line value breaks the alignment run and aligns its own entries",
       [](HclWriter& w) {
         auto b = w.block("resource", {"t", "n"});
         w.attribute("name", "x");
         w.attribute("tags", Object{{{"environment", "dev"}, {"cost-center", "a"}, {"a b", "c"}}});
         w.attribute("long_attribute_name", 1);
       },
       "resource \"t\" \"n\" {\n"
       "  name = \"x\"\n"
       "  tags = {\n"
       "    environment = \"dev\"\n"
       "    cost-center = \"a\"\n"
       "    \"a b\"       = \"c\"\n"
       "  }\n"
       "  long_attribute_name = 1\n"
       "}\n"},
      {"nested blocks are separated by blank lines",
       [](HclWriter& w) {
         auto b = w.block("resource", {"t", "n"});
         w.attribute("a", 1);
         {
           auto inner = w.block("network_rules");
           w.attribute("default_action", "Deny");
           w.attribute("bypass", List{"AzureServices"});
           w.attribute("ip_rules", List{});
         }
         { auto empty = w.block("features"); }
       },
       "resource \"t\" \"n\" {\n"
       "  a = 1\n"
       "\n"
       "  network_rules {\n"
       "    default_action = \"Deny\"\n"
       "    bypass         = [\"AzureServices\"]\n"
       "    ip_rules       = []\n"
       "  }\n"
       "\n"
       "  features {}\n"
       "}\n"},
      {"traversals, templates and numbers render as expressions",
       [](HclWriter& w) {
         w.attribute("id", Traversal{{"azurerm_key_vault", "kv", "id"}});
         w.attribute("url", Template{{std::string("https://"),
                                      Traversal{{"azurerm_key_vault", "kv", "name"}},
                                      std::string(".vault/${x}")}});
         w.attribute("ratio", 0.5);
       },
       "id    = azurerm_key_vault.kv.id\n"
       "url   = \"https://${azurerm_key_vault.kv.name}.vault/$${x}\"\n"
       "ratio = 0.5\n"},
      {"comments are one line and break alignment",
       [](HclWriter& w) {
         w.attribute("a", 1);
         w.comment("checkov:skip=CKV_AZURE_1:reason\ninjected = true");
         w.attribute("bbb", 2);
       },
       "a = 1\n"
       "# checkov:skip=CKV_AZURE_1:reason injected = true\n"
       "bbb = 2\n"},
      {"lists of objects go one element per line",
       [](HclWriter& w) { w.attribute("rules", List{Object{{{"name", "a"}}}, Object{{{"name", "b"}}}}); },
       "rules = [\n"
       "  {\n"
       "    name = \"a\"\n"
       "  },\n"
       "  {\n"
       "    name = \"b\"\n"
       "  },\n"
       "]\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    HclWriter w;
    c.build(w);
    CHECK(w.str() == c.want);
  }
}

TEST_CASE("block labels are quoted and escaped") {
  HclWriter w;
  { auto b = w.block("output", {"a\"b"}); }
  CHECK(w.str() == "output \"a\\\"b\" {}\n");
}

}  // namespace
}  // namespace iac::gen::hcl
