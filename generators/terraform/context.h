#pragma once
/// What a Terraform emitter needs: the writer, and the rendering of model values into HCL.

#include <set>
#include <string>
#include <string_view>

#include "dsl/core/diagnostic.h"
#include "dsl/core/expr.h"
#include "generators/hcl/hcl_writer.h"

namespace iac {
class Resource;
class Stack;
}  // namespace iac

namespace iac::gen::terraform {

/// Per-stack state of the Terraform generator while it writes main.tf.
class Context {
 public:
  Context(const Stack& stack, hcl::HclWriter& writer) : stack_(stack), writer_(writer) {}

  hcl::HclWriter& writer() { return writer_; }
  const Stack& stack() const { return stack_; }

  /// The block label of a resource: its path below the stack, `_`-joined (`monitoring_logs`).
  /// A reference to a resource of another stack reads the producer's output instead:
  /// `data.terraform_remote_state.<stack>.outputs.<cross_stack_output_name>`.
  static std::string label(const Resource& resource);

  /// An expression as an HCL value: a literal string, a traversal, or a template.
  hcl::Value value(const Expr& expr);
  hcl::Traversal traversal(const Ref& ref);
  /// Whether main.tf needs `data "azurerm_client_config" "current"`.
  bool uses_client_config() const { return uses_client_config_; }
  /// The stacks of the environment whose outputs this stack reads: each needs
  /// `data "terraform_remote_state" "<stack>"`.
  const std::set<const Stack*>& remote_states() const { return remote_states_; }

  /// Opens `resource "<type>" "<label>"` and writes `name`, `location` and, unless the resource
  /// is the resource group, `resource_group_name`.
  hcl::HclWriter::BlockScope open(const Resource& resource, std::string_view type);
  /// Writes `tags` (always, so that drift in tags shows) and `depends_on` when needed.
  void tags_and_dependencies(const Resource& resource);
  /// Applies the resource's Terraform overrides to its block once the emitter has written it;
  /// an edit that does not fit what is written is diagnostic IAC-OVR-003.
  void apply_overrides(const Resource& resource);

  /// Records a problem an emitter found, e.g. a property this provider version cannot express.
  void report(Diagnostic diagnostic) { diagnostics_.push_back(std::move(diagnostic)); }
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  const Stack& stack_;
  hcl::HclWriter& writer_;
  bool uses_client_config_ = false;
  std::set<const Stack*> remote_states_;
  Diagnostics diagnostics_;
};

}  // namespace iac::gen::terraform
