/// Pass and fail cases of the PostgreSQL rule family (dsl/policy/rules/postgres.cpp).

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "dsl/azure/resources.h"
#include "dsl/policy/engine.h"
#include "tests/support/fixtures.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

/// A server with an Entra administrator from parameters, as every valid server has.
PostgresFlexibleServer& server(Stack& s, PostgresFlexibleServerProps props = {}) {
  auto& created = s.add<PostgresFlexibleServer>("psql", std::move(props));
  created.entra_admin({.object_id = s.parameter("admins_object_id"), .kind = PrincipalKind::group},
                      s.parameter("admins_name"));
  return created;
}

/// What prod asks of a server: zone-redundant HA, geo backups, 30 days, a maintenance window.
PostgresFlexibleServerProps prod_server() {
  return {.sku_name = "GP_Standard_D2ds_v5",
          .backup_retention_days = 30,
          .geo_redundant_backup = true,
          .high_availability = PostgresHighAvailability::zone_redundant,
          .maintenance_window = PostgresMaintenanceWindow{.day_of_week = 0, .start_hour = 3}};
}

const RegisterRuleCases kCases{{
    {"AZ-PG-001", Environment::staging("eastus"), [](Stack& s) { server(s); },
     [](Stack& s) {
       server(s, {.entra_only_auth = Control::waived("legacy reporting tool"),
                  .administrator_login = "pgadmin",
                  .administrator_password = s.parameter("pg_password", {.secure = true})});
     }},
    {"AZ-PG-002", Environment::dev("eastus"), [](Stack& s) { server(s); },
     [](Stack& s) { s.add<PostgresFlexibleServer>("psql"); }},
    {"AZ-PG-003", Environment::staging("eastus"), [](Stack& s) { server(s); },
     [](Stack& s) { server(s, {.public_network = PublicNetwork::open("demo")}); }},
    {"AZ-PG-004", Environment::prod("eastus"), [](Stack& s) { server(s, prod_server()); },
     [](Stack& s) {
       auto props = prod_server();
       props.geo_redundant_backup = false;
       server(s, props);
     }},
    {"AZ-PG-005", Environment::prod("eastus"), [](Stack& s) { server(s, prod_server()); },
     [](Stack& s) {
       auto props = prod_server();
       props.high_availability = PostgresHighAvailability::same_zone;
       server(s, props);
     }},
    {"AZ-PG-006", Environment::prod("eastus"), [](Stack& s) { server(s, prod_server()); },
     [](Stack& s) {
       auto props = prod_server();
       props.backup_retention_days = 14;
       server(s, props);
     }},
    {"AZ-PG-007", Environment::staging("eastus"), [](Stack& s) { server(s, prod_server()); },
     [](Stack& s) { server(s); }},
}};

/// A prod server of the shape the replica rules expect, in an environment with a DR region.
Environment prod_with_dr() { return Environment::prod("eastus", "westus"); }

const RegisterRuleCases kReplicaCases{{
    {"AZ-PG-008", prod_with_dr(), [](Stack& s) { server(s, prod_server()).read_replica("dr", {}); },
     [](Stack& s) {
       server(s, prod_server()).read_replica("reads", {.region = PostgresReplicaRegion::primary});
     }},
    {"AZ-PG-009", prod_with_dr(), [](Stack& s) { server(s, prod_server()).read_replica("dr", {}); },
     [](Stack& s) {
       auto& source = server(s, prod_server());
       source.read_replica("dr", {});
       source.read_replica("reads", {.region = PostgresReplicaRegion::primary});
     }},
    {"AZ-PG-010", prod_with_dr(), [](Stack& s) { server(s, prod_server()).read_replica("dr", {}); },
     [](Stack& s) {
       server(s, prod_server())
           .read_replica("dr", {.public_network = PublicNetwork::open("reporting tool")});
     }},
}};

/// The findings of `rule` on a one-environment app.
std::vector<policy::Finding> findings_of(std::string_view rule, const Environment& env,
                                         const std::function<void(Stack&)>& declare) {
  auto app = make_app([&](Stack& s, const Environment&) { declare(s); }, {env});
  REQUIRE_FALSE(has_errors(app.synthesize()));
  std::vector<policy::Finding> result;
  for (auto& finding : policy::evaluate(app, "2026-01-01").findings) {
    if (finding.rule_id == rule) result.push_back(finding);
  }
  return result;
}

TEST_CASE("a prod server without a replica is a warning, and only in prod") {
  auto no_replica = [](Stack& s) { server(s, prod_server()); };
  const auto prod = findings_of("AZ-PG-008", prod_with_dr(), no_replica);
  REQUIRE(prod.size() == 1);
  CHECK(prod.front().severity == Severity::warning);
  CHECK(prod.front().message.find("no read replica") != std::string::npos);
  CHECK(findings_of("AZ-PG-008", Environment::staging("eastus"), no_replica).empty());
}

}  // namespace
}  // namespace iac::testing
