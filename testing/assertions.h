#pragma once
/// Assertions for users' own tests, in the spirit of the AWS CDK's assertions module: synthesize
/// one environment in memory, then ask about the model, the policy verdict and each format.

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/app.h"
#include "dsl/core/diagnostic.h"
#include "dsl/core/resource.h"
#include "dsl/core/stack.h"
#include "dsl/policy/engine.h"

namespace iac::testing {

/// Attributes of one rendered resource, by dotted path (`network_acls.default_action`,
/// `properties.networkAcls.defaultAction`), with string values unquoted.
using Attributes = std::map<std::string, std::string>;

/// A rendered file read back into resources. It reads iacgen's own canonical output (one
/// attribute per line), not arbitrary HCL or Bicep.
class RenderedResources {
 public:
  /// Resources by `type` then label (Terraform) or symbol (Bicep). Bicep types are without
  /// the API version.
  const std::map<std::string, std::map<std::string, Attributes>>& by_type() const {
    return resources_;
  }
  std::size_t count(std::string_view type) const;
  /// Whether a resource of `type` has every one of `expected` (path → value).
  bool has_resource(std::string_view type, const Attributes& expected = {}) const;
  /// One attribute of one resource, if present.
  std::optional<std::string> attribute(std::string_view type, std::string_view name,
                                       std::string_view path) const;

  static RenderedResources from_terraform(std::string_view main_tf);
  static RenderedResources from_bicep(std::string_view resources_bicep);

 private:
  std::map<std::string, std::map<std::string, Attributes>> resources_;
};

/// One environment of an app, synthesized in memory with the policy verdict.
class Synthesized {
 public:
  /// Synthesizes `app` (all environments, once) and selects `environment`. Validation errors do
  /// not throw: they are in diagnostics(), and the files are then empty.
  static Synthesized of(App& app, std::string_view environment);

  const Stack& stack() const { return *stack_; }
  const Diagnostics& diagnostics() const { return diagnostics_; }
  /// Active (unsuppressed) findings of this environment at or above `at_least`.
  std::vector<const policy::Finding*> findings(Severity at_least = Severity::warning) const;
  /// Whether `rule_id` has an active finding here.
  bool fires(std::string_view rule_id) const;

  /// Resources of kind T in declaration order.
  template <class T>
  std::vector<const T*> resources() const {
    std::vector<const T*> found;
    for (const Resource* r : stack_->resources()) {
      if (const auto* typed = dynamic_cast<const T*>(r)) found.push_back(typed);
    }
    return found;
  }
  /// Whether some resource of kind T satisfies `predicate` (any, when none is given).
  template <class T>
  bool has(const std::function<bool(const T&)>& predicate = {}) const {
    for (const T* r : resources<T>()) {
      if (!predicate || predicate(*r)) return true;
    }
    return false;
  }

  const std::map<std::string, std::string>& files() const { return files_; }
  const RenderedResources& terraform() const { return terraform_; }
  const RenderedResources& bicep() const { return bicep_; }

 private:
  const Stack* stack_ = nullptr;
  Diagnostics diagnostics_;
  std::shared_ptr<const policy::Report> report_;
  std::map<std::string, std::string> files_;
  RenderedResources terraform_;
  RenderedResources bicep_;
};

}  // namespace iac::testing
