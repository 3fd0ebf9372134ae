#pragma once
/// What an attribute change means for a reviewer, per azurerm resource type: which attributes are
/// security-relevant (and in which direction a change weakens), which force Terraform to destroy
/// and recreate the resource, and which values are sensitive and must be masked.

#include <string>
#include <string_view>

namespace iac::review {

/// What a security-relevant change does.
enum class Effect { changes, weakens, tightens };

struct AttributeMeaning {
  std::string category;  ///< e.g. `network exposure`; empty when not security-relevant.
  Effect effect = Effect::changes;
  std::string replaces;    ///< Why the change recreates the resource; empty when in place.
  bool sensitive = false;  ///< Mask old and new values.
};

/// `path` as the HCL reader flattens it (`site_config.minimum_tls_version`,
/// `security_rule[deny-all].access`); `before`/`after` are expression texts, empty when the
/// attribute is absent on that side.
AttributeMeaning classify_attribute(std::string_view type, std::string_view path,
                                    std::string_view before, std::string_view after);

/// The security category of a whole resource type (role assignments, NSGs, WAF policies,
/// diagnostic settings...): adding, removing or changing one is a security change. Empty if none.
std::string_view security_category_of_type(std::string_view type);

/// Whether destroying a resource of this type loses data or identity (storage, databases,
/// vaults, caches, workspaces, managed identities).
bool holds_data(std::string_view type);

/// `path` without the `[key]` selectors of repeated blocks: `security_rule.access`.
std::string generic_path(std::string_view path);

}  // namespace iac::review
