#include "dsl/azure/managed_redis.h"

#include <array>
#include <string_view>

#include <fmt/format.h>

namespace iac::azure {

namespace {

/// The SKU families of Azure Managed Redis; the Enterprise_* ones belong to the retired
/// Redis Enterprise offer.
bool is_managed_redis_sku(std::string_view sku) {
  constexpr std::array<std::string_view, 4> kFamilies = {"Balanced_B", "MemoryOptimized_M",
                                                         "ComputeOptimized_X", "FlashOptimized_A"};
  for (std::string_view family : kFamilies) {
    if (!sku.starts_with(family)) continue;
    std::string_view size = sku.substr(family.size());
    if (size.empty() || size.size() > 4) return false;
    for (char c : size) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  }
  return false;
}

}  // namespace

const ResourceKind ManagedRedis::kKind{.name = "Azure Managed Redis",
                                       .abbreviation = "amr",
                                       .naming = {.min_length = 1,
                                                  .max_length = 60,
                                                  .charset = "letters, digits and single '-'",
                                                  .allowed = chars::alnum_hyphen,
                                                  .first = chars::alnum,
                                                  .last = chars::alnum,
                                                  .no_consecutive_hyphens = true,
                                                  .scope = NameScope::global}};

ManagedRedis::ManagedRedis(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {}

void ManagedRedis::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (!is_managed_redis_sku(props_.sku)) {
    out.push_back(diagnostic(
        "IAC-REDIS-007", fmt::format("`sku` '{}' is not an Azure Managed Redis SKU", props_.sku),
        "use e.g. Balanced_B1, MemoryOptimized_M10, ComputeOptimized_X5 or FlashOptimized_A250"));
  }
  if (props_.public_network.mode() == PublicNetwork::Mode::allow_listed) {
    out.push_back(diagnostic(
        "IAC-REDIS-008",
        "`public_network` allows a list of addresses, but Azure Managed Redis has no IP firewall",
        "use PublicNetwork::disabled() with a private endpoint, or PublicNetwork::open(reason)"));
  }
  validate_public_network(*this, "public_network", props_.public_network, out);
  validate_control(*this, "high_availability", props_.high_availability, out);
  validate_control(*this, "entra_only_auth", props_.entra_only_auth, out);
}

std::vector<DiagnosticSource> ManagedRedis::diagnostic_sources() const {
  // The cluster has the metrics; connection events (REDConnectionEvents) are logged by its
  // database, at `<cluster id>/databases/default`.
  return {{.metric_categories = {"AllMetrics"}},
          {.child_type = "databases", .child_name = "default", .log_category_groups = {"allLogs"}}};
}

}  // namespace iac::azure
