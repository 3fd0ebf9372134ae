#include "dsl/core/naming.h"

#include <fmt/format.h>

namespace iac {

std::string_view to_string(NameScope scope) {
  switch (scope) {
    case NameScope::resource_group: return "resource group";
    case NameScope::subscription: return "subscription";
    case NameScope::global: return "global";
    case NameScope::parent: return "parent resource";
  }
  return "resource group";
}

namespace chars {
bool lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool alnum(char c) { return letter(c) || (c >= '0' && c <= '9'); }
bool alnum_hyphen(char c) { return alnum(c) || c == '-'; }
bool alnum_hyphen_underscore(char c) { return alnum_hyphen(c) || c == '_'; }
bool resource_group(char c) {
  return alnum_hyphen_underscore(c) || c == '.' || c == '(' || c == ')';
}
bool insights(char c) {
  auto byte = static_cast<unsigned char>(c);
  return byte >= 0x20 && byte != 0x7f && c != '%' && c != '&' && c != '\\' && c != '?' &&
         c != '/';
}
bool not_period(char c) { return c != '.' && c != ' '; }
}  // namespace chars

std::string check_name(const NamingRule& rule, std::string_view name) {
  if (name.size() < rule.min_length || name.size() > rule.max_length) {
    return fmt::format("is {} characters long; it must be {} to {}", name.size(),
                       rule.min_length, rule.max_length);
  }
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (rule.allowed && !rule.allowed(name[i])) {
      return fmt::format("has '{}' at position {}; allowed are {}",
                         static_cast<unsigned char>(name[i]) < 0x20 ? '?' : name[i], i + 1,
                         rule.charset);
    }
  }
  if (rule.first && !rule.first(name.front())) {
    return fmt::format("starts with '{}', which is not allowed there", name.front());
  }
  if (rule.last && !rule.last(name.back())) {
    return fmt::format("ends with '{}', which is not allowed there", name.back());
  }
  if (rule.no_consecutive_hyphens && name.find("--") != std::string_view::npos) {
    return "has consecutive hyphens, which are not allowed";
  }
  return {};
}

namespace {

std::string lowercase(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return result;
}

}  // namespace

std::string caf_name(const NameParts& parts, const NamingRule& rule) {
  std::string result;
  auto append = [&](std::string_view part) {
    if (part.empty()) return;
    std::string lower = lowercase(part);
    if (rule.style == NameStyle::compact) {
      for (char c : lower) {
        if (chars::lower_alnum(c)) result += c;
      }
      return;
    }
    if (!result.empty()) result += '-';
    for (char c : lower) result += (c == '_') ? '-' : c;
  };
  append(parts.abbreviation);
  append(parts.app);
  append(parts.environment);
  if (parts.id != parts.abbreviation) append(parts.id);
  return result;
}

}  // namespace iac
