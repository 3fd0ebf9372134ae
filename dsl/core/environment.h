#pragma once
/// Environment: where and how strictly one copy of an application runs.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iac {

/// The tier drives SKUs, redundancy and how strict the policy is.
enum class Tier { dev, staging, prod };

std::string_view to_string(Tier tier);

/// One deployment target of an application, e.g. `prod` in `eastus` with DR in `westus`.
struct Environment {
  std::string name;                            ///< Short name used in paths and resource names.
  Tier tier = Tier::dev;
  std::string location;                        ///< Primary Azure region, e.g. `eastus`.
  std::optional<std::string> secondary_location;  ///< DR region, when the tier needs one.
  std::map<std::string, std::string> tags;     ///< Extra tags for every resource of this env.

  static Environment dev(std::string location);
  static Environment staging(std::string location);
  static Environment prod(std::string location, std::optional<std::string> dr_location = {});

  bool is_dev() const { return tier == Tier::dev; }
  bool is_staging() const { return tier == Tier::staging; }
  bool is_prod() const { return tier == Tier::prod; }

  /// Primary region first, then the DR region when there is one.
  std::vector<std::string> regions() const;
};

}  // namespace iac
