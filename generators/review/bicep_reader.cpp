#include "generators/review/bicep_reader.h"

#include <array>
#include <cctype>
#include <set>
#include <utility>

#include <fmt/format.h>

namespace iac::review {

namespace {

struct ParseError {
  int line;
  std::string what;
};

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

using Properties = std::map<std::string, std::string>;

/// The statements a Bicep file may hold besides `resource` (read and skipped).
constexpr std::array<std::string_view, 12> kStatements = {
    "targetScope", "param",    "var",  "module", "output",    "import",
    "using",       "metadata", "type", "func",   "extension", "provider"};

class Parser {
 public:
  explicit Parser(std::string_view src) : src_(src) {}

  void file(std::vector<BicepResource>& out, std::vector<std::string>& statements) {
    std::string decorators;
    for (;;) {
      skip_all();
      if (eof()) return;
      const char c = peek();
      if (c == '@') {
        decorators += decorator() + " ";
        continue;
      }
      if (!is_ident_start(c)) {
        fail(
            fmt::format("expected a declaration (param, var, resource, module, output...), "
                        "found `{}`",
                        c));
      }
      const int line = line_;
      const std::string keyword = identifier();
      if (keyword == "resource") {
        resource(out, line);
        decorators.clear();
        continue;
      }
      bool known = false;
      for (auto statement : kStatements) known = known || statement == keyword;
      if (!known) fail(fmt::format("unknown declaration `{}`", keyword));
      statements.push_back(decorators + keyword + " " +
                           text(/*stops=*/"", /*group=*/false, /*allow_empty=*/true));
      decorators.clear();
    }
  }

 private:
  bool eof() const { return pos_ >= src_.size(); }
  char peek(size_t ahead = 0) const {
    return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
  }
  [[noreturn]] void fail(std::string what) const { throw ParseError{line_, std::move(what)}; }

  void advance() {
    if (src_[pos_] == '\n') ++line_;
    ++pos_;
  }

  void skip_line_comment() {
    while (!eof() && peek() != '\n') ++pos_;
  }

  void skip_block_comment() {
    const int start = line_;
    pos_ += 2;
    while (!eof() && !(peek() == '*' && peek(1) == '/')) advance();
    if (eof()) throw ParseError{start, "unterminated `/*` comment"};
    pos_ += 2;
  }

  /// Spaces, tabs and block comments on the current line.
  void skip_inline() {
    while (!eof()) {
      const char c = peek();
      if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else if (c == '/' && peek(1) == '*') {
        skip_block_comment();
      } else {
        return;
      }
    }
  }

  /// Whitespace, newlines and comments.
  void skip_all() {
    while (!eof()) {
      const char c = peek();
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        advance();
      } else if (c == '/' && peek(1) == '/') {
        skip_line_comment();
      } else if (c == '/' && peek(1) == '*') {
        skip_block_comment();
      } else {
        return;
      }
    }
  }

  std::string identifier() {
    const size_t start = pos_;
    while (!eof() && is_ident(peek())) ++pos_;
    return std::string(src_.substr(start, pos_ - start));
  }

  /// Whether the identifier `word` comes next (not as a prefix of a longer one).
  bool next_word_is(std::string_view word) const {
    if (src_.substr(pos_, word.size()) != word) return false;
    return !is_ident(peek(word.size()));
  }

  /// `@name(args)`, `@sys.name(args)` or `@name`, as text.
  std::string decorator() {
    const size_t start = pos_;
    ++pos_;
    if (!is_ident_start(peek())) fail("expected a decorator name after `@`");
    while (!eof() && (is_ident(peek()) || peek() == '.')) ++pos_;
    std::string out(src_.substr(start, pos_ - start));
    skip_inline();
    if (peek() == '(') out += text("", /*group=*/true, false);
    return out;
  }

