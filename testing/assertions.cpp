#include "testing/assertions.h"

#include <stdexcept>

#include <fmt/format.h>

#include "generators/generator.h"
#include "generators/output/output_sink.h"

namespace iac::testing {

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    auto end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

/// The value as a test compares it: strings without their quotes (escapes kept as written).
std::string plain(std::string_view value, char quote) {
  value = trim(value);
  if (value.size() >= 2 && value.front() == quote && value.back() == quote) {
    value = value.substr(1, value.size() - 2);
  }
  return std::string(value);
}

std::string join(const std::vector<std::string>& path, std::string_view last) {
  std::string text;
  for (const auto& step : path) text += step + ".";
  return text + std::string(last);
}

}  // namespace

std::size_t RenderedResources::count(std::string_view type) const {
  auto it = resources_.find(std::string(type));
  return it == resources_.end() ? 0 : it->second.size();
}

bool RenderedResources::has_resource(std::string_view type, const Attributes& expected) const {
  auto it = resources_.find(std::string(type));
  if (it == resources_.end()) return false;
  for (const auto& [name, attributes] : it->second) {
    bool all = true;
    for (const auto& [path, value] : expected) {
      auto found = attributes.find(path);
      if (found == attributes.end() || found->second != value) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

std::optional<std::string> RenderedResources::attribute(std::string_view type,
                                                        std::string_view name,
                                                        std::string_view path) const {
  auto type_it = resources_.find(std::string(type));
  if (type_it == resources_.end()) return {};
  auto resource_it = type_it->second.find(std::string(name));
  if (resource_it == type_it->second.end()) return {};
  auto attribute_it = resource_it->second.find(std::string(path));
  if (attribute_it == resource_it->second.end()) return {};
  return attribute_it->second;
}

RenderedResources RenderedResources::from_terraform(std::string_view main_tf) {
  RenderedResources result;
  Attributes* current = nullptr;
  std::vector<std::string> path;  // nested blocks and objects below the resource
  for (std::string_view line : lines_of(main_tf)) {
    if (line.starts_with("resource \"")) {
      auto type_end = line.find('"', 10);
      auto label_start = line.find('"', type_end + 1) + 1;
      auto label_end = line.find('"', label_start);
      current = &result.resources_[std::string(line.substr(10, type_end - 10))]
                                  [std::string(line.substr(label_start, label_end - label_start))];
      path.clear();
      continue;
    }
    if (current == nullptr) continue;
    std::string_view text = trim(line);
    if (line == "}") {
      current = nullptr;
    } else if (text == "}") {
      if (!path.empty()) path.pop_back();
    } else if (text.ends_with(" {") && text.find('=') == std::string_view::npos) {
      path.emplace_back(text.substr(0, text.size() - 2));
    } else if (text.ends_with("= {")) {
      path.emplace_back(trim(text.substr(0, text.size() - 3)));
    } else if (auto eq = text.find(" = "); eq != std::string_view::npos) {
      (*current)[join(path, plain(text.substr(0, eq), '"'))] = plain(text.substr(eq + 3), '"');
    }
  }
  return result;
}

RenderedResources RenderedResources::from_bicep(std::string_view resources_bicep) {
  RenderedResources result;
  Attributes* current = nullptr;
  std::vector<std::string> path;
  int array_depth = 0;
  for (std::string_view line : lines_of(resources_bicep)) {
    if (line.starts_with("resource ")) {
      auto symbol_end = line.find(' ', 9);
      auto type_start = line.find('\'', symbol_end) + 1;
      auto type_end = line.find('@', type_start);
      current = &result.resources_[std::string(line.substr(type_start, type_end - type_start))]
                                  [std::string(line.substr(9, symbol_end - 9))];
      path.clear();
      array_depth = 0;
      continue;
    }
    if (current == nullptr) continue;
    std::string_view text = trim(line);
    if (line == "}") {
      current = nullptr;
    } else if (text == "}" || text == "]") {
      if (text == "]") --array_depth;
      if (!path.empty()) path.pop_back();
    } else if (text.ends_with(": {") || text.ends_with(": [")) {
      if (text.back() == '[') ++array_depth;
      path.emplace_back(plain(text.substr(0, text.size() - 3), '\''));
    } else if (text == "{") {
      path.emplace_back("[]");
    } else if (auto colon = text.find(": "); colon != std::string_view::npos && array_depth == 0) {
      (*current)[join(path, plain(text.substr(0, colon), '\''))] =
          plain(text.substr(colon + 2), '\'');
    }
  }
  return result;
}

Synthesized Synthesized::of(App& app, std::string_view environment) {
  Synthesized result;
  gen::MemorySink sink;
  Diagnostics all = gen::synthesize(app, sink);
  result.stack_ = app.stack(environment);
  if (result.stack_ == nullptr) {
    throw std::invalid_argument(
        fmt::format("app '{}' has no environment '{}'", app.name(), environment));
  }
  for (auto& d : all) {
    if (d.path.starts_with(result.stack_->path())) result.diagnostics_.push_back(std::move(d));
  }
  if (!has_errors(app.synthesize())) {
    result.report_ = std::make_shared<policy::Report>(policy::evaluate(app));
  }
  const std::string prefix = fmt::format("{}/{}/", app.name(), environment);
  for (const auto& [path, content] : sink.files()) {
    if (path.starts_with(prefix)) result.files_[path.substr(prefix.size())] = content;
  }
  if (auto it = result.files_.find("terraform/main.tf"); it != result.files_.end()) {
    result.terraform_ = RenderedResources::from_terraform(it->second);
  }
  if (auto it = result.files_.find("bicep/resources.bicep"); it != result.files_.end()) {
    result.bicep_ = RenderedResources::from_bicep(it->second);
  }
  return result;
}

std::vector<const policy::Finding*> Synthesized::findings(Severity at_least) const {
  std::vector<const policy::Finding*> result;
  if (!report_) return result;
  for (const policy::Finding* f : report_->active(at_least)) {
    if (f->environment == stack_->env().name) result.push_back(f);
  }
  return result;
}

bool Synthesized::fires(std::string_view rule_id) const {
  for (const policy::Finding* f : findings(Severity::info)) {
    if (f->rule_id == rule_id) return true;
  }
  return false;
}

}  // namespace iac::testing
