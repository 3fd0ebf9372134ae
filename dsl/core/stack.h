#pragma once
/// Stack: one application in one environment, rendered into one Terraform root module and one
/// Bicep deployment.

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "dsl/core/construct.h"
#include "dsl/core/delivery.h"
#include "dsl/core/environment.h"
#include "dsl/core/expr.h"
#include "dsl/policy/suppression.h"

namespace iac {

class Resource;
namespace azure {
class ResourceGroup;
class LogAnalyticsWorkspace;
}  // namespace azure

/// How a stack parameter is declared.
struct ParameterProps {
  std::string description;
  /// Value written into the environment's variables and .bicepparam; none for secrets.
  std::optional<std::string> value;
  /// Secret: Terraform `sensitive`, Bicep `@secure()`, value supplied by the pipeline only.
  bool secure = false;
};

/// An input of the stack: a Terraform variable and a Bicep param.
struct Parameter {
  std::string name;
  ParameterProps props;
};

/// A value the stack exports: a Terraform output and a Bicep output.
struct Output {
  std::string name;
  Expr value;
  std::string description;
};

/// The root of one construct tree: an application's only stack in one environment
/// (`app.define`), or one of several named stacks of that environment (`app.define_stacks`).
/// Every resource below it is deployed into the stack's resource group, created with the stack.
class Stack : public Construct {
 public:
  /// The application's only stack in `env`: path `<app>/<env>`, output `out/<app>/<env>/`.
  Stack(std::string app_name, Environment env);
  /// One of several stacks of `env`: path `<app>/<env>/<name>`, output `out/<app>/<env>/<name>/`.
  Stack(std::string app_name, Environment env, std::string name);
  ~Stack() override;

  const std::string& app_name() const { return app_name_; }
  const Environment& env() const { return env_; }
  /// The stack's name within its environment; empty for an application's only stack.
  const std::string& stack_name() const { return stack_name_; }
  /// Whether this is one of several named stacks of its environment.
  bool named() const { return !stack_name_.empty(); }
  /// Where the stack's files go below the output root: `<app>/<env>` or `<app>/<env>/<name>`.
  std::string output_dir() const;
  /// The Terraform state key: `<app>/<env>.tfstate` or `<app>/<env>/<name>.tfstate`.
  std::string state_key() const;
  /// The deployment's name: `<app>-<env>` or `<app>-<env>-<name>`.
  std::string deployment_name() const;

  azure::ResourceGroup& resource_group() { return *resource_group_; }
  const azure::ResourceGroup& resource_group() const { return *resource_group_; }

  /// Declares a parameter, to use in props: `.admin_group = s.parameter("admin_group_id")`.
  ParameterRef parameter(std::string name, ParameterProps props = {});
  /// Exports a value.
  void output(std::string name, Expr value, std::string description = {});

  /// Names the workspace that the diagnostics aspect sends every resource's logs and metrics
  /// to. @default the stack's only Log Analytics workspace; a stack with several must name one.
  void send_diagnostics_to(const azure::LogAnalyticsWorkspace& workspace);
  const azure::LogAnalyticsWorkspace* diagnostics_workspace() const {
    return diagnostics_workspace_;
  }

  /// Where this stack's Terraform state lives, from the app's DeliveryProps::state_backends
  /// (set by App before the stack is declared); none: the pipeline supplies it.
  const std::optional<StateBackend>& state_backend() const { return state_backend_; }
  void set_state_backend(std::optional<StateBackend> backend) {
    state_backend_ = std::move(backend);
  }

  const std::deque<Parameter>& parameters() const { return parameters_; }
  const std::vector<Output>& outputs() const { return outputs_; }

  /// Exceptions to policy rules recorded with policy::suppress() under this stack.
  const std::vector<policy::Suppression>& suppressions() const { return suppressions_; }
  void add_suppression(policy::Suppression suppression);

  /// Every resource in the stack, in declaration order (the resource group first). Once the
  /// stack is locked the list is computed once: validation, policy and every generator read it.
  const std::vector<const Resource*>& resources() const;
  /// The reference-only constructs (`from_id<T>()`), in declaration order: resources owned
  /// elsewhere that this stack refers to but never deploys. Not part of resources().
  const std::vector<const Resource*>& references() const;

  void validate(Diagnostics& out) const override;

 private:
  std::string app_name_;
  Environment env_;
  std::string stack_name_;
  azure::ResourceGroup* resource_group_ = nullptr;
  std::deque<Parameter> parameters_;  // deque: ParameterRef points into it
  std::vector<Output> outputs_;
  std::vector<policy::Suppression> suppressions_;
  mutable std::vector<const Resource*> resources_;
  mutable std::vector<const Resource*> references_;
  mutable bool resources_final_ = false;
  const azure::LogAnalyticsWorkspace* diagnostics_workspace_ = nullptr;
  std::optional<StateBackend> state_backend_;
};

/// Whether `name` can name a parameter or output in every format: a letter, then letters,
/// digits and underscores.
bool is_valid_symbol_name(std::string_view name);

/// The output a producer stack exports for a reference from another stack of its environment:
/// the target's path below its stack, `_`-joined, then the attribute (`network_apps_id`). The
/// same in every format, so a consumer reads it by name.
std::string cross_stack_output_name(const Ref& ref);

}  // namespace iac
