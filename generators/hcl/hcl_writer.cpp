#include "generators/hcl/hcl_writer.h"

#include <algorithm>
#include <span>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace iac::gen::hcl {

struct HclWriter::Body {
  struct Item {
    enum class Kind { attribute, block, comment } kind;
    std::string name;  // attribute name, block type, or comment text
    std::vector<std::string> labels;
    std::unique_ptr<Value> value;
    std::unique_ptr<Body> body;
  };
  std::vector<Item> items;
};

namespace {

/// One output line, split as hclwrite splits it: the part before `=` and the rest. Lines with
/// an assignment that is complete on the line form alignment chains.
struct Line {
  int indent = 0;
  std::string lead;
  std::string assign;  // "= value", or empty when the line has no complete assignment
};

std::string indent_text(int level) { return std::string(static_cast<std::size_t>(level) * 2, ' '); }

void render_value(const Value& value, int indent, std::vector<Line>& lines, Line& current);

std::string render_traversal(const Traversal& traversal) {
  std::string text;
  for (const auto& step : traversal.steps) {
    if (!text.empty()) text += '.';
    text += step;
  }
  return text;
}

bool is_scalar(const Value& value) {
  return !std::holds_alternative<List>(value.data()) &&
         !std::holds_alternative<Object>(value.data());
}

/// A bare `for` as the first key would open a `for` expression (`{ for = 1 }` does not parse),
/// so it is always quoted; `null`, `true` and `false` are read as literal keys by HCL.
std::string render_key(const std::string& key) {
  return is_identifier(key) && key != "for" ? key : quote(key);
}

/// Appends `name = value` lines: single-line values become an assignment cell, multi-line ones
/// open a bracket on the first line, as `terraform fmt` leaves them.
void render_assignment(const std::string& key, const Value& value, int indent,
                       std::vector<Line>& lines) {
  Line first{.indent = indent, .lead = key};
  std::vector<Line> rest;
  render_value(value, indent, rest, first);
  if (rest.empty()) {
    first.assign = "= " + first.assign;
    lines.push_back(std::move(first));
  } else {
    first.lead += " = " + first.assign;
    first.assign.clear();
    lines.push_back(std::move(first));
    for (auto& line : rest) lines.push_back(std::move(line));
  }
}

/// Renders a value; the text on the current line goes into `current.assign`, further lines are
/// appended to `lines`.
void render_value(const Value& value, int indent, std::vector<Line>& lines, Line& current) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          current.assign += v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          current.assign += std::to_string(v);
        } else if constexpr (std::is_same_v<T, double>) {
          current.assign += fmt::format("{}", v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          current.assign += quote(v);
        } else if constexpr (std::is_same_v<T, Traversal>) {
          current.assign += render_traversal(v);
        } else if constexpr (std::is_same_v<T, Template>) {
          std::string text = "\"";
          for (std::size_t k = 0; k < v.parts.size(); ++k) {
            const auto& part = v.parts[k];
            if (const auto* literal = std::get_if<std::string>(&part)) {
              // A `$` right before an interpolation would turn its `${` into the `$${` escape,
              // and HCL has no escape for a lone `$`: such trailing dollars are written as an
              // interpolated string literal, `${"$"}`.
              std::string_view body = *literal;
              std::size_t keep = body.size();
              bool before_interpolation =
                  k + 1 < v.parts.size() && std::holds_alternative<Traversal>(v.parts[k + 1]);
              while (before_interpolation && keep > 0 && body[keep - 1] == '$') --keep;
              std::string quoted = quote(body.substr(0, keep));
              text += quoted.substr(1, quoted.size() - 2);
              if (keep < body.size()) text += "${\"" + std::string(body.size() - keep, '$') + "\"}";
            } else {
              text += "${" + render_traversal(std::get<Traversal>(part)) + "}";
            }
          }
          current.assign += text + "\"";
        } else if constexpr (std::is_same_v<T, List>) {
          if (std::all_of(v.begin(), v.end(), is_scalar)) {
            std::string text = "[";
            for (std::size_t i = 0; i < v.size(); ++i) {
              Line scratch;
              std::vector<Line> none;
              render_value(v[i], indent, none, scratch);
              text += (i ? ", " : "") + scratch.assign;
            }
            current.assign += text + "]";
            return;
          }
          current.assign += "[";
          for (const auto& element : v) {
            Line line{.indent = indent + 1};
            std::vector<Line> nested;
            render_value(element, indent + 1, nested, line);
            if (nested.empty()) {
              line.lead = line.assign + ",";
              line.assign.clear();
              lines.push_back(std::move(line));
            } else {
              line.lead = line.assign;
              line.assign.clear();
              lines.push_back(std::move(line));
              for (auto& n : nested) lines.push_back(std::move(n));
              lines.back().lead += ",";
            }
          }
          lines.push_back({.indent = indent, .lead = "]"});
        } else if constexpr (std::is_same_v<T, Object>) {
          if (v.entries.empty()) {
            current.assign += "{}";
            return;
          }
          current.assign += "{";
          for (const auto& entry : v.entries) {
            render_assignment(render_key(entry.key), entry.value, indent + 1, lines);
          }
          lines.push_back({.indent = indent, .lead = "}"});
        }
      },
      value.data());
}

