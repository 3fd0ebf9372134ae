#include "dsl/core/construct.h"

#include <stdexcept>

#include <fmt/format.h>

#include "dsl/core/aspect.h"

namespace iac {

Construct::~Construct() = default;

Construct::Construct(std::string id, std::string_view path_prefix)
    : id_(std::move(id)), path_(fmt::format("{}/{}", path_prefix, id_)) {}

Construct::Construct(Construct& scope, std::string id)
    : scope_(&scope), id_(std::move(id)), path_(fmt::format("{}/{}", scope.path(), id_)) {}

void Construct::adopt(std::unique_ptr<Construct> child) {
  if (locked_) {
    throw std::logic_error(fmt::format(
        "{}: cannot add children during synthesis (adding '{}'); declare every construct in "
        "the stack function, before synth",
        path_, child->construct_id()));
  }
  children_.push_back(std::move(child));
}

Construct* Construct::find(std::string_view id) const {
  for (const auto& child : children_) {
    if (child->construct_id() == id) return child.get();
  }
  return nullptr;
}

void Construct::add_aspect(std::shared_ptr<Aspect> aspect) {
  if (locked_) throw std::logic_error(fmt::format("{}: cannot add aspects after lock", path_));
  aspects_.push_back(std::move(aspect));
}

void Construct::lock() {
  locked_ = true;
  for (auto& child : children_) child->lock();
}

void Construct::walk(const std::function<void(const Construct&)>& visit) const {
  visit(*this);
  for (const auto& child : children_) child->walk(visit);
}

void Construct::walk_mutable(const std::function<void(Construct&)>& visit) {
  visit(*this);
  for (auto& child : children_) child->walk_mutable(visit);
}

void Construct::validate(Diagnostics&) const {}

Diagnostic Construct::diagnostic(std::string rule_id, std::string message, std::string fix,
                                 Severity severity) const {
  return {.rule_id = std::move(rule_id),
          .severity = severity,
          .path = path_,
          .message = std::move(message),
          .fix = std::move(fix)};
}

bool is_valid_construct_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!is_letter(id.front())) return false;
  for (char c : id) {
    if (!is_letter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') return false;
  }
  return true;
}

}  // namespace iac
