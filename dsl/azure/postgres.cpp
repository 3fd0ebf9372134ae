#include "dsl/azure/postgres.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include <fmt/format.h>

#include "dsl/azure/private_endpoint.h"
#include "dsl/core/stack.h"

namespace iac::azure {

namespace {

/// The parameters the server sets itself, with their values: TLS for every connection, and
/// nothing older than TLS 1.2.
/// @see https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-ssl-tls
constexpr std::array<std::array<const char*, 3>, 2> kTlsParameters{{
    {"require-secure-transport", "require_secure_transport", "on"},
    {"ssl-min-protocol-version", "ssl_min_protocol_version", "TLSv1.2"},
}};

/// The storage sizes Azure offers, in GiB (32767 is the largest, not 32768).
constexpr std::array<int, 11> kStorageSizesGb = {32,   64,   128,  256,   512,  1024,
                                                 2048, 4096, 8192, 16384, 32767};

bool lower_alnum_hyphen(char c) { return chars::lower_alnum(c) || c == '-'; }
bool any_char(char) { return true; }

bool database_char(char c) { return chars::alnum(c) || c == '_'; }
bool database_first(char c) { return chars::letter(c) || c == '_'; }

/// Letters, digits and '_': the parameter names of postgresql.conf.
bool parameter_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

std::optional<PostgresTier> tier_of(const std::string& sku) {
  if (sku.starts_with("B_")) return PostgresTier::burstable;
  if (sku.starts_with("GP_")) return PostgresTier::general_purpose;
  if (sku.starts_with("MO_")) return PostgresTier::memory_optimized;
  return std::nullopt;
}

std::string size_of(const std::string& sku) {
  auto underscore = sku.find('_');
  return underscore == std::string::npos ? sku : sku.substr(underscore + 1);
}

/// Whether the size belongs to the tier: B-series for Burstable, D for General Purpose, E for
/// Memory Optimized, e.g. `GP_Standard_D2ds_v5`.
bool valid_sku(const std::string& sku) {
  const auto tier = tier_of(sku);
  const std::string size = size_of(sku);
  return tier.has_value() && size.starts_with("Standard_") && size.size() > 10 &&
         std::all_of(size.begin(), size.end(),
                     [](char c) { return chars::alnum(c) || c == '_'; }) &&
         size[9] == (*tier == PostgresTier::burstable         ? 'B'
                     : *tier == PostgresTier::general_purpose ? 'D'
                                                              : 'E');
}

/// The order of the tiers by capacity: Burstable < General Purpose < Memory Optimized.
int tier_rank(PostgresTier tier) {
  switch (tier) {
    case PostgresTier::burstable:
      return 0;
    case PostgresTier::general_purpose:
      return 1;
    case PostgresTier::memory_optimized:
      return 2;
  }
  return 0;
}

/// The vCores of a size: the number after the series letter (`Standard_D4ds_v5` -> 4).
int vcores_of(const std::string& sku) {
  const std::string size = size_of(sku);
  int vcores = 0;
  for (std::size_t i = 10; i < size.size() && size[i] >= '0' && size[i] <= '9'; ++i) {
    vcores = vcores * 10 + (size[i] - '0');
  }
  return vcores;
}

/// A server or a read replica, the owners of server parameters.
const Resource& parameter_owner_of(const Construct& scope) {
  if (const auto* server = dynamic_cast<const PostgresFlexibleServer*>(&scope)) return *server;
  if (const auto* replica = dynamic_cast<const PostgresReplica*>(&scope)) return *replica;
  throw std::logic_error(fmt::format(
      "{}: a PostgreSQL server parameter must be added under a PostgresFlexibleServer or a "
      "PostgresReplica (use their methods)",
      scope.path()));
}

const PostgresFlexibleServer& server_of(const Construct& scope, std::string_view what) {
  if (const auto* server = dynamic_cast<const PostgresFlexibleServer*>(&scope)) return *server;
  throw std::logic_error(
      fmt::format("{}: a PostgreSQL {} must be added under a PostgresFlexibleServer (use its "
                  "methods)",
                  scope.path(), what));
}

/// A construct id from a name: characters other than letters, digits, '_' and '-' become '-'.
std::string id_from(std::string_view prefix, std::string_view name) {
  std::string id(prefix);
  for (char c : name) id += (chars::alnum(c) || c == '_' || c == '-') ? c : '-';
  return id;
}

}  // namespace

std::string_view to_string(PostgresTier tier) {
  switch (tier) {
    case PostgresTier::burstable:
      return "Burstable";
    case PostgresTier::general_purpose:
      return "GeneralPurpose";
    case PostgresTier::memory_optimized:
      return "MemoryOptimized";
  }
  return "Burstable";
}

std::string_view to_string(PostgresHighAvailability mode) {
  switch (mode) {
    case PostgresHighAvailability::disabled:
      return "Disabled";
    case PostgresHighAvailability::same_zone:
      return "SameZone";
    case PostgresHighAvailability::zone_redundant:
      return "ZoneRedundant";
  }
  return "Disabled";
}

const ResourceKind PostgresFlexibleServer::kKind{
    .name = "PostgreSQL Flexible Server",
    .abbreviation = "psql",
    .naming = {.min_length = 3,
               .max_length = 63,
               .charset = "lowercase letters, digits and '-'",
               .allowed = lower_alnum_hyphen,
               .first = chars::lower_alnum,
               .last = chars::lower_alnum,
               .scope = NameScope::global}};

PostgresFlexibleServer::PostgresFlexibleServer(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {
  for (const auto& [child_id, parameter, value] : kTlsParameters) {
    add_serial<PostgresConfiguration>(child_id, std::string(parameter),
                                      PostgresConfigurationProps{.value = value});
  }
}

template <class Child, class... Args>
Child& PostgresFlexibleServer::add_serial(std::string id, Args&&... args) {
  auto& child = add_construct<Child>(std::move(id), std::forward<Args>(args)...);
  if (last_child_ != nullptr) child.depends_on(*last_child_);
  last_child_ = &child;
  return child;
}

std::optional<PostgresTier> PostgresFlexibleServer::tier() const {
  return tier_of(props_.sku_name);
}

std::string PostgresFlexibleServer::size_name() const { return size_of(props_.sku_name); }

std::optional<std::string> PostgresFlexibleServer::effective_zone() const {
  if (props_.zone) return props_.zone;
  if (props_.high_availability == PostgresHighAvailability::zone_redundant) return "1";
  return std::nullopt;
}

std::string PostgresFlexibleServer::effective_standby_zone() const {
  if (props_.standby_zone) return *props_.standby_zone;
  return effective_zone() == "2" ? "3" : "2";
}

PostgresDatabase& PostgresFlexibleServer::database(std::string name, PostgresDatabaseProps props) {
  std::string id = id_from("db-", name);
  return add_serial<PostgresDatabase>(std::move(id), std::move(name), std::move(props));
}

PostgresConfiguration& PostgresFlexibleServer::parameter(std::string name, std::string value) {
  std::string id = id_from("parameter-", name);
  return add_serial<PostgresConfiguration>(std::move(id), std::move(name),
                                           PostgresConfigurationProps{.value = std::move(value)});
}

PostgresAdministrator& PostgresFlexibleServer::entra_admin(Principal principal,
                                                           Expr principal_name) {
  int number = 1;
  while (find("entra-admin-" + std::to_string(number)) != nullptr) ++number;
  return add_serial<PostgresAdministrator>(
      "entra-admin-" + std::to_string(number),
      PostgresAdministratorProps{.principal = std::move(principal),
                                 .principal_name = std::move(principal_name)});
}

std::vector<const PostgresAdministrator*> PostgresFlexibleServer::administrators() const {
  std::vector<const PostgresAdministrator*> result;
  for (const auto& child : children()) {
    if (const auto* admin = dynamic_cast<const PostgresAdministrator*>(child.get())) {
      result.push_back(admin);
    }
  }
  return result;
}

PostgresReplica& PostgresFlexibleServer::read_replica(std::string id, PostgresReplicaProps props) {
  return add_serial<PostgresReplica>(std::move(id), std::move(props));
}

std::vector<const PostgresReplica*> PostgresFlexibleServer::replicas() const {
  std::vector<const PostgresReplica*> result;
  for (const auto& child : children()) {
    if (const auto* replica = dynamic_cast<const PostgresReplica*>(child.get())) {
      result.push_back(replica);
    }
  }
  return result;
}

std::vector<const PostgresDatabase*> PostgresFlexibleServer::databases() const {
  std::vector<const PostgresDatabase*> result;
  for (const auto& child : children()) {
    if (const auto* database = dynamic_cast<const PostgresDatabase*>(child.get())) {
      result.push_back(database);
    }
  }
  return result;
}

void PostgresFlexibleServer::validate(Diagnostics& out) const {
  Resource::validate(out);
  const auto tier_ = tier();
  if (!valid_sku(props_.sku_name)) {
    out.push_back(diagnostic(
        "IAC-PG-001", fmt::format("`sku_name` '{}' is not a Flexible Server SKU", props_.sku_name),
        "use `B_Standard_B<size>` (Burstable), `GP_Standard_D<size>` (General Purpose) or "
        "`MO_Standard_E<size>` (Memory Optimized), e.g. \"GP_Standard_D2ds_v5\""));
  }
  static constexpr std::array<std::string_view, 5> kVersions = {"13", "14", "15", "16", "17"};
  if (std::find(kVersions.begin(), kVersions.end(), props_.version) == kVersions.end()) {
    out.push_back(
        diagnostic("IAC-PG-002", fmt::format("`version` is '{}'", props_.version),
                   "use \"13\" to \"17\" (11 and 12 are retired); \"16\" is the default"));
  }
  if (std::find(kStorageSizesGb.begin(), kStorageSizesGb.end(), props_.storage_gb) ==
      kStorageSizesGb.end()) {
    out.push_back(diagnostic("IAC-PG-003", fmt::format("`storage_gb` is {}", props_.storage_gb),
                             "use 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384 or 32767"));
  }
  if (props_.backup_retention_days < 7 || props_.backup_retention_days > 35) {
    out.push_back(diagnostic(
        "IAC-PG-004", fmt::format("`backup_retention_days` is {}", props_.backup_retention_days),
        "set it between 7 and 35 (it is also the point-in-time restore window)"));
  }
  if (props_.high_availability != PostgresHighAvailability::disabled &&
      tier_ == PostgresTier::burstable) {
    out.push_back(diagnostic("IAC-PG-005", "`high_availability` is set on a Burstable server",
                             "use a General Purpose or Memory Optimized `sku_name` "
                             "(e.g. \"GP_Standard_D2ds_v5\"), or disable high availability"));
  }
  auto valid_zone = [](const std::string& zone) {
    return zone == "1" || zone == "2" || zone == "3";
  };
  if (props_.zone && !valid_zone(*props_.zone)) {
    out.push_back(diagnostic("IAC-PG-006", fmt::format("`zone` is '{}'", *props_.zone),
                             "use \"1\", \"2\" or \"3\""));
  }
  if (props_.standby_zone) {
    if (props_.high_availability != PostgresHighAvailability::zone_redundant) {
      out.push_back(diagnostic("IAC-PG-006", "`standby_zone` is set without zone-redundant HA",
                               "set `.high_availability = "
                               "PostgresHighAvailability::zone_redundant`, or remove it"));
    } else if (!valid_zone(*props_.standby_zone)) {
      out.push_back(diagnostic("IAC-PG-006",
                               fmt::format("`standby_zone` is '{}'", *props_.standby_zone),
                               "use \"1\", \"2\" or \"3\""));
    }
  }
  if (props_.high_availability == PostgresHighAvailability::zone_redundant &&
      effective_zone() == effective_standby_zone()) {
    out.push_back(
        diagnostic("IAC-PG-006",
                   fmt::format("`zone` and `standby_zone` are both '{}'", effective_standby_zone()),
                   "put the standby in another zone than the primary"));
  }
  // Password authentication: only on purpose, and then the password from a secure parameter.
  if (props_.entra_only_auth.is_enforced()) {
    if (!props_.administrator_login.empty() || !props_.administrator_password.empty()) {
      out.push_back(
          diagnostic("IAC-PG-007",
                     "`administrator_login` or `administrator_password` is set, but password "
                     "authentication is off",
                     "remove them and sign in with Entra ID (`entra_admin(...)`), or waive "
                     "`entra_only_auth` with a reason"));
    }
  } else {
    if (props_.administrator_login.empty()) {
      out.push_back(diagnostic("IAC-PG-007",
                               "password authentication is on without `administrator_login`",
                               "set `.administrator_login`, e.g. \"pgadmin\""));
    } else if (!std::all_of(props_.administrator_login.begin(), props_.administrator_login.end(),
                            database_char) ||
               !database_first(props_.administrator_login.front()) ||
               props_.administrator_login.size() > 63 ||
               props_.administrator_login.starts_with("pg_") ||
               props_.administrator_login == "azure_superuser" ||
               props_.administrator_login == "azure_pg_admin" ||
               props_.administrator_login == "admin" ||
               props_.administrator_login == "administrator" ||
               props_.administrator_login == "root" || props_.administrator_login == "guest" ||
               props_.administrator_login == "public") {
      out.push_back(diagnostic(
          "IAC-PG-007",
          fmt::format("`administrator_login` '{}' is not allowed", props_.administrator_login),
          "use 1-63 letters, digits and '_', not starting with a digit or `pg_`, and not a "
          "reserved name (admin, administrator, root, guest, public, azure_superuser, "
          "azure_pg_admin)"));
    }
    const Expr& password = props_.administrator_password;
    if (password.empty() || !password.sensitive()) {
      out.push_back(diagnostic(
          "IAC-PG-008",
          password.empty()        ? std::string("password authentication is on without "
                                                       "`administrator_password`")
          : password.is_literal() ? std::string("`administrator_password` is a literal")
                                  : std::string("`administrator_password` is not a secure "
                                                "parameter"),
          "set `.administrator_password = s.parameter(\"pg_admin_password\", {.secure = true})`"));
    }
  }
  if (props_.public_network.mode() == PublicNetwork::Mode::allow_listed) {
    out.push_back(diagnostic(
        "IAC-PG-009",
        "`public_network` allows a list of addresses, which iacgen does not render for "
        "PostgreSQL (it needs firewall rule resources)",
        "use PublicNetwork::disabled() with a private endpoint, or PublicNetwork::open(reason)"));
  }
  if (props_.maintenance_window) {
    const auto& window = *props_.maintenance_window;
    if (window.day_of_week < 0 || window.day_of_week > 6 || window.start_hour < 0 ||
        window.start_hour > 23 || (window.start_minute != 0 && window.start_minute != 30)) {
      out.push_back(diagnostic(
          "IAC-PG-010",
          fmt::format("`maintenance_window` is day {} at {}:{:02}", window.day_of_week,
                      window.start_hour, window.start_minute),
          "use a day of 0 (Sunday) to 6, an hour of 0 to 23 and a minute of 0 or 30 (UTC)"));
    }
  }
  validate_control(*this, "entra_only_auth", props_.entra_only_auth, out);
  validate_public_network(*this, "public_network", props_.public_network, out);
}

// --- configuration --------------------------------------------------------------------------

const ResourceKind PostgresConfiguration::kKind{
    .name = "PostgreSQL server parameter",
    .abbreviation = "psqlcfg",
    .naming = {.min_length = 1,
               .max_length = 128,
               .charset = "lowercase letters, digits, '_' "
                          "and '.'",
               .allowed = parameter_char,
               .scope = NameScope::parent}};

PostgresConfiguration::PostgresConfiguration(Construct& scope, std::string id,
                                             std::string parameter, Props props)
    : Resource(scope, std::move(id), std::move(parameter), {}),
      server_(parameter_owner_of(scope)),
      props_(std::move(props)) {}

void PostgresConfiguration::collect_references(std::vector<Ref>& out) const {
  out.push_back(server_.id());
}

void PostgresConfiguration::validate(Diagnostics& out) const {
  Resource::validate(out);
  for (const auto& [child_id, parameter, value] : kTlsParameters) {
    if (name() == parameter && construct_id() != child_id) {
      out.push_back(diagnostic(
          "IAC-PG-011", fmt::format("server parameter '{}' is set by the server", name()),
          fmt::format("remove it: the server always sets {} = {}", parameter, value)));
    }
  }
  if (props_.value.empty()) {
    out.push_back(diagnostic("IAC-PG-011",
                             fmt::format("server parameter '{}' has no value", name()),
                             "give it a value, or remove it to keep the server's default"));
  }
}

// --- database -------------------------------------------------------------------------------

const ResourceKind PostgresDatabase::kKind{
    .name = "PostgreSQL database",
    .abbreviation = "psqldb",
    .naming = {.min_length = 1,
               .max_length = 63,
               .charset = "letters, digits and '_', not starting with a digit",
               .allowed = database_char,
               .first = database_first,
               .scope = NameScope::parent}};

PostgresDatabase::PostgresDatabase(Construct& scope, std::string id, std::string name, Props props)
    : Resource(scope, std::move(id), std::move(name), {}),
      server_(server_of(scope, "database")),
      props_(std::move(props)) {}

void PostgresDatabase::collect_references(std::vector<Ref>& out) const {
  out.push_back(server_.id());
}

void PostgresDatabase::validate(Diagnostics& out) const {
  Resource::validate(out);
  static constexpr std::array<std::string_view, 5> kReserved = {
      "postgres", "azure_maintenance", "azure_sys", "template0", "template1"};
  if (std::find(kReserved.begin(), kReserved.end(), name()) != kReserved.end()) {
    out.push_back(diagnostic("IAC-PG-012", fmt::format("database name '{}' is reserved", name()),
                             "choose another name, e.g. the application's"));
  }
  auto plain = [](const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
      return chars::alnum(c) || c == '_' || c == '-' || c == '.';
    });
  };
  if (!plain(props_.charset) || !plain(props_.collation)) {
    out.push_back(
        diagnostic("IAC-PG-012",
                   fmt::format("database charset '{}' or collation '{}' is not a plain name",
                               props_.charset, props_.collation),
                   "use a charset such as \"UTF8\" and a collation such as \"en_US.utf8\""));
  }
}

