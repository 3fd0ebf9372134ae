#pragma once
/// Azure Database for PostgreSQL Flexible Server: Microsoft Entra ID sign-in only, no public
/// endpoint, TLS 1.2 enforced by server parameters; and the server's databases, parameters and
/// Entra administrators, which exist only under their server.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/expr.h"
#include "dsl/core/principal.h"
#include "dsl/core/resource.h"
#include "dsl/core/security.h"

namespace iac::azure {

class PostgresAdministrator;
class PostgresConfiguration;
class PostgresDatabase;
class PostgresReplica;
struct PostgresReplicaProps;

/// The compute tier, from the prefix of `sku_name`: `B_` Burstable (B-series, no HA, no SLA
/// above 99.9%), `GP_` General Purpose (D-series), `MO_` Memory Optimized (E-series).
enum class PostgresTier { burstable, general_purpose, memory_optimized };
std::string_view to_string(PostgresTier tier);  ///< "Burstable", "GeneralPurpose", ...

/// High availability: a standby server with synchronous replication and automatic failover.
/// Zone-redundant puts the standby in another availability zone of the region.
/// @see https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-high-availability
enum class PostgresHighAvailability { disabled, same_zone, zone_redundant };
std::string_view to_string(PostgresHighAvailability mode);  ///< "Disabled", "SameZone", ...

/// A custom maintenance window (UTC), so that patching happens when the clinic is closed rather
/// than at a time Azure picks. Day 0 is Sunday.
struct PostgresMaintenanceWindow {
  int day_of_week = 0;
  int start_hour = 0;
  int start_minute = 0;
};

struct PostgresFlexibleServerProps {
  /// @default the naming convention: `psql-<app>-<env>` (3-63 lowercase letters, digits and
  /// '-', globally unique: it is the host name `<name>.postgres.database.azure.com`).
  std::optional<std::string> name;
  /// `<tier prefix>_Standard_<size>`: `B_Standard_B1ms`, `GP_Standard_D2ds_v5`,
  /// `MO_Standard_E4ds_v5`. @default B_Standard_B1ms, the smallest server (dev).
  std::string sku_name = "B_Standard_B1ms";
  /// Major PostgreSQL version, "13" to "17". @default "16"
  std::string version = "16";
  /// Storage in GiB: 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384 or 32767.
  /// @default 32
  int storage_gb = 32;
  /// Grow the storage before it runs full (a full disk makes the server read-only).
  /// @default on
  bool storage_auto_grow = true;
  /// Clients sign in with Microsoft Entra ID tokens only: password authentication is off and
  /// the server has no administrator login. Waiving it turns password authentication on, and
  /// then `administrator_login` and `administrator_password` are required.
  /// @default enforced
  /// @see
  /// https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-azure-ad-authentication
  Control entra_only_auth;
  /// The password administrator's login, only with `entra_only_auth` waived. @default none
  std::string administrator_login;
  /// Its password: a secure parameter (`s.parameter("pg_admin_password", {.secure = true})`),
  /// never a literal. Only with `entra_only_auth` waived. @default none
  Expr administrator_password;
  /// Days of automated backups, 7-35. This is also the point-in-time restore window: the
  /// server can be restored to any second within it. @default 7
  int backup_retention_days = 7;
  /// Copy backups to the paired region, for geo-restore after a regional outage. Cannot be
  /// changed after creation. @default off (the policy requires it in prod)
  bool geo_redundant_backup = false;
  /// @default disabled (the policy requires zone-redundant in prod); not on Burstable.
  PostgresHighAvailability high_availability = PostgresHighAvailability::disabled;
  /// The primary's availability zone ("1"-"3"). @default Azure picks one ("1" with
  /// zone-redundant high availability, so that the standby zone can differ)
  std::optional<std::string> zone;
  /// The standby's availability zone with zone-redundant high availability. @default "2"
  std::optional<std::string> standby_zone;
  /// @default no public endpoint: reach the server through a private endpoint.
  PublicNetwork public_network;
  /// @default none: Azure picks a time (the policy asks for one in staging and prod).
  std::optional<PostgresMaintenanceWindow> maintenance_window;
  std::map<std::string, std::string> tags;
};

struct PostgresDatabaseProps {
  /// @default "UTF8"
  std::string charset = "UTF8";
  /// @default "en_US.utf8"
  std::string collation = "en_US.utf8";
};

/// A PostgreSQL Flexible Server. Always written: `require_secure_transport = on` and
/// `ssl_min_protocol_version = TLSv1.2` as server parameters (children `require-secure-transport`
/// and `ssl-min-protocol-version`), Entra ID authentication on, and the backup settings.
class PostgresFlexibleServer final : public Resource {
 public:
  using Props = PostgresFlexibleServerProps;
  static const ResourceKind kKind;