void render_body(const HclWriter::Body& body, int indent, std::vector<Line>& lines) {
  using Kind = HclWriter::Body::Item::Kind;
  const auto& items = body.items;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    // Blank line between a block and its neighbours, as terraform style guides write it.
    if (i > 0 && (item.kind == Kind::block || items[i - 1].kind == Kind::block)) {
      lines.push_back({});
    }
    switch (item.kind) {
      case Kind::attribute:
        render_assignment(item.name, *item.value, indent, lines);
        break;
      case Kind::comment:
        lines.push_back({.indent = indent, .lead = std::string("# ").append(item.name)});
        break;
      case Kind::block: {
        std::string header = item.name;
        for (const auto& label : item.labels) header.append(" ").append(quote(label));
        if (item.body->items.empty()) {
          lines.push_back({.indent = indent, .lead = header + " {}"});
          break;
        }
        lines.push_back({.indent = indent, .lead = header + " {"});
        render_body(*item.body, indent + 1, lines);
        lines.push_back({.indent = indent, .lead = "}"});
        break;
      }
    }
  }
}

/// The columns hclwrite counts when it aligns `=`: Unicode grapheme clusters, not bytes. This
/// approximates UAX #29 for what keys hold in practice: a code point that extends the one before
/// (combining marks, variation selectors, emoji modifiers and tags, a zero-width joiner and the
/// code point it joins, the second of a pair of regional indicators) adds no column.
std::size_t columns(std::string_view text) {
  // Most leads are ASCII identifiers: one column per byte.
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return text.size();
  }
  std::size_t count = 0;
  bool joined = false;     // the previous code point was a zero-width joiner
  bool half_flag = false;  // the previous code point began a regional-indicator pair
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t cp = length == 1 ? byte : byte & (0x7F >> length);
    for (int k = 1; k < length && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    i += static_cast<std::size_t>(length);
    auto in = [cp](char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; };
    bool extends = in(0x0300, 0x036F) || in(0x1AB0, 0x1AFF) || in(0x1DC0, 0x1DFF) ||
                   in(0x20D0, 0x20FF) || in(0xFE00, 0xFE0F) || in(0xFE20, 0xFE2F) ||
                   in(0x1F3FB, 0x1F3FF) || in(0xE0020, 0xE007F) || in(0xE0100, 0xE01EF) ||
                   cp == 0x200D;
    bool regional = in(0x1F1E6, 0x1F1FF);
    if (!joined && !extends && !(regional && half_flag)) ++count;
    half_flag = regional && !half_flag;
    joined = cp == 0x200D;
  }
  return count;
}

