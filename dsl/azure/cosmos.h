#pragma once
/// Azure Cosmos DB for NoSQL: the account, its SQL databases and containers, and data-plane role
/// assignments. One service, so one header: the children exist only under their account.

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/principal.h"
#include "dsl/core/resource.h"
#include "dsl/core/security.h"

namespace iac::azure {

class CosmosSqlDatabase;
class CosmosSqlContainer;
class CosmosSqlRoleAssignment;
enum class CosmosDataRole;

/// Request units of a database or container: a fixed rate or an autoscale ceiling.
class Throughput {
 public:
  enum class Mode { manual, autoscale };
  /// A fixed rate, at least 400 RU/s, in steps of 100.
  static Throughput manual(int request_units) { return {Mode::manual, request_units}; }
  /// Scales between 10% and `max_request_units` (at least 1000, in steps of 1000).
  static Throughput autoscale(int max_request_units) {
    return {Mode::autoscale, max_request_units};
  }
  Mode mode() const { return mode_; }
  int request_units() const { return request_units_; }

 private:
  Throughput(Mode mode, int request_units) : mode_(mode), request_units_(request_units) {}
  Mode mode_;
  int request_units_;
};

/// How the account is billed: per request (serverless) or per provisioned RU/s, which is then set
/// on databases or containers with Throughput.
class CosmosCapacity {
 public:
  static CosmosCapacity serverless() { return CosmosCapacity(false, std::nullopt); }
  /// Provisioned throughput; `total_limit` caps the RU/s of the whole account (cost guard).
  static CosmosCapacity provisioned(std::optional<int> total_limit = std::nullopt) {
    return CosmosCapacity(true, total_limit);
  }
  bool is_serverless() const { return !provisioned_; }
  const std::optional<int>& total_limit() const { return total_limit_; }

 private:
  CosmosCapacity(bool provisioned, std::optional<int> total_limit)
      : provisioned_(provisioned), total_limit_(total_limit) {}
  bool provisioned_;
  std::optional<int> total_limit_;
};

enum class ConsistencyLevel { eventual, consistent_prefix, session, bounded_staleness, strong };
std::string_view to_string(ConsistencyLevel level);  ///< "Eventual", "Session", ...

/// The default consistency of reads. Bounded staleness takes how far reads may lag.
struct CosmosConsistency {
  /// @default session: read-your-writes per client, the usual choice.
  ConsistencyLevel level = ConsistencyLevel::session;
  /// Bounded staleness only: the lag in seconds (5-86400; 300+ with several regions).
  int max_interval_seconds = 5;
  /// Bounded staleness only: the lag in versions (10-2147483647; 100000+ with several regions).
  std::int64_t max_staleness_prefix = 100;
};

enum class BackupRedundancy { geo, zone, local };
std::string_view to_string(BackupRedundancy redundancy);  ///< "Geo", "Zone", "Local"

/// Backups: continuous (point-in-time restore, 7 or 30 days) or periodic snapshots.
class CosmosBackup {
 public:
  enum class Kind { continuous_7_days, continuous_30_days, periodic };
  static CosmosBackup continuous_7_days() { return CosmosBackup(Kind::continuous_7_days); }
  static CosmosBackup continuous_30_days() { return CosmosBackup(Kind::continuous_30_days); }
  /// A snapshot every `interval_minutes` (60-1440), kept `retention_hours` (8-720).
  static CosmosBackup periodic(int interval_minutes = 240, int retention_hours = 8,
                               BackupRedundancy redundancy = BackupRedundancy::geo);

  Kind kind() const { return kind_; }
  bool continuous() const { return kind_ != Kind::periodic; }
  int interval_minutes() const { return interval_minutes_; }
  int retention_hours() const { return retention_hours_; }
  BackupRedundancy redundancy() const { return redundancy_; }

 private:
  explicit CosmosBackup(Kind kind) : kind_(kind) {}
  Kind kind_;
  int interval_minutes_ = 240;
  int retention_hours_ = 8;
  BackupRedundancy redundancy_ = BackupRedundancy::geo;
};

struct CosmosSqlDatabaseProps {
  /// @default the construct id.
  std::optional<std::string> name;
  /// Shared by the database's containers. Provisioned accounts only.
  /// @default none: each container sets its own, or Azure's minimum applies.
  std::optional<Throughput> throughput;
};

struct CosmosAccountProps {
  /// @default the naming convention: `cosmos-<app>-<env>` (3-44 lowercase letters, digits and
  /// '-', globally unique).
  std::optional<std::string> name;
  /// @default serverless; use CosmosCapacity::provisioned() with Throughput on databases or
  /// containers for steady load or several regions.
  CosmosCapacity capacity = CosmosCapacity::serverless();
  /// @default session consistency.
  CosmosConsistency consistency;
  /// Regions in failover order (the first is the write region).
  /// @default the environment's regions: primary, then the DR region when there is one.
  std::vector<std::string> regions;
  /// Replicas spread over availability zones in every region.
  /// @default true
  /// @see https://learn.microsoft.com/azure/reliability/reliability-cosmos-db-nosql
  bool zone_redundant = true;
  /// Fail over to the next region without an operator. @default true
  bool automatic_failover = true;
  /// @default continuous backup with 7 days of point-in-time restore.
  CosmosBackup backup = CosmosBackup::continuous_7_days();
  /// Data access only with Microsoft Entra ID and Cosmos data-plane RBAC: account keys and
  /// resource tokens are refused. @default enforced
  /// @see https://learn.microsoft.com/azure/cosmos-db/how-to-setup-rbac#disable-local-auth
  Control entra_only_auth;
  /// Databases, containers and throughput change only through Azure Resource Manager, never with
  /// account keys. @default enforced
  Control metadata_writes_through_arm_only;
  /// @default no public endpoint: reach the account through a private endpoint.
  PublicNetwork public_network;
  std::map<std::string, std::string> tags;
};

/// A Cosmos DB for NoSQL account with Entra-only auth, TLS 1.2, continuous backup and no public
/// endpoint.
class CosmosAccount final : public Resource {
 public:
  using Props = CosmosAccountProps;
  static const ResourceKind kKind;

