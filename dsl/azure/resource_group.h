#pragma once
/// Resource group: every stack creates one and deploys its resources into it.

#include <map>
#include <optional>
#include <string>

#include "dsl/core/resource.h"

namespace iac::azure {

struct ResourceGroupProps {
  /// @default the naming convention: `rg-<app>-<env>`.
  std::optional<std::string> name;
  std::map<std::string, std::string> tags;
};

/// The stack's resource group, in the environment's primary region.
class ResourceGroup final : public Resource {
 public:
  using Props = ResourceGroupProps;
  static const ResourceKind kKind;

  ResourceGroup(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
};

}  // namespace iac::azure
