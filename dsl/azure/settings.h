#pragma once
/// The well-known settings (iac::Setting) of each resource kind: one logical name, the Terraform
/// path and the Bicep path it edits. Only what is listed here is mapped; `Resource::override`
/// with a setting a kind does not list is diagnostic IAC-OVR-002.

#include <optional>
#include <string_view>

#include "dsl/core/override.h"

namespace iac {
class Resource;
}  // namespace iac

namespace iac::azure {

struct SettingPaths {
  std::string_view terraform;  ///< e.g. `site_config.http2_enabled`.
  std::string_view bicep;      ///< e.g. `properties.siteConfig.http20Enabled`.
};

/// The paths of `setting` for this resource's kind; empty when the kind does not map it.
std::optional<SettingPaths> setting_paths(const Resource& resource, Setting setting);

}  // namespace iac::azure
