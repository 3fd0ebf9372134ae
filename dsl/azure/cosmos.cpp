#include "dsl/azure/cosmos.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "dsl/core/stack.h"

namespace iac::azure {

namespace {

bool lower_alnum_hyphen(char c) { return chars::lower_alnum(c) || c == '-'; }

/// Database and container ids: anything printable but `/ \ # ?`.
bool cosmos_child_name(char c) {
  auto byte = static_cast<unsigned char>(c);
  return byte >= 0x20 && byte != 0x7f && c != '/' && c != '\\' && c != '#' && c != '?';
}

bool guid_char(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-'; }

template <class Parent>
const Parent& parent_of(const Construct& scope, std::string_view child, std::string_view parent) {
  if (const auto* typed = dynamic_cast<const Parent*>(&scope)) return *typed;
  throw std::logic_error(fmt::format("{}: a {} must be added under a {} (use its methods)",
                                     scope.path(), child, parent));
}

void validate_throughput(const Resource& owner, const CosmosAccount& account,
                         const std::optional<Throughput>& throughput, Diagnostics& out) {
  if (!throughput) return;
  if (account.props().capacity.is_serverless()) {
    out.push_back(owner.diagnostic(
        "IAC-COSMOS-005",
        fmt::format("`throughput` is set but the account '{}' is serverless", account.path()),
        "remove `.throughput`, or give the account `.capacity = CosmosCapacity::provisioned()`"));
    return;
  }
  int units = throughput->request_units();
  if (throughput->mode() == Throughput::Mode::manual && (units < 400 || units % 100 != 0)) {
    out.push_back(
        owner.diagnostic("IAC-COSMOS-006", fmt::format("`throughput` is manual {} RU/s", units),
                         "use Throughput::manual(n) with n at least 400 and a multiple of 100"));
  }
  if (throughput->mode() == Throughput::Mode::autoscale && (units < 1000 || units % 1000 != 0)) {
    out.push_back(owner.diagnostic(
        "IAC-COSMOS-006", fmt::format("`throughput` is autoscale up to {} RU/s", units),
        "use Throughput::autoscale(n) with n at least 1000 and a multiple of 1000"));
  }
}

/// Index paths start with `/` and end with `/*` (a subtree) or `/?` (a scalar).
bool is_index_path(std::string_view path) {
  return path.size() >= 2 && path.front() == '/' && (path.ends_with("/*") || path.ends_with("/?"));
}

bool is_item_path(std::string_view path) {
  return path.size() >= 2 && path.front() == '/' && path.find('*') == std::string_view::npos;
}

}  // namespace

std::string_view to_string(ConsistencyLevel level) {
  switch (level) {
    case ConsistencyLevel::eventual:
      return "Eventual";
    case ConsistencyLevel::consistent_prefix:
      return "ConsistentPrefix";
    case ConsistencyLevel::session:
      return "Session";
    case ConsistencyLevel::bounded_staleness:
      return "BoundedStaleness";
    case ConsistencyLevel::strong:
      return "Strong";
  }
  return "Session";
}

std::string_view to_string(BackupRedundancy redundancy) {
  switch (redundancy) {
    case BackupRedundancy::geo:
      return "Geo";
    case BackupRedundancy::zone:
      return "Zone";
    case BackupRedundancy::local:
      return "Local";
  }
  return "Geo";
}

CosmosBackup CosmosBackup::periodic(int interval_minutes, int retention_hours,
                                    BackupRedundancy redundancy) {
  CosmosBackup backup(Kind::periodic);
  backup.interval_minutes_ = interval_minutes;
  backup.retention_hours_ = retention_hours;
  backup.redundancy_ = redundancy;
  return backup;
}

std::string_view role_definition_guid(CosmosDataRole role) {
  return role == CosmosDataRole::contributor ? "00000000-0000-0000-0000-000000000002"
                                             : "00000000-0000-0000-0000-000000000001";
}

std::string stable_guid(std::string_view text) {
  // Two FNV-1a 64-bit hashes with different offsets: 128 deterministic bits. Not a security
  // function; it only has to be stable and spread distinct paths apart.
  auto fnv = [&](std::uint64_t hash) {
    for (char c : text) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 0x100000001b3ULL;
    }
    return hash;
  };
  std::uint64_t high = fnv(0xcbf29ce484222325ULL);
  std::uint64_t low = fnv(0x84222325cbf29ce4ULL);
  // Version 8 (custom) and the RFC 4122 variant bits.
  high = (high & ~0xf000ULL) | 0x8000ULL;
  low = (low & ~(0xc000ULL << 48)) | (0x8000ULL << 48);
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xffff,
                     high & 0xffff, low >> 48, low & 0xffffffffffffULL);
}

