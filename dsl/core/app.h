#pragma once
/// App: one application, declared once, synthesized once per environment.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/delivery.h"
#include "dsl/core/diagnostic.h"
#include "dsl/core/environment.h"
#include "dsl/core/naming.h"

namespace iac {

class Stack;
struct Ref;
namespace policy {
struct Rule;
}

/// The function that declares the application; it runs once per environment.
using StackFunction = std::function<void(Stack&, const Environment&)>;

/// The stacks of one environment, as `app.define_stacks` declares them. Resources of one stack
/// refer to resources of another with the usual Link<T> and Ref: the producer exports the value
/// and the consumer reads it (Terraform remote state, Bicep `existing`), and the pipelines deploy
/// the producer first.
class EnvironmentStacks {
 public:
  EnvironmentStacks(const EnvironmentStacks&) = delete;
  EnvironmentStacks& operator=(const EnvironmentStacks&) = delete;
  ~EnvironmentStacks();

  /// Declares the stack `name` (a construct id: a letter, then letters, digits, '-' or '_').
  Stack& add(std::string name);
  const Environment& env() const { return env_; }

 private:
  friend class App;
  EnvironmentStacks(std::string app, Environment env, std::function<void(Stack&)> prepare);
  Stack& adopt(std::unique_ptr<Stack> stack);

  std::string app_;
  Environment env_;
  std::function<void(Stack&)> prepare_;
  std::vector<std::unique_ptr<Stack>> stacks_;
};

/// The function that declares an application as several stacks per environment.
using StacksFunction = std::function<void(EnvironmentStacks&, const Environment&)>;

/// An application: a name, its environments and the function that declares its resources.
///
/// synthesize() runs the fixed pipeline once: declare each stack → apply aspects (naming, then
/// tags) → lock → validate, collecting every diagnostic. Generators then read the locked stacks.
class App {
 public:
  explicit App(std::string name);
  ~App();
  App(App&&) noexcept;
  App& operator=(App&&) noexcept;

  App& environments(std::vector<Environment> environments);
  /// Declares the application as one stack per environment, named after the application.
  App& define(StackFunction function);
  /// Declares the application as several named stacks per environment (network, data, api...),
  /// each with its own resource group, state and deployment; replaces define().
  App& define_stacks(StacksFunction function);
  /// Replaces the default CAF naming convention.
  App& naming(NamingConvention convention);
  /// Adds a rule of the team's own, evaluated with the azure-baseline pack.
  App& add_rule(policy::Rule rule);
  const std::vector<policy::Rule>& rules() const { return rules_; }
  /// How the generated pipelines deploy and test the application.
  App& delivery(DeliveryProps props);
  const DeliveryProps& delivery() const { return delivery_; }

  const std::string& name() const { return name_; }
  const std::vector<Environment>& environment_list() const { return environments_; }

  /// Builds, locks and validates every stack; later calls return the first result.
  const Diagnostics& synthesize();
  bool synthesized() const { return synthesized_; }

  /// The locked stacks, in environment order, then in declaration order within an environment.
  /// Empty before synthesize().
  const std::vector<std::unique_ptr<Stack>>& stacks() const { return stacks_; }
  /// The environment's first stack (its only one, for an app declared with define()).
  const Stack* stack(std::string_view environment) const;
  /// The stack `name` of an environment, or nullptr.
  const Stack* stack(std::string_view environment, std::string_view name) const;
  /// The environment's stacks, in dependency order: each after the stacks it refers to (ties
  /// in declaration order). Meaningful once synthesize() found no reference cycle.
  std::vector<const Stack*> deployment_order(std::string_view environment) const;

 private:
  void validate_state_backends(Diagnostics& out) const;

  std::string name_;
  std::vector<Environment> environments_;
  StacksFunction define_;
  NamingConvention naming_;
  std::vector<policy::Rule> rules_;
  DeliveryProps delivery_;
  std::vector<std::unique_ptr<Stack>> stacks_;
  Diagnostics diagnostics_;
  bool synthesized_ = false;
};

/// Tree-wide checks of locked stacks: construct ids, duplicate ids, every node's own validate(),
/// references across environments, references between stacks of one environment (cycles,
/// secrets, dependencies), reference cycles and name collisions.
Diagnostics validate_stacks(const std::vector<std::unique_ptr<Stack>>& stacks);

/// The stacks of the same environment that `stack` refers to (by a Ref or Link from one of its
/// resources or outputs), in the order of `stacks`.
std::vector<const Stack*> stack_dependencies(const Stack& stack,
                                             const std::vector<std::unique_ptr<Stack>>& stacks);

/// The references from `stack` to resources of the other stacks of its environment, without
/// duplicates, in the order they are first made.
std::vector<Ref> cross_stack_refs(const Stack& stack);
/// The references into `producer` from the other stacks of its environment: the outputs it
/// exports, without duplicates, ordered by output name.
std::vector<Ref> exported_refs(const Stack& producer,
                               const std::vector<std::unique_ptr<Stack>>& stacks);

}  // namespace iac