  PostgresFlexibleServer(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  std::vector<PrivateLinkService> private_link_services() const override {
    return {{"postgresqlServer", "privatelink.postgres.database.azure.com"}};
  }
  /// Server logs, sessions and query store (allLogs) and AllMetrics.
  std::vector<DiagnosticSource> diagnostic_sources() const override;
  const PublicNetwork* public_network() const override { return &props_.public_network; }
  const Props& props() const { return props_; }

  /// The tier `sku_name` names, or nullopt when it has no known prefix.
  std::optional<PostgresTier> tier() const;
  /// `sku_name` without its tier prefix: what Bicep calls the SKU (`Standard_D2ds_v5`).
  std::string size_name() const;
  /// The primary's zone as written: `zone`, or "1" with zone-redundant high availability.
  std::optional<std::string> effective_zone() const;
  /// The standby's zone as written with zone-redundant high availability.
  std::string effective_standby_zone() const;
  /// The point-in-time restore window in days: the backup retention.
  int point_in_time_restore_days() const { return props_.backup_retention_days; }

  /// The host name, `<name>.postgres.database.azure.com`.
  Ref fqdn() const { return ref("fqdn"); }

  /// Adds a database (1-63 letters, digits and '_', not starting with a digit).
  PostgresDatabase& database(std::string name, PostgresDatabaseProps props = {});
  /// Sets a server parameter, e.g. `parameter("log_connections", "on")`. The TLS parameters are
  /// set by the server and cannot be changed here.
  PostgresConfiguration& parameter(std::string name, std::string value);
  /// Makes a principal a Microsoft Entra administrator of the server. `principal_name` is its
  /// display name in Entra ID (a managed identity's name, a group's display name); PostgreSQL
  /// creates a role of that name.
  PostgresAdministrator& entra_admin(Principal principal, Expr principal_name);
  /// Adds a read replica (`create_mode = Replica`): a read-only copy, updated asynchronously,
  /// in the environment's DR region by default, that the DR runbook promotes to a read-write
  /// server after the loss of the primary region. It waits for the server's parameters and
  /// administrators, which it inherits.
  PostgresReplica& read_replica(std::string id, PostgresReplicaProps props);
  /// The read replicas declared so far.
  std::vector<const PostgresReplica*> replicas() const;

  /// The administrators declared so far.
  std::vector<const PostgresAdministrator*> administrators() const;
  /// The databases declared so far.
  std::vector<const PostgresDatabase*> databases() const;

  void validate(Diagnostics& out) const override;

 private:
  /// Adds a child that changes the server. The server takes one change at a time and rejects
  /// concurrent ones (ServerIsBusy), so each child waits for the one declared before it.
  template <class Child, class... Args>
  Child& add_serial(std::string id, Args&&... args);

  Props props_;
  const Resource* last_child_ = nullptr;
};

struct PostgresConfigurationProps {
  std::string value;
};

/// One server parameter, of a server or a read replica. Its Azure name is the parameter's name.
class PostgresConfiguration final : public Resource {
 public:
  using Props = PostgresConfigurationProps;
  static const ResourceKind kKind;

  PostgresConfiguration(Construct& scope, std::string id, std::string parameter, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }
  /// The server or read replica the parameter belongs to.
  const Resource& server() const { return server_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const Resource& server_;
  Props props_;
};

/// A database of the server.
class PostgresDatabase final : public Resource {
 public:
  using Props = PostgresDatabaseProps;
  static const ResourceKind kKind;

