#include "generators/bicep/context.h"

#include <stdexcept>

#include <fmt/format.h>

#include "dsl/azure/resources.h"
#include "dsl/core/app.h"
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

Context::Context(const Stack& stack, BicepWriter& main, BicepWriter& resources)
    : stack_(stack), main_(main), resources_(resources) {}

Context::~Context() = default;

namespace {

/// `a-b/c_d` → `aBCD`: ids joined in camelCase.
std::string camel(std::string_view text) {
  std::string symbol;
  bool upper_next = false;
  for (char c : text) {
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

}  // namespace

std::string Context::existing_symbol(const Resource& target) const {
  return camel(target.stack().stack_name() + "/" + symbol(target));
}

const Context::Written* Context::probe(const Resource& target) {
  const Stack& producer = target.stack();
  auto& context = probes_[&producer];
  if (!context) {
    if (!probe_main_) {
      probe_main_ = std::make_unique<BicepWriter>();
      probe_resources_ = std::make_unique<BicepWriter>();
    }
    // A dry run of the producer's emitters into scratch writers, to learn each resource's
    // type@version and parent as the producer writes them.
    context = std::make_unique<Context>(producer, *probe_main_, *probe_resources_);
    for (const Resource* resource : producer.resources()) {
      std::visit([&](const auto* r) { emit(*r, *context); }, resource->as_any());
    }
  }
  auto it = context->written_.find(&target);
  return it == context->written_.end() ? nullptr : &it->second;
}

std::optional<std::string> Context::declare_existing(const Resource& target, Diagnostics& out) {
  if (auto it = existing_.find(&target); it != existing_.end()) return it->second;
  const Stack& producer = target.stack();
  const std::string symbol = existing_symbol(target);
  std::string type;
  Object body;
  if (&target == &producer.resource_group()) {
    type = kResourceGroupType;
    body = Object{{{"name", target.name()}, {"scope", Call{"subscription", {}}}}};
  } else if (const auto* subnet = dynamic_cast<const azure::Subnet*>(&target)) {
    // Subnets are written inside their network: the existing subnet is the network's child.
    auto parent = declare_existing(subnet->vnet(), out);
    if (!parent) return std::nullopt;
    const std::string& vnet_type = existing_types_.at(&subnet->vnet());
    const auto at = vnet_type.find('@');
    type = vnet_type.substr(0, at) + "/subnets" + vnet_type.substr(at);
    body = Object{{{"parent", Reference{*parent, {}}}, {"name", target.name()}}};
  } else {
    const Written* written = probe(target);
    if (written == nullptr) {
      out.push_back(target.diagnostic(
          "IAC-STACK-008",
          fmt::format("another stack of {} refers to '{}', which Bicep writes as part of another "
                      "resource and cannot reference as an existing resource",
                      stack_.env().name, target.path()),
          "refer to the resource that contains it, or declare the referring resource in the "
          "same stack"));
      return std::nullopt;
    }
    type = written->type;
    const Resource* parent = nullptr;
    for (const Property& property : written->body.properties) {
      if (property.key != "parent") continue;
      if (const auto* ref = std::get_if<Reference>(&property.value.data())) {
        for (const Resource* candidate : producer.resources()) {
          if (Context::symbol(*candidate) == ref->symbol) parent = candidate;
        }
      }
    }
    if (parent != nullptr) {
      auto parent_symbol = declare_existing(*parent, out);
      if (!parent_symbol) return std::nullopt;
      body = Object{{{"parent", Reference{*parent_symbol, {}}}, {"name", target.name()}}};
    } else {
      body = Object{{{"name", target.name()},
                     {"scope", Call{"resourceGroup", {}, {producer.resource_group().name()}}}}};
    }
  }
  resources_.existing(symbol, type, body);
  existing_[&target] = symbol;
  existing_types_[&target] = type;
  return symbol;
}

namespace {

bool names_symbol(const Value& value, const std::string& symbol) {
  return std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Reference>) {
          return v.symbol == symbol;
        } else if constexpr (std::is_same_v<T, Call>) {
          for (const Value& argument : v.arguments) {
            if (names_symbol(argument, symbol)) return true;
          }
          return false;
        } else if constexpr (std::is_same_v<T, Interpolation>) {
          for (const auto& part : v.parts) {
            if (const auto* r = std::get_if<Reference>(&part); r && r->symbol == symbol)
              return true;
            if (const auto* c = std::get_if<Call>(&part); c && names_symbol(Value(*c), symbol)) {
              return true;
            }
          }
          return false;
        } else if constexpr (std::is_same_v<T, Array>) {
          for (const Value& item : v) {
            if (names_symbol(item, symbol)) return true;
          }
          return false;
        } else if constexpr (std::is_same_v<T, Object>) {
          for (const Property& property : v.properties) {
            if (names_symbol(property.value, symbol)) return true;
          }
          return false;
        } else {
          return false;
        }
      },
      value.data());
}

}  // namespace

bool Context::mentions(const Resource& resource, const std::string& symbol) const {
  auto it = written_.find(&resource);
  return it != written_.end() && names_symbol(Value(it->second.body), symbol);
}

Diagnostics Context::declare_existing_resources() {
  Diagnostics out;
  for (const Ref& ref : cross_stack_refs(stack_)) declare_existing(*ref.target, out);
  return out;
}

std::string Context::symbol(const Resource& resource) {
  const std::string& path = resource.path();
  std::string symbol;
  bool upper_next = false;
  for (char c : path.substr(resource.stack().path().size() + 1)) {
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
  if (&ref.target->stack() != &stack_) {
    auto it = existing_.find(ref.target);
    const std::string symbol =
        it != existing_.end() ? it->second : existing_symbol(*ref.target);  // (a dry run)
    // An existing resource's id and name are its own, whatever the kind derives them from.
    if (ref.attribute == "id" || ref.attribute == "name") return Reference{symbol, {ref.attribute}};
    return std::visit(
        [&](const auto* resource) { return bicep::reference(*resource, symbol, ref.attribute); },
        ref.target->as_any());
  }
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
    // Another stack's resource is deployed first by the pipeline (validation requires a
    // reference to it, which renders as an existing resource).
    if (&dependency->stack() != &stack_) continue;
    depends_on.emplace_back(Reference{symbol(*dependency), {}});
  }
  if (!depends_on.empty()) body.properties.push_back({"dependsOn", std::move(depends_on)});
  written_[&resource] = Written{std::string(type_at_version), body};
  resources_.resource(symbol(resource), type_at_version, body, adoption_comments(resource));
}

}  // namespace iac::gen::bicep
