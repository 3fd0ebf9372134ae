/// `iacgen init`: the scaffold's files, its refusals, and the scaffolded app itself (compiled
/// from the same templates as the app `starter`) synthesizing with no finding.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <iacgen/testing.h>

#include "cli/init.h"
#include "stacks/starter/starter.h"

namespace {

namespace fs = std::filesystem;
using namespace iac;

std::string read(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

/// A project root with the bundled list, in a fresh temporary folder.
struct ProjectRoot {
  fs::path root;
  explicit ProjectRoot(const std::string& test) {
    root = fs::temp_directory_path() / ("iacgen-init-" + test);
    fs::remove_all(root);
    fs::create_directories(root / "stacks");
    std::ofstream(root / "stacks/apps.txt") << "# bundled\nthreatstream\nclinic\n";
  }
  ~ProjectRoot() {
    std::error_code ignored;
    fs::remove_all(root, ignored);
  }
  ProjectRoot(const ProjectRoot&) = delete;
  ProjectRoot& operator=(const ProjectRoot&) = delete;
};

TEST_CASE("init writes the app's folder and registers it last in stacks/apps.txt") {
  ProjectRoot project("writes");
  auto result = cli::scaffold_app(project.root.string(), "orders");
  REQUIRE(result.diagnostics.empty());
  CHECK(result.written == std::vector<std::string>{"stacks/orders/orders.h",
                                                   "stacks/orders/orders.cpp",
                                                   "stacks/orders/README.md", "stacks/apps.txt"});
  CHECK(read(project.root / "stacks/apps.txt") == "# bundled\nthreatstream\nclinic\norders\n");
  const std::string source = read(project.root / "stacks/orders/orders.cpp");
  CHECK(source.find("#include \"stacks/orders/orders.h\"") != std::string::npos);
  CHECK(source.find("App orders() {") != std::string::npos);
  CHECK(source.find("App app{\"orders\"};") != std::string::npos);
  for (const auto& file : {"orders.h", "orders.cpp", "README.md"}) {
    CAPTURE(file);
    CHECK(read(project.root / "stacks/orders" / file).find("@APP@") == std::string::npos);
  }
  CHECK(read(project.root / "stacks/orders/README.md").find("scripts/synth.sh --app orders") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(project.root / "stacks/.init-orders"));
}

TEST_CASE("init never overwrites an existing app and changes nothing") {
  ProjectRoot project("exists");
  SUBCASE("a folder of that name") {
    fs::create_directories(project.root / "stacks/orders");
    std::ofstream(project.root / "stacks/orders/orders.cpp") << "// the team's code\n";
    auto result = cli::scaffold_app(project.root.string(), "orders");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].rule_id == "IAC-INIT-002");
    CHECK(read(project.root / "stacks/orders/orders.cpp") == "// the team's code\n");
  }
  SUBCASE("an app already listed") {
    auto result = cli::scaffold_app(project.root.string(), "clinic");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].rule_id == "IAC-INIT-002");
    CHECK_FALSE(fs::exists(project.root / "stacks/clinic"));
  }
  CHECK(read(project.root / "stacks/apps.txt") == "# bundled\nthreatstream\nclinic\n");
}

TEST_CASE("init refuses names that cannot be a folder, a C++ function and a resource name") {
  ProjectRoot project("names");
  for (std::string name : {"Orders", "1orders", "order-api", "orders api", "", "class", "generated",
                           "a_name_far_too_long_for_storage", "_orders"}) {
    CAPTURE(name);
    auto result = cli::scaffold_app(project.root.string(), name);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].rule_id == "IAC-INIT-001");
    CHECK_FALSE(result.diagnostics[0].fix.empty());
    CHECK(result.written.empty());
  }
  CHECK(read(project.root / "stacks/apps.txt") == "# bundled\nthreatstream\nclinic\n");
}

TEST_CASE("init outside an iacgen project says where to run it") {
  const fs::path empty = fs::temp_directory_path() / "iacgen-init-not-a-project";
  fs::remove_all(empty);
  fs::create_directories(empty);
  auto result = cli::scaffold_app(empty.string(), "orders");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].rule_id == "IAC-INIT-003");
  CHECK_FALSE(fs::exists(empty / "stacks"));
  fs::remove_all(empty);
}

TEST_CASE("the scaffolded app synthesizes every environment with no finding") {
  auto app = stacks::starter();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = testing::Synthesized::of(app, env);
    for (const auto& d : synthesized.diagnostics()) MESSAGE(format_diagnostic(d));
    CHECK_FALSE(has_errors(synthesized.diagnostics()));
    CHECK(synthesized.findings(Severity::warning).empty());
    for (const auto* finding : synthesized.findings(Severity::warning)) {
      MESSAGE(finding->rule_id << " " << finding->path << ": " << finding->message);
    }
  }
}

TEST_CASE("the scaffold in the executable is the scaffold the test compiles") {
  const auto files = cli::scaffold_files("starter");
  REQUIRE(files.size() == 3);
  CHECK(files[1].first == "stacks/starter/starter.cpp");
  CHECK(files[1].second ==
        read(fs::path(IACGEN_BINARY_DIR) / "scaffold/stacks/starter/starter.cpp"));
}

}  // namespace