  /// Copies a string literal, with its quotes, escapes and `${...}`, into `out`.
  void string_literal(std::string& out) {
    const int start = line_;
    if (peek() == '\'' && peek(1) == '\'' && peek(2) == '\'') {
      out += "'''";
      pos_ += 3;
      while (!(peek() == '\'' && peek(1) == '\'' && peek(2) == '\'')) {
        if (eof()) throw ParseError{start, "unterminated multi-line string: `'''` is missing"};
        out += peek();
        advance();
      }
      // A run of more than three quotes ends with the last three.
      while (peek(3) == '\'') {
        out += '\'';
        ++pos_;
      }
      out += "'''";
      pos_ += 3;
      return;
    }
    out += '\'';
    ++pos_;
    for (;;) {
      if (eof() || peek() == '\n') {
        throw ParseError{start, "unterminated string: a closing `'` is missing"};
      }
      const char c = peek();
      if (c == '\\') {
        out += c;
        ++pos_;
        if (!eof() && peek() != '\n') {
          out += peek();
          ++pos_;
        }
      } else if (c == '\'') {
        out += c;
        ++pos_;
        return;
      } else if (c == '$' && peek(1) == '{') {
        out += "${";
        pos_ += 2;
        interpolation(out);
      } else {
        out += c;
        ++pos_;
      }
    }
  }

  /// After `${`: copies up to and with the matching `}`.
  void interpolation(std::string& out) {
    const int start = line_;
    int depth = 1;
    while (depth > 0) {
      if (eof()) throw ParseError{start, "unterminated `${` in a string"};
      const char c = peek();
      if (c == '\'') {
        string_literal(out);
        continue;
      }
      if (c == '{') ++depth;
      if (c == '}') --depth;
      out += c;
      advance();
    }
  }

  /// Reads an expression as normalized text: comments dropped, whitespace outside strings
  /// collapsed, newlines inside `{}`/`[]` turned into `, `. Ends at a newline or one of `stops`
  /// outside brackets; with `group`, right after the bracket it starts with closes.
  std::string text(std::string_view stops, bool group, bool allow_empty) {
    std::string out;
    std::vector<char> closers;
    bool pending_space = false;
    bool pending_newline = false;
    auto emit = [&](char c) {
      const bool opener_before =
          !out.empty() && (out.back() == '[' || out.back() == '(' || out.back() == '{');
      const bool closer_now = c == ']' || c == ')' || c == '}' || c == ',';
      if (pending_newline && !closers.empty() && closers.back() != ')' && !opener_before &&
          !closer_now && !out.empty() && out.back() != ',') {
        out += ',';
      }
      if (pending_space && !out.empty() && !opener_before && !closer_now) out += ' ';
      pending_space = false;
      pending_newline = false;
      if (closer_now && c != ',' && !out.empty() && out.back() == ',') out.pop_back();
      out += c;
    };
    const int start = line_;
    for (;;) {
      if (eof()) {
        if (!closers.empty()) {
          throw ParseError{start,
                           fmt::format("unterminated expression: `{}` is missing", closers.back())};
        }
        break;
      }
      const char c = peek();
      if (closers.empty()) {
        if (c == '\n' || stops.find(c) != std::string_view::npos) break;
        if (c == '/' && peek(1) == '/') {
          skip_line_comment();
          break;
        }
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pending_space = true;
        pending_newline = pending_newline || c == '\n';
        advance();
      } else if (c == '/' && peek(1) == '/') {
        skip_line_comment();
      } else if (c == '/' && peek(1) == '*') {
        skip_block_comment();
        pending_space = true;
      } else if (c == '\'') {
        emit('\'');
        out.pop_back();
        string_literal(out);
      } else if (c == '[' || c == '(' || c == '{') {
        emit(c);
        closers.push_back(c == '[' ? ']' : c == '(' ? ')' : '}');
        ++pos_;
      } else if (c == ']' || c == ')' || c == '}') {
        if (closers.empty() || closers.back() != c) {
          fail(fmt::format("unbalanced `{}` in an expression", c));
        }
        closers.pop_back();
        emit(c);
        ++pos_;
        if (group && closers.empty()) break;
      } else {
        emit(c);
        ++pos_;
      }
    }
    if (out.empty() && !allow_empty) throw ParseError{start, "a value is missing"};
    return out;
  }

