#pragma once
/// What a Bicep emitter needs: the writers, and the rendering of model values into Bicep.

#include <map>
#include <memory>
#include <optional>
#include <set>
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

/// The resource group type, in main.bicep and in `existing` references to another stack's.
inline constexpr const char* kResourceGroupType = "Microsoft.Resources/resourceGroups@2024-03-01";

/// Per-stack state of the Bicep generator. main.bicep (subscription scope) holds the resource
/// group and the module call; resources.bicep (resource-group scope) holds everything else.
///
/// A resource of another stack of the environment is an `existing` resource in resources.bicep,
/// named after its stack (`networkVnet`), with its Azure name and
/// `scope: resourceGroup('<its group>')` (or `parent:` an existing parent): names are known at
/// synth time, so the consumer needs no output of the producer's deployment.
class Context {
 public:
  Context(const Stack& stack, BicepWriter& main, BicepWriter& resources);
  ~Context();

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

  /// Declares an `existing` resource for every resource of another stack that this stack refers
  /// to, before the stack's own resources; returns what cannot be declared.
  Diagnostics declare_existing_resources();
  /// The symbols of the `existing` resources, with their resources.
  const std::map<const Resource*, std::string>& existing_symbols() const { return existing_; }
  /// Whether the body written for `resource` names `symbol` (as `parent: kv`, `scope: kv` or
  /// `kv.id`). An emitter that names another stack's resource by its own symbol uses it as a
  /// parent or scope, which Bicep cannot deploy across resource groups.
  bool mentions(const Resource& resource, const std::string& symbol) const;

 private:
  struct Written {
    std::string type;
    Object body;
  };
  std::string existing_symbol(const Resource& target) const;
  std::optional<std::string> declare_existing(const Resource& target, Diagnostics& out);
  /// What the producer's emitter writes for `target`, from a dry run of the producer stack.
  const Written* probe(const Resource& target);

  const Stack& stack_;
  BicepWriter& main_;
  BicepWriter& resources_;
  std::vector<std::pair<std::string, std::string>> files_;
  Diagnostics diagnostics_;
  std::map<const Resource*, Written> written_;
  std::map<const Resource*, std::string> existing_;
  std::map<const Resource*, std::string> existing_types_;
  std::map<const Stack*, std::unique_ptr<Context>> probes_;
  std::unique_ptr<BicepWriter> probe_main_;
  std::unique_ptr<BicepWriter> probe_resources_;
};

}  // namespace iac::gen::bicep
