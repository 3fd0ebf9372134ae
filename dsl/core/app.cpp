#include "dsl/core/app.h"

#include <algorithm>
#include <exception>
#include <utility>
#include <set>

#include <fmt/format.h>

#include "dsl/azure/diagnostic_setting.h"
#include "dsl/azure/resource_group.h"
#include "dsl/azure/storage_account.h"
#include "dsl/azure/storage_container.h"
#include "dsl/core/aspect.h"
#include "dsl/core/resource.h"
#include "dsl/core/stack.h"
#include "dsl/policy/rule.h"

namespace iac {

namespace {

/// Gives every resource without an explicit name the convention's name.
class NamingAspect final : public Aspect {
 public:
  NamingAspect(NamingConvention convention, std::string app, std::string environment,
               std::string stack = {})
      : convention_(std::move(convention)),
        app_(std::move(app)),
        env_(std::move(environment)),
        stack_(std::move(stack)) {}
  int priority() const override { return kNamingPriority; }
  void visit(Construct& node) override {
    auto* resource = dynamic_cast<Resource*>(&node);
    if (resource == nullptr || resource->has_explicit_name()) return;
    const ResourceKind& kind = resource->kind();
    // Each named stack has its own resource group, named after the stack (`rg-app-dev-network`).
    const bool group = !stack_.empty() && static_cast<const Resource*>(
                                              &resource->stack().resource_group()) == resource;
    resource->set_default_name(convention_({.abbreviation = kind.abbreviation,
                                            .app = app_,
                                            .environment = env_,
                                            .id = group ? stack_ : node.construct_id()},
                                           kind.naming));
  }

