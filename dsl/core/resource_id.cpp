#include "dsl/core/resource_id.h"

#include <cctype>

namespace iac {

namespace {

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

bool is_guid_text(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (text[i] != '-') return false;
    } else if (!std::isxdigit(static_cast<unsigned char>(text[i]))) {
      return false;
    }
  }
  return true;
}

bool printable(std::string_view text) {
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == '"' || c == '\'' || c == '\\') return false;
  }
  return true;
}

}  // namespace

std::string ResourceId::name() const {
  return segments.empty() ? resource_group : segments.back().second;
}

std::string ResourceId::type() const {
  if (segments.empty()) return "resourceGroups";
  std::string type = provider;
  for (const auto& [segment_type, name] : segments) type += "/" + segment_type;
  return type;
}

std::optional<ResourceId> parse_resource_id(std::string_view id) {
  if (id.empty() || id.front() != '/' || !printable(id)) return std::nullopt;
  const std::vector<std::string> parts = split(id.substr(1), '/');
  for (const auto& part : parts) {
    if (part.empty()) return std::nullopt;
  }
  if (parts.size() < 2 || parts[0] != "subscriptions") return std::nullopt;
  ResourceId result;
  result.subscription = parts[1];
  if (!result.environment_subscription() && !is_guid_text(result.subscription)) return std::nullopt;
  std::size_t next = 2;
  if (parts.size() >= 4 && parts[2] == "resourceGroups") {
    result.resource_group = parts[3];
    next = 4;
  }
  if (next == parts.size())
    return result.resource_group.empty() ? std::nullopt : std::optional(result);
  // The last `providers` segment starts the resource's own type; what is before is its scope.
  std::size_t last = parts.size();
  for (std::size_t i = next; i < parts.size(); ++i) {
    if (parts[i] == "providers") last = i;
  }
  if (last == parts.size() || last + 1 >= parts.size()) return std::nullopt;
  if (last != next) {
    // Extension resource: the scope is itself an id, checked by the caller.
    std::string scope;
    for (std::size_t i = 0; i < last; ++i) scope += "/" + parts[i];
    result.scope = scope;
    result.resource_group.clear();
    if (!parse_resource_id(scope)) return std::nullopt;
    // The group of an extension resource is its scope's.
    result.resource_group = parse_resource_id(scope)->resource_group;
  }
  result.provider = parts[last + 1];
  const std::size_t rest = parts.size() - (last + 2);
  if (rest == 0 || rest % 2 != 0) return std::nullopt;
  for (std::size_t i = last + 2; i < parts.size(); i += 2) {
    result.segments.emplace_back(parts[i], parts[i + 1]);
  }
  return result;
}

std::string name_in_resource_id(std::string_view id) {
  constexpr std::string_view https = "https://";
  if (id.substr(0, https.size()) == https) {
    const auto parts = split(id.substr(https.size()), '/');
    // <host>/secrets/<name>/<version>
    return parts.size() >= 3 ? parts[2] : std::string();
  }
  if (auto parsed = parse_resource_id(id)) return parsed->name();
  return {};
}

}  // namespace iac
