#include "dsl/core/expr.h"

#include <utility>

#include "dsl/core/stack.h"

namespace iac {

Expr::Expr(std::string literal) { parts_.emplace_back(std::move(literal)); }
Expr::Expr(Ref ref) { parts_.emplace_back(std::move(ref)); }
Expr::Expr(Builtin builtin) { parts_.emplace_back(builtin); }
Expr::Expr(ParameterRef parameter) { parts_.emplace_back(parameter); }

bool Expr::is_literal() const {
  for (const auto& part : parts_) {
    if (!std::holds_alternative<std::string>(part)) return false;
  }
  return true;
}

std::string Expr::literal() const {
  std::string text;
  for (const auto& part : parts_) {
    if (const auto* s = std::get_if<std::string>(&part)) text += *s;
  }
  return text;
}

bool Expr::sensitive() const {
  for (const auto& part : parts_) {
    if (const auto* ref = std::get_if<Ref>(&part); ref && ref->sensitive) return true;
    if (const auto* p = std::get_if<ParameterRef>(&part); p && p->parameter->props.secure) {
      return true;
    }
  }
  return false;
}

std::vector<Ref> Expr::refs() const {
  std::vector<Ref> result;
  for (const auto& part : parts_) {
    if (const auto* ref = std::get_if<Ref>(&part)) result.push_back(*ref);
  }
  return result;
}

Expr operator+(Expr lhs, const Expr& rhs) {
  for (const auto& part : rhs.parts_) {
    // Adjacent literals merge, so "a" + "b" is one literal and renders without an empty join.
    if (!lhs.parts_.empty() && std::holds_alternative<std::string>(lhs.parts_.back()) &&
        std::holds_alternative<std::string>(part)) {
      std::get<std::string>(lhs.parts_.back()) += std::get<std::string>(part);
    } else {
      lhs.parts_.push_back(part);
    }
  }
  return lhs;
}

}  // namespace iac