  /// After a structured value: only the end of the item may follow.
  bool at_item_end() {
    skip_inline();
    const char c = peek();
    return eof() || c == '\n' || c == ',' || c == '}' || c == ']' ||
           (c == '/' && (peek(1) == '/' || peek(1) == '*'));
  }

  /// After `{`: `key: value` items up to and with the `}`, flattened under `path`.
  void object(const std::string& path, Properties& out) {
    int count = 0;
    for (;;) {
      skip_all();
      if (eof()) fail("unterminated object: a `}` is missing");
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        break;
      }
      std::string key;
      if (peek() == '\'') {
        std::string raw;
        string_literal(raw);
        if (!bicep_plain_string(raw, key)) key = raw;  // an interpolated key stays as written
      } else if (is_ident_start(peek())) {
        key = identifier();
      } else {
        fail(fmt::format("expected a property name, found `{}`", peek()));
      }
      skip_inline();
      if (peek() != ':') fail(fmt::format("expected `:` after `{}`", key));
      ++pos_;
      skip_inline();
      value(join(path, key), out);
      ++count;
    }
    if (count == 0 && !path.empty()) out[path] = "{}";
  }

  /// After `[`: the items up to and with the `]`. Objects are keyed by their `name`, else by
  /// index; an array of plain values is one value.
  void array(const std::string& path, Properties& out) {
    struct Item {
      bool object = false;
      Properties properties;
      std::string text;
    };
    std::vector<Item> items;
    for (;;) {
      skip_all();
      if (eof()) fail("unterminated array: a `]` is missing");
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ']') {
        ++pos_;
        break;
      }
      Item item;
      if (peek() == '{') {
        const size_t pos = pos_;
        const int line = line_;
        ++pos_;
        object("", item.properties);
        item.object = at_item_end();
        if (!item.object) {
          pos_ = pos;
          line_ = line;
          item.properties.clear();
        }
      }
      if (!item.object) item.text = text(",]", false, false);
      items.push_back(std::move(item));
    }
    bool objects = false;
    for (const auto& item : items) objects = objects || item.object;
    if (!objects) {
      std::string list = "[";
      for (const auto& item : items) list += (list.size() > 1 ? ", " : "") + item.text;
      out[path] = list + "]";
      return;
    }
    std::set<std::string> used;
    for (size_t i = 0; i < items.size(); ++i) {
      std::string key = std::to_string(i);
      if (auto name = items[i].properties.find("name"); name != items[i].properties.end()) {
        std::string plain;
        if (bicep_plain_string(name->second, plain) && !plain.empty() && used.count(plain) == 0) {
          key = plain;
        }
      }
      used.insert(key);
      const std::string base = path + "[" + key + "]";
      if (!items[i].object) {
        out[base] = items[i].text;
      } else if (items[i].properties.empty()) {
        out[base] = "{}";
      } else {
        for (const auto& [sub, value] : items[i].properties) out[base + "." + sub] = value;
      }
    }
  }

  /// A property value: an object or array (flattened) or any other expression (as text).
  void value(const std::string& path, Properties& out) {
    const char c = peek();
    if (c == '{' || (c == '[' && !loop_follows())) {
      const size_t pos = pos_;
      const int line = line_;
      Properties nested;
      ++pos_;
      if (c == '{') {
        object(path, nested);
      } else {
        array(path, nested);
      }
      if (at_item_end()) {
        for (auto& [key, text] : nested) out[key] = std::move(text);
        return;
      }
      // `{...}.member` or `[...][0]`: an expression after all.
      pos_ = pos;
      line_ = line;
    }
    out[path] = text(",}]", false, false);
  }

  /// At `[`: whether a `for` loop follows.
  bool loop_follows() {
    const size_t pos = pos_;
    const int line = line_;
    ++pos_;
    skip_all();
    const bool loop = next_word_is("for");
    pos_ = pos;
    line_ = line;
    return loop;
  }

  /// `if (condition)`, recorded as `(if)`.
  void condition(Properties& out) {
    pos_ += 2;
    skip_inline();
    if (peek() != '(') fail("expected `(` after `if`");
    out["(if)"] = text("", /*group=*/true, false);
    skip_all();
  }

  void resource(std::vector<BicepResource>& out, int line) {
    skip_inline();
    if (!is_ident_start(peek())) fail("expected a symbolic name after `resource`");
    BicepResource r;
    r.line = line;
    r.symbol = identifier();
    skip_inline();
    if (peek() != '\'') {
      fail(fmt::format("expected the resource type 'Namespace/type@version' after `{}`", r.symbol));
    }
    std::string raw;
    std::string type_at_version;
    string_literal(raw);
    if (!bicep_plain_string(raw, type_at_version)) {
      fail(fmt::format("the type of `{}` must be a plain string", r.symbol));
    }
    const auto at = type_at_version.find('@');
    r.type = type_at_version.substr(0, at);
    r.api_version = at == std::string::npos ? "" : type_at_version.substr(at + 1);
    skip_inline();
    if (next_word_is("existing")) {
      r.existing = true;
      pos_ += 8;
      skip_inline();
    }
    if (peek() != '=') fail(fmt::format("expected `=` after the type of `{}`", r.symbol));
    ++pos_;
    skip_inline();
    if (next_word_is("if")) condition(r.properties);
    if (peek() == '[') {
      ++pos_;
      skip_all();
      if (!next_word_is("for")) fail("expected `for` after `[` in a resource declaration");
      r.properties["(for)"] = text(":", false, false);
      if (peek() != ':') fail("expected `:` after the loop header");
      ++pos_;
      skip_all();
      if (next_word_is("if")) condition(r.properties);
      if (peek() != '{') fail(fmt::format("expected `{{` for the body of `{}`", r.symbol));
      ++pos_;
      object("", r.properties);
      skip_all();
      if (peek() != ']') fail("expected `]` after the loop body");
      ++pos_;
    } else {
      if (peek() != '{') fail(fmt::format("expected `{{` for the body of `{}`", r.symbol));
      ++pos_;
      object("", r.properties);
    }
    out.push_back(std::move(r));
  }

  std::string_view src_;
  size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