/// hclwrite's formatCells: every run of consecutive lines with an assignment cell is aligned
/// on the longest lead.
void align(std::vector<Line>& lines) {
  std::size_t start = 0;
  while (start < lines.size()) {
    if (lines[start].assign.empty()) {
      ++start;
      continue;
    }
    std::size_t end = start;
    std::size_t width = 0;
    while (end < lines.size() && !lines[end].assign.empty()) {
      width = std::max(width, lines[end].indent * 2 + columns(lines[end].lead));
      ++end;
    }
    for (std::size_t i = start; i < end; ++i) {
      std::size_t own = lines[i].indent * 2 + columns(lines[i].lead);
      lines[i].lead += std::string(width - own, ' ');
    }
    start = end;
  }
}

using Item = HclWriter::Body::Item;
using PathStep = HclWriter::PathStep;

std::string step_text(const PathStep& step) {
  return step.index ? fmt::format("{}[{}]", step.name, *step.index) : step.name;
}

std::string edit_object(Object& object, std::span<const PathStep> steps,
                        const std::optional<Value>& value, const std::string& where) {
  const PathStep& step = steps.front();
  const std::string here = where + "." + step.name;
  if (step.index) {
    return fmt::format("`{}` is a key of an object value: it takes no index", here);
  }
  auto& entries = object.entries;
  auto it = std::find_if(entries.begin(), entries.end(),
                         [&](const ObjectEntry& entry) { return entry.key == step.name; });
  if (steps.size() == 1) {
    if (!value) {
      if (it == entries.end()) return fmt::format("nothing is written at `{}` to remove", here);
      entries.erase(it);
    } else if (it == entries.end()) {
      entries.push_back({step.name, *value});
    } else {
      it->value = *value;
    }
    return {};
  }
  if (it == entries.end()) {
    if (!value) return fmt::format("nothing is written at `{}` to remove", here);
    entries.push_back({step.name, Object{}});
    it = std::prev(entries.end());
  }
  auto* nested = std::get_if<Object>(&it->value.data());
  if (nested == nullptr) {
    return fmt::format("`{}` holds a value that is not an object: it has no `{}`", here,
                       steps[1].name);
  }
  return edit_object(*nested, steps.subspan(1), value, here);
}

std::string edit_body(HclWriter::Body& body, std::span<const PathStep> steps,
                      const std::optional<Value>& value, const std::string& where) {
  const PathStep& step = steps.front();
  const std::string here = where.empty() ? step_text(step) : where + "." + step_text(step);
  const bool last = steps.size() == 1;
  auto& items = body.items;
  auto attribute = std::find_if(items.begin(), items.end(), [&](const Item& item) {
    return item.kind == Item::Kind::attribute && item.name == step.name;
  });
  if (attribute != items.end()) {
    if (step.index) return fmt::format("`{}` is an attribute: it takes no index", here);
    if (last) {
      if (value) {
        *attribute->value = *value;
      } else {
        items.erase(attribute);
      }
      return {};
    }
    auto* object = std::get_if<Object>(&attribute->value->data());
    if (object == nullptr) {
      return fmt::format("`{}` is an attribute that is not an object: it has no `{}`", here,
                         steps[1].name);
    }
    return edit_object(*object, steps.subspan(1), value, here);
  }
  std::vector<std::size_t> blocks;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].kind == Item::Kind::block && items[i].name == step.name) blocks.push_back(i);
  }
  if (last && value) {
    if (!blocks.empty() || step.index) {
      return fmt::format("`{}` is a nested block: override its attributes (`{}.<attribute>`)", here,
                         step.name);
    }
    // A new attribute joins the others, before the first nested block, so it aligns with them.
    auto first_block = std::find_if(items.begin(), items.end(), [](const Item& item) {
      return item.kind == Item::Kind::block;
    });
    items.insert(first_block, Item{.kind = Item::Kind::attribute,
                                   .name = step.name,
                                   .labels = {},
                                   .value = std::make_unique<Value>(*value),
                                   .body = nullptr});
    return {};
  }
  std::size_t chosen = 0;
  auto create_block = [&](std::size_t position) {
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(position),
                 Item{.kind = Item::Kind::block,
                      .name = step.name,
                      .labels = {},
                      .value = nullptr,
                      .body = std::make_unique<HclWriter::Body>()});
    return position;
  };
  if (step.index) {
    if (*step.index < blocks.size()) {
      chosen = blocks[*step.index];
    } else if (*step.index == blocks.size() && value) {
      chosen = create_block(blocks.empty() ? items.size() : blocks.back() + 1);
    } else {
      return fmt::format("`{}` does not exist: {} `{}` block{} {} written", here, blocks.size(),
                         step.name, blocks.size() == 1 ? "" : "s",
                         blocks.size() == 1 ? "is" : "are");
    }
  } else if (blocks.size() > 1) {
    return fmt::format("{} `{}` blocks are written at `{}`: pick one with `{}[0]` to `{}[{}]`",
                       blocks.size(), step.name, here, step.name, step.name, blocks.size() - 1);
  } else if (blocks.empty()) {
    if (!value) return fmt::format("nothing is written at `{}` to remove", here);
    chosen = create_block(items.size());
  } else {
    chosen = blocks.front();
  }
  if (last) {  // only removals get here
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(chosen));
    return {};
  }
  return edit_body(*items[chosen].body, steps.subspan(1), value, here);
}

}  // namespace

