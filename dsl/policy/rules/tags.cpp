/// Tag rules: every resource says who pays for it.

#include "dsl/policy/rules/families.h"

namespace iac::policy::rules {

std::vector<Rule> tags() {
  Rule rule{
      .info = {.id = "AZ-TAG-001",
               .title = "Every resource carries a cost-center tag",
               .rationale = "Cost reports and incident routing group resources by cost center; an "
                            "untagged resource has no owner to call.",
               .fix = "add `Tags::of(stack).add(\"cost-center\", \"<team>\")` in the stack",
               .levels = Levels::everywhere(Level::warning),
               .checkov = {},
               .psrule = {"Azure.Resource.RequiredTags"},
               .benchmark = "AM-2"},
      .kinds = {},  // every kind
      .check = [](const Resource& resource, const Environment&) -> Problem {
        if (!resource.taggable() || resource.tags().count("cost-center") != 0) return {};
        return "the `cost-center` tag is missing";
      }};
  return {std::move(rule)};
}

}  // namespace iac::policy::rules
