#pragma once
/// YamlWriter: the only place that produces YAML text (CI pipelines, dependabot.yml).

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace iac::gen::yaml {

struct Entry;
struct Node;

/// A block mapping; entries keep insertion order.
struct Mapping {
  std::vector<Entry> entries;
  /// A blank line between entries, for the top level of a document and long lists of jobs.
  bool spaced = false;

  Mapping() = default;
  Mapping(std::initializer_list<Entry> list);
  /// Appends `key: value`, with an optional `# comment` line above it; returns the value.
  Node& add(std::string key, Node value, std::string comment_above = {});
  bool empty() const { return entries.empty(); }
};

/// A block sequence.
struct Sequence {
  std::vector<Node> items;

  Sequence() = default;
  Sequence(std::initializer_list<Node> list);
  Node& add(Node value);
  bool empty() const { return items.empty(); }
};

/// A value: a string (quoted by the writer as needed), a boolean, an integer, a mapping or a
/// sequence. Booleans and integers are typed so that a string "true" is never written bare.
struct Node {
  std::variant<std::string, bool, std::int64_t, Mapping, Sequence> value;
  /// Written after a scalar on the same line (`uses: x@sha # v4.2.2`); empty for none.
  std::string trailing_comment;

  Node() : value(std::string()) {}
  Node(std::string text) : value(std::move(text)) {}
  Node(std::string_view text) : value(std::string(text)) {}
  Node(const char* text) : value(std::string(text)) {}
  Node(bool flag) : value(flag) {}
  Node(int number) : value(std::int64_t{number}) {}
  Node(std::int64_t number) : value(number) {}
  Node(Mapping mapping) : value(std::move(mapping)) {}
  Node(Sequence sequence) : value(std::move(sequence)) {}

  /// The same value with `# comment` after it on its line.
  Node commented(std::string comment) && {
    trailing_comment = std::move(comment);
    return std::move(*this);
  }
};

/// One `key: value` of a mapping.
struct Entry {
  std::string key;
  Node value;
  std::string comment_above;

  Entry(std::string k, Node v, std::string comment = {})
      : key(std::move(k)), value(std::move(v)), comment_above(std::move(comment)) {}
};

/// Writes a YAML document: `#` comment lines, then one block mapping with two-space indents,
/// sequences indented under their key, and every scalar in a form that reads back as exactly the
/// same string under YAML 1.2 and YAML 1.1 parsers alike (see scalar()).
///
/// ```
/// YamlWriter w;
/// w.comment("generated");
/// w.document(Mapping{{"name", "deploy"},
///                    {"steps", Sequence{Mapping{{"run", "make\nmake test\n"}}}}});
/// w.str();
/// // Output:
/// // # generated
/// // name: deploy
/// // steps:
/// //   - run: |
/// //       make
/// //       make test
/// ```
class YamlWriter {
 public:
  /// A `# text` line; a multi-line text becomes several comment lines.
  void comment(std::string_view text);
  /// The document body. Precondition: called once, after the header comments.
  void document(const Mapping& root);

  /// The document so far, ending in one newline.
  std::string str() const { return text_; }

 private:
  std::string text_;
};

/// How a string is written as a flow scalar (a key, or a value on its key's line).
enum class ScalarStyle { plain, single_quoted, double_quoted };

/// The style scalar() uses: plain only when no YAML 1.1 or 1.2 parser can read it as anything
/// but this string (no indicator at the start, no `: ` or ` #`, not a boolean, null or
/// number-like word, no leading or trailing space); double-quoted when it holds characters that
/// only escapes can write (control characters, line breaks, non-printable Unicode); otherwise
/// single-quoted.
ScalarStyle scalar_style(std::string_view text);

/// `text` as a one-line YAML scalar in the style scalar_style() picks.
std::string scalar(std::string_view text);

/// The header of a literal block scalar (`|`, `|-` or `|+`) that reproduces `text` exactly, or
/// empty when no literal block can (no line break, a control character, a first line starting
/// with a space, or nothing but line breaks).
std::string literal_block_header(std::string_view text);

}  // namespace iac::gen::yaml
