#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

#include <doctest/doctest.h>

#include "generators/output/output_sink.h"
#include "generators/output/sha256.h"

namespace iac::gen {
namespace {

namespace fs = std::filesystem;

/// A fresh, empty directory under the system temp dir, removed afterwards.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name)
      : path(fs::temp_directory_path() /
             ("iacgen-test-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

TEST_CASE("sha256 matches the FIPS 180-4 test vectors and a multi-block message") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000, 'a')) ==
        "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST_CASE("the memory sink refuses paths that escape the output and double writes") {
  MemorySink sink;
  sink.write("a/b.tf", "x");
  CHECK_THROWS_AS(sink.write("a/b.tf", "y"), std::logic_error);
  CHECK_THROWS_AS(sink.write("../evil.tf", "y"), std::logic_error);
  CHECK_THROWS_AS(sink.write("/etc/passwd", "y"), std::logic_error);
}

TEST_CASE("commit writes files, a manifest with their digests, and skips unchanged files") {
  TempDir dir("commit");
  MemorySink files;
  files.write("app/dev/terraform/main.tf", "one\n");
  files.write("app/dev/bicep/main.bicep", "two\n");
  CommitReport first;
  REQUIRE(commit_to_directory(files, dir.path, {"app/dev/"}, first).empty());
  CHECK(first.written == 2);
  CHECK(read(dir.path / "app/dev/terraform/main.tf") == "one\n");
  auto manifest = read_manifest(dir.path);
  CHECK(manifest.at("app/dev/terraform/main.tf") == sha256_hex("one\n"));

  CommitReport second;
  REQUIRE(commit_to_directory(files, dir.path, {"app/dev/"}, second).empty());
  CHECK(second.written == 0);
  CHECK(second.unchanged == 2);
  for (const auto& entry : fs::recursive_directory_iterator(dir.path)) {
    CHECK(entry.path().filename().string().rfind(".iacgen-staging", 0) != 0);
  }
}

TEST_CASE("commit removes only stale files it wrote itself, and keeps edited ones") {
  TempDir dir("stale");
  MemorySink before;
  before.write("app/dev/terraform/old.tf", "old\n");
  before.write("app/dev/terraform/edited.tf", "generated\n");
  before.write("app/prod/terraform/main.tf", "prod\n");
  CommitReport report;
  REQUIRE(commit_to_directory(before, dir.path, {"app/dev/", "app/prod/"}, report).empty());
  write(dir.path / "app/dev/terraform/edited.tf", "edited by hand\n");
  write(dir.path / "app/dev/terraform/backend.auto.tfvars", "mine\n");

  MemorySink after;
  after.write("app/dev/terraform/main.tf", "new\n");
  CommitReport second;
  REQUIRE(commit_to_directory(after, dir.path, {"app/dev/"}, second).empty());
  CHECK_FALSE(fs::exists(dir.path / "app/dev/terraform/old.tf"));
  CHECK(read(dir.path / "app/dev/terraform/edited.tf") == "edited by hand\n");
  CHECK(read(dir.path / "app/dev/terraform/backend.auto.tfvars") == "mine\n");
  CHECK(read(dir.path / "app/prod/terraform/main.tf") == "prod\n");  // outside this synth's scope
  CHECK(second.removed == 1);
  REQUIRE(second.kept.size() == 1);
  CHECK(second.kept.front() == "app/dev/terraform/edited.tf");
  CHECK(read_manifest(dir.path).count("app/prod/terraform/main.tf") == 1);
}

TEST_CASE("a failed commit leaves the previous output as it was") {
  TempDir dir("failed");
  MemorySink first;
  first.write("app/dev/terraform/main.tf", "v1\n");
  first.write("app/dev/bicep/main.bicep", "b1\n");
  CommitReport report;
  REQUIRE(commit_to_directory(first, dir.path, {"app/dev/"}, report).empty());

  // `main.tf` as a file and as a folder cannot both be staged: staging fails after the first
  // file was staged, before anything is published.
  MemorySink broken;
  broken.write("app/dev/bicep/main.bicep", "b2\n");
  broken.write("app/dev/terraform/main.tf", "v2\n");
  broken.write("app/dev/terraform/main.tf/nested.tf", "x\n");
  CommitReport failed;
  auto errors = commit_to_directory(broken, dir.path, {"app/dev/"}, failed);
  REQUIRE(errors.size() == 1);
  CHECK(errors.front().rule_id == "IAC-OUT-001");
  CHECK(failed.written == 0);
  CHECK(read(dir.path / "app/dev/bicep/main.bicep") == "b1\n");
  CHECK(read(dir.path / "app/dev/terraform/main.tf") == "v1\n");
  CHECK(read_manifest(dir.path).at("app/dev/bicep/main.bicep") == sha256_hex("b1\n"));
  for (const auto& entry : fs::directory_iterator(dir.path)) {
    CHECK(entry.path().filename().string().rfind(".iacgen-staging", 0) != 0);
  }
}

TEST_CASE("the manifest records findings per environment and keeps those not synthesized") {
  TempDir dir("findings");
  MemorySink files;
  files.write("app/dev/terraform/main.tf", "a");
  files.write("app/prod/terraform/main.tf", "b");
  const ManifestFinding open{"app/dev/st", "AZ-ST-004", "warning",
                             "the firewall allows every address", false};
  const ManifestFinding keys{"app/dev/st", "AZ-ST-003", "warning", "shared key access is on", true};
  ManifestPolicy policy;
  policy.findings["app/dev"] = {open, keys};  // sorted on write: AZ-ST-003 first
  policy.findings["app/prod"] = {};
  CommitReport report;
  REQUIRE(commit_to_directory(files, dir.path, {"app/dev/", "app/prod/"}, report, policy).empty());
  auto record = read_manifest_policy(dir.path);
  CHECK(record.present);
  CHECK(record.has_findings);
  REQUIRE(record.policy.findings.size() == 2);
  CHECK(record.policy.findings["app/dev"] == std::vector<ManifestFinding>{keys, open});
  CHECK(record.policy.findings["app/prod"].empty());

  // A synth of dev alone replaces dev's findings and keeps prod's.
  ManifestPolicy dev_only;
  dev_only.findings["app/dev"] = {open};
  MemorySink dev;
  dev.write("app/dev/terraform/main.tf", "a");
  CommitReport second;
  REQUIRE(commit_to_directory(dev, dir.path, {"app/dev/terraform/"}, second, dev_only).empty());
  record = read_manifest_policy(dir.path);
  CHECK(record.policy.findings["app/dev"] == std::vector<ManifestFinding>{open});
  CHECK(record.policy.findings.count("app/prod") == 1);

  // A manifest without findings (written by an older iacgen) reads as such.
  write(dir.path / kManifestName, "{\"generator\": \"iacgen\", \"files\": {}}");
  record = read_manifest_policy(dir.path);
  CHECK(record.present);
  CHECK_FALSE(record.has_findings);
  CHECK_FALSE(read_manifest_policy(dir.path / "missing").present);
}

}  // namespace
}  // namespace iac::gen
