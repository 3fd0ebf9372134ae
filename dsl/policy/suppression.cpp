#include "dsl/policy/suppression.h"

#include <stdexcept>

#include <fmt/format.h>

#include "dsl/core/stack.h"

namespace iac::policy {

void suppress(Construct& scope, std::string rule_id, std::string reason,
              SuppressionOptions options) {
  Construct* node = &scope;
  while (node != nullptr && dynamic_cast<Stack*>(node) == nullptr) node = node->scope();
  if (node == nullptr) {
    throw std::logic_error(
        fmt::format("{}: suppress() needs a construct inside a Stack", scope.path()));
  }
  static_cast<Stack*>(node)->add_suppression({.path = scope.path(),
                                              .rule_id = std::move(rule_id),
                                              .reason = std::move(reason),
                                              .options = std::move(options)});
}

}  // namespace iac::policy
