#pragma once
/// Typed references and expressions: values that each writer renders in its own syntax.
///
/// `vault.uri()` is a Ref, never a string like "${azurerm_key_vault.kv.vault_uri}": the model
/// knows which resource and which attribute, the Terraform and Bicep generators know the syntax,
/// and the dependency graph is derived from the Refs a resource holds.

#include <string>
#include <variant>
#include <vector>

namespace iac {

class Resource;
struct Parameter;

/// An attribute of a resource in the model. `attribute` is a logical name ("id", "uri", ...)
/// that every generator maps to its own syntax for that resource kind.
struct Ref {
  const Resource* target = nullptr;
  std::string attribute;
  bool sensitive = false;  ///< Keys and connection strings: outputs become sensitive.
};

/// Values the deployment context provides, not any resource.
enum class Builtin { tenant_id, subscription_id };

/// A stack parameter: a Terraform variable and a Bicep param.
struct ParameterRef {
  const Parameter* parameter = nullptr;
};

/// A literal, a reference, or an interpolation of literals and references.
class Expr {
 public:
  using Part = std::variant<std::string, Ref, Builtin, ParameterRef>;

  Expr() = default;
  Expr(const char* literal) : Expr(std::string(literal)) {}  // NOLINT: implicit by design
  Expr(std::string literal);                                  // NOLINT
  Expr(Ref ref);                                              // NOLINT
  Expr(Builtin builtin);                                      // NOLINT
  Expr(ParameterRef parameter);                               // NOLINT

  const std::vector<Part>& parts() const { return parts_; }
  bool empty() const { return parts_.empty(); }
  /// True when the value is known now, with no reference in it.
  bool is_literal() const;
  /// The literal text; empty unless is_literal().
  std::string literal() const;
  /// True when any part is a sensitive reference or a secure parameter.
  bool sensitive() const;
  /// The resources this expression refers to.
  std::vector<Ref> refs() const;

  /// Interpolation: `"https://" + vault.uri() + "/health"`.
  friend Expr operator+(Expr lhs, const Expr& rhs);

 private:
  std::vector<Part> parts_;
};

/// A typed, required-or-optional link to another resource in a props struct, set with
/// `.workspace = logs`. An empty link in a required prop is a validation error.
template <class T>
class Link {
 public:
  Link() = default;
  Link(const T& target) : target_(&target) {}  // NOLINT: implicit so props read naturally
  explicit operator bool() const { return target_ != nullptr; }
  const T* get() const { return target_; }
  const T& operator*() const { return *target_; }
  const T* operator->() const { return target_; }

 private:
  const T* target_ = nullptr;
};

}  // namespace iac