// --- administrator --------------------------------------------------------------------------

const ResourceKind PostgresAdministrator::kKind{
    .name = "PostgreSQL Entra administrator",
    .abbreviation = "psqladmin",
    // Not an Azure name: Azure names the administrator by the principal's object id.
    .naming = {.min_length = 1,
               .max_length = 64,
               .charset = "any characters",
               .allowed = any_char,
               .scope = NameScope::parent}};

PostgresAdministrator::PostgresAdministrator(Construct& scope, std::string id, Props props)
    : Resource(scope, id, id, {}),
      server_(server_of(scope, "Entra administrator")),
      props_(std::move(props)) {}

void PostgresAdministrator::collect_references(std::vector<Ref>& out) const {
  out.push_back(server_.id());
  for (const Ref& ref : props_.principal.object_id.refs()) out.push_back(ref);
  for (const Ref& ref : props_.principal_name.refs()) out.push_back(ref);
}

void PostgresAdministrator::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (props_.principal.object_id.empty()) {
    out.push_back(diagnostic("IAC-PG-013", "the principal has no `object_id`",
                             "pass an identity's principal (`identity.principal()`) or a "
                             "parameter (`{.object_id = s.parameter(\"db_admins_object_id\")}`)"));
  }
  for (const Expr* value : {&props_.principal.object_id, &props_.principal_name}) {
    if (!value->refs().empty()) {
      // ARM names the administrator by the object id and needs names when the deployment
      // starts (Bicep BCP120); a resource's attribute is known only after it is deployed.
      out.push_back(diagnostic(
          "IAC-PG-014",
          value == &props_.principal_name
              ? std::string("`principal_name` refers to a resource's attribute")
              : std::string("the principal's `object_id` refers to a resource's attribute"),
          "pass the administrator as parameters (`s.parameter(\"db_admins_object_id\")`, "
          "`s.parameter(\"db_admins_name\")`), e.g. an Entra group of the operators: Bicep "
          "must know the administrator's name, its object id, when the deployment starts"));
    }
  }
  if (props_.principal_name.empty()) {
    out.push_back(diagnostic("IAC-PG-013", "the administrator has no `principal_name`",
                             "pass the principal's display name in Entra ID (for a managed "
                             "identity its name: `identity.name_ref()`)"));
  }
}

