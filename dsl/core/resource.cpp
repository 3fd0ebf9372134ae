#include "dsl/core/resource.h"

#include <cmath>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "dsl/core/resource_id.h"
#include "dsl/azure/settings.h"
#include "dsl/core/stack.h"

namespace iac {

namespace {

const Stack& enclosing_stack(const Construct& scope) {
  for (const Construct* node = &scope; node != nullptr; node = node->scope()) {
    if (const auto* stack = dynamic_cast<const Stack*>(node)) return *stack;
  }
  throw std::logic_error(
      fmt::format("{}: a resource must be declared inside a Stack", scope.path()));
}

bool has_control_character(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

Resource::Resource(Construct& scope, std::string id, std::optional<std::string> name,
                   std::map<std::string, std::string> tags)
    : Construct(scope, std::move(id)), stack_(&enclosing_stack(scope)), own_tags_(std::move(tags)) {
  if (name) {
    name_ = std::move(*name);
    explicit_name_ = true;
  }
}

const std::string& Resource::location() const {
  const Environment& env = stack_->env();
  if (secondary_region_ && env.secondary_location) return *env.secondary_location;
  return env.location;
}

void Resource::place_in_secondary_region() {
  if (locked()) {
    throw std::logic_error(fmt::format("{}: cannot change the region after lock", path()));
  }
  secondary_region_ = true;
}

void Resource::set_default_name(std::string name) {
  if (locked()) throw std::logic_error(fmt::format("{}: cannot rename after lock", path()));
  if (!explicit_name_) name_ = std::move(name);
}

std::map<std::string, std::string> Resource::tags() const {
  std::map<std::string, std::string> merged = inherited_tags_;
  for (const auto& [key, value] : own_tags_) merged[key] = value;
  return merged;
}

void Resource::set_inherited_tag(const std::string& key, const std::string& value) {
  if (locked()) throw std::logic_error(fmt::format("{}: cannot tag after lock", path()));
  inherited_tags_[key] = value;
}

void Resource::depends_on(const Resource& other) {
  if (locked())
    throw std::logic_error(fmt::format("{}: cannot add dependencies after lock", path()));
  depends_on_.push_back(&other);
}

void Resource::adopt(std::string resource_id) {
  if (locked()) throw std::logic_error(fmt::format("{}: cannot adopt after lock", path()));
  if (!explicit_name_) {
    if (std::string name = name_in_resource_id(resource_id); !name.empty()) {
      name_ = std::move(name);
      explicit_name_ = true;
    }
  }
  adopted_id_ = std::move(resource_id);
}

void Resource::make_reference(std::string resource_id) {
  if (locked()) throw std::logic_error(fmt::format("{}: cannot change after lock", path()));
  // The name is the id's: a reference never has a name of its own.
  name_ = name_in_resource_id(resource_id);
  explicit_name_ = true;
  reference_id_ = std::move(resource_id);
}

std::vector<Ref> Resource::references() const {
  std::vector<Ref> refs;
  collect_references(refs);
  for (const Override& edit : overrides_) {
    if (edit.value) edit.value->collect_references(refs);
  }
  return refs;
}

void Resource::add_override(Override edit) {
  if (locked()) throw std::logic_error(fmt::format("{}: cannot add overrides after lock", path()));
  overrides_.push_back(std::move(edit));
}

void Resource::terraform_override(std::string path, OverrideValue value) {
  add_override(
      {.format = OverrideFormat::terraform, .path = std::move(path), .value = std::move(value)});
}

void Resource::terraform_remove(std::string path) {
  add_override(
      {.format = OverrideFormat::terraform, .path = std::move(path), .value = std::nullopt});
}

void Resource::bicep_override(std::string path, OverrideValue value) {
  add_override(
      {.format = OverrideFormat::bicep, .path = std::move(path), .value = std::move(value)});
}

void Resource::bicep_remove(std::string path) {
  add_override({.format = OverrideFormat::bicep, .path = std::move(path), .value = std::nullopt});
}

void Resource::override(Setting setting, OverrideValue value) {
  auto paths = azure::setting_paths(*this, setting);
  if (!paths) {
    if (locked())
      throw std::logic_error(fmt::format("{}: cannot add overrides after lock", path()));
    unmapped_settings_.push_back(setting);
    return;
  }
  add_override({.format = OverrideFormat::terraform,
                .path = std::string(paths->terraform),
                .value = value,
                .setting = std::string(to_string(setting))});
  add_override({.format = OverrideFormat::bicep,
                .path = std::string(paths->bicep),
                .value = std::move(value),
                .setting = std::string(to_string(setting))});
}

namespace {

/// Meta-arguments and statement keys an override must not replace: they change how the writers
/// address the resource (`count`, `parent`) or are set through the model (`depends_on()`).
bool reserved_step(OverrideFormat format, std::string_view first) {
  if (format == OverrideFormat::terraform) {
    return first == "count" || first == "for_each" || first == "provider" ||
           first == "depends_on" || first == "lifecycle" || first == "provisioner" ||
           first == "connection";
  }
  return first == "dependsOn" || first == "scope" || first == "parent";
}

bool has_non_finite(const OverrideValue& value) {
  return std::visit(
      [](const auto& v) -> bool {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, double>) {
          return !std::isfinite(v);
        } else if constexpr (std::is_same_v<T, OverrideValue::List>) {
          for (const auto& element : v) {
            if (has_non_finite(element)) return true;
          }
          return false;
        } else if constexpr (std::is_same_v<T, OverrideValue::Object>) {
          for (const auto& entry : v) {
            if (has_non_finite(entry.value)) return true;
          }
          return false;
        } else {
          return false;
        }
      },
      value.data());
}

}  // namespace

void Resource::validate_overrides(Diagnostics& out) const {
  for (Setting setting : unmapped_settings_) {
    out.push_back(diagnostic(
        "IAC-OVR-002",
        fmt::format("{} has no well-known setting '{}'", kind().name, to_string(setting)),
        "use terraform_override(path, value) and bicep_override(path, value) with the raw paths, "
        "or map the setting for this kind in dsl/azure/settings.cpp"));
  }
  std::set<std::pair<OverrideFormat, std::string>> seen;
  for (const Override& edit : overrides_) {
    const std::string_view call =
        edit.format == OverrideFormat::terraform ? "terraform_override" : "bicep_override";
    std::vector<OverrideStep> steps;
    if (std::string problem = parse_override_path(edit.path, steps); !problem.empty()) {
      out.push_back(diagnostic(
          "IAC-OVR-001", fmt::format("{} path is invalid: {}", to_string(edit.format), problem),
          fmt::format("write a dotted path of identifiers, `[i]` for one of several blocks or an "
                      "array element: {}(\"site_config.http2_enabled\", ...)",
                      call)));
      continue;
    }
    if (reserved_step(edit.format, steps.front().name)) {
      out.push_back(diagnostic(
          "IAC-OVR-001",
          fmt::format("{} override of '{}' is refused: iacgen writes it from the model",
                      to_string(edit.format), steps.front().name),
          "use `depends_on(other)` for ordering; count, for_each, provider, lifecycle, scope and "
          "parent are not overridable"));
    }
    if (edit.value && has_non_finite(*edit.value)) {
      out.push_back(diagnostic("IAC-OVR-001",
                               fmt::format("{} override of '{}' holds a number that is not finite",
                                           to_string(edit.format), edit.path),
                               "write a finite number"));
    }
    if (!seen.emplace(edit.format, edit.path).second) {
      out.push_back(diagnostic(
          "IAC-OVR-001",
          fmt::format("{} path '{}' is overridden twice", to_string(edit.format), edit.path),
          "keep one override per path (a typed setting already edits both formats)"));
    }
  }
}

void Resource::collect_references(std::vector<Ref>&) const {}

void Resource::validate(Diagnostics& out) const {
  const NamingRule& rule = kind().naming;
  if (std::string problem = check_name(rule, name_); !problem.empty()) {
    out.push_back(diagnostic(
        "IAC-NAME-001", fmt::format("{} name '{}' {}", kind().name, name_, problem),
        fmt::format("set `.name` to {}-{} {}{}, or shorten the construct id or app name",
                    rule.min_length, rule.max_length, rule.charset,
                    rule.scope == NameScope::global ? " (globally unique in Azure)" : "")));
  }
  if (secondary_region_ && !stack_->env().secondary_location) {
    out.push_back(diagnostic(
        "IAC-LOC-001",
        fmt::format("is placed in the DR region, but environment '{}' has none",
                    stack_->env().name),
        "give the environment a DR region (`Environment::prod(\"eastus\", \"westus\")`), or "
        "declare the resource only where `env.secondary_location` is set"));
  } else if (secondary_region_ && *stack_->env().secondary_location == stack_->env().location) {
    out.push_back(
        diagnostic("IAC-LOC-001",
                   fmt::format("is placed in the DR region, which is the primary region '{}'",
                               stack_->env().location),
                   "give the environment a DR region other than its primary region"));
  }
  if (!diagnostics_.is_enforced() && diagnostics_.reason().empty()) {
    out.push_back(diagnostic("IAC-SEC-001", "`diagnostics` is waived without a reason",
                             "write why: `.set_diagnostics(Control::waived(\"<reason>\"))`"));
  }
  validate_overrides(out);
  if (!taggable()) return;
  const auto all_tags = tags();
  if (all_tags.size() > 50) {
    out.push_back(diagnostic("IAC-TAG-001",
                             fmt::format("has {} tags; Azure allows 50", all_tags.size()),
                             "remove tags or merge them"));
  }
  for (const auto& [key, value] : all_tags) {
    if (std::string problem = check_tag(key, value); !problem.empty()) {
      out.push_back(diagnostic("IAC-TAG-002", problem, "fix the tag in Tags::of(...) or `.tags`"));
    }
  }
}

std::string check_tag(std::string_view key, std::string_view value) {
  if (key.empty() || key.size() > 512) {
    return fmt::format("tag key '{}' must be 1 to 512 characters", key);
  }
  for (char c : key) {
    if (c == '<' || c == '>' || c == '%' || c == '&' || c == '\\' || c == '?' || c == '/') {
      return fmt::format("tag key '{}' contains '{}'; Azure forbids < > % & \\ ? /", key, c);
    }
  }
  if (value.size() > 256) {
    return fmt::format("tag '{}' has a value of {} characters; Azure allows 256", key,
                       value.size());
  }
  if (has_control_character(key) || has_control_character(value)) {
    return fmt::format("tag '{}' contains a control character (newline, tab, ...)", key);
  }
  return {};
}

}  // namespace iac
