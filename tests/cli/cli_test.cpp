#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <unistd.h>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "dsl/policy/suppression.h"
#include "generators/output/output_sink.h"
#include "tests/support/fixtures.h"

namespace iac::cli {
namespace {

namespace fs = std::filesystem;

std::vector<App> shop_apps(bool with_error = false) {
  std::vector<App> apps;
  apps.push_back(testing::make_app(
      [with_error](Stack& s, const Environment& env) {
        s.add<azure::KeyVault>("kv");
        s.add<azure::StorageAccount>(
            "st",
            {.replication = env.is_prod() ? azure::Replication::gzrs : azure::Replication::lrs});
        if (with_error) s.add<azure::KeyVault>("kv2", {.name = "not_valid"});
      },
      {Environment::dev("eastus"), Environment::prod("eastus", "westus")}, "shop"));
  return apps;
}

int run_cli(std::vector<App> apps, std::vector<std::string> args) {
  std::vector<const char*> argv{"iacgen"};
  for (const auto& arg : args) argv.push_back(arg.c_str());
  return run(apps, static_cast<int>(argv.size()), argv.data());
}

std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files[fs::relative(entry.path(), dir).string()] = text.str();
  }
  return files;
}

/// A private output directory: ctest runs test cases in parallel processes.
struct OutDir {
  fs::path path = fs::temp_directory_path() / ("iacgen-cli-test-" + std::to_string(::getpid()));
  OutDir() { fs::remove_all(path); }
  ~OutDir() { fs::remove_all(path); }
};

TEST_CASE("synth twice gives byte-identical output, diff is clean, then finds an edit") {
  OutDir out;
  const std::string out_arg = out.path.string();
  REQUIRE(run_cli(shop_apps(), {"synth", "--out", out_arg}) == kOk);
  auto first = snapshot(out.path);
  CHECK(first.count("shop/prod/terraform/main.tf") == 1);
  CHECK(first.count("shop/dev/bicep/main.bicepparam") == 1);
  REQUIRE(run_cli(shop_apps(), {"synth", "--out", out_arg}) == kOk);
  CHECK(snapshot(out.path) == first);

  CHECK(run_cli(shop_apps(), {"diff", "--out", out_arg}) == kOk);
  std::ofstream(out.path / "shop/dev/terraform/main.tf", std::ios::app) << "# edited\n";
  CHECK(run_cli(shop_apps(), {"diff", "--out", out_arg}) == kDrift);
  CHECK(run_cli(shop_apps(), {"diff", "--out", out_arg, "--env", "prod"}) == kOk);
}

TEST_CASE("diff reports a committed file that the code no longer generates") {
  OutDir out;
  REQUIRE(run_cli(shop_apps(), {"synth", "--out", out.path.string()}) == kOk);
  std::vector<App> smaller;
  smaller.push_back(
      testing::make_app([](Stack& s, const Environment&) { s.add<azure::KeyVault>("kv"); },
                        {Environment::dev("eastus")}, "shop"));
  CHECK(run_cli(std::move(smaller), {"diff", "--out", out.path.string()}) == kDrift);
}

TEST_CASE("an invalid model exits non-zero and leaves the previous output untouched") {
  OutDir out;
  REQUIRE(run_cli(shop_apps(), {"synth", "--out", out.path.string()}) == kOk);
  auto before = snapshot(out.path);
  CHECK(run_cli(shop_apps(/*with_error=*/true), {"synth", "--out", out.path.string()}) ==
        kInvalidModel);
  CHECK(snapshot(out.path) == before);
}

TEST_CASE("the manifest lists every suppression of the environments written") {
  OutDir out;
  std::vector<App> apps;
  apps.push_back(testing::make_app(
      [](Stack& s, const Environment&) {
        auto& vault =
            s.add<azure::KeyVault>("kv", {.purge_protection = Control::waived("sandbox")});
        policy::suppress(vault, "AZ-KV-001", "sandbox vault",
                         {.owner = "platform", .expires = "2099-01-01"});
      },
      {Environment::dev("eastus"), Environment::prod("eastus")}, "shop"));
  REQUIRE(run_cli(std::move(apps), {"synth", "--out", out.path.string()}) == kOk);
  std::ifstream in(out.path / gen::kManifestName);
  std::ostringstream text;
  text << in.rdbuf();
  auto manifest = nlohmann::json::parse(text.str());
  REQUIRE(manifest["suppressions"].size() == 2);
  CHECK(manifest["suppressions"][0]["path"] == "shop/dev/kv");
  CHECK(manifest["suppressions"][0]["rule"] == "AZ-KV-001");
  CHECK(manifest["suppressions"][0]["reason"] == "sandbox vault");
  CHECK(manifest["suppressions"][1]["path"] == "shop/prod/kv");
}