  CosmosAccount(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  std::vector<DiagnosticSource> diagnostic_sources() const override;
  const Props& props() const { return props_; }
  /// The NoSQL API's endpoint (which also serves the regional endpoints of every region).
  std::vector<PrivateLinkService> private_link_services() const override {
    return {{"Sql", "privatelink.documents.azure.com"}};
  }
  const PublicNetwork* public_network() const override { return &props_.public_network; }

  /// The regions in failover order: `props().regions`, or the environment's.
  std::vector<std::string> regions() const;

  /// The document endpoint, `https://<name>.documents.azure.com:443/`.
  Ref endpoint() const { return ref("endpoint"); }

  /// Adds a SQL database under this account; `id` is also its name unless props set one.
  CosmosSqlDatabase& sql_database(std::string id, CosmosSqlDatabaseProps props = {});

  /// Grants the built-in Cosmos DB Data Contributor role (read and write items) on the account.
  CosmosSqlRoleAssignment& grant_data_contributor(Principal principal);
  /// Grants the built-in Cosmos DB Data Reader role on the account.
  CosmosSqlRoleAssignment& grant_data_reader(Principal principal);
  /// An assignment of this account that gives `principal` at least `role` (a contributor can
  /// also read), or null: lets bindings grant once, whoever granted first.
  const CosmosSqlRoleAssignment* find_grant(const Principal& principal, CosmosDataRole role) const;

  void validate(Diagnostics& out) const override;

 private:
  CosmosSqlRoleAssignment& grant(Principal principal, bool contributor);
  Props props_;
};

/// A partition key: one path (`"/tenant"`) or up to three hierarchical ones
/// (`{"/tenant", "/user"}`).
struct PartitionKey {
  PartitionKey() = default;
  PartitionKey(const char* path) : paths{path} {}             // NOLINT: implicit by design
  PartitionKey(std::string path) : paths{std::move(path)} {}  // NOLINT
  PartitionKey(std::initializer_list<std::string> list) : paths(list) {}  // NOLINT
  std::vector<std::string> paths;
};

struct CosmosSqlContainerProps {
  /// @default the construct id.
  std::optional<std::string> name;
  /// Required: how items are spread over partitions.
  PartitionKey partition_key;
  /// 2 supports keys longer than 101 bytes and is required for hierarchical keys. @default 2
  int partition_key_version = 2;
  /// Items expire this long after their last write. @default none: items never expire
  std::optional<std::chrono::seconds> default_ttl;
  /// Paths the index covers; `/*` (everything) unless it is excluded. @default {"/*"}
  std::vector<std::string> included_paths = {"/*"};
  /// Paths left out of the index, e.g. `/raw_metadata/*`. @default none
  std::vector<std::string> excluded_paths;
  /// Each entry is one unique key: a set of paths whose combined values are unique per
  /// partition. @default none
  std::vector<std::vector<std::string>> unique_keys;
  /// Provisioned accounts only. @default none: the database's shared throughput.
  std::optional<Throughput> throughput;
};

/// A SQL database, a child of its account.
class CosmosSqlDatabase final : public Resource {
 public:
  using Props = CosmosSqlDatabaseProps;
  static const ResourceKind kKind;

  CosmosSqlDatabase(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }
  const CosmosAccount& account() const { return account_; }

  /// Adds a container under this database; `id` is also its name unless props set one.
  CosmosSqlContainer& container(std::string id, CosmosSqlContainerProps props);

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const CosmosAccount& account_;
  Props props_;
};

/// A container of JSON items, a child of its database.
class CosmosSqlContainer final : public Resource {
 public:
  using Props = CosmosSqlContainerProps;
  static const ResourceKind kKind;

  CosmosSqlContainer(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }
  const CosmosSqlDatabase& database() const { return database_; }

  /// The included paths as written: `/*` is dropped when it is also excluded.
  std::vector<std::string> effective_included_paths() const;

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const CosmosSqlDatabase& database_;
  Props props_;
};

/// The built-in data-plane roles of Cosmos DB for NoSQL.
/// @see https://learn.microsoft.com/azure/cosmos-db/nosql/security/reference-data-plane-roles
enum class CosmosDataRole { reader, contributor };
/// The role definition's GUID: `...0001` reader, `...0002` contributor.
std::string_view role_definition_guid(CosmosDataRole role);

struct CosmosSqlRoleAssignmentProps {
  Principal principal;
  CosmosDataRole role = CosmosDataRole::reader;
};

/// A data-plane role assignment on the whole account. Its name is a GUID derived from its
/// construct path, so it is stable across runs and unique per environment.
class CosmosSqlRoleAssignment final : public Resource {
 public:
  using Props = CosmosSqlRoleAssignmentProps;
  static const ResourceKind kKind;

  CosmosSqlRoleAssignment(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }
  const CosmosAccount& account() const { return account_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const CosmosAccount& account_;
  Props props_;
};

/// A name-based GUID (8-4-4-4-12 lowercase hex) for `text`: the same text, the same GUID.
std::string stable_guid(std::string_view text);

}  // namespace iac::azure