std::vector<std::string> HclWriter::edit_block(std::string_view type,
                                               const std::vector<std::string>& labels,
                                               const std::vector<Edit>& edits) {
  std::vector<std::string> problems;
  auto& items = root_->items;
  auto block = std::find_if(items.begin(), items.end(), [&](const Body::Item& item) {
    return item.kind == Body::Item::Kind::block && item.name == type && item.labels == labels;
  });
  if (block == items.end()) {
    problems.push_back(
        fmt::format("no `{}` block with labels {} is written", type, fmt::join(labels, " ")));
    return problems;
  }
  for (const Edit& edit : edits) {
    if (edit.path.empty()) {
      problems.push_back("an edit has an empty path");
      continue;
    }
    std::string problem = edit_body(*block->body, edit.path, edit.value, "");
    if (!problem.empty()) problems.push_back(std::move(problem));
  }
  return problems;
}

HclWriter::HclWriter() : root_(std::make_unique<Body>()) { open_.push_back(root_.get()); }
HclWriter::~HclWriter() = default;

HclWriter::BlockScope::~BlockScope() {
  if (writer_ != nullptr) writer_->close_block();
}

HclWriter::BlockScope HclWriter::block(std::string type, std::vector<std::string> labels) {
  auto& items = open_.back()->items;
  items.push_back({.kind = Body::Item::Kind::block,
                   .name = std::move(type),
                   .labels = std::move(labels),
                   .body = std::make_unique<Body>()});
  open_.push_back(items.back().body.get());
  return BlockScope(*this);
}

void HclWriter::close_block() {
  if (open_.size() <= 1) throw std::logic_error("HclWriter: closing a block that is not open");
  open_.pop_back();
}

void HclWriter::attribute(std::string name, Value value) {
  open_.back()->items.push_back({.kind = Body::Item::Kind::attribute,
                                 .name = std::move(name),
                                 .value = std::make_unique<Value>(std::move(value))});
}

void HclWriter::comment(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';  // a comment is one line; a newline would end it
  }
  open_.back()->items.push_back({.kind = Body::Item::Kind::comment, .name = std::move(text)});
}

std::string HclWriter::str() const {
  std::vector<Line> lines;
  render_body(*root_, 0, lines);
  align(lines);
  std::string text;
  for (const auto& line : lines) {
    if (!line.lead.empty() || !line.assign.empty()) {
      text += indent_text(line.indent) + line.lead;
      if (!line.assign.empty()) text += " " + line.assign;
    }
    text += '\n';
  }
  return text;
}

std::string quote(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool opens_sequence = i + 1 < text.size() && text[i + 1] == '{';
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '$':
        out += opens_sequence ? "$$" : "$";
        break;
      case '%':
        out += opens_sequence ? "%%" : "%";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

bool is_identifier(std::string_view name) {
  if (name.empty()) return false;
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!letter(name.front())) return false;
  return std::all_of(name.begin(), name.end(),
                     [&](char c) { return letter(c) || (c >= '0' && c <= '9') || c == '-'; });
}

}  // namespace iac::gen::hcl