TEST_CASE("a filtered synth writes only its scope") {
  OutDir out;
  REQUIRE(run_cli(shop_apps(), {"synth", "--out", out.path.string(), "--env", "prod", "--format",
                                "bicep"}) == kOk);
  auto files = snapshot(out.path);
  CHECK(files.count("shop/prod/bicep/main.bicep") == 1);
  CHECK(files.count("shop/dev/bicep/main.bicep") == 0);
  CHECK(files.count("shop/prod/terraform/main.tf") == 0);
}

TEST_CASE("usage errors exit 2") {
  CHECK(run_cli(shop_apps(), {"bogus"}) == kUsage);
  CHECK(run_cli(shop_apps(), {"synth", "--format", "arm"}) == kUsage);
  CHECK(run_cli(shop_apps(), {"synth", "--env", "qa"}) == kUsage);
  CHECK(run_cli(shop_apps(), {"synth", "--app", "nope"}) == kUsage);
  CHECK(run_cli(shop_apps(), {}) == kUsage);
}

TEST_CASE("the README scope is the environment's README.md alone") {
  OutDir out;
  REQUIRE(run_cli(shop_apps(), {"synth", "--out", out.path.string()}) == kOk);
  REQUIRE(run_cli(shop_apps(), {"synth", "--out", out.path.string(), "--env", "prod", "--format",
                                "docs"}) == kOk);
  auto files = snapshot(out.path);
  CHECK(files.count("shop/prod/README.md") == 1);
  CHECK(files.count("shop/dev/README.md") == 1);           // another environment's: kept
  CHECK(files.count("shop/prod/terraform/main.tf") == 1);  // another format's: kept
}

TEST_CASE("graph draws one environment and refuses an ambiguous or unknown choice") {
  CHECK(run_cli(shop_apps(), {"graph", "--env", "prod"}) == kOk);
  CHECK(run_cli(shop_apps(),
                {"graph", "--env", "prod", "--format", "mermaid", "--detail", "summary"}) == kOk);
  CHECK(run_cli(shop_apps(), {"graph", "--app", "shop", "--env", "dev", "--format", "json"}) ==
        kOk);
  CHECK(run_cli(shop_apps(), {"graph"}) == kUsage);  // two environments
  CHECK(run_cli(shop_apps(), {"graph", "--env", "qa"}) == kUsage);
  CHECK(run_cli(shop_apps(), {"graph", "--app", "nope", "--env", "dev"}) == kUsage);
  CHECK(run_cli(shop_apps(), {"graph", "--env", "dev", "--format", "png"}) == kUsage);
  CHECK(run_cli(shop_apps(true), {"graph", "--env", "dev"}) == kInvalidModel);
}

TEST_CASE("list succeeds on a valid model and fails on an invalid one") {
  CHECK(run_cli(shop_apps(), {"list"}) == kOk);
  CHECK(run_cli(shop_apps(true), {"list"}) == kInvalidModel);
}

TEST_CASE("pipelines are written once per app and owned only by a run over every environment") {
  OutDir out;
  const std::string out_arg = out.path.string();
  const std::string pipeline = "shop/pipelines/azure-pipelines.yml";
  REQUIRE(run_cli(shop_apps(), {"synth", "--out", out_arg, "--format", "pipelines"}) == kOk);
  auto files = snapshot(out.path);
  CHECK(files.count(pipeline) == 1);
  CHECK(files.count("shop/pipelines/github/workflows/deploy.yml") == 1);
  CHECK(files.count("shop/prod/terraform/main.tf") == 0);
  CHECK(run_cli(shop_apps(), {"diff", "--out", out_arg, "--format", "pipelines"}) == kOk);

  // Without prod the pipelines change; a dev-only run neither rewrites nor removes them.
  auto dev_only = [] {
    std::vector<App> apps;
    apps.push_back(
        testing::make_app([](Stack& s, const Environment&) { s.add<azure::KeyVault>("kv"); },
                          {Environment::dev("eastus")}, "shop"));
    return apps;
  };
  REQUIRE(run_cli(dev_only(), {"synth", "--out", out_arg, "--env", "dev"}) == kOk);
  CHECK(snapshot(out.path).at(pipeline) == files.at(pipeline));
  CHECK(run_cli(dev_only(), {"diff", "--out", out_arg, "--env", "dev"}) == kOk);
  CHECK(run_cli(dev_only(), {"diff", "--out", out_arg, "--format", "pipelines"}) == kDrift);
  REQUIRE(run_cli(dev_only(), {"synth", "--out", out_arg}) == kOk);
  CHECK(snapshot(out.path).at(pipeline) != files.at(pipeline));
  CHECK(run_cli(dev_only(), {"diff", "--out", out_arg}) == kOk);
}

}  // namespace
}  // namespace iac::cli
