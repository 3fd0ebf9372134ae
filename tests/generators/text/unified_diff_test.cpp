#include <doctest/doctest.h>

#include "generators/text/unified_diff.h"

namespace iac::gen {
namespace {

TEST_CASE("equal texts have no diff") { CHECK(unified_diff("a.tf", "x\ny\n", "x\ny\n").empty()); }

TEST_CASE("a changed line shows with three lines of context") {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n";
  std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n";
  CHECK(unified_diff("out/a.tf", before, after) ==
        "--- a/out/a.tf\n"
        "+++ b/out/a.tf\n"
        "@@ -2,7 +2,7 @@\n"
        " 2\n"
        " 3\n"
        " 4\n"
        "-5\n"
        "+five\n"
        " 6\n"
        " 7\n"
        " 8\n");
}

TEST_CASE("a new file is all additions and far-apart changes make separate hunks") {
  CHECK(unified_diff("n.tf", "", "a\nb\n") == "--- a/n.tf\n+++ b/n.tf\n@@ -0,0 +1,2 @@\n+a\n+b\n");
  std::string before;
  std::string after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 || i == 18 ? std::string("x") : std::to_string(i)) + "\n";
  }
  std::string diff = unified_diff("f", before, after);
  CHECK(diff.find("@@ -1,5 +1,5 @@") != std::string::npos);
  CHECK(diff.find("@@ -15,6 +15,6 @@") != std::string::npos);
}

}  // namespace
}  // namespace iac::gen
