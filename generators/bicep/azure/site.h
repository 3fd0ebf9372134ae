#pragma once
/// What the function app and web app emitters share: both are `Microsoft.Web/sites` with the
/// same security properties, written once here so the two cannot drift apart.

#include <string>
#include <string_view>

#include "dsl/azure/site.h"
#include "generators/bicep/context.h"

namespace iac::gen::bicep {

/// `identity.principalId` and `properties.defaultHostName`, or the common references.
Value site_reference(const std::string& symbol, std::string_view attribute);

/// Writes the site with inline `siteConfig` (no `sites/config` children: checkov scans those
/// with web-app rules that fail), then the `ftp` and `scm` basicPublishingCredentialsPolicies
/// children that turn basic publishing credentials off. `kind` is e.g. 'functionapp,linux';
/// `linux_fx_version` the stack (`Python|3.11`); `settings` the derived app settings, which
/// come before the user's.
void write_site(const azure::Site& site, Context& context, std::string_view kind,
                std::string linux_fx_version, Array settings, Object extra_properties = {});

/// One `{ name: ..., value: ... }` entry of `siteConfig.appSettings`.
Object app_setting(std::string name, Value value);

}  // namespace iac::gen::bicep
