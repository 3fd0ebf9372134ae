#include "generators/review/hcl_reader.h"

#include <cctype>
#include <utility>

#include <fmt/format.h>

namespace iac::review {

namespace {

struct ParseError {
  int line;
  std::string what;
};

/// A block body before flattening: attributes and nested blocks in source order.
struct Body {
  std::vector<std::pair<std::string, std::string>> attributes;
  struct Nested {
    std::string type;
    std::vector<std::string> labels;
    int line;
  };
  std::vector<std::pair<Nested, Body>> blocks;
};

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

class Parser {
 public:
  explicit Parser(std::string_view src, int line = 1) : src_(src), line_(line) {}

  /// Reads block bodies until `}` (nested) or the end of input (top level).
  void body(Body& out, bool nested) {
    for (;;) {
      skip_space(/*newlines=*/true);
      if (eof()) {
        if (nested) fail("unterminated block: a `}` is missing");
        return;
      }
      if (peek() == '}') {
        if (!nested) fail("unexpected `}`");
        ++pos_;
        return;
      }
      if (!is_ident_start(peek()))
        fail(fmt::format("expected an attribute or a block, found `{}`", peek()));
      const int header_line = line_;
      std::string name = identifier();
      skip_space(false);
      if (peek() == '=' && peek(1) != '=') {
        ++pos_;
        skip_space(false);
        out.attributes.emplace_back(std::move(name), expression(/*in_collection=*/false));
        continue;
      }
      std::vector<std::string> labels;
      while (!eof() && (peek() == '"' || is_ident_start(peek()))) {
        labels.push_back(peek() == '"' ? label_string() : identifier());
        skip_space(false);
      }
      if (peek() != '{') fail(fmt::format("expected `=` or `{{` after `{}`", name));
      ++pos_;
      Body nested_body;
      body(nested_body, true);
      out.blocks.push_back(
          {Body::Nested{std::move(name), std::move(labels), header_line}, std::move(nested_body)});
    }
  }

  /// Reads `key = value` items of an object constructor, after its `{`, up to and with its `}`.
  void object(std::vector<std::pair<std::string, std::string>>& out) {
    for (;;) {
      skip_space(true);
      if (eof()) fail("unterminated object: a `}` is missing");
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        return;
      }
      std::string key;
      if (peek() == '"') {
        key = label_string();
      } else if (is_ident_start(peek())) {
        key = identifier();
      } else {
        fail("object keys must be names or strings here");
      }
      skip_space(false);
      if (peek() != '=' && peek() != ':') fail(fmt::format("expected `=` after `{}`", key));
      ++pos_;
      skip_space(false);
      out.emplace_back(std::move(key), expression(/*in_collection=*/true));
    }
  }

  bool eof() const { return pos_ >= src_.size(); }
  int line() const { return line_; }

 private:
  char peek(size_t ahead = 0) const {
    return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
  }
  [[noreturn]] void fail(std::string what) const { throw ParseError{line_, std::move(what)}; }

  void advance() {
    if (src_[pos_] == '\n') ++line_;
    ++pos_;
  }

  void skip_comment_to_eol() {
    while (!eof() && peek() != '\n') ++pos_;
  }

  void skip_block_comment() {
    pos_ += 2;
    while (!eof() && !(peek() == '*' && peek(1) == '/')) advance();
    if (eof()) fail("unterminated `/*` comment");
    pos_ += 2;
  }

  void skip_space(bool newlines) {
    while (!eof()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
        advance();
      } else if (newlines && (c == '#' || (c == '/' && peek(1) == '/'))) {
        skip_comment_to_eol();
      } else if (c == '/' && peek(1) == '*') {
        skip_block_comment();
      } else {
        return;
      }
    }
  }

  std::string identifier() {
    size_t start = pos_;
    while (!eof() && is_ident(peek())) ++pos_;
    return std::string(src_.substr(start, pos_ - start));
  }

  /// A quoted label or key, decoded.
  std::string label_string() {
    std::string raw;
    string_literal(raw);
    std::string decoded;
    for (size_t i = 1; i + 1 < raw.size(); ++i) {
      if (raw[i] == '\\' && i + 2 < raw.size()) {
        char e = raw[++i];
        decoded += e == 'n' ? '\n' : e == 't' ? '\t' : e;
      } else {
        decoded += raw[i];
      }
    }
    return decoded;
  }

  /// Copies a quoted string (with its quotes, escapes and `${...}` templates) into `out`.
  void string_literal(std::string& out) {
    const int start_line = line_;
    out += '"';
    ++pos_;
    for (;;) {
      if (eof() || peek() == '\n') {
        throw ParseError{start_line, "unterminated string: a closing `\"` is missing"};
      }
      char c = peek();
      if (c == '\\') {
        out += c;
        ++pos_;
        if (eof()) continue;
        out += peek();
        ++pos_;
      } else if (c == '"') {
        out += c;
        ++pos_;
        return;
      } else if ((c == '$' || c == '%') && peek(1) == '{') {
        out += c;
        out += '{';
        pos_ += 2;
        template_interpolation(out);
      } else {
        out += c;
        ++pos_;
      }
    }
  }

  /// After `${`: copies up to and with the matching `}`.
  void template_interpolation(std::string& out) {
    int depth = 1;
    while (depth > 0) {
      if (eof()) fail("unterminated `${` in a string");
      char c = peek();
      if (c == '"') {
        string_literal(out);
        continue;
      }
      if (c == '{') ++depth;
      if (c == '}') --depth;
      out += c;
      advance();
    }
  }

