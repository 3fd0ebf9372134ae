#include "dsl/core/app.h"

#include <algorithm>
#include <exception>
#include <utility>

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
  NamingAspect(NamingConvention convention, std::string app, std::string environment)
      : convention_(std::move(convention)), app_(std::move(app)), env_(std::move(environment)) {}
  int priority() const override { return kNamingPriority; }
  void visit(Construct& node) override {
    auto* resource = dynamic_cast<Resource*>(&node);
    if (resource == nullptr || resource->has_explicit_name()) return;
    const ResourceKind& kind = resource->kind();
    resource->set_default_name(convention_({.abbreviation = kind.abbreviation,
                                            .app = app_,
                                            .environment = env_,
                                            .id = node.construct_id()},
                                           kind.naming));
  }

 private:
  NamingConvention convention_;
  std::string app_;
  std::string env_;
};

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
                            .fix = "call app.define(<function(Stack&, const Environment&)>)"});
  }
  validate_state_backends(diagnostics_);
  if (has_errors(diagnostics_)) return diagnostics_;

  for (const Environment& env : environments_) {
    auto stack = std::make_unique<Stack>(name_, env);
    if (auto backend = delivery_.state_backends.find(env.name);
        backend != delivery_.state_backends.end()) {
      stack->set_state_backend(backend->second);
    }
    stack->add_aspect(std::make_shared<NamingAspect>(naming_, name_, env.name));
    stack->add_aspect(azure::diagnostics_aspect());
    Tags::of(*stack)
        .add("application", name_)
        .add("environment", env.name)
        .add("managed-by", "iacgen");
    for (const auto& [key, value] : env.tags) Tags::of(*stack).add(key, value);
    try {
      define_(*stack, env);
      apply_aspects(*stack);
    } catch (const std::exception& error) {
      diagnostics_.push_back({.rule_id = "IAC-CORE-000",
                              .path = stack->path(),
                              .message = fmt::format("the stack function failed: {}", error.what()),
                              .fix = "see the message; declare constructs before synth"});
    }
    stack->lock();
    stacks_.push_back(std::move(stack));
  }
  Diagnostics found = validate_stacks(stacks_);
  diagnostics_.insert(diagnostics_.end(), found.begin(), found.end());
  return diagnostics_;
}

}  // namespace iac