  PostgresDatabase(Construct& scope, std::string id, std::string name, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }
  const PostgresFlexibleServer& server() const { return server_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const PostgresFlexibleServer& server_;
  Props props_;
};

struct PostgresAdministratorProps {
  Principal principal;
  /// The principal's display name in Entra ID.
  Expr principal_name;
};

/// A Microsoft Entra administrator of the server. Azure names it by the principal's object id.
class PostgresAdministrator final : public Resource {
 public:
  using Props = PostgresAdministratorProps;
  static const ResourceKind kKind;

  PostgresAdministrator(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }
  const PostgresFlexibleServer& server() const { return server_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const PostgresFlexibleServer& server_;
  Props props_;
};

/// Where a read replica runs.
enum class PostgresReplicaRegion {
  /// The environment's DR region (`Environment::secondary_location`): a copy that survives the
  /// loss of the primary region and is promoted in a regional disaster.
  secondary,
  /// The source's region: read scale-out only, no protection against a regional outage (the
  /// policy reports it, AZ-PG-009).
  primary,
};

struct PostgresReplicaProps {
  /// @default the naming convention: `psql-<app>-<env>-<id>`, e.g. `psql-clinic-prod-dr`
  /// (globally unique, like the source's name).
  std::optional<std::string> name;
  /// @default PostgresReplicaRegion::secondary, the DR region.
  PostgresReplicaRegion region = PostgresReplicaRegion::secondary;
  /// The replica's compute, of the source's tier or a larger one: a smaller replica lags
  /// behind and, once promoted, cannot carry the production load. Burstable servers take no
  /// replicas. @default the source's `sku_name`
  std::optional<std::string> sku_name;
  /// Storage in GiB, at least the source's (the replica replays every write). @default the
  /// source's `storage_gb`
  std::optional<int> storage_gb;
  /// The replica's availability zone ("1"-"3"). @default Azure picks one
  std::optional<std::string> zone;
  /// @default no public endpoint: the replica is reached through a private endpoint in the DR
  /// region's network (`PrivateNetworkProps::dr_endpoints_subnet`).
  PublicNetwork public_network;
  std::map<std::string, std::string> tags;
};

/// A read replica of a Flexible Server, declared with `server.read_replica("dr", {...})`.
///
/// What it inherits from its source and therefore does not set: the PostgreSQL version (written
/// explicitly, equal to the source's), the databases and roles (replicated), the Microsoft
/// Entra administrators (added on the primary only; they replicate), password authentication
/// and its administrator login. What Azure does not allow on a replica: high availability and
/// the backup settings (a replica is not backed up; the source's geo-redundant backups cover
/// it) and a storage auto-grow setting other than the source's. Always written: Entra ID
/// authentication as on the source, no public endpoint, and its own TLS server parameters
/// (`require_secure_transport = on`, `ssl_min_protocol_version = TLSv1.2`), which a replica
/// does not take over from later changes of its source.
/// @see https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-read-replicas
class PostgresReplica final : public Resource {
 public:
  using Props = PostgresReplicaProps;
  static const ResourceKind kKind;

  PostgresReplica(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  std::vector<PrivateLinkService> private_link_services() const override {
    return {{"postgresqlServer", "privatelink.postgres.database.azure.com"}};
  }
  std::vector<DiagnosticSource> diagnostic_sources() const override;
  const PublicNetwork* public_network() const override { return &props_.public_network; }
  const Props& props() const { return props_; }
  /// The server it replicates.
  const PostgresFlexibleServer& source() const { return source_; }

  /// `sku_name`, or the source's.
  const std::string& effective_sku_name() const;
  /// `storage_gb`, or the source's.
  int effective_storage_gb() const;
  /// The tier `effective_sku_name()` names, or nullopt when it has no known prefix.
  std::optional<PostgresTier> tier() const;
  /// `effective_sku_name()` without its tier prefix (Bicep's SKU name).
  std::string size_name() const;

  /// The replica's host name, `<name>.postgres.database.azure.com`: the connection string the
  /// DR runbook switches to after promotion.
  Ref fqdn() const { return ref("fqdn"); }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const PostgresFlexibleServer& source_;
  Props props_;
};

}  // namespace iac::azure
