#include "dsl/core/override.h"

#include <fmt/format.h>

namespace iac {

std::string_view to_string(OverrideFormat format) {
  return format == OverrideFormat::terraform ? "terraform" : "bicep";
}

std::string_view to_string(Setting setting) {
  switch (setting) {
    case Setting::http2:
      return "http2";
    case Setting::always_on:
      return "always_on";
    case Setting::minimum_tls_version:
      return "minimum_tls_version";
  }
  return "unknown";
}

void OverrideValue::collect_references(std::vector<Ref>& out) const {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Expr>) {
          for (Ref& ref : v.refs()) out.push_back(std::move(ref));
        } else if constexpr (std::is_same_v<T, List>) {
          for (const auto& element : v) element.collect_references(out);
        } else if constexpr (std::is_same_v<T, Object>) {
          for (const auto& entry : v) entry.value.collect_references(out);
        }
      },
      data_);
}

bool OverrideValue::sensitive() const {
  return std::visit(
      [](const auto& v) -> bool {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Expr>) {
          return v.sensitive();
        } else if constexpr (std::is_same_v<T, List>) {
          for (const auto& element : v) {
            if (element.sensitive()) return true;
          }
          return false;
        } else if constexpr (std::is_same_v<T, Object>) {
          for (const auto& entry : v) {
            if (entry.value.sensitive()) return true;
          }
          return false;
        } else {
          return false;
        }
      },
      data_);
}

std::string OverrideValue::summary() const {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          return v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, double>) {
          return fmt::format("{}", v);
        } else if constexpr (std::is_same_v<T, Expr>) {
          if (v.sensitive()) return "(sensitive)";
          if (!v.is_literal()) return "(reference)";
          // JSON-style quoting: the text goes into Markdown tables and review lines.
          std::string text = "\"";
          for (char c : v.literal()) {
            if (c == '"' || c == '\\') {
              text += '\\';
              text += c;
            } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
              text += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
            } else {
              text += c;
            }
          }
          return text + "\"";
        } else if constexpr (std::is_same_v<T, List>) {
          return fmt::format("[{} item{}]", v.size(), v.size() == 1 ? "" : "s");
        } else {
          return fmt::format("{{{} key{}}}", v.size(), v.size() == 1 ? "" : "s");
        }
      },
      data_);
}

std::string parse_override_path(std::string_view path, std::vector<OverrideStep>& steps) {
  steps.clear();
  if (path.empty()) return "the path is empty";
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0;
  while (true) {
    OverrideStep step;
    std::size_t start = i;
    if (i >= path.size() || !letter(path[i])) {
      return fmt::format("step {} of '{}' does not start with a letter or '_'", steps.size() + 1,
                         path);
    }
    while (i < path.size() && (letter(path[i]) || digit(path[i]) || path[i] == '-')) ++i;
    step.name = std::string(path.substr(start, i - start));
    if (i < path.size() && path[i] == '[') {
      std::size_t digits = ++i;
      while (i < path.size() && digit(path[i])) ++i;
      if (i == digits || i >= path.size() || path[i] != ']' || i - digits > 6) {
        return fmt::format("'{}' has a malformed index after '{}': write `{}[0]`", path, step.name,
                           step.name);
      }
      step.index = std::stoul(std::string(path.substr(digits, i - digits)));
      ++i;
    }
    steps.push_back(std::move(step));
    if (i == path.size()) return {};
    if (path[i] != '.') {
      return fmt::format("'{}' has '{}' where a '.' or the end was expected", path, path[i]);
    }
    ++i;
  }
}

}  // namespace iac
