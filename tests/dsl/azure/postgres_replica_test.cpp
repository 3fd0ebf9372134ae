#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "dsl/azure/postgres.h"
#include "dsl/azure/private_endpoint.h"
#include "dsl/core/stack.h"
#include "templates/private_landing_zone.h"
#include "tests/support/fixtures.h"

namespace iac::azure {
namespace {

PostgresFlexibleServerProps general_purpose() {
  return {.sku_name = "GP_Standard_D4ds_v5", .storage_gb = 128};
}

/// A server with an Entra administrator and one replica of `props`.
testing::Synthesis synth_replica(PostgresReplicaProps props,
                                 PostgresFlexibleServerProps source = general_purpose(),
                                 Environment env = Environment::prod("eastus", "westus"),
                                 const std::function<void(Stack&)>& before = {}) {
  auto app = testing::make_app(
      [=](Stack& s, const Environment&) {
        if (before) before(s);
        auto& server = s.add<PostgresFlexibleServer>("psql", source);
        server.entra_admin(
            {.object_id = s.parameter("admins_object_id"), .kind = PrincipalKind::group},
            s.parameter("admins_name"));
        server.read_replica("dr", props);
      },
      {env});
  return testing::synthesize(app);
}

template <class T>
const T* find_resource(const App& app) {
  for (const Resource* r : app.stacks().front()->resources()) {
    if (const auto* found = dynamic_cast<const T*>(r)) return found;
  }
  return nullptr;
}

TEST_CASE("a read replica is private, in the DR region and sized like its source by default") {
  PostgresReplicaProps props;
  CHECK(props.region == PostgresReplicaRegion::secondary);
  CHECK_FALSE(props.sku_name.has_value());
  CHECK_FALSE(props.storage_gb.has_value());
  CHECK_FALSE(props.public_network.public_endpoint());

  auto app = testing::make_app(
      [](Stack& s, const Environment&) {
        auto& server = s.add<PostgresFlexibleServer>("psql", general_purpose());
        server.read_replica("dr", {});
      },
      {Environment::prod("eastus", "westus")});
  REQUIRE_FALSE(has_errors(app.synthesize()));
  const auto* replica = find_resource<PostgresReplica>(app);
  const auto* server = find_resource<PostgresFlexibleServer>(app);
  REQUIRE(replica != nullptr);
  REQUIRE(server != nullptr);
  CHECK(replica->name() == "psql-app-prod-dr");
  CHECK(replica->location() == "westus");
  CHECK(replica->in_secondary_region());
  CHECK(server->location() == "eastus");
  CHECK(replica->effective_sku_name() == "GP_Standard_D4ds_v5");
  CHECK(replica->effective_storage_gb() == 128);
  CHECK(replica->size_name() == "Standard_D4ds_v5");
  CHECK(&replica->source() == server);
  REQUIRE(server->replicas().size() == 1);
  CHECK(server->replicas().front() == replica);
  // It waits for the source's parameters (the server takes one change at a time).
  REQUIRE(replica->explicit_dependencies().size() == 1);
  CHECK(replica->explicit_dependencies().front()->construct_id() == "ssl-min-protocol-version");
  // Its own TLS parameters.
  int parameters = 0;
  for (const auto& child : replica->children()) {
    if (const auto* p = dynamic_cast<const PostgresConfiguration*>(child.get())) {
      ++parameters;
      CHECK(&p->server() == replica);
    }
  }
  CHECK(parameters == 2);
  CHECK(replica->private_link_services().front().subresource == "postgresqlServer");
}

TEST_CASE("read replica validation") {
  SUBCASE("an environment without a DR region cannot place one there") {
    const auto result = synth_replica({}, general_purpose(), Environment::staging("eastus"));
    const auto& d = result.diagnostic("IAC-LOC-001");
    CHECK(d.message.find("has none") != std::string::npos);
    CHECK(d.fix.find("Environment::prod(\"eastus\", \"westus\")") != std::string::npos);
    CHECK_FALSE(synth_replica({.region = PostgresReplicaRegion::primary}, general_purpose(),
                              Environment::staging("eastus"))
                    .has_rule("IAC-LOC-001"));
  }
  SUBCASE("Burstable sources take no replicas") {
    const auto result = synth_replica({}, {.sku_name = "B_Standard_B1ms"});
    CHECK(result.diagnostic("IAC-PG-015").fix.find("General Purpose") != std::string::npos);
  }
  SUBCASE("the SKU is a Flexible Server SKU of at least the source's tier and size") {
    CHECK(synth_replica({.sku_name = "GP_Standard_X2"}).has_rule("IAC-PG-016"));
    const auto smaller = synth_replica({.sku_name = "GP_Standard_D2ds_v5"});
    CHECK(smaller.diagnostic("IAC-PG-017").message ==
          "`sku_name` 'GP_Standard_D2ds_v5' is smaller than the source's 'GP_Standard_D4ds_v5'");
    CHECK(synth_replica({.sku_name = "B_Standard_B2ms"}).has_rule("IAC-PG-017"));
    CHECK(synth_replica({.sku_name = "GP_Standard_D8ds_v5"}, {.sku_name = "MO_Standard_E4ds_v5"})
              .has_rule("IAC-PG-017"));
    CHECK_FALSE(synth_replica({.sku_name = "GP_Standard_D8ds_v5"}).has_rule("IAC-PG-017"));
    CHECK_FALSE(synth_replica({.sku_name = "MO_Standard_E2ds_v5"}).has_rule("IAC-PG-017"));
  }
  SUBCASE("storage is a valid size of at least the source's") {
    CHECK(synth_replica({.storage_gb = 64}).diagnostic("IAC-PG-018").message ==
          "`storage_gb` is 64; the source has 128");
    CHECK(synth_replica({.storage_gb = 300}).has_rule("IAC-PG-018"));
    CHECK_FALSE(synth_replica({.storage_gb = 256}).has_rule("IAC-PG-018"));
  }
  SUBCASE("zone and allow-listed public access") {
    CHECK(synth_replica({.zone = "4"}).has_rule("IAC-PG-006"));
    CHECK(synth_replica({.public_network = PublicNetwork::allow_from({"203.0.113.0/24"}, "vpn")})
              .has_rule("IAC-PG-009"));
  }
  SUBCASE("a private stack needs a network in the DR region for the replica's endpoint") {
    auto primary_only = [](Stack& s) {
      templates::private_landing_zone(s, {.vnet_range = "10.1.0.0/16",
                                          .endpoints_range = "10.1.1.0/24",
                                          .apps_range = "10.1.2.0/26"});
    };
    const auto result =
        synth_replica({}, general_purpose(), Environment::prod("eastus", "westus"), primary_only);
    const auto& d = result.diagnostic("IAC-PG-019");
    CHECK(d.message.find("no network there") != std::string::npos);
    CHECK(d.fix.find("dr_endpoints_subnet") != std::string::npos);
  }
}

TEST_CASE("the DR network gives a replica its endpoint in the DR region") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) {
        templates::private_landing_zone(
            s, {.vnet_range = "10.1.0.0/16",
                .endpoints_range = "10.1.1.0/24",
                .apps_range = "10.1.2.0/26",
                .dr = templates::DrLandingZone{.vnet_range = "10.2.0.0/16",
                                               .endpoints_range = "10.2.1.0/24",
                                               .endpoint_ports = {{"allow-pg", "5432", "pg"}}}});
        auto& server = s.add<PostgresFlexibleServer>("psql", general_purpose());
        server.read_replica("dr", {});
      },
      {Environment::prod("eastus", "westus")});
  REQUIRE_FALSE(has_errors(app.synthesize()));
  const auto* replica = find_resource<PostgresReplica>(app);
  const auto* server = find_resource<PostgresFlexibleServer>(app);
  REQUIRE(replica != nullptr);
  const auto replica_endpoints = private_endpoints_of(*replica);
  REQUIRE(replica_endpoints.size() == 1);
  CHECK(replica_endpoints.front()->location() == "westus");
  CHECK(replica_endpoints.front()->props().subnet->vnet().construct_id() == "vnet-dr");
  const auto server_endpoints = private_endpoints_of(*server);
  REQUIRE(server_endpoints.size() == 1);
  CHECK(server_endpoints.front()->location() == "eastus");
  CHECK(server_endpoints.front()->props().subnet->vnet().construct_id() == "vnet");
  // The zone resolves in both networks.
  const auto* network = PrivateNetwork::of(*app.stacks().front());
  REQUIRE(network != nullptr);
  REQUIRE(network->dns_zones().size() == 1);
  int links = 0;
  for (const auto& child : network->dns_zones().front()->children()) {
    if (dynamic_cast<const PrivateDnsZoneVirtualNetworkLink*>(child.get()) != nullptr) ++links;
  }
  CHECK(links == 2);
}

TEST_CASE("a DR endpoints subnet must be in the DR region") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) {
        auto& vnet = s.add<VirtualNetwork>("vnet", {.address_space = {"10.1.0.0/16"}});
        auto& endpoints = vnet.subnet("endpoints", {.address_prefix = "10.1.1.0/24"});
        auto& other = s.add<VirtualNetwork>("other", {.address_space = {"10.2.0.0/16"}});
        auto& dr = other.subnet("endpoints", {.address_prefix = "10.2.1.0/24"});
        s.add<PrivateNetwork>(
            "network", {.vnet = vnet, .endpoints_subnet = endpoints, .dr_endpoints_subnet = dr});
      },
      {Environment::prod("eastus", "westus")});
  const auto diagnostics = app.synthesize();
  bool found = false;
  for (const auto& d : diagnostics) {
    if (d.rule_id == "IAC-NET-026") {
      found = true;
      CHECK(d.fix == "place that VNet in the DR region: `vnet.place_in_secondary_region()`");
    }
  }
  CHECK(found);
}

}  // namespace
}  // namespace iac::azure
