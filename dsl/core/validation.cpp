/// Tree-wide validation: what no single construct can check alone.

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "dsl/azure/adoption.h"
#include "dsl/core/app.h"
#include "dsl/core/resource.h"
#include "dsl/core/stack.h"

namespace iac {

namespace {

void check_ids(const Construct& node, Diagnostics& out) {
  std::set<std::string> seen;
  for (const auto& child : node.children()) {
    if (!is_valid_construct_id(child->construct_id())) {
      out.push_back(child->diagnostic(
          "IAC-CORE-002", fmt::format("construct id '{}' is not valid", child->construct_id()),
          "use a letter, then letters, digits, '-' or '_' (at most 64)"));
    }
    if (!seen.insert(child->construct_id()).second) {
      out.push_back(child->diagnostic("IAC-CORE-001",
                                      fmt::format("duplicate construct id '{}' in scope '{}'",
                                                  child->construct_id(), node.path()),
                                      "give each construct in a scope its own id"));
    }
    check_ids(*child, out);
  }
}

/// All resources a resource depends on: its references and its explicit dependencies.
std::vector<const Resource*> dependencies_of(const Resource& resource) {
  std::vector<const Resource*> result;
  for (const Ref& ref : resource.references()) {
    if (ref.target != nullptr) result.push_back(ref.target);
  }
  for (const Resource* dependency : resource.explicit_dependencies()) result.push_back(dependency);
  return result;
}

/// Whether `target` is in a stack of the same app and environment as `stack` (the same stack
/// included).
bool same_environment(const Stack& stack, const Resource* target,
                      const std::vector<std::unique_ptr<Stack>>& stacks) {
  const Stack& other = target->stack();
  if (&other == &stack) return true;
  if (other.env().name != stack.env().name || other.app_name() != stack.app_name()) return false;
  return std::any_of(stacks.begin(), stacks.end(),
                     [&](const auto& candidate) { return candidate.get() == &other; });
}

void check_reference_targets(const Stack& stack, const std::vector<std::unique_ptr<Stack>>& stacks,
                             Diagnostics& out) {
  auto check = [&](const Construct& from, const Resource* target) {
    if (same_environment(stack, target, stacks)) return;
    out.push_back(from.diagnostic(
        "IAC-REF-002",
        fmt::format("refers to '{}', which belongs to another environment or app", target->path()),
        "each environment is deployed on its own: refer to resources of the same environment, "
        "or pass the value as a parameter"));
  };
  for (const Resource* resource : stack.resources()) {
    for (const Resource* target : dependencies_of(*resource)) check(*resource, target);
  }
  for (const Output& output : stack.outputs()) {
    for (const Ref& ref : output.value.refs()) {
      if (ref.target != nullptr) check(stack, ref.target);
    }
  }
}

/// References into other stacks of the environment: no secrets through state, no dependency
/// without a reference, no clash between an exported value and an output of the producer.
void check_cross_stack_references(const Stack& stack,
                                  const std::vector<std::unique_ptr<Stack>>& stacks,
                                  Diagnostics& out) {
  auto foreign = [&](const Resource* target) {
    return target != nullptr && &target->stack() != &stack &&
           same_environment(stack, target, stacks);
  };
  auto check_ref = [&](const Construct& from, const Ref& ref) {
    if (!foreign(ref.target) || !ref.sensitive) return;
    out.push_back(from.diagnostic(
        "IAC-STACK-005",
        fmt::format("passes the secret '{}' of '{}' from stack '{}': it would be exported as an "
                    "output and read through the Terraform state",
                    ref.attribute, ref.target->path(), ref.target->stack().stack_name()),
        "keep secrets out of cross-stack references: store the secret in a Key Vault of the "
        "producer stack and refer to the vault or the secret's id, or use a managed identity "
        "and a role assignment instead of a key"));
  };
  for (const Resource* resource : stack.resources()) {
    std::vector<Ref> refs = resource->references();
    for (const Ref& ref : refs) check_ref(*resource, ref);
    for (const Resource* dependency : resource->explicit_dependencies()) {
      if (!foreign(dependency)) continue;
      // Any reference from this stack to that one makes the pipeline deploy it first.
      const std::vector<Ref> stack_refs = cross_stack_refs(stack);
      const bool referenced =
          std::any_of(stack_refs.begin(), stack_refs.end(),
                      [&](const Ref& ref) { return &ref.target->stack() == &dependency->stack(); });
      if (referenced) continue;  // the stack order already deploys the producer first
      out.push_back(resource->diagnostic(
          "IAC-STACK-006",
          fmt::format("depends on '{}' of stack '{}', which neither format can express across "
                      "deployments",
                      dependency->path(), dependency->stack().stack_name()),
          "refer to a value of that resource (e.g. its id) so that the pipeline deploys its "
          "stack first, or declare both resources in the same stack"));
    }
  }
  for (const Output& output : stack.outputs()) {
    for (const Ref& ref : output.value.refs()) check_ref(stack, ref);
  }
}

/// An exported value must not take the name of an output the producer declares itself.
void check_exported_names(const Stack& producer, const std::vector<std::unique_ptr<Stack>>& stacks,
                          Diagnostics& out) {
  for (const Ref& ref : exported_refs(producer, stacks)) {
    const std::string name = cross_stack_output_name(ref);
    for (const Output& output : producer.outputs()) {
      if (output.name != name) continue;
      out.push_back(producer.diagnostic(
          "IAC-STACK-007",
          fmt::format("output '{}' is also the name of the value another stack reads from '{}'",
                      name, ref.target->path()),
          "rename the output: `<resource path>_<attribute>` names are reserved for cross-stack "
          "references"));
    }
  }
}

/// Cycles between the stacks of one environment: neither could be deployed first.
void check_stack_cycles(const std::vector<std::unique_ptr<Stack>>& stacks, Diagnostics& out) {
  enum class State { unseen, active, done };
  std::map<const Stack*, State> state;
  std::vector<const Stack*> trail;
  std::function<void(const Stack*)> visit = [&](const Stack* stack) {
    if (state[stack] == State::done) return;
    if (state[stack] == State::active) {
      std::string chain;
      bool on_cycle = false;
      for (const Stack* node : trail) {
        if (node == stack) on_cycle = true;
        if (on_cycle) chain += node->stack_name() + " -> ";
      }
      chain += stack->stack_name();
      out.push_back(stack->diagnostic(
          "IAC-STACK-001", fmt::format("stack reference cycle in {}: {}", stack->env().name, chain),
          "stacks are deployed one after the other: move the resources that refer to each other "
          "into one stack, or pass one value as a parameter"));
      return;
    }
    state[stack] = State::active;
    trail.push_back(stack);
    for (const Stack* dependency : stack_dependencies(*stack, stacks)) visit(dependency);
    trail.pop_back();
    state[stack] = State::done;
  };
  for (const auto& stack : stacks) visit(stack.get());
}

/// Depth-first search for cycles; each cycle is reported once, at the first resource on it.
class CycleFinder {
 public:
  explicit CycleFinder(Diagnostics& out) : out_(out) {}

