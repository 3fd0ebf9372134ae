/// Pass and fail cases of the PostgreSQL rule family (dsl/policy/rules/postgres.cpp).

#include "dsl/azure/resources.h"
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

}  // namespace
}  // namespace iac::testing
