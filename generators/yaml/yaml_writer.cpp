#include "generators/yaml/yaml_writer.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

namespace iac::gen::yaml {

Mapping::Mapping(std::initializer_list<Entry> list) : entries(list) {}

Node& Mapping::add(std::string key, Node value, std::string comment_above) {
  entries.emplace_back(std::move(key), std::move(value), std::move(comment_above));
  return entries.back().value;
}

Sequence::Sequence(std::initializer_list<Node> list) : items(list) {}

Node& Sequence::add(Node value) {
  items.push_back(std::move(value));
  return items.back();
}

namespace {

/// The length of the character at `text[i]` that only a double-quoted escape can write, or 0.
/// YAML allows neither C0 controls (tab and line breaks included, as they do not survive a plain
/// or single-quoted scalar unchanged), DEL, the C1 block, U+2028/U+2029 (line breaks to YAML
/// 1.1), nor the byte-order mark and noncharacters U+FFFE/U+FFFF anywhere but in escapes.
std::size_t escape_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
  };
  const unsigned c = byte(i);
  if (c < 0x20 || c == 0x7F) return 1;
  if (c == 0xC2 && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9F) return 2;
  if (c == 0xE2 && byte(i + 1) == 0x80 && (byte(i + 2) == 0xA8 || byte(i + 2) == 0xA9)) return 3;
  if (c == 0xEF && byte(i + 1) == 0xBB && byte(i + 2) == 0xBF) return 3;
  if (c == 0xEF && byte(i + 1) == 0xBF && (byte(i + 2) == 0xBE || byte(i + 2) == 0xBF)) return 3;
  return 0;
}

bool needs_escapes(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (escape_length(text, i) != 0) return true;
  }
  return false;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Words that YAML 1.1 (`yes`, `on`, `y`…) or 1.2 (`true`, `null`, `~`) resolve to a boolean or
/// null, and the YAML 1.1 merge (`<<`) and value (`=`) keys.
bool is_reserved_word(std::string_view text) {
  static constexpr std::array kWords{"y",    "n",     "yes",  "no", "on", "off",
                                     "true", "false", "null", "~",  "<<", "="};
  const std::string word = lower(text);
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

/// Anything a YAML 1.1 or 1.2 resolver might read as a number or a date: a leading digit, a sign
/// or dot followed by a digit, and the infinity and not-a-number spellings. Deliberately broad:
/// `1.9.8` is a string to YAML, but quoting it costs nothing and no reader has to know that.
bool is_number_like(std::string_view text) {
  const auto digit = [&](std::size_t i) {
    return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0;
  };
  if (digit(0)) return true;
  if ((text[0] == '+' || text[0] == '-' || text[0] == '.') && digit(1)) return true;
  const std::string word = lower(text);
  return word == ".inf" || word == "+.inf" || word == "-.inf" || word == ".nan";
}

bool is_plain_safe(std::string_view text) {
  if (text.empty() || needs_escapes(text)) return false;
  if (text.front() == ' ' || text.back() == ' ') return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(text.front()) != std::string_view::npos) {
    return false;
  }
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos ||
      text.back() == ':' || text.substr(0, 3) == "...") {
    return false;
  }
  return !is_reserved_word(text) && !is_number_like(text);
}

std::string single_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = escape_length(text, i);
    const auto c = static_cast<unsigned char>(text[i]);
    if (n == 0) {
      if (c == '"' || c == '\\') out += '\\';
      out += text[i++];
      continue;
    }
    switch (c) {
      case '\0':
        out += "\\0";
        break;
      case '\a':
        out += "\\a";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\v':
        out += "\\v";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      case 0x1B:
        out += "\\e";
        break;
      case 0xC2:  // U+0080..U+009F
        out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i + 1]));
        break;
      case 0xE2:  // U+2028, U+2029
        out += static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "\\L" : "\\P";
        break;
      case 0xEF:  // U+FEFF, U+FFFE, U+FFFF
        out += static_cast<unsigned char>(text[i + 1]) == 0xBB   ? "\\uFEFF"
               : static_cast<unsigned char>(text[i + 2]) == 0xBE ? "\\uFFFE"
                                                                 : "\\uFFFF";
        break;
      default:
        out += fmt::format("\\x{:02X}", c);
        break;
    }
    i += n;
  }
  out += '"';
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      lines.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return lines;
}

void indent(std::string& out, int spaces) { out.append(static_cast<std::size_t>(spaces), ' '); }

void comment_lines(std::string& out, std::string_view text, int spaces) {
  for (std::string_view line : split_lines(text)) {
    indent(out, spaces);
    out += line.empty() ? "#" : fmt::format("# {}", line);
    out += '\n';
  }
}