// --- CosmosAccount -------------------------------------------------------------------------

const ResourceKind CosmosAccount::kKind{.name = "Cosmos DB account",
                                        .abbreviation = "cosmos",
                                        .naming = {.min_length = 3,
                                                   .max_length = 44,
                                                   .charset = "lowercase letters, digits and '-'",
                                                   .allowed = lower_alnum_hyphen,
                                                   .first = chars::lower_alnum,
                                                   .last = chars::lower_alnum,
                                                   .scope = NameScope::global}};

CosmosAccount::CosmosAccount(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {}

std::vector<std::string> CosmosAccount::regions() const {
  return props_.regions.empty() ? stack().env().regions() : props_.regions;
}

CosmosSqlDatabase& CosmosAccount::sql_database(std::string id, CosmosSqlDatabaseProps props) {
  return add<CosmosSqlDatabase>(std::move(id), std::move(props));
}

CosmosSqlRoleAssignment& CosmosAccount::grant_data_contributor(Principal principal) {
  return grant(std::move(principal), true);
}

CosmosSqlRoleAssignment& CosmosAccount::grant_data_reader(Principal principal) {
  return grant(std::move(principal), false);
}

const CosmosSqlRoleAssignment* CosmosAccount::find_grant(const Principal& principal,
                                                         CosmosDataRole role) const {
  for (const auto& child : children()) {
    const auto* assignment = dynamic_cast<const CosmosSqlRoleAssignment*>(child.get());
    if (assignment == nullptr) continue;
    const Principal& granted = assignment->props().principal;
    if (granted.kind == principal.kind && granted.description == principal.description &&
        (assignment->props().role == role ||
         assignment->props().role == CosmosDataRole::contributor)) {
      return assignment;
    }
  }
  return nullptr;
}

CosmosSqlRoleAssignment& CosmosAccount::grant(Principal principal, bool contributor) {
  // Ids follow declaration order: data-contributor-1, data-contributor-2, ...
  std::string prefix = contributor ? "data-contributor-" : "data-reader-";
  int number = 1;
  while (find(prefix + std::to_string(number)) != nullptr) ++number;
  return add<CosmosSqlRoleAssignment>(
      prefix + std::to_string(number),
      {.principal = std::move(principal),
       .role = contributor ? CosmosDataRole::contributor : CosmosDataRole::reader});
}

void CosmosAccount::validate(Diagnostics& out) const {
  Resource::validate(out);
  const auto all_regions = regions();
  if (all_regions.empty()) {
    out.push_back(diagnostic("IAC-COSMOS-001", "`regions` is empty",
                             "list at least one region, or leave `.regions` unset to use the "
                             "environment's"));
  }
  std::set<std::string> seen;
  for (const auto& region : all_regions) {
    if (!seen.insert(region).second) {
      out.push_back(diagnostic("IAC-COSMOS-001", fmt::format("`regions` lists '{}' twice", region),
                               "list each region once, in failover order"));
    }
  }
  if (props_.capacity.is_serverless() && all_regions.size() > 1) {
    out.push_back(diagnostic(
        "IAC-COSMOS-002",
        fmt::format("`capacity` is serverless but {} regions are listed ({}); serverless "
                    "accounts run in one region",
                    all_regions.size(), fmt::join(all_regions, ", ")),
        "use `.capacity = CosmosCapacity::provisioned()`, or `.regions = {env.location}`"));
  }
  if (const auto& limit = props_.capacity.total_limit(); limit && *limit < 400) {
    out.push_back(diagnostic("IAC-COSMOS-013",
                             fmt::format("`capacity` limits the account to {} RU/s", *limit),
                             "set the total limit to at least 400 RU/s"));
  }
  const auto& consistency = props_.consistency;
  if (consistency.level == ConsistencyLevel::bounded_staleness) {
    bool multi = all_regions.size() > 1;
    int min_interval = multi ? 300 : 5;
    std::int64_t min_prefix = multi ? 100000 : 10;
    if (consistency.max_interval_seconds < min_interval ||
        consistency.max_interval_seconds > 86400) {
      out.push_back(diagnostic(
          "IAC-COSMOS-003",
          fmt::format("`consistency.max_interval_seconds` is {}", consistency.max_interval_seconds),
          fmt::format("set it between {} and 86400{}", min_interval,
                      multi ? " (several regions)" : "")));
    }
    if (consistency.max_staleness_prefix < min_prefix ||
        consistency.max_staleness_prefix > 2147483647) {
      out.push_back(diagnostic(
          "IAC-COSMOS-003",
          fmt::format("`consistency.max_staleness_prefix` is {}", consistency.max_staleness_prefix),
          fmt::format("set it between {} and 2147483647{}", min_prefix,
                      multi ? " (several regions)" : "")));
    }
  }
  const auto& backup = props_.backup;
  if (!backup.continuous()) {
    if (backup.interval_minutes() < 60 || backup.interval_minutes() > 1440) {
      out.push_back(diagnostic(
          "IAC-COSMOS-004",
          fmt::format("`backup` takes a snapshot every {} minutes", backup.interval_minutes()),
          "pass an interval between 60 and 1440 minutes to CosmosBackup::periodic"));
    }
    if (backup.retention_hours() < 8 || backup.retention_hours() > 720) {
      out.push_back(
          diagnostic("IAC-COSMOS-004",
                     fmt::format("`backup` keeps snapshots {} hours", backup.retention_hours()),
                     "pass a retention between 8 and 720 hours to CosmosBackup::periodic"));
    }
  }
  validate_control(*this, "entra_only_auth", props_.entra_only_auth, out);
  validate_control(*this, "metadata_writes_through_arm_only",
                   props_.metadata_writes_through_arm_only, out);
  validate_public_network(*this, "public_network", props_.public_network, out);
}

// --- CosmosSqlDatabase ----------------------------------------------------------------------

const ResourceKind CosmosSqlDatabase::kKind{.name = "Cosmos DB SQL database",
                                            .abbreviation = "cosmosdb",
                                            .naming = {.min_length = 1,
                                                       .max_length = 255,
                                                       .charset = "any characters but / \\ # ?",
                                                       .allowed = cosmos_child_name,
                                                       .last = chars::not_period,
                                                       .scope = NameScope::parent}};

CosmosSqlDatabase::CosmosSqlDatabase(Construct& scope, std::string id, Props props)
    : Resource(scope, id, props.name.value_or(id), {}),
      account_(parent_of<CosmosAccount>(scope, "Cosmos SQL database", "CosmosAccount")),
      props_(std::move(props)) {}

CosmosSqlContainer& CosmosSqlDatabase::container(std::string id, CosmosSqlContainerProps props) {
  return add<CosmosSqlContainer>(std::move(id), std::move(props));
}

void CosmosSqlDatabase::collect_references(std::vector<Ref>& out) const {
  out.push_back(account_.name_ref());
}

void CosmosSqlDatabase::validate(Diagnostics& out) const {
  Resource::validate(out);
  validate_throughput(*this, account_, props_.throughput, out);
}

// --- CosmosSqlContainer ---------------------------------------------------------------------

const ResourceKind CosmosSqlContainer::kKind{.name = "Cosmos DB SQL container",
                                             .abbreviation = "cosmosc",
                                             .naming = CosmosSqlDatabase::kKind.naming};

CosmosSqlContainer::CosmosSqlContainer(Construct& scope, std::string id, Props props)
    : Resource(scope, id, props.name.value_or(id), {}),
      database_(parent_of<CosmosSqlDatabase>(scope, "Cosmos SQL container", "CosmosSqlDatabase")),
      props_(std::move(props)) {}

std::vector<std::string> CosmosSqlContainer::effective_included_paths() const {
  bool root_excluded = std::find(props_.excluded_paths.begin(), props_.excluded_paths.end(),
                                 "/*") != props_.excluded_paths.end();
  std::vector<std::string> result;
  for (const auto& path : props_.included_paths) {
    if (root_excluded && path == "/*") continue;
    result.push_back(path);
  }
  return result;
}

void CosmosSqlContainer::collect_references(std::vector<Ref>& out) const {
  out.push_back(database_.account().name_ref());
  out.push_back(database_.name_ref());
}

void CosmosSqlContainer::validate(Diagnostics& out) const {
  Resource::validate(out);
  const auto& paths = props_.partition_key.paths;
  if (paths.empty()) {
    out.push_back(diagnostic("IAC-COSMOS-007", "`partition_key` is not set",
                             "set `.partition_key = \"/<property>\"`, a property with many "
                             "distinct values that most queries filter on"));
  }
  if (paths.size() > 3) {
    out.push_back(diagnostic(
        "IAC-COSMOS-007",
        fmt::format("`partition_key` has {} paths; hierarchical keys have at most 3", paths.size()),
        "keep the first three levels"));
  }
  for (const auto& path : paths) {
    if (!is_item_path(path)) {
      out.push_back(diagnostic(
          "IAC-COSMOS-007", fmt::format("`partition_key` path '{}' is not a property path", path),
          "write paths like \"/tenant_id\", starting with '/'"));
    }
  }
  if (props_.partition_key_version != 1 && props_.partition_key_version != 2) {
    out.push_back(
        diagnostic("IAC-COSMOS-008",
                   fmt::format("`partition_key_version` is {}", props_.partition_key_version),
                   "use 2 (or 1 for containers created with the legacy key format)"));
  } else if (paths.size() > 1 && props_.partition_key_version != 2) {
    out.push_back(diagnostic("IAC-COSMOS-008",
                             "`partition_key` is hierarchical but `partition_key_version` is 1",
                             "hierarchical keys need `.partition_key_version = 2`"));
  }
  if (props_.default_ttl) {
    auto seconds = props_.default_ttl->count();
    if (seconds < 1 || seconds > 2147483647) {
      out.push_back(diagnostic("IAC-COSMOS-009",
                               fmt::format("`default_ttl` is {} seconds", seconds),
                               "set it between 1 second and 2147483647 seconds (about 68 "
                               "years), or leave it unset so items never expire"));
    }
  }
  auto check_index_paths = [&](std::string_view prop, const std::vector<std::string>& list) {
    for (const auto& path : list) {
      if (!is_index_path(path)) {
        out.push_back(diagnostic(
            "IAC-COSMOS-010", fmt::format("`{}` has '{}', which is not an index path", prop, path),
            "start with '/' and end with '/*' (a subtree) or '/?' (a scalar value)"));
      }
    }
  };
  check_index_paths("included_paths", props_.included_paths);
  check_index_paths("excluded_paths", props_.excluded_paths);
  for (const auto& key : props_.unique_keys) {
    if (key.empty()) {
      out.push_back(diagnostic("IAC-COSMOS-011", "`unique_keys` has an empty key",
                               "list at least one path per unique key, or remove it"));
    }
    for (const auto& path : key) {
      if (!is_item_path(path)) {
        out.push_back(diagnostic(
            "IAC-COSMOS-011", fmt::format("`unique_keys` path '{}' is not a property path", path),
            "write paths like \"/email\", starting with '/'"));
      }
    }
  }
  validate_throughput(*this, database_.account(), props_.throughput, out);
}

// --- CosmosSqlRoleAssignment ----------------------------------------------------------------

const ResourceKind CosmosSqlRoleAssignment::kKind{.name = "Cosmos DB SQL role assignment",
                                                  .abbreviation = "cosmosra",
                                                  .naming = {.min_length = 36,
                                                             .max_length = 36,
                                                             .charset = "a GUID",
                                                             .allowed = guid_char,
                                                             .scope = NameScope::parent}};

CosmosSqlRoleAssignment::CosmosSqlRoleAssignment(Construct& scope, std::string id, Props props)
    : Resource(scope, id,
               stable_guid(fmt::format("cosmos-sql-role-assignment:{}/{}", scope.path(), id)), {}),
      account_(parent_of<CosmosAccount>(scope, "Cosmos SQL role assignment", "CosmosAccount")),
      props_(std::move(props)) {}

void CosmosSqlRoleAssignment::collect_references(std::vector<Ref>& out) const {
  out.push_back(account_.name_ref());
  out.push_back(account_.id());
  for (const Ref& ref : props_.principal.object_id.refs()) out.push_back(ref);
}

void CosmosSqlRoleAssignment::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (props_.principal.object_id.empty()) {
    out.push_back(diagnostic("IAC-COSMOS-012", "the principal has no `object_id`",
                             "pass an identity's principal (`app.identity()`) or a parameter "
                             "(`{.object_id = s.parameter(\"reader_object_id\")}`)"));
  }
}

std::vector<DiagnosticSource> CosmosAccount::diagnostic_sources() const {
  // Data plane, query, control plane and partition key logs, in resource-specific tables
  // (CDBDataPlaneRequests, ...) rather than AzureDiagnostics; the metric category is Requests.
  return {{{.log_category_groups = {"allLogs"},
           .metric_categories = {"Requests"},
           .dedicated_tables = true}}};
}

}  // namespace iac::azure
