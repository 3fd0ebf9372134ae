#include "dsl/core/stack.h"

#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "dsl/azure/resource_group.h"
#include "dsl/core/resource.h"

namespace iac {

Stack::Stack(std::string app_name, Environment env)
    : Construct(env.name, app_name), app_name_(std::move(app_name)), env_(std::move(env)) {
  resource_group_ = &add<azure::ResourceGroup>("rg");
}

Stack::Stack(std::string app_name, Environment env, std::string name)
    : Construct(name, app_name + "/" + env.name),
      app_name_(std::move(app_name)),
      env_(std::move(env)),
      stack_name_(std::move(name)) {
  resource_group_ = &add<azure::ResourceGroup>("rg");
}

Stack::~Stack() = default;

std::string Stack::output_dir() const {
  if (!named()) return fmt::format("{}/{}", app_name_, env_.name);
  return fmt::format("{}/{}/{}", app_name_, env_.name, stack_name_);
}

std::string Stack::state_key() const { return output_dir() + ".tfstate"; }

std::string Stack::deployment_name() const {
  if (!named()) return fmt::format("{}-{}", app_name_, env_.name);
  return fmt::format("{}-{}-{}", app_name_, env_.name, stack_name_);
}

std::string cross_stack_output_name(const Ref& ref) {
  const std::string& path = ref.target->path();
  std::string name = path.substr(ref.target->stack().path().size() + 1);
  for (char& c : name) {
    if (c == '/' || c == '-') c = '_';
  }
  return name + "_" + ref.attribute;
}

ParameterRef Stack::parameter(std::string name, ParameterProps props) {
  if (locked()) throw std::logic_error(fmt::format("{}: cannot add parameters after lock", path()));
  parameters_.push_back({.name = std::move(name), .props = std::move(props)});
  return {.parameter = &parameters_.back()};
}

void Stack::output(std::string name, Expr value, std::string description) {
  if (locked()) throw std::logic_error(fmt::format("{}: cannot add outputs after lock", path()));
  outputs_.push_back(
      {.name = std::move(name), .value = std::move(value), .description = std::move(description)});
}

void Stack::add_suppression(policy::Suppression suppression) {
  if (locked()) throw std::logic_error(fmt::format("{}: cannot suppress after lock", path()));
  suppressions_.push_back(std::move(suppression));
}

void Stack::send_diagnostics_to(const azure::LogAnalyticsWorkspace& workspace) {
  if (locked())
    throw std::logic_error(fmt::format("{}: cannot change diagnostics after lock", path()));
  diagnostics_workspace_ = &workspace;
}

const std::vector<const Resource*>& Stack::resources() const {
  if (resources_final_) return resources_;
  resources_.clear();
  references_.clear();
  walk([&](const Construct& node) {
    if (const auto* resource = dynamic_cast<const Resource*>(&node)) {
      (resource->is_reference() ? references_ : resources_).push_back(resource);
    }
  });
  resources_final_ = locked();
  return resources_;
}

const std::vector<const Resource*>& Stack::references() const {
  resources();
  return references_;
}

bool is_valid_symbol_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!letter(name.front())) return false;
  for (char c : name) {
    if (!letter(c) && !(c >= '0' && c <= '9') && c != '_') return false;
  }
  return true;
}

void Stack::validate(Diagnostics& out) const {
  std::set<std::string> seen;
  auto check_symbol = [&](const std::string& kind, const std::string& name) {
    if (!is_valid_symbol_name(name)) {
      out.push_back(diagnostic("IAC-CORE-004",
                               fmt::format("{} name '{}' is not a valid identifier", kind, name),
                               "use a letter, then letters, digits or underscores (max 64)"));
    }
    if (!seen.insert(name).second) {
      out.push_back(diagnostic("IAC-CORE-005",
                               fmt::format("{} name '{}' is declared twice", kind, name),
                               "give each parameter and output its own name"));
    }
  };
  for (const auto& parameter : parameters_) {
    check_symbol("parameter", parameter.name);
    if (parameter.props.secure && parameter.props.value) {
      out.push_back(diagnostic(
          "IAC-SEC-005",
          fmt::format("secure parameter '{}' has a value written in code", parameter.name),
          "remove `.value`; the pipeline supplies secrets from Key Vault or a secret variable"));
    }
  }
  for (const auto& output : outputs_) check_symbol("output", output.name);
}

}  // namespace iac
