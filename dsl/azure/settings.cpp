#include "dsl/azure/settings.h"

#include <array>

#include "dsl/azure/function_app.h"
#include "dsl/azure/redis_cache.h"
#include "dsl/azure/storage_account.h"
#include "dsl/azure/web_app.h"

namespace iac::azure {

namespace {

struct Mapping {
  const ResourceKind* kind;
  Setting setting;
  SettingPaths paths;
};

// Each pair takes the same value in both formats (a bool, or the same version string: "1.2" for
// sites and Redis, "TLS1_2" for storage), so one value serves both writers.
const std::array kMappings = {
    Mapping{&LinuxWebApp::kKind,
            Setting::http2,
            {"site_config.http2_enabled", "properties.siteConfig.http20Enabled"}},
    Mapping{&LinuxFunctionApp::kKind,
            Setting::http2,
            {"site_config.http2_enabled", "properties.siteConfig.http20Enabled"}},
    Mapping{&LinuxWebApp::kKind,
            Setting::always_on,
            {"site_config.always_on", "properties.siteConfig.alwaysOn"}},
    Mapping{&LinuxFunctionApp::kKind,
            Setting::always_on,
            {"site_config.always_on", "properties.siteConfig.alwaysOn"}},
    Mapping{&LinuxWebApp::kKind,
            Setting::minimum_tls_version,
            {"site_config.minimum_tls_version", "properties.siteConfig.minTlsVersion"}},
    Mapping{&LinuxFunctionApp::kKind,
            Setting::minimum_tls_version,
            {"site_config.minimum_tls_version", "properties.siteConfig.minTlsVersion"}},
    Mapping{&StorageAccount::kKind,
            Setting::minimum_tls_version,
            {"min_tls_version", "properties.minimumTlsVersion"}},
    Mapping{&RedisCache::kKind,
            Setting::minimum_tls_version,
            {"minimum_tls_version", "properties.minimumTlsVersion"}},
};

}  // namespace

std::optional<SettingPaths> setting_paths(const Resource& resource, Setting setting) {
  for (const auto& mapping : kMappings) {
    if (mapping.kind == &resource.kind() && mapping.setting == setting) return mapping.paths;
  }
  return std::nullopt;
}

}  // namespace iac::azure
