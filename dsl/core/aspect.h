#pragma once
/// Aspects: cross-cutting changes (tags, naming) applied to a subtree before the tree is locked.

#include <memory>
#include <string>

namespace iac {

class Construct;

/// Visits every construct under the scope it was added to. Runs before the lock, by ascending
/// priority, ancestors' aspects before a node's own; so the closest scope has the last word.
class Aspect {
 public:
  virtual ~Aspect();
  virtual void visit(Construct& node) = 0;
  /// Documented priorities: naming runs at kNamingPriority, tags at kTagPriority.
  virtual int priority() const { return kTagPriority; }

  static constexpr int kNamingPriority = -100;
  static constexpr int kTagPriority = 0;
};

/// Applies tags to every taggable resource under a scope: `Tags::of(stack).add("owner", "sec")`.
/// A tag written in a resource's own props wins over one applied by an aspect.
class Tags {
 public:
  static Tags of(Construct& scope) { return Tags{scope}; }
  Tags& add(std::string key, std::string value);

 private:
  explicit Tags(Construct& scope) : scope_(scope) {}
  Construct& scope_;
};

/// Runs every aspect in the tree under `root`.
void apply_aspects(Construct& root);

}  // namespace iac
