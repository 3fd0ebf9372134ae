// `iacgen diff` as a review: a modified app synthesized in memory against a committed tree in a
// temporary directory, and the bundled threatstream app against edited copies of its output.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include <unistd.h>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "stacks/threatstream/threatstream.h"
#include "tests/support/fixtures.h"

namespace iac::cli {
namespace {

namespace fs = std::filesystem;

struct TempOut {
  fs::path path;
  explicit TempOut(const std::string& tag)
      : path(fs::temp_directory_path() /
             ("iacgen-diff-test-" + tag + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
  }
  ~TempOut() { fs::remove_all(path); }
};

struct Run {
  int status;
  std::string out;
};

Run run_cli(std::vector<App> apps, std::vector<std::string> args) {
  std::vector<const char*> argv{"iacgen"};
  for (const auto& arg : args) argv.push_back(arg.c_str());
  std::ostringstream captured;
  auto* previous = std::cout.rdbuf(captured.rdbuf());
  int status = run(apps, static_cast<int>(argv.size()), argv.data());
  std::cout.rdbuf(previous);
  return {status, captured.str()};
}

/// One small application in two versions: the committed one and the one under review.
struct Version {
  azure::RedisSku redis = azure::RedisSku::standard;
  bool public_storage = false;
  bool archive = true;
  std::string container = "events";
  bool suppress = false;
};

std::vector<App> shop(Version v) {
  std::vector<App> apps;
  apps.push_back(testing::make_app(
      [v](Stack& s, const Environment&) {
        s.add<azure::RedisCache>("redis", {.sku = v.redis, .capacity = 1});
        auto& st = s.add<azure::StorageAccount>(
            "st", {.public_network = v.public_storage
                                         ? PublicNetwork::open("partner upload from anywhere")
                                         : PublicNetwork::disabled()});
        if (v.suppress) {
          policy::suppress(st, "AZ-ST-004", "partners upload from changing addresses",
                           {.owner = "shop-team", .expires = "2027-01-31"});
        }
        auto& cosmos = s.add<azure::CosmosAccount>("cosmos", {});
        cosmos.sql_database("shop").container("events",
                                              {.name = v.container, .partition_key = "/tenant"});
        if (v.archive) s.add<azure::StorageAccount>("archive", {});
      },
      {Environment::dev("eastus")}, "shop"));
  return apps;
}

nlohmann::json review_json(const Version& after, const TempOut& out,
                           std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"diff", "--out", out.path.string(), "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  Run run = run_cli(shop(after), args);
  CHECK(run.status == kDrift);
  return nlohmann::json::parse(run.out);
}

const nlohmann::json* find_resource(const nlohmann::json& review, const std::string& type,
                                    const std::string& name) {
  for (const auto& scope : review["scopes"]) {
    for (const auto& r : scope["resources"]) {
      if (r["type"] == type && (name.empty() || r["name"] == name)) return &r;
    }
  }
  return nullptr;
}

TEST_CASE("diff review: a SKU change is a changed resource with old and new values") {
  TempOut out("sku");
  REQUIRE(run_cli(shop({}), {"synth", "--out", out.path.string()}).status == kOk);
  CHECK(run_cli(shop({}), {"diff", "--out", out.path.string()}).status == kOk);

  auto review = review_json({.redis = azure::RedisSku::premium}, out);
  const auto* redis = find_resource(review, "azurerm_redis_cache", "redis");
  REQUIRE(redis != nullptr);
  CHECK((*redis)["action"] == "changed");
  bool sku = false;
  for (const auto& a : (*redis)["attributes"]) {
    if (a["path"] == "sku_name") {
      sku = true;
      CHECK(a["before"] == "\"Standard\"");
      CHECK(a["after"] == "\"Premium\"");
    }
  }
  CHECK(sku);
  CHECK_FALSE(redis->contains("replaces"));  // Standard → Premium scales in place

  // Back down from Premium: azurerm recreates the cache.
  TempOut premium("sku-down");
  REQUIRE(
      run_cli(shop({.redis = azure::RedisSku::premium}), {"synth", "--out", premium.path.string()})
          .status == kOk);
  auto down = review_json({.redis = azure::RedisSku::standard}, premium);
  const auto* replaced = find_resource(down, "azurerm_redis_cache", "redis");
  REQUIRE(replaced != nullptr);
  CHECK((*replaced)["action"] == "replaced");
  CHECK((*replaced)["data_loss"].get<std::string>().find("data is lost") != std::string::npos);

  // Text: the file is summarized, its text only with --unified.
  Run text =
      run_cli(shop({.redis = azure::RedisSku::premium}), {"diff", "--out", out.path.string()});
  CHECK(text.out.find("~   azurerm_redis_cache.redis (changed)") != std::string::npos);
  CHECK(text.out.find("sku_name: \"Standard\" → \"Premium\"") != std::string::npos);
  CHECK(text.out.find("+++ b/shop/dev/terraform/main.tf") == std::string::npos);
  Run unified = run_cli(shop({.redis = azure::RedisSku::premium}),
                        {"diff", "--out", out.path.string(), "--unified"});
  CHECK(unified.out.find("+++ b/shop/dev/terraform/main.tf") != std::string::npos);
  CHECK(run_cli(shop({.redis = azure::RedisSku::premium}),
                {"diff", "--out", out.path.string(), "--no-fail"})
            .status == kOk);
}

TEST_CASE("diff review: opening public network access is a security change listed first") {
  TempOut out("public");
  REQUIRE(run_cli(shop({}), {"synth", "--out", out.path.string()}).status == kOk);
  auto review = review_json({.public_storage = true, .suppress = true}, out);
  bool opened = false, suppression = false;
  for (const auto& s : review["security_changes"]) {
    if (s["resource"] == "azurerm_storage_account.st" &&
        s["detail"].get<std::string>().find("public_network_access_enabled: false → true") == 0) {
      opened = true;
      CHECK(s["effect"] == "WEAKENS");
      CHECK(s["category"] == "network exposure");
    }
    if (s["category"] == "suppression") {
      suppression = true;
      CHECK(s["detail"].get<std::string>().find("AZ-ST-004 suppressed") == 0);
    }
  }
  CHECK(opened);
  CHECK(suppression);

  Run text = run_cli(shop({.public_storage = true, .suppress = true}),
                     {"diff", "--out", out.path.string()});
  const auto security = text.out.find("== Security changes (");
  const auto resources = text.out.find("== shop/dev ==");
  REQUIRE(security != std::string::npos);
  REQUIRE(resources != std::string::npos);
  CHECK(security < resources);
  CHECK(text.out.find("!! WEAKENS  [network exposure] shop/dev: azurerm_storage_account.st: "
                      "public_network_access_enabled: false → true") != std::string::npos);

  Run only = run_cli(shop({.public_storage = true, .suppress = true}),
                     {"diff", "--out", out.path.string(), "--security-only"});
  CHECK(only.status == kDrift);
  CHECK(only.out.find("== shop/dev ==") == std::string::npos);
  // A change with no security effect does not fail --security-only.
  CHECK(run_cli(shop({.redis = azure::RedisSku::premium}),
                {"diff", "--out", out.path.string(), "--security-only"})
            .status == kOk);

  Run markdown = run_cli(shop({.public_storage = true, .suppress = true}),
                         {"diff", "--out", out.path.string(), "--format", "markdown"});
  CHECK(markdown.out.find("### Security changes (") < markdown.out.find("### shop/dev"));
  CHECK(markdown.out.find("| :warning: | **WEAKENS** | network exposure | shop/dev | "
                          "`azurerm_storage_account.st` public_network_access_enabled: false → "
                          "true |") != std::string::npos);
}

TEST_CASE("diff review: a removed resource warns that its data is destroyed") {
  TempOut out("removed");
  REQUIRE(run_cli(shop({}), {"synth", "--out", out.path.string()}).status == kOk);
  auto review = review_json({.archive = false}, out);
  const auto* archive = find_resource(review, "azurerm_storage_account", "archive");
  REQUIRE(archive != nullptr);
  CHECK((*archive)["action"] == "removed");
  CHECK((*archive)["data_loss"] == "destroyed: its data is lost");
}

TEST_CASE("diff review: renaming a Cosmos container replaces it and loses its data") {
  TempOut out("rename");
  REQUIRE(run_cli(shop({}), {"synth", "--out", out.path.string()}).status == kOk);
  auto review = review_json({.container = "events-v2"}, out);
  const auto* container = find_resource(review, "azurerm_cosmosdb_sql_container", "");
  REQUIRE(container != nullptr);
  CHECK((*container)["action"] == "replaced");
  CHECK((*container)["replaces"] == "name cannot change in place (ForceNew)");
  CHECK((*container)["data_loss"] == "the resource is destroyed and recreated: its data is lost");
}

TEST_CASE("diff review: hand-edited, deleted and missing Terraform give notes, not crashes") {
  TempOut out("hand");
  REQUIRE(run_cli(shop({}), {"synth", "--out", out.path.string()}).status == kOk);
  const fs::path main_tf = out.path / "shop/dev/terraform/main.tf";
  std::ofstream(main_tf, std::ios::app) << "resource \"azurerm_x\" \"broken\" {\n  name = \"oops\n";
  Run broken = run_cli(shop({}), {"diff", "--out", out.path.string()});
  CHECK(broken.status == kDrift);
  CHECK(broken.out.find("cannot be read (line") != std::string::npos);
  CHECK(broken.out.find("+++ b/shop/dev/terraform/main.tf") != std::string::npos);  // text instead
  CHECK(broken.out.find("was edited by hand") != std::string::npos);

  fs::remove(main_tf);
  Run deleted = run_cli(shop({}), {"diff", "--out", out.path.string()});
  CHECK(deleted.status == kDrift);
  CHECK(deleted.out.find("shop/dev/terraform/main.tf was deleted from the committed output") !=
        std::string::npos);
  CHECK(deleted.out.find("+   azurerm_redis_cache.redis (added)") != std::string::npos);

  TempOut empty("never");
  Run never = run_cli(shop({}), {"diff", "--out", empty.path.string()});
  CHECK(never.status == kDrift);
  CHECK(never.out.find("no committed Terraform for shop/dev") != std::string::npos);
}

TEST_CASE("diff review: synth records the policy findings, and a new one is a security change") {
  TempOut out("findings");
  REQUIRE(run_cli(shop({}), {"synth", "--out", out.path.string()}).status == kOk);
  std::ifstream in(out.path / ".iacgen-manifest.json");
  const auto manifest = nlohmann::json::parse(in);
  REQUIRE(manifest["findings"].contains("shop/dev"));
  bool tag = false;
  for (const auto& f : manifest["findings"]["shop/dev"]) {
    CHECK(f["path"].get<std::string>().rfind("shop/dev/", 0) == 0);
    CHECK(f.contains("severity"));
    CHECK(f.contains("suppressed"));
    tag = tag || f["rule"] == "AZ-TAG-001";
  }
  CHECK(tag);

  // Opening the storage account adds AZ-ST-004 (suppressed: the suppression is new too).
  auto review = review_json({.public_storage = true, .suppress = true}, out);
  bool finding = false;
  for (const auto& s : review["security_changes"]) {
    if (s["category"] == "policy finding" && s["resource"] == "st") {
      finding = true;
      CHECK(s["detail"].get<std::string>().find("new AZ-ST-004 (") == 0);
    }
  }
  CHECK(finding);
  bool listed = false;
  for (const auto& scope : review["scopes"]) {
    for (const auto& f : scope["policy_findings"]) {
      if (f["rule_id"] == "AZ-ST-004") {
        listed = true;
        CHECK(f["action"] == "new");
        CHECK(f["suppressed"] == true);
      }
    }
  }
  CHECK(listed);
}

TEST_CASE("diff review: a manifest written before findings were recorded still compares") {
  TempOut out("old-manifest");
  REQUIRE(run_cli(shop({}), {"synth", "--out", out.path.string()}).status == kOk);
  const fs::path path = out.path / ".iacgen-manifest.json";
  nlohmann::ordered_json manifest;
  {
    std::ifstream in(path);
    manifest = nlohmann::ordered_json::parse(in);
  }
  manifest.erase("findings");
  std::ofstream(path, std::ios::trunc) << manifest.dump(2) << "\n";
  Run run = run_cli(shop({}), {"diff", "--out", out.path.string()});
  CHECK(run.status == kOk);  // the files match; only the findings cannot be compared
  CHECK(run.out.find("note: the committed manifest records no policy findings for shop/dev") !=
        std::string::npos);
  CHECK(run.out.find("no differences") != std::string::npos);
  // A synth brings the manifest up to date.
  REQUIRE(run_cli(shop({}), {"synth", "--out", out.path.string()}).status == kOk);
  CHECK(run_cli(shop({}), {"diff", "--out", out.path.string()}).out.find("records no policy") ==
        std::string::npos);
}

TEST_CASE("diff review: opening a storage account is reviewed per Bicep resource too") {
  TempOut out("bicep");
  REQUIRE(run_cli(shop({}), {"synth", "--out", out.path.string()}).status == kOk);
  // The code opens the storage account: the Bicep review shows it property by property.
  auto review = review_json({.public_storage = true, .suppress = true}, out);
  bool bicep = false;
  for (const auto& s : review["security_changes"]) {
    if (s["resource"] == "st (Microsoft.Storage/storageAccounts)" &&
        s["detail"] == "properties.publicNetworkAccess: 'Disabled' → 'Enabled'") {
      bicep = true;
      CHECK(s["effect"] == "WEAKENS");
      CHECK(s["category"] == "network exposure");
    }
  }
  CHECK(bicep);
}

/// In a committed file, sets the value of attribute `key` of resource `header` from `from` to
/// `to`; the test fails if the resource or the value is not there.
void edit(const fs::path& file, const std::string& header, const std::string& key,
          const std::string& from, const std::string& to) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  in.close();
  std::string content = text.str();
  auto block = content.find(header);
  REQUIRE_MESSAGE(block != std::string::npos, header);
  auto line = content.find("\n  " + key + " ", block);
  REQUIRE_MESSAGE(line != std::string::npos, key);
  auto end = content.find('\n', line + 1);
  auto at = content.find("= " + from, line);
  REQUIRE_MESSAGE((at != std::string::npos && at < end), from);
  content.replace(at + 2, from.size(), to);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << content;
}

std::vector<App> threatstream_apps() {
  std::vector<App> apps;
  apps.push_back(stacks::threatstream());
  return apps;
}

TEST_CASE("diff review on the bundled threatstream app: the code against an older committed tree") {
  TempOut out("bundled");
  const std::string dir = out.path.string();
  REQUIRE(run_cli(threatstream_apps(), {"synth", "--out", dir, "--app", "threatstream"}).status ==
          kOk);
  // The committed tree as it was before four changes to the code: a smaller Redis SKU in
  // staging, a closed storage account in dev, one more container in prod, and the Cosmos
  // container under its old name in prod.
  const fs::path tf = out.path / "threatstream";
  edit(tf / "staging/terraform/main.tf", "resource \"azurerm_redis_cache\" \"redis\"", "sku_name",
       "\"Standard\"", "\"Basic\"");
  edit(tf / "dev/terraform/main.tf", "resource \"azurerm_storage_account\" \"st\"",
       "public_network_access_enabled", "true", "false");
  edit(tf / "prod/terraform/main.tf",
       "resource \"azurerm_cosmosdb_sql_container\" \"cosmos_threatstream_indicators\"", "name",
       "\"indicators\"", "\"indicators-v1\"");
  std::ofstream(out.path / "threatstream/prod/terraform/main.tf", std::ios::app)
      << "\nresource \"azurerm_storage_container\" \"archive\" {\n"
         "  name                  = \"archive\"\n"
         "  storage_account_id    = azurerm_storage_account.st.id\n"
         "  container_access_type = \"private\"\n}\n";

  Run run = run_cli(threatstream_apps(),
                    {"diff", "--out", dir, "--app", "threatstream", "--format", "json"});
  CHECK(run.status == kDrift);
  auto review = nlohmann::json::parse(run.out);
  auto resource_in = [&](const std::string& env, const std::string& type, const std::string& name) {
    for (const auto& scope : review["scopes"]) {
      if (scope["env"] != env) continue;
      for (const auto& r : scope["resources"]) {
        if (r["type"] == type && r["name"] == name) return r;
      }
    }
    return nlohmann::json();
  };
  auto redis = resource_in("staging", "azurerm_redis_cache", "redis");
  CHECK(redis["action"] == "changed");
  CHECK(redis["attributes"][0]["path"] == "sku_name");
  CHECK(redis["attributes"][0]["after"] == "\"Standard\"");
  auto container =
      resource_in("prod", "azurerm_cosmosdb_sql_container", "cosmos_threatstream_indicators");
  CHECK(container["action"] == "replaced");
  CHECK(container.contains("data_loss"));
  auto archive = resource_in("prod", "azurerm_storage_container", "archive");
  CHECK(archive["action"] == "removed");
  CHECK(archive["data_loss"] == "destroyed: its data is lost");

  REQUIRE(!review["security_changes"].empty());
  const auto& first = review["security_changes"][0];
  CHECK(first["env"] == "dev");
  CHECK(first["effect"] == "WEAKENS");
  CHECK(first["resource"] == "azurerm_storage_account.st");
  // The test edits the committed files after synth, so the manifest sees hand edits.
  CHECK(first["detail"] ==
        "public_network_access_enabled: false → true (undoes a hand edit: the committed file has "
        "the old value)");
}

}  // namespace
}  // namespace iac::cli
