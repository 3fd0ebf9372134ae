#pragma once
/// What a property change of a Bicep (ARM) resource means for a reviewer: the ARM counterpart of
/// azurerm_rules.h. Which properties are security-relevant (and which way a change weakens), which
/// changes ARM cannot make in place (it refuses the deployment, or the new value names another
/// resource), and which values are sensitive.

#include <string>
#include <string_view>

#include "generators/review/azurerm_rules.h"

namespace iac::review {

/// `type` is the ARM type without API version (`Microsoft.Storage/storageAccounts`); `path` as
/// the Bicep reader flattens it (`properties.networkAcls.defaultAction`,
/// `properties.securityRules[deny-all].properties.access`); `before`/`after` are value texts,
/// empty when absent on that side. `replaces` says what ARM does instead of an in-place update.
AttributeMeaning classify_property(std::string_view type, std::string_view path,
                                   std::string_view before, std::string_view after);

/// The security category of a whole ARM type (role assignments, NSGs, WAF policies, diagnostic
/// settings...): adding, removing or changing one is a security change. Empty if none.
std::string_view arm_security_category_of_type(std::string_view type);

/// Whether the resource holds data or identity (accounts, databases, vaults, caches, workspaces).
bool arm_holds_data(std::string_view type);

}  // namespace iac::review
