#include "generators/terraform/context.h"

#include <algorithm>
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
        // A reference-only construct is read by its data source (data_sources.cpp), whose
        // attributes are named as the resource's.
        if (resource->is_reference()) {
          return hcl::Traversal{{"data", std::string(resource_type(*resource)), label(*resource),
                                 attribute(*resource, ref.attribute)}};
        }
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

namespace {

hcl::Value to_hcl(const OverrideValue& value, Context& context) {
  return std::visit(
      [&](const auto& v) -> hcl::Value {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Expr>) {
          return context.value(v);
        } else if constexpr (std::is_same_v<T, OverrideValue::List>) {
          hcl::List list;
          for (const auto& element : v) list.push_back(to_hcl(element, context));
          return list;
        } else if constexpr (std::is_same_v<T, OverrideValue::Object>) {
          hcl::Object object;
          for (const auto& entry : v)
            object.entries.push_back({entry.key, to_hcl(entry.value, context)});
          return object;
        } else {
          return v;
        }
      },
      value.data());
}

}  // namespace

void Context::apply_overrides(const Resource& resource) {
  std::vector<hcl::HclWriter::Edit> edits;
  for (const Override& edit : resource.overrides()) {
    if (edit.format != OverrideFormat::terraform) continue;
    std::vector<OverrideStep> steps;
    if (!parse_override_path(edit.path, steps).empty()) continue;  // IAC-OVR-001 at validation
    hcl::HclWriter::Edit out;
    for (auto& step : steps) out.path.push_back({std::move(step.name), step.index});
    if (edit.value) out.value = to_hcl(*edit.value, *this);
    edits.push_back(std::move(out));
  }
  if (edits.empty()) return;
  const std::string type(
      std::visit([](const auto* r) { return resource_type(*r); }, resource.as_any()));
  for (std::string& problem : writer_.edit_block("resource", {type, label(resource)}, edits)) {
    report(resource.diagnostic(
        "IAC-OVR-003",
        fmt::format("Terraform override does not fit the {} block: {}", type, problem),
        "check the path against what `iacgen synth` writes for this resource (main.tf) and the "
        "azurerm schema; several blocks of one type need an index, `block[0]`"));
  }
}

void Context::tags_and_dependencies(const Resource& resource) {
  if (resource.taggable()) {
    hcl::Object tags;
    for (const auto& [key, value] : resource.tags()) tags.entries.push_back({key, value});
    writer_.attribute("tags", std::move(tags));
  }
  if (std::any_of(resource.explicit_dependencies().begin(), resource.explicit_dependencies().end(),
                  [](const Resource* r) { return !r->is_reference(); })) {
    // depends_on takes resource addresses, not attributes.
    hcl::List addresses;
    for (const Resource* dependency : resource.explicit_dependencies()) {
      // A resource owned elsewhere exists already: there is nothing to wait for.
      if (dependency->is_reference()) continue;
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