std::string one_line(std::string_view comment) {
  std::string out(comment);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

/// Ends the line that holds a scalar value or a block header.
void end_scalar_line(std::string& out, const Node& node) {
  if (!node.trailing_comment.empty()) out += " # " + one_line(node.trailing_comment);
  out += '\n';
}

void emit_mapping(std::string& out, const Mapping& mapping, int spaces, bool first_inline);
void emit_sequence(std::string& out, const Sequence& sequence, int spaces);

/// Writes `node` after a `key:` or `-` already on the line; block content goes below at `spaces`.
void emit_value(std::string& out, const Node& node, int spaces) {
  if (const auto* text = std::get_if<std::string>(&node.value)) {
    const std::string header = literal_block_header(*text);
    if (header.empty()) {
      out += ' ' + scalar(*text);
      end_scalar_line(out, node);
      return;
    }
    out += ' ' + header;
    end_scalar_line(out, node);
    std::string_view body = *text;
    // The final line break is the header's chomping indicator's business, not a line.
    if (!body.empty() && body.back() == '\n') body.remove_suffix(1);
    for (std::string_view line : split_lines(body)) {
      if (!line.empty()) {
        indent(out, spaces);
        out += line;
      }
      out += '\n';
    }
  } else if (const auto* flag = std::get_if<bool>(&node.value)) {
    out += *flag ? " true" : " false";
    end_scalar_line(out, node);
  } else if (const auto* number = std::get_if<std::int64_t>(&node.value)) {
    out += fmt::format(" {}", *number);
    end_scalar_line(out, node);
  } else if (const auto* mapping = std::get_if<Mapping>(&node.value)) {
    if (mapping->empty()) {
      out += " {}";
      end_scalar_line(out, node);
      return;
    }
    end_scalar_line(out, node);
    emit_mapping(out, *mapping, spaces, false);
  } else {
    const auto& sequence = std::get<Sequence>(node.value);
    if (sequence.empty()) {
      out += " []";
      end_scalar_line(out, node);
      return;
    }
    end_scalar_line(out, node);
    emit_sequence(out, sequence, spaces);
  }
}

/// `first_inline`: the caller wrote `- ` for the first entry already (a mapping in a sequence).
void emit_mapping(std::string& out, const Mapping& mapping, int spaces, bool first_inline) {
  bool first = true;
  for (const Entry& entry : mapping.entries) {
    if (!first && mapping.spaced) out += '\n';
    if (!(first && first_inline)) {
      if (!entry.comment_above.empty()) comment_lines(out, entry.comment_above, spaces);
      indent(out, spaces);
    }
    out += scalar(entry.key) + ':';
    emit_value(out, entry.value, spaces + 2);
    first = false;
  }
}

void emit_sequence(std::string& out, const Sequence& sequence, int spaces) {
  for (const Node& item : sequence.items) {
    indent(out, spaces);
    out += '-';
    const auto* mapping = std::get_if<Mapping>(&item.value);
    if (mapping == nullptr || mapping->empty()) {
      emit_value(out, item, spaces + 2);
      continue;
    }
    // `- key: value`: the comment of the item's first entry goes above the dash.
    const Entry& head = mapping->entries.front();
    if (!head.comment_above.empty()) {
      out.resize(out.size() - 1 - static_cast<std::size_t>(spaces));
      comment_lines(out, head.comment_above, spaces);
      indent(out, spaces);
      out += '-';
    }
    if (!item.trailing_comment.empty()) out += " # " + one_line(item.trailing_comment) + "\n";
    if (!item.trailing_comment.empty()) {
      emit_mapping(out, *mapping, spaces + 2, false);
    } else {
      out += ' ';
      emit_mapping(out, *mapping, spaces + 2, true);
    }
  }
}

}  // namespace

ScalarStyle scalar_style(std::string_view text) {
  if (needs_escapes(text)) return ScalarStyle::double_quoted;
  return is_plain_safe(text) ? ScalarStyle::plain : ScalarStyle::single_quoted;
}

std::string scalar(std::string_view text) {
  switch (scalar_style(text)) {
    case ScalarStyle::plain:
      return std::string(text);
    case ScalarStyle::single_quoted:
      return single_quoted(text);
    case ScalarStyle::double_quoted:
      break;
  }
  return double_quoted(text);
}

std::string literal_block_header(std::string_view text) {
  if (text.find('\n') == std::string_view::npos) return {};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && escape_length(text, i) != 0) return {};
  }
  std::string_view body = text;
  std::size_t trailing = 0;
  while (!body.empty() && body.back() == '\n') {
    body.remove_suffix(1);
    ++trailing;
  }
  if (body.empty()) return {};
  bool seen_content = false;
  for (std::string_view line : split_lines(body)) {
    const bool blank = line.find_first_not_of(' ') == std::string_view::npos;
    // A line of spaces only would be read as an empty line (or, before the first content line,
    // as setting the indentation): the spaces would be lost.
    if (blank && !line.empty()) return {};
    // The first content line sets the block's indentation, so it cannot itself start with one.
    if (!blank && !seen_content && line.front() == ' ') return {};
    if (!blank) seen_content = true;
  }
  return trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
}

void YamlWriter::comment(std::string_view text) { comment_lines(text_, text, 0); }

void YamlWriter::document(const Mapping& root) { emit_mapping(text_, root, 0, false); }

}  // namespace iac::gen::yaml
