#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "dsl/azure/postgres.h"
#include "dsl/azure/user_assigned_identity.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::azure {
namespace {

/// A server with the Entra administrator every valid server has, from parameters.
testing::Synthesis synth_postgres(PostgresFlexibleServerProps props,
                                  Environment env = Environment::dev("eastus")) {
  auto app = testing::make_app(
      [props](Stack& s, const Environment&) {
        auto& server = s.add<PostgresFlexibleServer>("psql", props);
        server.entra_admin(
            {.object_id = s.parameter("admins_object_id"), .kind = PrincipalKind::group},
            s.parameter("admins_name"));
      },
      {env});
  return testing::synthesize(app);
}

TEST_CASE("a postgres server is Entra-only, private and TLS-enforced by default") {
  PostgresFlexibleServerProps props;
  CHECK(props.sku_name == "B_Standard_B1ms");
  CHECK(props.version == "16");
  CHECK(props.storage_auto_grow);
  CHECK(props.entra_only_auth.is_enforced());
  CHECK(props.administrator_login.empty());
  CHECK(props.administrator_password.empty());
  CHECK(props.backup_retention_days == 7);
  CHECK_FALSE(props.public_network.public_endpoint());
  CHECK(props.high_availability == PostgresHighAvailability::disabled);
  auto result = synth_postgres({});
  CHECK_FALSE(has_errors(result.diagnostics));

  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& server = s.add<PostgresFlexibleServer>("psql", {.sku_name = "GP_Standard_D2ds_v5"});
    server.database("app");
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  const auto resources = app.stacks().front()->resources();
  const PostgresFlexibleServer* server = nullptr;
  std::vector<const PostgresConfiguration*> parameters;
  for (const Resource* r : resources) {
    if (const auto* s = dynamic_cast<const PostgresFlexibleServer*>(r)) server = s;
    if (const auto* c = dynamic_cast<const PostgresConfiguration*>(r)) parameters.push_back(c);
  }
  REQUIRE(server != nullptr);
  CHECK(server->tier() == PostgresTier::general_purpose);
  CHECK(server->size_name() == "Standard_D2ds_v5");
  CHECK(server->point_in_time_restore_days() == 7);
  REQUIRE(parameters.size() == 2);
  CHECK(parameters[0]->name() == "require_secure_transport");
  CHECK(parameters[0]->props().value == "on");
  CHECK(parameters[1]->name() == "ssl_min_protocol_version");
  CHECK(parameters[1]->props().value == "TLSv1.2");
  // The server takes one change at a time: each child waits for the one before it.
  REQUIRE(parameters[1]->explicit_dependencies().size() == 1);
  CHECK(parameters[1]->explicit_dependencies()[0] == parameters[0]);
  REQUIRE(server->databases().size() == 1);
  CHECK(server->databases()[0]->explicit_dependencies()[0] == parameters[1]);
  auto links = server->private_link_services();
  REQUIRE(links.size() == 1);
  CHECK(links[0].subresource == "postgresqlServer");
  CHECK(links[0].dns_zone == "privatelink.postgres.database.azure.com");
}

TEST_CASE("postgres server validation") {
  SUBCASE("sku names follow the tier's series") {
    for (const char* sku : {"GP_Standard_B1ms", "Standard_D2ds_v5", "MO_Standard_D4ds_v5",
                            "B_Standard_", "XX_Standard_D2ds_v5"}) {
      CAPTURE(sku);
      const auto& d = synth_postgres({.sku_name = sku}).diagnostic("IAC-PG-001");
      CHECK(d.fix.find("GP_Standard_D2ds_v5") != std::string::npos);
    }
    CHECK_FALSE(synth_postgres({.sku_name = "MO_Standard_E4ds_v5"}).has_rule("IAC-PG-001"));
  }
  SUBCASE("version, storage and retention") {
    CHECK(synth_postgres({.version = "12"}).diagnostic("IAC-PG-002").message ==
          "`version` is '12'");
    CHECK(synth_postgres({.storage_gb = 100}).has_rule("IAC-PG-003"));
    CHECK_FALSE(synth_postgres({.storage_gb = 32767}).has_rule("IAC-PG-003"));
    CHECK(synth_postgres({.backup_retention_days = 36}).diagnostic("IAC-PG-004").fix ==
          "set it between 7 and 35 (it is also the point-in-time restore window)");
    CHECK(synth_postgres({.backup_retention_days = 6}).has_rule("IAC-PG-004"));
  }
  SUBCASE("high availability needs General Purpose or Memory Optimized, and two zones") {
    CHECK(synth_postgres({.high_availability = PostgresHighAvailability::zone_redundant})
              .has_rule("IAC-PG-005"));
    CHECK(synth_postgres({.sku_name = "GP_Standard_D2ds_v5",
                          .high_availability = PostgresHighAvailability::zone_redundant,
                          .zone = "2",
                          .standby_zone = "2"})
              .diagnostic("IAC-PG-006")
              .message == "`zone` and `standby_zone` are both '2'");
    CHECK(synth_postgres({.standby_zone = "2"}).has_rule("IAC-PG-006"));
    CHECK(synth_postgres({.zone = "4"}).has_rule("IAC-PG-006"));
    CHECK_FALSE(synth_postgres({.sku_name = "GP_Standard_D2ds_v5",
                                .high_availability = PostgresHighAvailability::zone_redundant})
                    .has_rule("IAC-PG-006"));
  }
  SUBCASE("password authentication only on purpose, and its password a secure parameter") {
    CHECK(synth_postgres({.administrator_login = "pgadmin"}).has_rule("IAC-PG-007"));
    CHECK(synth_postgres({.entra_only_auth = Control::waived("legacy reporting tool")})
              .diagnostic("IAC-PG-007")
              .message == "password authentication is on without `administrator_login`");
    CHECK(synth_postgres({.entra_only_auth = Control::waived("legacy reporting tool"),
                          .administrator_login = "admin"})
              .has_rule("IAC-PG-007"));
    auto with_literal = synth_postgres({.entra_only_auth = Control::waived("legacy tool"),
                                        .administrator_login = "pgadmin",
                                        .administrator_password = "hunter2"});
    const auto& literal = with_literal.diagnostic("IAC-PG-008");
    CHECK(literal.message == "`administrator_password` is a literal");
    CHECK(literal.fix.find("{.secure = true}") != std::string::npos);
    auto app = testing::make_app([](Stack& s, const Environment&) {
      auto& server = s.add<PostgresFlexibleServer>(
          "psql", {.entra_only_auth = Control::waived("legacy tool"),
                   .administrator_login = "pgadmin",
                   .administrator_password = s.parameter("pg_password", {.secure = true})});
      server.entra_admin({.object_id = s.parameter("admins_object_id")}, "dbadmins");
    });
    CHECK_FALSE(has_errors(app.synthesize()));
    CHECK(synth_postgres({.entra_only_auth = Control::waived("")}).has_rule("IAC-SEC-001"));
  }
  SUBCASE("allow lists are not rendered, maintenance windows are checked") {
    CHECK(synth_postgres({.public_network = PublicNetwork::allow_from({"203.0.113.0/24"}, "vpn")})
              .has_rule("IAC-PG-009"));
    CHECK(synth_postgres({.maintenance_window = PostgresMaintenanceWindow{.start_minute = 15}})
              .has_rule("IAC-PG-010"));
    CHECK(synth_postgres({.maintenance_window = PostgresMaintenanceWindow{.day_of_week = 7}})
              .has_rule("IAC-PG-010"));
  }
}

TEST_CASE("postgres children: parameters, databases and administrators are checked") {
  auto result = [](auto declare) {
    auto app = testing::make_app([declare](Stack& s, const Environment&) {
      auto& server = s.add<PostgresFlexibleServer>("psql");
      declare(s, server);
    });
    return testing::synthesize(app);
  };
  CHECK(result([](Stack&, PostgresFlexibleServer& server) {
          server.parameter("require_secure_transport", "off");
        })
            .diagnostic("IAC-PG-011")
            .fix ==
        "remove it: the server always sets "
        "require_secure_transport = on");
  CHECK_FALSE(result([](Stack& s, PostgresFlexibleServer& server) {
                server.parameter("log_connections", "on");
                server.entra_admin({.object_id = s.parameter("a")}, s.parameter("b"));
              }).has_rule("IAC-PG-011"));
  CHECK(result([](Stack&, PostgresFlexibleServer& server) {
          server.database("postgres");
        }).has_rule("IAC-PG-012"));
  CHECK(result([](Stack&, PostgresFlexibleServer& server) {
          server.database("9lives");
        }).has_rule("IAC-NAME-001"));
  CHECK(result([](Stack&, PostgresFlexibleServer& server) {
          server.database("app", {.collation = "en_US.utf8'; drop"});
        }).has_rule("IAC-PG-012"));
  // An identity's object id is known only after deployment: ARM cannot name the admin by it.
  CHECK(result([](Stack& s, PostgresFlexibleServer& server) {
          auto& identity = s.add<UserAssignedIdentity>("id", {});
          server.entra_admin(identity.principal(), identity.name_ref());
        }).has_rule("IAC-PG-014"));
  CHECK(result([](Stack&, PostgresFlexibleServer& server) {
          server.entra_admin({}, {});
        }).has_rule("IAC-PG-013"));
}

}  // namespace
}  // namespace iac::azure
