#pragma once
/// Bicep for adoption and reference-only constructs: `existing` resources and the comments that
/// make an adopted resource visible.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "generators/bicep/bicep_value.h"
#include "generators/bicep/bicep_writer.h"

namespace iac {
class Resource;
class Stack;
}  // namespace iac

namespace iac::gen::bicep {

/// `type@apiVersion` of a reference-only construct's `existing` declaration (the version the
/// kind's emitter deploys with).
std::string existing_type(const Resource& reference);

/// The `scope` of a reference-only construct's `existing` declaration: nullopt when it is in
/// the stack's own group and subscription, else `resourceGroup('<rg>')` or
/// `resourceGroup('<subscription>', '<rg>')` (`subscription(...)` for a group).
std::optional<Value> existing_scope(const Resource& reference);

/// Writes one `existing` declaration per reference-only construct into resources.bicep.
void write_existing(const Stack& stack, BicepWriter& resources);

/// What a Ref to a reference-only construct reads: `id` from the declaration, `name` as the
/// literal name, anything else through the kind's own mapping on the declaration.
Value reference_to_existing(const Resource& reference, std::string_view attribute);

/// The comment lines written above an adopted resource.
std::vector<std::string> adoption_comments(const Resource& resource);

}  // namespace iac::gen::bicep
