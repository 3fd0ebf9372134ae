#include "dsl/core/aspect.h"

#include <algorithm>
#include <vector>

#include "dsl/core/construct.h"
#include "dsl/core/resource.h"

namespace iac {

Aspect::~Aspect() = default;

namespace {

class TagAspect final : public Aspect {
 public:
  TagAspect(std::string key, std::string value) : key_(std::move(key)), value_(std::move(value)) {}
  void visit(Construct& node) override {
    if (auto* resource = dynamic_cast<Resource*>(&node); resource && resource->taggable()) {
      resource->set_inherited_tag(key_, value_);
    }
  }

 private:
  std::string key_;
  std::string value_;
};

void apply_recursive(Construct& node, std::vector<Aspect*> inherited) {
  for (const auto& own : node.aspects()) inherited.push_back(own.get());
  std::stable_sort(inherited.begin(), inherited.end(),
                   [](const Aspect* a, const Aspect* b) { return a->priority() < b->priority(); });
  for (Aspect* aspect : inherited) aspect->visit(node);
  // Children are visited after their parent, so a child added by an aspect is visited too.
  for (std::size_t i = 0; i < node.children().size(); ++i) {
    apply_recursive(*node.children()[i], inherited);
  }
}

}  // namespace

Tags& Tags::add(std::string key, std::string value) {
  scope_.add_aspect(std::make_shared<TagAspect>(std::move(key), std::move(value)));
  return *this;
}

void apply_aspects(Construct& root) { apply_recursive(root, {}); }

}  // namespace iac
