#include <doctest/doctest.h>

#include "generators/review/azurerm_rules.h"
#include "generators/review/hcl_reader.h"

namespace iac::review {
namespace {

TEST_CASE("the HCL reader flattens resources, nested blocks and object attributes") {
  const auto file = read_hcl(R"(# header comment
data "azurerm_client_config" "current" {}

resource "azurerm_linux_web_app" "api" {
  name     = "app-shop-dev"   # trailing comment
  https_only = true
  tags = {
    environment = "dev"
    "cost-center" = "retail"
  }
  app_settings = {
    "A" = "x${var.y}\"z"
  }

  site_config {
    minimum_tls_version = "1.2"
    ip_restriction {
      name   = "office"
      action = "Allow"
    }
    ip_restriction {
      name   = "vpn"
      action = "Allow"
    }
  }
  identity {
    type = "SystemAssigned"
  }
  lifecycle { ignore_changes = [tags["x"], app_settings,] }
}
)");
  REQUIRE(file.error.empty());
  REQUIRE(file.blocks.size() == 2);
  CHECK(file.blocks[0].kind == "data");
  const auto& api = file.blocks[1];
  CHECK(api.labels == std::vector<std::string>{"azurerm_linux_web_app", "api"});
  CHECK(api.line == 4);
  CHECK(api.attributes.at("name") == "\"app-shop-dev\"");
  CHECK(api.attributes.at("https_only") == "true");
  CHECK(api.attributes.at("tags.environment") == "\"dev\"");
  CHECK(api.attributes.at("tags.cost-center") == "\"retail\"");
  CHECK(api.attributes.at("app_settings.A") == "\"x${var.y}\\\"z\"");
  CHECK(api.attributes.at("site_config.minimum_tls_version") == "\"1.2\"");
  CHECK(api.attributes.at("site_config.ip_restriction[office].action") == "\"Allow\"");
  CHECK(api.attributes.at("site_config.ip_restriction[vpn].action") == "\"Allow\"");
  CHECK(api.attributes.at("identity.type") == "\"SystemAssigned\"");
  CHECK(api.attributes.at("lifecycle.ignore_changes") == "[tags[\"x\"], app_settings]");
}

TEST_CASE("the HCL reader normalizes layout and reads heredocs and multi-line lists") {
  const auto a = read_hcl(
      "resource \"t\" \"x\" {\n  list = [\"a\", \"b\"]\n  doc = <<-EOT\n    line one\n      two\n  "
      "EOT\n  n = 1\n}\n");
  const auto b = read_hcl(
      "resource \"t\" \"x\" {\n  list = [\n    \"a\",\n    \"b\",\n  ]\n  doc = <<-EOT\nline one\n "
      " two\nEOT\n  n = 1\n}\n");
  REQUIRE(a.error.empty());
  REQUIRE(b.error.empty());
  CHECK(a.blocks[0].attributes == b.blocks[0].attributes);
  CHECK(a.blocks[0].attributes.at("n") == "1");
  CHECK(a.blocks[0].attributes.at("list") == "[\"a\", \"b\"]");
}

TEST_CASE("the HCL reader reports a broken hand edit with its line instead of failing") {
  const auto unterminated =
      read_hcl("resource \"t\" \"ok\" {\n  a = 1\n}\nresource \"t\" \"x\" {\n  name = \"oops\n}\n");
  CHECK(unterminated.error == "line 5: unterminated string: a closing `\"` is missing");
  REQUIRE(unterminated.blocks.size() == 1);
  CHECK(unterminated.blocks[0].labels[1] == "ok");
  CHECK(read_hcl("resource \"t\" \"x\" {\n  a = 1\n").error ==
        "line 3: unterminated block: a `}` is missing");
  CHECK(read_hcl("resource \"t\" \"x\" {\n  a = [1, 2\n}\n").error ==
        "line 3: unbalanced `}` in an expression");
  CHECK(read_hcl("}\n").error == "line 1: unexpected `}`");
  CHECK(read_hcl("resource \"t\" \"x\" {\n  a =\n}\n").error ==
        "line 2: an attribute needs a value after `=`");
}

TEST_CASE("the azurerm table classifies security, replacement and sensitive attributes") {
  auto open = classify_attribute("azurerm_storage_account", "public_network_access_enabled",
                                 "false", "true");
  CHECK(open.category == "network exposure");
  CHECK(open.effect == Effect::weakens);
  CHECK(classify_attribute("azurerm_storage_account", "public_network_access_enabled", "true",
                           "false")
            .effect == Effect::tightens);
  auto tls = classify_attribute("azurerm_linux_web_app", "site_config.minimum_tls_version",
                                "\"1.2\"", "\"1.0\"");
  CHECK(tls.category == "TLS");
  CHECK(tls.effect == Effect::weakens);
  CHECK(
      classify_attribute("azurerm_key_vault", "purge_protection_enabled", "true", "false").effect ==
      Effect::weakens);
  CHECK(classify_attribute("azurerm_storage_account", "account_replication_type", "\"GZRS\"",
                           "\"LRS\"")
            .effect == Effect::weakens);
  CHECK(classify_attribute("azurerm_cdn_frontdoor_firewall_policy", "mode", "\"Prevention\"",
                           "\"Detection\"")
            .effect == Effect::weakens);
  CHECK(classify_attribute("azurerm_cosmosdb_account", "ip_range_filter", "[\"10.0.0.1\"]",
                           "[\"10.0.0.1\", \"0.0.0.0\"]")
            .effect == Effect::weakens);
  CHECK(classify_attribute("azurerm_network_security_group",
                           "security_rule[allow-https].source_address_prefix", "\"10.0.0.0/24\"",
                           "\"*\"")
            .category == "network exposure");
  CHECK(classify_attribute("azurerm_redis_cache", "capacity", "1", "2").category.empty());

  CHECK_FALSE(classify_attribute("azurerm_cosmosdb_sql_container", "partition_key_paths",
                                 "[\"/a\"]", "[\"/b\"]")
                  .replaces.empty());
  CHECK_FALSE(classify_attribute("azurerm_key_vault", "name", "\"a\"", "\"b\"").replaces.empty());
  CHECK(classify_attribute("azurerm_key_vault", "sku_name", "\"standard\"", "\"premium\"")
            .replaces.empty());
  CHECK_FALSE(
      classify_attribute("azurerm_service_plan", "sku_name", "\"Y1\"", "\"EP1\"").replaces.empty());
  CHECK(classify_attribute("azurerm_service_plan", "sku_name", "\"EP1\"", "\"EP2\"")
            .replaces.empty());
  CHECK_FALSE(classify_attribute("azurerm_redis_cache", "sku_name", "\"Premium\"", "\"Standard\"")
                  .replaces.empty());
  CHECK(classify_attribute("azurerm_redis_cache", "sku_name", "\"Basic\"", "\"Standard\"")
            .replaces.empty());

  CHECK(classify_attribute("azurerm_key_vault_secret", "value", "var.a", "var.b").sensitive);
  CHECK(classify_attribute("azurerm_postgresql_flexible_server", "administrator_password", "a", "b")
            .sensitive);
  CHECK_FALSE(classify_attribute("azurerm_key_vault", "sku_name", "a", "b").sensitive);

  CHECK(security_category_of_type("azurerm_role_assignment") == "role assignment");
  CHECK(security_category_of_type("azurerm_redis_cache").empty());
  CHECK(holds_data("azurerm_cosmosdb_sql_container"));
  CHECK_FALSE(holds_data("azurerm_monitor_metric_alert"));
  CHECK(generic_path("a[x.y].b[0].c") == "a.b.c");
}

}  // namespace
}  // namespace iac::review

