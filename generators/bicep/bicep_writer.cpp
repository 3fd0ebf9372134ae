#include "generators/bicep/bicep_writer.h"

#include <algorithm>
#include <span>

#include <fmt/format.h>

namespace iac::gen::bicep {

namespace {

std::string indent_text(int level) { return std::string(static_cast<std::size_t>(level) * 2, ' '); }

std::string member_path(const std::vector<std::string>& members) {
  std::string text;
  for (const auto& member : members) text += "." + member;
  return text;
}

void render(const Value& value, int indent, std::string& out);
void render_interpolation(const Interpolation& interpolation, std::string& out);

std::string render_call(const Call& call) {
  std::string text = call.function + "(";
  bool first = true;
  for (const auto& argument : call.string_arguments) {
    text += (first ? "" : ", ") + quote(argument);
    first = false;
  }
  for (const auto& argument : call.arguments) {
    if (!first) text += ", ";
    render(argument, 0, text);
    first = false;
  }
  return text + ")" + member_path(call.members);
}

std::string escape_body(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\'':
        out += "\\'";
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
        out += (i + 1 < text.size() && text[i + 1] == '{') ? "\\$" : "$";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{{{:X}}}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out;
}

bool fits_multiline(std::string_view text) {
  if (text.find('\n') == std::string_view::npos) return false;
  if (text.find("'''") != std::string_view::npos || text.back() == '\'') return false;
  return std::none_of(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f;
  });
}

void render_object(const Object& object, int indent, std::string& out) {
  if (object.properties.empty()) {
    out += "{}";
    return;
  }
  out += "{\n";
  for (const auto& property : object.properties) {
    out += indent_text(indent + 1);
    if (property.key_expression) {
      render_interpolation(*property.key_expression, out);
    } else {
      out += is_identifier(property.key) ? property.key : quote(property.key);
    }
    out += ": ";
    render(property.value, indent + 1, out);
    out += '\n';
  }
  out += indent_text(indent) + "}";
}

void render(const Value& value, int indent, std::string& out) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          out += v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          out += std::to_string(v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          out += quote(v);
        } else if constexpr (std::is_same_v<T, Reference>) {
          out += v.symbol + member_path(v.members);
        } else if constexpr (std::is_same_v<T, Call>) {
          out += render_call(v);
        } else if constexpr (std::is_same_v<T, Interpolation>) {
          render_interpolation(v, out);
        } else if constexpr (std::is_same_v<T, Array>) {
          if (v.empty()) {
            out += "[]";
            return;
          }
          out += "[\n";
          for (const auto& element : v) {
            out += indent_text(indent + 1);
            render(element, indent + 1, out);
            out += '\n';
          }
          out += indent_text(indent) + "]";
        } else if constexpr (std::is_same_v<T, Object>) {
          render_object(v, indent, out);
        }
      },
      value.data());
}

void render_interpolation(const Interpolation& interpolation, std::string& out) {
  out += '\'';
  for (const auto& part : interpolation.parts) {
    if (const auto* literal = std::get_if<std::string>(&part)) {
      out += escape_body(*literal);
    } else if (const auto* reference = std::get_if<Reference>(&part)) {
      out += "${" + reference->symbol + member_path(reference->members) + "}";
    } else {
      out += "${" + render_call(std::get<Call>(part)) + "}";
    }
  }
  out += '\'';
}

std::string edit_object(Object& object, std::span<const PathStep> steps,
                        const std::optional<Value>& value, const std::string& where) {
  const PathStep& step = steps.front();
  const bool last = steps.size() == 1;
  std::string here = where.empty() ? step.name : where + "." + step.name;
  auto& properties = object.properties;
  auto it = std::find_if(properties.begin(), properties.end(), [&](const Property& property) {
    return !property.key_expression && property.key == step.name;
  });
  if (!step.index) {
    if (last) {
      if (!value) {
        if (it == properties.end())
          return fmt::format("nothing is written at `{}` to remove", here);
        properties.erase(it);
      } else if (it == properties.end()) {
        properties.push_back({step.name, *value});
      } else {
        it->value = *value;
      }
      return {};
    }
    if (it == properties.end()) {
      if (!value) return fmt::format("nothing is written at `{}` to remove", here);
      properties.push_back({step.name, Object{}});
      it = std::prev(properties.end());
    }
    if (std::holds_alternative<Array>(it->value.data())) {
      return fmt::format("`{}` is an array: pick an element with `{}[i]`", here, step.name);
    }
    auto* nested = std::get_if<Object>(&it->value.data());
    if (nested == nullptr) {
      return fmt::format("`{}` holds a value that is not an object: it has no `{}`", here,
                         steps[1].name);
    }
    return edit_object(*nested, steps.subspan(1), value, here);
  }
  const std::size_t index = *step.index;
  here += fmt::format("[{}]", index);
  if (it == properties.end()) {
    if (!value || index != 0) return fmt::format("`{}` does not exist: no array is written", here);
    properties.push_back({step.name, Array{}});
    it = std::prev(properties.end());
  }
  auto* array = std::get_if<Array>(&it->value.data());
  if (array == nullptr) return fmt::format("`{}` is not an array: it takes no index", here);
  if (index > array->size() || (index == array->size() && !value)) {
    return fmt::format("`{}` does not exist: the array has {} element{}", here, array->size(),
                       array->size() == 1 ? "" : "s");
  }
  if (last) {
    if (!value) {
      array->erase(array->begin() + static_cast<std::ptrdiff_t>(index));
    } else if (index == array->size()) {
      array->push_back(*value);
    } else {
      (*array)[index] = *value;
    }
    return {};
  }
  if (index == array->size()) array->push_back(Object{});
  auto* element = std::get_if<Object>(&(*array)[index].data());
  if (element == nullptr) {
    return fmt::format("`{}` is not an object: it has no `{}`", here, steps[1].name);
  }
  return edit_object(*element, steps.subspan(1), value, here);
}

}  // namespace

