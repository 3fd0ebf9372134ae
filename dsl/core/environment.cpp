#include "dsl/core/environment.h"

#include <utility>

namespace iac {

std::string_view to_string(Tier tier) {
  switch (tier) {
    case Tier::dev: return "dev";
    case Tier::staging: return "staging";
    case Tier::prod: return "prod";
  }
  return "dev";
}

Environment Environment::dev(std::string location) {
  return {.name = "dev", .tier = Tier::dev, .location = std::move(location)};
}

Environment Environment::staging(std::string location) {
  return {.name = "staging", .tier = Tier::staging, .location = std::move(location)};
}

Environment Environment::prod(std::string location, std::optional<std::string> dr_location) {
  return {.name = "prod",
          .tier = Tier::prod,
          .location = std::move(location),
          .secondary_location = std::move(dr_location)};
}

std::vector<std::string> Environment::regions() const {
  std::vector<std::string> result{location};
  if (secondary_location) result.push_back(*secondary_location);
  return result;
}

}  // namespace iac
