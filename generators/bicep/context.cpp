#include "generators/bicep/context.h"

#include <stdexcept>

#include <fmt/format.h>

#include "dsl/azure/resources.h"
#include "dsl/core/resource.h"
#include "dsl/core/stack.h"
#include "generators/bicep/azure/emitters.h"
#include "generators/bicep/references.h"

namespace iac::gen::bicep {

Reference common_reference(const std::string& symbol, std::string_view attribute,
                           std::string_view type) {
  if (attribute == "id" || attribute == "name") return {symbol, {std::string(attribute)}};
  throw std::logic_error(fmt::format("{} has no Bicep mapping for '{}'", type, attribute));
}

std::string Context::symbol(const Resource& resource) {
  const std::string& path = resource.path();
  std::size_t start = path.find('/', path.find('/') + 1) + 1;
  std::string symbol;
  bool upper_next = false;
  for (char c : path.substr(start)) {
    if (c == '/' || c == '-' || c == '_') {
      upper_next = true;
      continue;
    }
    if (upper_next && !symbol.empty() && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    upper_next = false;
    symbol += c;
  }
  return symbol;
}

Value Context::reference(const Ref& ref) {
  if (ref.target->is_reference()) return reference_to_existing(*ref.target, ref.attribute);
  return std::visit(
      [&](const auto* resource) {
        return bicep::reference(*resource, symbol(*resource), ref.attribute);
      },
      ref.target->as_any());
}

Value Context::value(const Expr& expr) {
  Interpolation interpolation;
  for (const auto& part : expr.parts()) {
    std::visit(
        [&](const auto& p) {
          using T = std::decay_t<decltype(p)>;
          if constexpr (std::is_same_v<T, std::string>) {
            interpolation.parts.emplace_back(p);
          } else if constexpr (std::is_same_v<T, Ref>) {
            Value v = reference(p);
            if (const auto* r = std::get_if<Reference>(&v.data())) {
              interpolation.parts.emplace_back(*r);
            } else if (const auto* text = std::get_if<std::string>(&v.data())) {
              interpolation.parts.emplace_back(*text);  // a reference-only construct's name
            } else {
              interpolation.parts.emplace_back(std::get<Call>(v.data()));
            }
          } else if constexpr (std::is_same_v<T, Builtin>) {
            interpolation.parts.emplace_back(
                Call{"subscription", {p == Builtin::tenant_id ? "tenantId" : "subscriptionId"}});
          } else if constexpr (std::is_same_v<T, ParameterRef>) {
            interpolation.parts.emplace_back(Reference{p.parameter->name, {}});
          }
        },
        part);
  }
  if (interpolation.parts.empty()) return std::string();
  if (interpolation.parts.size() == 1) {
    return std::visit([](const auto& part) { return Value(part); }, interpolation.parts.front());
  }
  return interpolation;
}

Object Context::header(const Resource& resource) {
  Object body;
  body.properties.push_back({"name", resource.name()});
  body.properties.push_back({"location", resource.location()});
  if (resource.taggable()) {
    Object tags;
    for (const auto& [key, value] : resource.tags()) tags.properties.push_back({key, value});
    body.properties.push_back({"tags", std::move(tags)});
  }
  return body;
}

namespace {

Value to_bicep(const OverrideValue& value, Context& context) {
  return std::visit(
      [&](const auto& v) -> Value {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Expr>) {
          return context.value(v);
        } else if constexpr (std::is_same_v<T, double>) {
          // Bicep has no fractional literals: json('1.5') is how ARM templates write one.
          return Call{"json", {}, {fmt::format("{}", v)}, {}};
        } else if constexpr (std::is_same_v<T, OverrideValue::List>) {
          Array array;
          for (const auto& element : v) array.push_back(to_bicep(element, context));
          return array;
        } else if constexpr (std::is_same_v<T, OverrideValue::Object>) {
          Object object;
          for (const auto& entry : v) {
            object.properties.push_back({entry.key, to_bicep(entry.value, context)});
          }
          return object;
        } else {
          return v;
        }
      },
      value.data());
}

}  // namespace

Object Context::with_overrides(const Resource& resource, Object body) {
  std::vector<Edit> edits;
  for (const Override& edit : resource.overrides()) {
    if (edit.format != OverrideFormat::bicep) continue;
    std::vector<OverrideStep> steps;
    if (!parse_override_path(edit.path, steps).empty()) continue;  // IAC-OVR-001 at validation
    Edit out;
    for (auto& step : steps) out.path.push_back({std::move(step.name), step.index});
    if (edit.value) out.value = to_bicep(*edit.value, *this);
    edits.push_back(std::move(out));
  }
  for (std::string& problem : apply_edits(body, edits)) {
    diagnostics_.push_back(resource.diagnostic(
        "IAC-OVR-003", fmt::format("Bicep override does not fit the resource body: {}", problem),
        "check the path against what `iacgen synth` writes for this resource (resources.bicep) "
        "and the resource type's properties; index arrays, `ipSecurityRestrictions[0]`"));
  }
  return body;
}

void Context::write(const Resource& resource, std::string_view type_at_version, Object body) {
  body = with_overrides(resource, std::move(body));
  Array depends_on;
  for (const Resource* dependency : resource.explicit_dependencies()) {
    // resources.bicep is deployed into the group: that dependency holds already.
    if (dependency == &stack_.resource_group()) continue;
    // A resource owned elsewhere exists already.
    if (dependency->is_reference()) continue;
    depends_on.emplace_back(Reference{symbol(*dependency), {}});
  }
  if (!depends_on.empty()) body.properties.push_back({"dependsOn", std::move(depends_on)});
  resources_.resource(symbol(resource), type_at_version, body, adoption_comments(resource));
}

}  // namespace iac::gen::bicep