bool bicep_plain_string(std::string_view value, std::string& out) {
  out.clear();
  if (value.size() >= 6 && value.substr(0, 3) == "'''" && value.substr(value.size() - 3) == "'''") {
    std::string_view body = value.substr(3, value.size() - 6);
    // The newline right after the opening quotes is not part of the value.
    if (!body.empty() && body.front() == '\n')
      body.remove_prefix(1);
    else if (body.size() > 1 && body[0] == '\r' && body[1] == '\n')
      body.remove_prefix(2);
    out = std::string(body);
    return true;
  }
  if (value.size() < 2 || value.front() != '\'' || value.back() != '\'') return false;
  for (size_t i = 1; i + 1 < value.size(); ++i) {
    const char c = value[i];
    if (c == '$' && value[i + 1] == '{') return false;
    if (c != '\\') {
      out += c;
      continue;
    }
    const char e = value[++i];
    switch (e) {
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        // \u{X...}: ASCII decoded, anything else kept as the escape (compared as text).
        const size_t close = value.find('}', i);
        if (close == std::string_view::npos || i + 1 >= value.size() || value[i + 1] != '{') {
          return false;
        }
        unsigned long code = 0;
        for (size_t k = i + 2; k < close; ++k) {
          const char h = value[k];
          const int digit = h >= '0' && h <= '9'   ? h - '0'
                            : h >= 'a' && h <= 'f' ? h - 'a' + 10
                            : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                                   : -1;
          if (digit < 0 || code > 0x10FFFF) return false;
          code = code * 16 + static_cast<unsigned long>(digit);
        }
        if (code < 0x80) {
          out += static_cast<char>(code);
        } else {
          out += std::string(value.substr(i - 1, close - i + 2));
        }
        i = close;
        break;
      }
      default:
        out += e;  // \\ \' \$ \{
    }
  }
  return true;
}

BicepFile read_bicep(std::string_view text) {
  BicepFile file;
  Parser parser(text);
  try {
    parser.file(file.resources, file.statements);
  } catch (const ParseError& error) {
    file.error = fmt::format("line {}: {}", error.line, error.what);
  }
  return file;
}

}  // namespace iac::review