std::vector<DiagnosticSource> PostgresFlexibleServer::diagnostic_sources() const {
  // PostgreSQLLogs (connections, errors, audit with pgaudit), sessions, query store and
  // autovacuum statistics, with AllMetrics.
  return {{{.log_category_groups = {"allLogs"}, .metric_categories = {"AllMetrics"}}}};
}

// --- read replica ---------------------------------------------------------------------------

/// A replica is a flexible server: the same global name space and rules.
const ResourceKind PostgresReplica::kKind{.name = "PostgreSQL read replica",
                                          .abbreviation = "psql",
                                          .naming = PostgresFlexibleServer::kKind.naming};

PostgresReplica::PostgresReplica(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags),
      source_(server_of(scope, "read replica")),
      props_(std::move(props)) {
  if (props_.region == PostgresReplicaRegion::secondary) place_in_secondary_region();
  // The replica takes one change at a time too: its parameters are set one after the other.
  const Resource* previous = nullptr;
  for (const auto& [child_id, parameter, value] : kTlsParameters) {
    auto& child = add_construct<PostgresConfiguration>(child_id, std::string(parameter),
                                                       PostgresConfigurationProps{.value = value});
    if (previous != nullptr) child.depends_on(*previous);
    previous = &child;
  }
}

const std::string& PostgresReplica::effective_sku_name() const {
  return props_.sku_name ? *props_.sku_name : source_.props().sku_name;
}

