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
namespace policy {
struct Rule;
}

/// The function that declares the application; it runs once per environment.
using StackFunction = std::function<void(Stack&, const Environment&)>;

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
  App& define(StackFunction function);
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

  /// The locked stacks, in environment order. Empty before synthesize().
  const std::vector<std::unique_ptr<Stack>>& stacks() const { return stacks_; }
  const Stack* stack(std::string_view environment) const;

 private:
  void validate_state_backends(Diagnostics& out) const;

  std::string name_;
  std::vector<Environment> environments_;
  StackFunction define_;
  NamingConvention naming_;
  std::vector<policy::Rule> rules_;
  DeliveryProps delivery_;
  std::vector<std::unique_ptr<Stack>> stacks_;
  Diagnostics diagnostics_;
  bool synthesized_ = false;
};

/// Tree-wide checks of locked stacks: construct ids, duplicate ids, every node's own validate(),
/// references across environments, reference cycles and name collisions.
Diagnostics validate_stacks(const std::vector<std::unique_ptr<Stack>>& stacks);

}  // namespace iac
