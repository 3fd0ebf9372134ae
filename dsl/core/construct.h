#pragma once
/// The construct tree: every stack and resource is a node with a scoped id and a stable path.

#include <concepts>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dsl/core/diagnostic.h"

namespace iac {

class Aspect;

/// A node of the tree. Owns its children; ids are unique per scope; the path is the chain of ids.
///
/// Children can be added until the tree is locked at synthesis; adding one later is a programmer
/// error and throws, as in the AWS CDK ("Cannot add children during synthesis").
class Construct {
 public:
  Construct(const Construct&) = delete;
  Construct& operator=(const Construct&) = delete;
  virtual ~Construct();

  /// The id given at creation, unique in its scope. (Resources use `id()` for their Azure
  /// resource id reference, as the CDK's `node.id` and `bucket.bucketArn` differ.)
  const std::string& construct_id() const { return id_; }
  /// Slash-separated ids from the application down, e.g. `threatstream/prod/kv`.
  const std::string& path() const { return path_; }
  Construct* scope() const { return scope_; }
  const std::vector<std::unique_ptr<Construct>>& children() const { return children_; }

  /// Adds a child whose constructor is `T(Construct& scope, std::string id, T::Props props)`.
  template <class T>
    requires requires { typename T::Props; }
  T& add(std::string id, typename T::Props props = {}) {
    auto child = std::make_unique<T>(*this, std::move(id), std::move(props));
    T& ref = *child;
    adopt(std::move(child));
    return ref;
  }

  /// Adds a child whose constructor takes `(Construct& scope, std::string id, args...)`.
  template <class T, class... Args>
  T& add_construct(std::string id, Args&&... args) {
    auto child = std::make_unique<T>(*this, std::move(id), std::forward<Args>(args)...);
    T& ref = *child;
    adopt(std::move(child));
    return ref;
  }

  /// First child with that id, or nullptr.
  Construct* find(std::string_view id) const;

  /// Registers an aspect that visits this node and everything below it before the lock.
  void add_aspect(std::shared_ptr<Aspect> aspect);
  const std::vector<std::shared_ptr<Aspect>>& aspects() const { return aspects_; }

  /// Freezes this subtree: no more children.
  void lock();
  bool locked() const { return locked_; }

  /// Pre-order walk of this node and all below it, in declaration order.
  void walk(const std::function<void(const Construct&)>& visit) const;
  void walk_mutable(const std::function<void(Construct&)>& visit);

  /// Reports what is wrong with this node alone; the tree-wide checks live in validation.cpp.
  virtual void validate(Diagnostics& out) const;

  /// Convenience for validate(): a diagnostic at this node's path.
  Diagnostic diagnostic(std::string rule_id, std::string message, std::string fix = {},
                        Severity severity = Severity::error) const;

 protected:
  /// Root node (a stack): `path_prefix` is the application's name.
  Construct(std::string id, std::string_view path_prefix);
  /// Child node; it is attached by add(), never by the constructor.
  Construct(Construct& scope, std::string id);

 private:
  void adopt(std::unique_ptr<Construct> child);

  Construct* scope_ = nullptr;
  std::string id_;
  std::string path_;
  std::vector<std::unique_ptr<Construct>> children_;
  std::vector<std::shared_ptr<Aspect>> aspects_;
  bool locked_ = false;
};

/// Whether `id` is a valid construct id: a letter, then letters, digits, `_` or `-`.
bool is_valid_construct_id(std::string_view id);

}  // namespace iac