int PostgresReplica::effective_storage_gb() const {
  return props_.storage_gb.value_or(source_.props().storage_gb);
}

std::optional<PostgresTier> PostgresReplica::tier() const { return tier_of(effective_sku_name()); }

std::string PostgresReplica::size_name() const { return size_of(effective_sku_name()); }

void PostgresReplica::collect_references(std::vector<Ref>& out) const {
  out.push_back(source_.id());
}

std::vector<DiagnosticSource> PostgresReplica::diagnostic_sources() const {
  // The same logs as a server, and the replication lag among AllMetrics.
  return {{{.log_category_groups = {"allLogs"}, .metric_categories = {"AllMetrics"}}}};
}

void PostgresReplica::validate(Diagnostics& out) const {
  Resource::validate(out);
  const std::string& sku = effective_sku_name();
  const auto source_tier = source_.tier();
  if (source_tier == PostgresTier::burstable) {
    out.push_back(diagnostic(
        "IAC-PG-015",
        fmt::format("the source server is Burstable ('{}'), which takes no read replicas",
                    source_.props().sku_name),
        "give the source a General Purpose or Memory Optimized `sku_name` (e.g. "
        "\"GP_Standard_D2ds_v5\"), or declare the replica only where the source is not "
        "Burstable"));
  }
  if (props_.sku_name && !valid_sku(*props_.sku_name)) {
    out.push_back(diagnostic(
        "IAC-PG-016", fmt::format("`sku_name` '{}' is not a Flexible Server SKU", sku),
        "use `GP_Standard_D<size>` or `MO_Standard_E<size>`, e.g. \"GP_Standard_D2ds_v5\", or "
        "leave it unset to take the source's"));
  } else if (valid_sku(sku) && valid_sku(source_.props().sku_name)) {
    const PostgresTier tier_ = *tier_of(sku);
    const PostgresTier source = *tier_of(source_.props().sku_name);
    if (tier_ == PostgresTier::burstable || tier_rank(tier_) < tier_rank(source) ||
        (tier_ == source && vcores_of(sku) < vcores_of(source_.props().sku_name))) {
      out.push_back(diagnostic(
          "IAC-PG-017",
          fmt::format("`sku_name` '{}' is smaller than the source's '{}'", sku,
                      source_.props().sku_name),
          fmt::format("use the source's tier ({}) with at least as many vCores, or a larger "
                      "tier: a smaller replica lags behind and cannot carry the load once "
                      "promoted; leave `sku_name` unset to take the source's",
                      to_string(source))));
    }
  }
  const int storage = effective_storage_gb();
  if (std::find(kStorageSizesGb.begin(), kStorageSizesGb.end(), storage) == kStorageSizesGb.end() ||
      storage < source_.props().storage_gb) {
    out.push_back(diagnostic(
        "IAC-PG-018",
        fmt::format("`storage_gb` is {}; the source has {}", storage, source_.props().storage_gb),
        "use one of 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384 or 32767 GiB, at "
        "least the source's, or leave it unset to take the source's"));
  }
  if (props_.zone && *props_.zone != "1" && *props_.zone != "2" && *props_.zone != "3") {
    out.push_back(diagnostic("IAC-PG-006", fmt::format("`zone` is '{}'", *props_.zone),
                             "use \"1\", \"2\" or \"3\""));
  }
  if (props_.public_network.mode() == PublicNetwork::Mode::allow_listed) {
    out.push_back(diagnostic(
        "IAC-PG-009",
        "`public_network` allows a list of addresses, which iacgen does not render for "
        "PostgreSQL (it needs firewall rule resources)",
        "use PublicNetwork::disabled() with a private endpoint, or PublicNetwork::open(reason)"));
  }
  // A replica in the DR region is reached through an endpoint in a network of that region.
  const PrivateNetwork* network = PrivateNetwork::of(stack());
  if (network != nullptr && in_secondary_region() && network->exemption(*this) == nullptr &&
      !network->props().dr_endpoints_subnet) {
    out.push_back(diagnostic(
        "IAC-PG-019",
        "the replica is in the DR region, but the stack's PrivateNetwork has no network there "
        "(`dr_endpoints_subnet`), so the replica would have no private endpoint",
        "declare a VNet in the DR region (`vnet.place_in_secondary_region()`, e.g. with "
        "`templates::private_landing_zone`'s `.dr`) and set the PrivateNetwork's "
        "`.dr_endpoints_subnet` to its endpoints subnet"));
  }
  validate_public_network(*this, "public_network", props_.public_network, out);
}

}  // namespace iac::azure