std::vector<std::string> apply_edits(Object& body, const std::vector<Edit>& edits) {
  std::vector<std::string> problems;
  for (const Edit& edit : edits) {
    if (edit.path.empty()) {
      problems.push_back("an edit has an empty path");
      continue;
    }
    std::string problem = edit_object(body, edit.path, edit.value, "");
    if (!problem.empty()) problems.push_back(std::move(problem));
  }
  return problems;
}

void BicepWriter::begin_statement(bool group_with_previous, std::string_view kind) {
  if (!text_.empty() && !(group_with_previous && previous_kind_ == kind)) text_ += '\n';
  previous_kind_ = kind;
}

void BicepWriter::target_scope(std::string_view scope) {
  begin_statement(false, "targetScope");
  text_ += "targetScope = " + quote(scope) + "\n";
}

void BicepWriter::using_file(std::string_view path) {
  begin_statement(false, "using");
  text_ += "using " + quote(path) + "\n";
}

void BicepWriter::param(std::string_view name, std::string_view type, std::string_view description,
                        bool secure) {
  begin_statement(description.empty() && !secure, "param");
  if (!description.empty()) text_ += "@description(" + quote(description) + ")\n";
  if (secure) text_ += "@secure()\n";
  text_ += fmt::format("param {} {}\n", name, type);
}

void BicepWriter::param_value(std::string_view name, const Value& value) {
  begin_statement(true, "param_value");
  text_ += fmt::format("param {} = ", name);
  render(value, 0, text_);
  text_ += '\n';
}

void BicepWriter::resource(std::string_view symbol, std::string_view type_at_version,
                           const Object& body, const std::vector<std::string>& comments) {
  begin_statement(false, "resource");
  for (const auto& line : comments) comment(line);
  text_ += fmt::format("resource {} {} = ", symbol, quote(type_at_version));
  render_object(body, 0, text_);
  text_ += '\n';
}

void BicepWriter::existing(std::string_view symbol, std::string_view type_at_version,
                           const Object& body, const std::vector<std::string>& comments) {
  begin_statement(false, "resource");
  for (const auto& line : comments) comment(line);
  text_ += fmt::format("resource {} {} existing = ", symbol, quote(type_at_version));
  render_object(body, 0, text_);
  text_ += '\n';
}

void BicepWriter::module(std::string_view symbol, std::string_view path, const Object& body) {
  begin_statement(false, "module");
  text_ += fmt::format("module {} {} = ", symbol, quote(path));
  render_object(body, 0, text_);
  text_ += '\n';
}

void BicepWriter::output(std::string_view name, std::string_view type, const Value& value,
                         std::string_view description) {
  begin_statement(description.empty(), "output");
  if (!description.empty()) text_ += "@description(" + quote(description) + ")\n";
  text_ += fmt::format("output {} {} = ", name, type);
  render(value, 0, text_);
  text_ += '\n';
}

void BicepWriter::comment(std::string_view text) {
  std::string line(text);
  std::replace(line.begin(), line.end(), '\n', ' ');
  std::replace(line.begin(), line.end(), '\r', ' ');
  text_ += "// " + line + "\n";
}

std::string quote(std::string_view text) {
  std::string quoted;
  if (fits_multiline(text)) {
    quoted.append("'''\n").append(text).append("'''");
  } else {
    quoted.append("'").append(escape_body(text)).append("'");
  }
  return quoted;
}

bool is_identifier(std::string_view name) {
  if (name.empty()) return false;
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!letter(name.front())) return false;
  return std::all_of(name.begin(), name.end(),
                     [&](char c) { return letter(c) || (c >= '0' && c <= '9'); });
}

}  // namespace iac::gen::bicep
