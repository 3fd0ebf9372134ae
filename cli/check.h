#pragma once
/// `iacgen check` and `iacgen explain`: the policy verdict for people, tools and code scanning.

#include <string>
#include <vector>

namespace iac {
class App;
}

namespace iac::cli {

struct CheckOptions {
  std::vector<std::string> apps;
  std::vector<std::string> envs;
  std::string format = "text";    ///< text | json | sarif
  std::string fail_on = "error";  ///< warning | error
};

/// Prints the findings and suppressions; returns 1 when a finding at or above `fail_on` is
/// active, 3 when the model itself is invalid, else 0.
int run_check(std::vector<App>& apps, const CheckOptions& options);

/// Prints a rule's title, levels, rationale, scanner equivalents and fix; 2 when unknown.
int run_explain(std::vector<App>& apps, const std::string& rule_id);

}  // namespace iac::cli