  void visit(const Resource* resource) {
    if (state_[resource] == State::done) return;
    if (state_[resource] == State::active) {
      report(resource);
      return;
    }
    state_[resource] = State::active;
    trail_.push_back(resource);
    for (const Resource* dependency : dependencies_of(*resource)) visit(dependency);
    trail_.pop_back();
    state_[resource] = State::done;
  }

 private:
  enum class State { unseen, active, done };

  void report(const Resource* start) {
    std::string chain;
    bool on_cycle = false;
    for (const Resource* node : trail_) {
      if (node == start) on_cycle = true;
      if (on_cycle) chain += node->path() + " -> ";
    }
    chain += start->path();
    out_.push_back(start->diagnostic(
        "IAC-REF-001", fmt::format("reference cycle: {}", chain),
        "break the cycle: one of these resources must not refer to the other (use a "
        "separate resource such as a role assignment)"));
  }

  Diagnostics& out_;
  std::map<const Resource*, State> state_;
  std::vector<const Resource*> trail_;
};

void check_name_collisions(const std::vector<std::unique_ptr<Stack>>& stacks, Diagnostics& out) {
  using Names = std::map<std::pair<const void*, std::string>, const Resource*>;
  Names global_names;
  // Resource groups and other subscription-scoped names: the stacks of an environment share
  // its subscription.
  std::map<std::string, Names> environment_names;
  for (const auto& stack : stacks) {
    Names local_names;
    for (const Resource* resource : stack->resources()) {
      const ResourceKind& kind = resource->kind();
      bool global = kind.naming.scope == NameScope::global;
      auto& names = global ? global_names
                    : kind.naming.scope == NameScope::subscription
                        ? environment_names[stack->env().name]
                        : local_names;
      // Children are keyed by their parent's path too: two databases may each hold an `items`.
      std::string key = kind.naming.scope == NameScope::parent
                            ? resource->scope()->path() + "/" + resource->name()
                            : resource->name();
      auto [it, inserted] = names.try_emplace({&kind, key}, resource);
      if (!inserted) {
        out.push_back(resource->diagnostic(
            "IAC-NAME-002",
            fmt::format("{} name '{}' is already used by '{}'{}", kind.name, resource->name(),
                        it->second->path(), global ? " (names are globally unique)" : ""),
            "set a distinct `.name`, or give the constructs distinct ids"));
      }
    }
  }
}

}  // namespace

Diagnostics validate_stacks(const std::vector<std::unique_ptr<Stack>>& stacks) {
  Diagnostics out;
  for (const auto& stack : stacks) {
    check_ids(*stack, out);
    stack->walk([&](const Construct& node) {
      const auto* resource = dynamic_cast<const Resource*>(&node);
      if (resource != nullptr && resource->is_reference()) {
        // Owned elsewhere: its props are placeholders; only the id is checked.
        azure::validate_reference(*resource, out);
        return;
      }
      node.validate(out);
      if (resource != nullptr && resource->adopted()) azure::validate_adoption(*resource, out);
    });
    check_reference_targets(*stack, stacks, out);
    check_cross_stack_references(*stack, stacks, out);
    check_exported_names(*stack, stacks, out);
    CycleFinder cycles(out);
    for (const Resource* resource : stack->resources()) cycles.visit(resource);
  }
  check_stack_cycles(stacks, out);
  check_name_collisions(stacks, out);
  return out;
}

std::vector<Ref> cross_stack_refs(const Stack& stack) {
  std::vector<Ref> result;
  auto add = [&](const Ref& ref) {
    if (ref.target == nullptr || &ref.target->stack() == &stack) return;
    if (ref.target->stack().env().name != stack.env().name) return;
    for (const Ref& seen : result) {
      if (seen.target == ref.target && seen.attribute == ref.attribute) return;
    }
    result.push_back(ref);
  };
  for (const Resource* resource : stack.resources()) {
    for (const Ref& ref : resource->references()) add(ref);
  }
  for (const Output& output : stack.outputs()) {
    for (const Ref& ref : output.value.refs()) add(ref);
  }
  return result;
}

std::vector<const Stack*> stack_dependencies(const Stack& stack,
                                             const std::vector<std::unique_ptr<Stack>>& stacks) {
  std::set<const Stack*> referenced;
  for (const Ref& ref : cross_stack_refs(stack)) referenced.insert(&ref.target->stack());
  for (const Resource* resource : stack.resources()) {
    for (const Resource* dependency : resource->explicit_dependencies()) {
      const Stack* other = &dependency->stack();
      if (other != &stack && other->env().name == stack.env().name) referenced.insert(other);
    }
  }
  std::vector<const Stack*> result;
  for (const auto& candidate : stacks) {
    if (referenced.count(candidate.get()) > 0) result.push_back(candidate.get());
  }
  return result;
}

std::vector<Ref> exported_refs(const Stack& producer,
                               const std::vector<std::unique_ptr<Stack>>& stacks) {
  std::map<std::string, Ref> by_name;
  for (const auto& consumer : stacks) {
    if (consumer.get() == &producer) continue;
    for (const Ref& ref : cross_stack_refs(*consumer)) {
      if (&ref.target->stack() == &producer) by_name.try_emplace(cross_stack_output_name(ref), ref);
    }
  }
  std::vector<Ref> result;
  for (auto& [name, ref] : by_name) result.push_back(std::move(ref));
  return result;
}

}  // namespace iac
