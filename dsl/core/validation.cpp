/// Tree-wide validation: what no single construct can check alone.

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
      out.push_back(child->diagnostic(
          "IAC-CORE-001",
          fmt::format("duplicate construct id '{}' in scope '{}'", child->construct_id(), node.path()),
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

void check_reference_targets(const Stack& stack, Diagnostics& out) {
  auto check = [&](const Construct& from, const Resource* target) {
    if (&target->stack() == &stack) return;
    out.push_back(from.diagnostic(
        "IAC-REF-002",
        fmt::format("refers to '{}', which belongs to another environment or app",
                    target->path()),
        "each environment is deployed on its own: refer to resources of the same stack, or "
        "pass the value as a parameter"));
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
  std::map<std::pair<const void*, std::string>, const Resource*> global_names;
  for (const auto& stack : stacks) {
    std::map<std::pair<const void*, std::string>, const Resource*> local_names;
    for (const Resource* resource : stack->resources()) {
      const ResourceKind& kind = resource->kind();
      bool global = kind.naming.scope == NameScope::global;
      auto& names = global ? global_names : local_names;
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
    check_reference_targets(*stack, out);
    CycleFinder cycles(out);
    for (const Resource* resource : stack->resources()) cycles.visit(resource);
  }
  check_name_collisions(stacks, out);
  return out;
}

}  // namespace iac
