#pragma once
/// What a Bicep emitter needs: the writers, and the rendering of model values into Bicep.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dsl/core/diagnostic.h"
#include "dsl/core/expr.h"
#include "generators/bicep/bicep_writer.h"

namespace iac {
class Resource;
class Stack;
}  // namespace iac

namespace iac::gen::bicep {

/// Per-stack state of the Bicep generator. main.bicep (subscription scope) holds the resource
/// group and the module call; resources.bicep (resource-group scope) holds everything else.
class Context {
 public:
  Context(const Stack& stack, BicepWriter& main, BicepWriter& resources)
      : stack_(stack), main_(main), resources_(resources) {}

  const Stack& stack() const { return stack_; }
  BicepWriter& main() { return main_; }
  /// resources.bicep, for child resources that are not model resources of their own.
  BicepWriter& resources() { return resources_; }

  /// The symbolic name of a resource: its path below the stack in camelCase (`monitoringLogs`).
  static std::string symbol(const Resource& resource);

  Value value(const Expr& expr);
  Value reference(const Ref& ref);

  /// `name`, `location` and `tags`: the start of every resource body.
  Object header(const Resource& resource);
  /// Writes `resource <symbol> '<type>' = body` into resources.bicep, with `dependsOn` for
  /// explicit dependencies (references already imply theirs), after applying the resource's
  /// Bicep overrides.
  void write(const Resource& resource, std::string_view type_at_version, Object body);
  /// Applies the resource's Bicep overrides to its body; an edit that does not fit is
  /// diagnostic IAC-OVR-003. write() calls it; emitters that write a model resource elsewhere
  /// (the resource group, in main.bicep) call it themselves.
  Object with_overrides(const Resource& resource, Object body);

  /// Problems found while writing, e.g. an override that does not fit.
  const Diagnostics& diagnostics() const { return diagnostics_; }

  /// Another file of the deployment, next to resources.bicep: a module an emitter needs.
  void add_file(std::string name, std::string text) {
    files_.emplace_back(std::move(name), std::move(text));
  }
  const std::vector<std::pair<std::string, std::string>>& files() const { return files_; }

 private:
  const Stack& stack_;
  BicepWriter& main_;
  BicepWriter& resources_;
  std::vector<std::pair<std::string, std::string>> files_;
  Diagnostics diagnostics_;
};

}  // namespace iac::gen::bicep