 private:
  NamingConvention convention_;
  std::string app_;
  std::string env_;
  std::string stack_;
};

}  // namespace

EnvironmentStacks::EnvironmentStacks(std::string app, Environment env,
                                     std::function<void(Stack&)> prepare)
    : app_(std::move(app)), env_(std::move(env)), prepare_(std::move(prepare)) {}

EnvironmentStacks::~EnvironmentStacks() = default;

Stack& EnvironmentStacks::adopt(std::unique_ptr<Stack> stack) {
  prepare_(*stack);
  stacks_.push_back(std::move(stack));
  return *stacks_.back();
}

Stack& EnvironmentStacks::add(std::string name) {
  return adopt(std::make_unique<Stack>(app_, env_, std::move(name)));
}

namespace {

/// Stack-level checks of an environment's named stacks: ids, duplicates, at least one.
void check_stack_names(const std::string& app, const Environment& env,
                       const std::vector<std::unique_ptr<Stack>>& stacks, Diagnostics& out) {
  std::set<std::string> seen;
  if (stacks.empty()) {
    out.push_back({.rule_id = "IAC-STACK-004",
                   .path = fmt::format("{}/{}", app, env.name),
                   .message = fmt::format("the stack function declares no stack in {}", env.name),
                   .fix = "call env_stacks.add(\"<name>\") at least once"});
  }
  for (const auto& stack : stacks) {
    if (!stack->named()) continue;
    const std::string& name = stack->stack_name();
    if (!is_valid_construct_id(name)) {
      out.push_back({.rule_id = "IAC-STACK-003",
                     .path = stack->path(),
                     .message = fmt::format("stack name '{}' is not a valid id", name),
                     .fix = "use a letter, then letters, digits, '-' or '_' (at most 64): it "
                            "names a folder, a state key and pipeline jobs"});
    }
    if (!seen.insert(name).second) {
      out.push_back({.rule_id = "IAC-STACK-002",
                     .path = stack->path(),
                     .message = fmt::format("stack '{}' is declared twice in {}", name, env.name),
                     .fix = "give each stack of an environment its own name"});
    }
  }
}

}  // namespace

App::App(std::string name) : name_(std::move(name)), naming_(caf_name) {}
App::~App() = default;
App::App(App&&) noexcept = default;
App& App::operator=(App&&) noexcept = default;

App& App::environments(std::vector<Environment> environments) {
  environments_ = std::move(environments);
  return *this;
}

App& App::define(StackFunction function) {
  if (!function) {
    define_ = nullptr;
    return *this;
  }
  define_ = [function = std::move(function)](EnvironmentStacks& stacks, const Environment& env) {
    function(stacks.adopt(std::make_unique<Stack>(stacks.app_, env)), env);
  };
  return *this;
}

App& App::define_stacks(StacksFunction function) {
  define_ = std::move(function);
  return *this;
}

App& App::naming(NamingConvention convention) {
  naming_ = std::move(convention);
  return *this;
}

App& App::delivery(DeliveryProps props) {
  delivery_ = std::move(props);
  return *this;
}

App& App::add_rule(policy::Rule rule) {
  rules_.push_back(std::move(rule));
  return *this;
}

const Stack* App::stack(std::string_view environment) const {
  for (const auto& stack : stacks_) {
    if (stack->env().name == environment) return stack.get();
  }
  return nullptr;
}

void App::validate_state_backends(Diagnostics& out) const {
  // The names end up in versions.tf and the pipelines: they must be names Azure accepts.
  for (const auto& [environment, backend] : delivery_.state_backends) {
    const std::string path = fmt::format("{}/delivery/state_backends/{}", name_, environment);
    const bool declared =
        std::any_of(environments_.begin(), environments_.end(),
                    [&](const Environment& env) { return env.name == environment; });
    if (!declared) {
      out.push_back({.rule_id = "IAC-CORE-008",
                     .path = path,
                     .message = fmt::format("a state backend is set for '{}', which is not one "
                                            "of the app's environments",
                                            environment),
                     .fix = "key `state_backends` by the names given to app.environments(...)"});
    }
    const std::pair<const ResourceKind*, const std::string*> names[] = {
        {&azure::ResourceGroup::kKind, &backend.resource_group},
        {&azure::StorageAccount::kKind, &backend.storage_account},
        {&azure::StorageContainer::kKind, &backend.container}};
    for (const auto& [kind, name] : names) {
      if (std::string problem = check_name(kind->naming, *name); !problem.empty()) {
        out.push_back(
            {.rule_id = "IAC-CORE-009",
             .path = path,
             .message = fmt::format("state backend {} name '{}' {}", kind->name, *name, problem),
             .fix = fmt::format("use {}-{} {}, e.g. from stacks::platform_state_backends()",
                                kind->naming.min_length, kind->naming.max_length,
                                kind->naming.charset)});
      }
    }
  }
}

const Stack* App::stack(std::string_view environment, std::string_view name) const {
  for (const auto& stack : stacks_) {
    if (stack->env().name == environment && stack->stack_name() == name) return stack.get();
  }
  return nullptr;
}

std::vector<const Stack*> App::deployment_order(std::string_view environment) const {
  std::vector<const Stack*> pending;
  for (const auto& stack : stacks_) {
    if (stack->env().name == environment) pending.push_back(stack.get());
  }
  std::vector<const Stack*> order;
  std::set<const Stack*> done;
  // Kahn's algorithm, taking the first ready stack in declaration order each time.
  while (!pending.empty()) {
    auto ready = std::find_if(pending.begin(), pending.end(), [&](const Stack* stack) {
      for (const Stack* dependency : stack_dependencies(*stack, stacks_)) {
        if (done.count(dependency) == 0) return false;
      }
      return true;
    });
    if (ready == pending.end()) ready = pending.begin();  // a cycle, reported by validation
    order.push_back(*ready);
    done.insert(*ready);
    pending.erase(ready);
  }
  return order;
}

const Diagnostics& App::synthesize() {
  if (synthesized_) return diagnostics_;
  synthesized_ = true;
  if (!is_valid_construct_id(name_)) {
    diagnostics_.push_back({.rule_id = "IAC-CORE-002",
                            .path = name_,
                            .message = fmt::format("app name '{}' is not a valid id", name_),
                            .fix = "use a letter, then letters, digits, '-' or '_'"});
  }
  if (environments_.empty()) {
    diagnostics_.push_back({.rule_id = "IAC-CORE-006",
                            .path = name_,
                            .message = "the app declares no environments",
                            .fix = "call app.environments({Environment::dev(\"<region>\"), ...})"});
  }
  if (!define_) {
    diagnostics_.push_back({.rule_id = "IAC-CORE-007",
                            .path = name_,
                            .message = "the app has no stack function",
                            .fix = "call app.define(<function(Stack&, const Environment&)>) or "
                                   "app.define_stacks(<function(EnvironmentStacks&, const "
                                   "Environment&)>)"});
  }
  validate_state_backends(diagnostics_);
  if (has_errors(diagnostics_)) return diagnostics_;

  for (const Environment& env : environments_) {
    EnvironmentStacks declared(name_, env, [&](Stack& stack) {
      stack.add_aspect(
          std::make_shared<NamingAspect>(naming_, name_, env.name, stack.stack_name()));
      stack.add_aspect(azure::diagnostics_aspect());
      if (auto backend = delivery_.state_backends.find(env.name);
          backend != delivery_.state_backends.end()) {
        stack.set_state_backend(backend->second);
      }
      Tags::of(stack)
          .add("application", name_)
          .add("environment", env.name)
          .add("managed-by", "iacgen");
      if (stack.named()) Tags::of(stack).add("stack", stack.stack_name());
      for (const auto& [key, value] : env.tags) Tags::of(stack).add(key, value);
    });
    bool failed = false;
    try {
      define_(declared, env);
    } catch (const std::exception& error) {
      failed = true;
      diagnostics_.push_back({.rule_id = "IAC-CORE-000",
                              .path = declared.stacks_.empty()
                                          ? fmt::format("{}/{}", name_, env.name)
                                          : declared.stacks_.back()->path(),
                              .message = fmt::format("the stack function failed: {}", error.what()),
                              .fix = "see the message; declare constructs before synth"});
    }
    if (!failed) check_stack_names(name_, env, declared.stacks_, diagnostics_);
    for (auto& stack : declared.stacks_) {
      if (!failed) {
        try {
          apply_aspects(*stack);
        } catch (const std::exception& error) {
          diagnostics_.push_back(
              {.rule_id = "IAC-CORE-000",
               .path = stack->path(),
               .message = fmt::format("the stack function failed: {}", error.what()),
               .fix = "see the message; declare constructs before synth"});
        }
      }
      stack->lock();
      stacks_.push_back(std::move(stack));
    }
  }
  Diagnostics found = validate_stacks(stacks_);
  diagnostics_.insert(diagnostics_.end(), found.begin(), found.end());
  return diagnostics_;
}

}  // namespace iac