  /// `<<EOF` / `<<-EOF` up to the closing marker line; the newline after it is left in place.
  void heredoc(std::string& out) {
    const int start_line = line_;
    pos_ += 2;
    bool indented = peek() == '-';
    if (indented) ++pos_;
    std::string marker = identifier();
    if (marker.empty()) fail("a heredoc needs a marker after `<<`");
    out += indented ? "<<-" : "<<";
    out += marker;
    skip_comment_to_eol();
    for (;;) {
      if (eof()) throw ParseError{start_line, fmt::format("unterminated heredoc `{}`", marker)};
      advance();  // the newline
      size_t start = pos_;
      skip_comment_to_eol();
      std::string_view text = src_.substr(start, pos_ - start);
      std::string_view trimmed = text;
      while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t')) {
        trimmed.remove_prefix(1);
      }
      while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\r')) {
        trimmed.remove_suffix(1);
      }
      out += '\n';
      if (trimmed == marker) {
        out += marker;
        return;
      }
      out += indented ? trimmed : text;
    }
  }

  /// Reads one expression and returns it normalized: comments dropped, whitespace outside
  /// strings collapsed, none just inside brackets or before `,`, no trailing comma.
  std::string expression(bool in_collection) {
    std::string out;
    std::vector<char> closers;
    bool pending_space = false;
    bool pending_newline = false;
    auto emit = [&](char c) {
      bool opener_before =
          !out.empty() && (out.back() == '[' || out.back() == '(' || out.back() == '{');
      bool closer_now = c == ']' || c == ')' || c == '}' || c == ',';
      // Newlines separate the items of an object constructor: they become `, `.
      if (pending_newline && !closers.empty() && closers.back() == '}' && !opener_before &&
          !closer_now && !out.empty() && out.back() != ',') {
        out += ',';
      }
      if (pending_space && !out.empty() && !opener_before && !closer_now) out += ' ';
      pending_space = false;
      pending_newline = false;
      if (closer_now && c != ',' && !out.empty() && out.back() == ',') out.pop_back();
      out += c;
    };
    const int start_line = line_;
    for (;;) {
      if (eof()) {
        if (!closers.empty()) {
          throw ParseError{start_line,
                           fmt::format("unterminated expression: `{}` is missing", closers.back())};
        }
        break;
      }
      char c = peek();
      if (closers.empty()) {
        if (c == '\n' || c == '}' || (in_collection && c == ',')) break;
        if (c == '#' || (c == '/' && peek(1) == '/')) {
          skip_comment_to_eol();
          break;
        }
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pending_space = true;
        pending_newline = pending_newline || c == '\n';
        advance();
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        skip_comment_to_eol();
      } else if (c == '/' && peek(1) == '*') {
        skip_block_comment();
        pending_space = true;
      } else if (c == '"') {
        emit('"');
        out.pop_back();
        string_literal(out);
      } else if (c == '<' && peek(1) == '<' && (peek(2) == '-' || is_ident_start(peek(2)))) {
        emit('<');
        out.pop_back();
        heredoc(out);
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
      } else {
        emit(c);
        ++pos_;
      }
    }
    if (out.empty()) throw ParseError{start_line, "an attribute needs a value after `=`"};
    return out;
  }

  std::string_view src_;
  size_t pos_ = 0;
  int line_ = 1;
};

bool is_simple_string(const std::string& text) {
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') return false;
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '\\' || text[i] == '"' || (text[i] == '$' && text[i + 1] == '{')) return false;
  }
  return true;
}

/// Adds `value` under `path`, flattening an object constructor into `path.key` entries.
void add_value(std::map<std::string, std::string>& out, const std::string& path,
               const std::string& value) {
  if (value.size() >= 2 && value.front() == '{' && value.back() == '}') {
    std::vector<std::pair<std::string, std::string>> items;
    try {
      Parser parser(std::string_view(value).substr(1));
      parser.object(items);
      if (parser.eof()) {
        if (items.empty()) out[path] = "{}";
        for (const auto& [key, item] : items) add_value(out, path + "." + key, item);
        return;
      }
    } catch (const ParseError&) {
      // Not a plain object constructor (e.g. a `for` expression): kept as text below.
    }
  }
  out[path] = value;
}

void flatten(const Body& body, const std::string& prefix, std::map<std::string, std::string>& out) {
  for (const auto& [name, value] : body.attributes) add_value(out, prefix + name, value);
  std::map<std::string, int> count;
  for (const auto& [nested, inner] : body.blocks) ++count[nested.type];
  std::map<std::string, int> index;
  for (const auto& [nested, inner] : body.blocks) {
    std::string key = nested.type;
    for (const auto& label : nested.labels) key += "." + label;
    std::string name;
    for (const auto& [attribute, value] : inner.attributes) {
      if (attribute == "name" && is_simple_string(value)) name = value.substr(1, value.size() - 2);
    }
    if (!name.empty()) {
      key += "[" + name + "]";
    } else if (count[nested.type] > 1) {
      key += "[" + std::to_string(index[nested.type]++) + "]";
    }
    if (inner.attributes.empty() && inner.blocks.empty()) out[prefix + key] = "{}";
    flatten(inner, prefix + key + ".", out);
  }
}

}  // namespace

HclFile read_hcl(std::string_view text) {
  HclFile file;
  Parser parser(text);
  Body top;
  try {
    parser.body(top, false);
  } catch (const ParseError& error) {
    file.error = fmt::format("line {}: {}", error.line, error.what);
  }
  for (const auto& [nested, inner] : top.blocks) {
    HclBlock block;
    block.kind = nested.type;
    block.labels = nested.labels;
    block.line = nested.line;
    flatten(inner, "", block.attributes);
    file.blocks.push_back(std::move(block));
  }
  return file;
}

}  // namespace iac::review
