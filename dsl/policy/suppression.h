#pragma once
/// Suppressions: a stated exception to a rule, on a construct and everything below it.

#include <string>
#include <vector>

namespace iac {
class Construct;
}

namespace iac::policy {

/// Who owns an exception and until when it holds.
struct SuppressionOptions {
  std::string owner;    ///< Team or person answerable for it.
  std::string expires;  ///< `YYYY-MM-DD`; after that day the suppression is itself an error.
};

/// One exception: rule `rule_id` does not count at `path` and below, for `reason`.
struct Suppression {
  std::string path;
  std::string rule_id;
  std::string reason;
  SuppressionOptions options;
};

/// Records that `rule_id` is accepted on `scope` (a resource, or a whole stack) for `reason`.
/// The reason is required; an expired or unused suppression is reported by the policy check.
/// Precondition: `scope` is inside a Stack and the tree is not locked yet.
void suppress(Construct& scope, std::string rule_id, std::string reason,
              SuppressionOptions options = {});

}  // namespace iac::policy
