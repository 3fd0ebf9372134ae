#include <doctest/doctest.h>

#include "generators/yaml/yaml_writer.h"

namespace iac::gen::yaml {
namespace {

struct Case {
  std::string input;
  std::string want;
};

TEST_CASE("scalars are plain only when no YAML 1.1 or 1.2 reader can misread them") {
  const Case cases[] = {
      {"ubuntu-24.04", "ubuntu-24.04"},
      {"actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683",
       "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683"},
      {"${{ vars.AZURE_CLIENT_ID }}", "${{ vars.AZURE_CLIENT_ID }}"},
      {"https://example.com/a#b", "https://example.com/a#b"},
      {"a:b", "a:b"},
      {"terraform plan -out=tfplan", "terraform plan -out=tfplan"},
      {"caf\xC3\xA9", "caf\xC3\xA9"},
      // Booleans and nulls in YAML 1.1 or 1.2, in any case.
      {"on", "'on'"},
      {"Off", "'Off'"},
      {"YES", "'YES'"},
      {"n", "'n'"},
      {"true", "'true'"},
      {"False", "'False'"},
      {"null", "'null'"},
      {"~", "'~'"},
      {"<<", "'<<'"},
      {"=", "'='"},
      // Number-like.
      {"1.9.8", "'1.9.8'"},
      {"0x1F", "'0x1F'"},
      {"0o17", "'0o17'"},
      {"1e3", "'1e3'"},
      {"+1", "'+1'"},
      {".5", "'.5'"},
      {".inf", "'.inf'"},
      {"-.Inf", "'-.Inf'"},
      {".NaN", "'.NaN'"},
      {"2001-12-14", "'2001-12-14'"},
      {"12:30", "'12:30'"},
      // Indicators at the start, `: ` and ` #` anywhere, a trailing colon, document markers.
      {"-backend=false", "'-backend=false'"},
      {"- item", "'- item'"},
      {"? key", "'? key'"},
      {":x", "':x'"},
      {",x", "',x'"},
      {"[a]", "'[a]'"},
      {"]", "']'"},
      {"{a: b}", "'{a: b}'"},
      {"}", "'}'"},
      {"#comment", "'#comment'"},
      {"&anchor", "'&anchor'"},
      {"*alias", "'*alias'"},
      {"!cancelled()", "'!cancelled()'"},
      {"|", "'|'"},
      {">", "'>'"},
      {"'quoted'", "'''quoted'''"},
      {"\"dq\"", "'\"dq\"'"},
      {"%TAG", "'%TAG'"},
      {"@at", "'@at'"},
      {"`tick`", "'`tick`'"},
      {"key: value", "'key: value'"},
      {"a #b", "'a #b'"},
      {"trailing:", "'trailing:'"},
      {"...", "'...'"},
      {"---", "'---'"},
      // Spaces at either end, the empty string.
      {" lead", "' lead'"},
      {"trail ", "'trail '"},
      {"", "''"},
      {"it's", "it's"},
      {"it's: x", "'it''s: x'"},
      // Control characters and non-printable Unicode need escapes.
      {"tab\there", "\"tab\\there\""},
      {"line1\nline2", "\"line1\\nline2\""},
      {"cr\r", "\"cr\\r\""},
      {std::string("nul\0x", 5), "\"nul\\0x\""},
      {"bell\x07", "\"bell\\a\""},
      {"esc\x1b[0m", "\"esc\\e[0m\""},
      {"del\x7f", "\"del\\x7F\""},
      {"nel\xC2\x85", "\"nel\\x85\""},
      {"ls\xE2\x80\xA8", "\"ls\\L\""},
      {"ps\xE2\x80\xA9", "\"ps\\P\""},
      {"\xEF\xBB\xBF"
       "bom",
       "\"\\uFEFFbom\""},
      {"q\"b\\\n", "\"q\\\"b\\\\\\n\""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    CHECK(scalar(c.input) == c.want);
  }
}

TEST_CASE("multi-line text is a literal block only when the block reads back exactly") {
  const Case cases[] = {
      {"make\nmake test\n", "|"},
      {"make\nmake test", "|-"},
      {"make\n\n", "|+"},
      {"a\n\nb\n", "|"},
      {"  indented first line\nx\n", ""},
      {"\n  indented after blank\n", ""},
      {"x\n  indented later\n", "|"},
      {"x\n   \ny\n", ""},
      {"tab\tinside\n", ""},
      {"cr\r\nlf\n", ""},
      {"\n\n", ""},
      {"one line", ""},
      {"# not a comment\nkey: value\n- item\n'\"\n", "|"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    CHECK(literal_block_header(c.input) == c.want);
  }
}

TEST_CASE("documents are block mappings with two-space indents and sequences under their key") {
  YamlWriter w;
  w.comment("Generated.\nDo not edit.");
  Mapping root;
  root.spaced = true;
  root.add("name", "deploy");
  root.add("on", Mapping{{"push", Mapping{{"branches", Sequence{"main"}}}},
                         {"workflow_dispatch", Mapping{}}});
  Mapping job{{"runs-on", "ubuntu-24.04"},
              {"timeout-minutes", 30},
              {"permissions", Mapping{{"contents", "read"}}},
              {"env", Mapping{{"ARM_USE_OIDC", "true"}, {"EMPTY", Sequence{}}}}};
  job.add("steps", Sequence{Mapping{{"uses", Node("actions/checkout@abc").commented("v4.2.2")},
                                    {"with", Mapping{{"persist-credentials", false}}}},
                            Mapping{{"name", "Build", "Builds the program."},
                                    {"run", "cmake -S . -B build\ncmake --build build\n"}},
                            "plain item", Node("line\nbreak\twith tab")});
  root.add("jobs", Mapping{{"build", std::move(job)}}, "Every job states its permissions.");
  w.document(root);
  CHECK(w.str() ==
        "# Generated.\n"
        "# Do not edit.\n"
        "name: deploy\n"
        "\n"
        "'on':\n"
        "  push:\n"
        "    branches:\n"
        "      - main\n"
        "  workflow_dispatch: {}\n"
        "\n"
        "# Every job states its permissions.\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-24.04\n"
        "    timeout-minutes: 30\n"
        "    permissions:\n"
        "      contents: read\n"
        "    env:\n"
        "      ARM_USE_OIDC: 'true'\n"
        "      EMPTY: []\n"
        "    steps:\n"
        "      - uses: actions/checkout@abc # v4.2.2\n"
        "        with:\n"
        "          persist-credentials: false\n"
        "      # Builds the program.\n"
        "      - name: Build\n"
        "        run: |\n"
        "          cmake -S . -B build\n"
        "          cmake --build build\n"
        "      - plain item\n"
        "      - \"line\\nbreak\\twith tab\"\n");
}

TEST_CASE("literal blocks keep blank lines without trailing spaces and honour chomping") {
  YamlWriter w;
  w.document(Mapping{{"keep", "a\n\n"}, {"strip", "a\n\nb"}, {"next", 1}});
  CHECK(w.str() ==
        "keep: |+\n"
        "  a\n"
        "\n"
        "strip: |-\n"
        "  a\n"
        "\n"
        "  b\n"
        "next: 1\n");
}

}  // namespace
}  // namespace iac::gen::yaml
