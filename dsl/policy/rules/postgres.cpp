/// PostgreSQL Flexible Server rules: Entra ID only, an Entra administrator, private, and the
/// backup and availability prod relies on.

#include <string>

#include "dsl/azure/postgres.h"
#include "dsl/policy/rules/families.h"

namespace iac::policy::rules {

using azure::PostgresFlexibleServer;
using azure::PostgresHighAvailability;
using azure::PostgresReplica;
using azure::PostgresTier;

namespace {

/// The backup retention each tier needs: a week in dev, two in staging, 30 days in prod (the
/// point-in-time restore window the recovery plans assume).
int minimum_retention(const Environment& env) {
  if (env.is_prod()) return 30;
  return env.is_staging() ? 14 : 7;
}

}  // namespace

std::vector<Rule> postgres() {
  return {
      for_kind<PostgresFlexibleServer>(
          {.id = "AZ-PG-001",
           .title = "PostgreSQL authenticates with Entra ID only (password authentication off)",
           .rationale = "Passwords are long-lived shared secrets; Entra ID tokens are per "
                        "identity, short-lived, revocable and audited.",
           .fix = "remove the waiver of `entra_only_auth` and the administrator login; add an "
                  "Entra administrator with `entra_admin(...)`",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {"Azure.PostgreSQL.AADOnly"},
           .benchmark = "IM-1"},
          [](const PostgresFlexibleServer& server, const Environment&) -> Problem {
            if (server.props().entra_only_auth.is_enforced()) return {};
            return "password authentication is on: " + server.props().entra_only_auth.reason();
          }),
      for_kind<PostgresFlexibleServer>(
          {.id = "AZ-PG-002",
           .title = "PostgreSQL has a Microsoft Entra administrator",
           .rationale = "Without an Entra administrator nobody can create the Entra roles the "
                        "applications sign in with, and Entra-only servers cannot be managed.",
           .fix = "add one with `server.entra_admin({.object_id = s.parameter(...)}, "
                  "s.parameter(...))`, e.g. the operators' Entra group",
           .levels = {.dev = Level::error, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {"Azure.PostgreSQL.AAD"},
           .benchmark = "IM-1"},
          [](const PostgresFlexibleServer& server, const Environment&) -> Problem {
            if (!server.administrators().empty()) return {};
            return std::string("the server has no Entra administrator");
          }),
      for_kind<PostgresFlexibleServer>(
          {.id = "AZ-PG-003",
           .title = "PostgreSQL has no public endpoint in staging and prod",
           .rationale = "Databases of shared environments are reached through a private "
                        "endpoint only.",
           .fix = "use PublicNetwork::disabled() and a private endpoint",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {},
           .benchmark = "NS-2"},
          [](const PostgresFlexibleServer& server, const Environment&) -> Problem {
            if (!server.props().public_network.public_endpoint()) return {};
            return "the public endpoint is on: " + server.props().public_network.reason();
          }),
      for_kind<PostgresFlexibleServer>(
          {.id = "AZ-PG-004",
           .title = "Prod PostgreSQL backups are geo-redundant",
           .rationale = "Locally redundant backups are lost with the region; geo-redundant ones "
                        "restore in the paired region.",
           .fix = "set `.geo_redundant_backup = true` (it cannot be changed after creation)",
           .levels = {.dev = Level::off, .staging = Level::off, .prod = Level::error},
           .checkov = {"CKV_AZURE_136"},
           .psrule = {"Azure.PostgreSQL.GeoRedundantBackup"},
           .benchmark = "BR-1"},
          [](const PostgresFlexibleServer& server, const Environment&) -> Problem {
            if (server.props().geo_redundant_backup) return {};
            return std::string("backups stay in the server's region");
          }),
      for_kind<PostgresFlexibleServer>(
          {.id = "AZ-PG-005",
           .title = "Prod PostgreSQL is zone-redundant highly available",
           .rationale = "A standby in another availability zone takes over within minutes "
                        "when the primary's zone fails, without data loss.",
           .fix = "use a General Purpose or Memory Optimized `sku_name` and `.high_availability "
                  "= PostgresHighAvailability::zone_redundant`",
           .levels = {.dev = Level::off, .staging = Level::off, .prod = Level::error},
           .checkov = {},
           .psrule = {"Azure.PostgreSQL.ZoneRedundantHA"},
           .benchmark = "BR-1"},
          [](const PostgresFlexibleServer& server, const Environment&) -> Problem {
            const auto& props = server.props();
            if (props.high_availability == PostgresHighAvailability::zone_redundant &&
                server.tier() != PostgresTier::burstable) {
              return {};
            }
            return "high availability is " + std::string(to_string(props.high_availability));
          }),
      for_kind<PostgresFlexibleServer>(
          {.id = "AZ-PG-006",
           .title = "PostgreSQL keeps backups long enough: 14 days in staging, 30 in prod",
           .rationale = "The retention is the point-in-time restore window: corruption found "
                        "after it cannot be undone.",
           .fix = "raise `backup_retention_days` (at most 35)",
           .levels = {.dev = Level::off, .staging = Level::warning, .prod = Level::error},
           .checkov = {},
           .psrule = {},
           .benchmark = "BR-1"},
          [](const PostgresFlexibleServer& server, const Environment& env) -> Problem {
            const int days = server.props().backup_retention_days;
            if (days >= minimum_retention(env)) return {};
            return "backups are kept " + std::to_string(days) + " days, under " +
                   std::to_string(minimum_retention(env));
          }),
      for_kind<PostgresFlexibleServer>(
          {.id = "AZ-PG-007",
           .title = "PostgreSQL in staging and prod has a custom maintenance window",
           .rationale = "Patching restarts the server; a window chosen by the team keeps it out "
                        "of business hours.",
           .fix = "set `.maintenance_window = {.day_of_week = 0, .start_hour = 2}` (UTC)",
           .levels = {.dev = Level::off, .staging = Level::warning, .prod = Level::warning},
           .checkov = {},
           .psrule = {"Azure.PostgreSQL.MaintenanceWindow"},
           .benchmark = ""},
          [](const PostgresFlexibleServer& server, const Environment&) -> Problem {
            if (server.props().maintenance_window) return {};
            return std::string("Azure picks the maintenance time");
          }),
      // Geo-redundant backups (AZ-PG-004, an error) already make prod recoverable after the
      // loss of its region, at the cost of a geo-restore: hours of RTO and up to an hour of
      // RPO. A replica is what recovery objectives tighter than that need, at the price of a
      // second server, so its absence is a warning, not an error.
      for_kind<PostgresFlexibleServer>(
          {.id = "AZ-PG-008",
           .title = "Prod PostgreSQL has a read replica in another region",
           .rationale = "A geo-restore takes hours and loses up to an hour of writes; a "
                        "replica in the DR region is promoted in minutes with seconds of lag.",
           .fix = "add `server.read_replica(\"dr\", {})` (placed in the environment's DR "
                  "region; needs a General Purpose or Memory Optimized server), or suppress "
                  "with the recovery objectives geo-restore meets",
           .levels = {.dev = Level::off, .staging = Level::off, .prod = Level::warning},
           .checkov = {},
           .psrule = {},
           .benchmark = "BR-1"},
          [](const PostgresFlexibleServer& server, const Environment&) -> Problem {
            for (const PostgresReplica* replica : server.replicas()) {
              if (replica->location() != server.location()) return {};
            }
            return server.replicas().empty()
                       ? std::string("the server has no read replica")
                       : "every read replica is in the server's region " + server.location();
          }),
      for_kind<PostgresReplica>(
          {.id = "AZ-PG-009",
           .title = "PostgreSQL read replicas run in another region than their source",
           .rationale = "A replica in its source's region goes down with it: it offloads "
                        "reads but is no disaster recovery.",
           .fix = "leave `.region` at PostgresReplicaRegion::secondary (the DR region), or "
                  "suppress with the read scale-out reason",
           .levels = {.dev = Level::off, .staging = Level::warning, .prod = Level::warning},
           .checkov = {},
           .psrule = {},
           .benchmark = "BR-1"},
          [](const PostgresReplica& replica, const Environment&) -> Problem {
            if (replica.location() != replica.source().location()) return {};
            return "the replica is in " + replica.location() + ", like its source";
          }),
      for_kind<PostgresReplica>(
          {.id = "AZ-PG-010",
           .title = "PostgreSQL read replicas have no public endpoint in staging and prod",
           .rationale = "A replica holds the same data as its source and is reached the same "
                        "way: through a private endpoint only.",
           .fix = "use PublicNetwork::disabled() and a private endpoint in the DR network",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {},
           .benchmark = "NS-2"},
          [](const PostgresReplica& replica, const Environment&) -> Problem {
            if (!replica.props().public_network.public_endpoint()) return {};
            return "the public endpoint is on: " + replica.props().public_network.reason();
          }),
  };
}

}  // namespace iac::policy::rules
