#include "generators/terraform/context.h"

#include <stdexcept>

#include <fmt/format.h>

#include "dsl/azure/resources.h"
#include "dsl/core/resource.h"
#include "dsl/core/stack.h"
#include "generators/terraform/azure/emitters.h"
#include "generators/terraform/remote_state.h"

namespace iac::gen::terraform {

void unknown_attribute(std::string_view type, std::string_view name) {
  throw std::logic_error(fmt::format("{} has no attribute mapped for '{}'", type, name));
}

std::string id_or_name(std::string_view type, std::string_view name) {
  if (name == "id" || name == "name") return std::string(name);
  unknown_attribute(type, name);
}

std::string Context::label(const Resource& resource) {
  // path is "<stack path>/<id>/<id>..."; the label is the part below the stack.
  const std::string& path = resource.path();
  std::string label = path.substr(resource.stack().path().size() + 1);
  for (char& c : label) {
    if (c == '/' || c == '-') c = '_';
  }
  return label;
}

hcl::Traversal Context::traversal(const Ref& ref) {
  if (&ref.target->stack() != &stack_) {
    remote_states_.insert(&ref.target->stack());
    return hcl::Traversal{{"data", "terraform_remote_state",
                           remote_state_label(ref.target->stack()), "outputs",
                           cross_stack_output_name(ref)}};
  }
  return std::visit(
      [&](const auto* resource) {
        return hcl::Traversal{{std::string(resource_type(*resource)), label(*resource),
                               attribute(*resource, ref.attribute)}};
      },
      ref.target->as_any());
}

hcl::Value Context::value(const Expr& expr) {
  std::vector<std::variant<std::string, hcl::Traversal>> parts;
  for (const auto& part : expr.parts()) {
    std::visit(
        [&](const auto& p) {
          using T = std::decay_t<decltype(p)>;
          if constexpr (std::is_same_v<T, std::string>) {
            parts.emplace_back(p);
          } else if constexpr (std::is_same_v<T, Ref>) {
            parts.emplace_back(traversal(p));
          } else if constexpr (std::is_same_v<T, Builtin>) {
            uses_client_config_ = true;
            parts.emplace_back(
                hcl::Traversal{{"data", "azurerm_client_config", "current",
                                p == Builtin::tenant_id ? "tenant_id" : "subscription_id"}});
          } else if constexpr (std::is_same_v<T, ParameterRef>) {
            parts.emplace_back(hcl::Traversal{{"var", p.parameter->name}});
          }
        },
        part);
  }
  if (parts.empty()) return std::string();
  if (parts.size() == 1) {
    if (auto* literal = std::get_if<std::string>(&parts.front())) return *literal;
    return std::get<hcl::Traversal>(parts.front());
  }
  return hcl::Template{std::move(parts)};
}

hcl::HclWriter::BlockScope Context::open(const Resource& resource, std::string_view type) {
  auto block = writer_.block("resource", {std::string(type), label(resource)});
  writer_.attribute("name", resource.name());
  writer_.attribute("location", resource.location());
  if (&resource != static_cast<const Resource*>(&stack_.resource_group())) {
    writer_.attribute("resource_group_name", traversal(stack_.resource_group().name_ref()));
  }
  return block;
}

void Context::tags_and_dependencies(const Resource& resource) {
  if (resource.taggable()) {
    hcl::Object tags;
    for (const auto& [key, value] : resource.tags()) tags.entries.push_back({key, value});
    writer_.attribute("tags", std::move(tags));
  }
  if (!resource.explicit_dependencies().empty()) {
    // depends_on takes resource addresses, not attributes.
    hcl::List addresses;
    for (const Resource* dependency : resource.explicit_dependencies()) {
      // A resource of another stack is deployed first by the pipeline (validation requires a
      // reference to it): no address to depend on here.
      if (&dependency->stack() != &stack_) continue;
      addresses.emplace_back(std::visit(
          [&](const auto* r) {
            return hcl::Traversal{{std::string(resource_type(*r)), label(*r)}};
          },
          dependency->as_any()));
    }
    if (!addresses.empty()) writer_.attribute("depends_on", std::move(addresses));
  }
}

}  // namespace iac::gen::terraform
