#pragma once
/// What the function app and web app emitters share: both are `Microsoft.Web/sites` with the
/// same security attributes, written once here so the two cannot drift apart.

#include <string>
#include <string_view>

#include "dsl/azure/site.h"
#include "generators/terraform/context.h"

namespace iac::gen::terraform {

/// `identity[0].principal_id` and `default_hostname`, or unknown_attribute().
std::string site_attribute(std::string_view type, std::string_view name);

/// https_only, public network, basic publishing credentials, Key Vault reference identity.
void write_site_security(const azure::Site& site, Context& context);
/// `app_settings`: `extra` first (settings the generator derives), then the user's.
void write_app_settings(const azure::Site& site, hcl::Object extra, Context& context);
/// The `identity` block.
void write_identity(const azure::Site& site, Context& context);
/// The `site_config` attributes both kinds share; call inside `site_config`, after the kind's
/// own attributes.
void write_site_config_attributes(const azure::Site& site, Context& context);
/// The `cors` and `ip_restriction` blocks; call inside `site_config`, after the kind's
/// `application_stack` block.
void write_site_config_blocks(const azure::Site& site, Context& context);

}  // namespace iac::gen::terraform