#include "generators/review/review.h"

namespace iac::review {
namespace {

TEST_CASE("the review masks sensitive values and lists role assignments as security changes") {
  Input input;
  const std::string before =
      "resource \"azurerm_key_vault_secret\" \"api\" {\n  name  = \"api\"\n  value = "
      "\"old-literal-value\"\n}\n";
  const std::string after =
      "resource \"azurerm_key_vault_secret\" \"api\" {\n  name  = \"api\"\n  value = "
      "\"new-literal-value\"\n}\n"
      "resource \"azurerm_role_assignment\" \"reader\" {\n  scope = azurerm_key_vault.kv.id\n"
      "  role_definition_name = \"Key Vault Secrets User\"\n  principal_id = var.pid\n}\n";
  input.committed["app/dev/terraform/main.tf"] = before;
  input.generated["app/dev/terraform/main.tf"] = after;
  const Review review = build_review(input);
  REQUIRE(review.scopes.size() == 1);
  const std::string text = render_text(review, {});
  const std::string markdown = render_markdown(review, {});
  const std::string json = render_json(review, {});
  for (const auto* out : {&text, &markdown, &json}) {
    CHECK(out->find("literal-value") == std::string::npos);
    CHECK(out->find("(sensitive)") != std::string::npos);
  }
  CHECK(text.find("!! WEAKENS  [role assignment] app/dev: azurerm_role_assignment.reader: added: "
                  "role_definition_name = \"Key Vault Secrets User\"") != std::string::npos);
  CHECK(text.find("== Security changes") < text.find("== app/dev =="));
}

}  // namespace
}  // namespace iac::review
