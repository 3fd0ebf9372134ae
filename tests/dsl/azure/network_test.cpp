#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dsl/azure/resources.h"
#include "dsl/core/aspect.h"
#include "dsl/core/stack.h"
#include "dsl/policy/engine.h"
#include "tests/support/fixtures.h"

namespace iac::azure {
namespace {

/// The resources of one kind in the app's first stack, after synthesis.
template <class T>
std::vector<const T*> all_of(const App& app) {
  std::vector<const T*> result;
  for (const Resource* resource : app.stacks().front()->resources()) {
    if (const auto* typed = dynamic_cast<const T*>(resource)) result.push_back(typed);
  }
  return result;
}

/// A VNet with an endpoints subnet and an apps subnet delegated to App Service, both with NSGs,
/// and the PrivateNetwork switch over them.
PrivateNetwork& private_network(
    Stack& s, SubnetDelegation apps_delegation = SubnetDelegation::web_server_farms) {
  auto& nsg = s.add<NetworkSecurityGroup>("nsg", {});
  auto& vnet = s.add<VirtualNetwork>("vnet", {.address_space = {"10.0.0.0/16"}});
  auto& endpoints = vnet.subnet("endpoints", {.address_prefix = "10.0.1.0/24", .nsg = nsg});
  auto& apps = vnet.subnet(
      "apps", {.address_prefix = "10.0.2.0/26", .nsg = nsg, .delegation = apps_delegation});
  return s.add<PrivateNetwork>(
      "network", {.vnet = vnet, .endpoints_subnet = endpoints, .integration_subnet = apps});
}

TEST_CASE("CIDR ranges parse, contain and overlap") {
  auto space = Ipv4Cidr::parse("10.0.0.0/16");
  REQUIRE(space);
  CHECK(space->prefix == 16);
  CHECK(space->is_network_address());
  auto subnet = Ipv4Cidr::parse("10.0.1.0/24");
  REQUIRE(subnet);
  CHECK(space->contains(*subnet));
  CHECK_FALSE(subnet->contains(*space));
  CHECK(subnet->overlaps(*space));
  CHECK_FALSE(subnet->overlaps(*Ipv4Cidr::parse("10.0.2.0/24")));
  CHECK_FALSE(Ipv4Cidr::parse("10.0.1.5/24")->is_network_address());
  CHECK_FALSE(Ipv4Cidr::parse("10.0.1.0"));
  CHECK_FALSE(Ipv4Cidr::parse("10.0.1/24"));
  CHECK_FALSE(Ipv4Cidr::parse("10.0.1.0/33"));
  CHECK_FALSE(Ipv4Cidr::parse("10.0.256.0/24"));
  CHECK(Ipv4Cidr::parse("0.0.0.0/0")->contains(*space));
}

TEST_CASE("a network's address space must be CIDR ranges") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<VirtualNetwork>("vnet", {.address_space = {"10.0.0.0/16", "10.1.0.0", "10.0.128.0/17"}});
    s.add<VirtualNetwork>("empty", {});
  });
  auto result = testing::synthesize(app);
  auto count = std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                             [](const Diagnostic& d) { return d.rule_id == "IAC-NET-001"; });
  CHECK(count == 3);  // not a range, overlapping, empty
  CHECK(result.diagnostic("IAC-NET-001").fix.find("10.20.0.0/16") != std::string::npos);
}

TEST_CASE("a subnet lies inside its network and overlaps no sibling") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& vnet = s.add<VirtualNetwork>("vnet", {.address_space = {"10.0.0.0/16"}});
    vnet.subnet("a", {.address_prefix = "10.0.1.0/24"});
    vnet.subnet("b", {.address_prefix = "10.0.1.128/25"});
    vnet.subnet("outside", {.address_prefix = "10.9.0.0/24"});
    vnet.subnet("tiny", {.address_prefix = "10.0.3.0/30"});
  });
  auto result = testing::synthesize(app);
  const auto& overlap = result.diagnostic("IAC-NET-003");
  CHECK(overlap.path == "app/dev/vnet/b");
  CHECK(overlap.message.find("'a'") != std::string::npos);
  int outside = 0;
  for (const auto& d : result.diagnostics) {
    if (d.rule_id == "IAC-NET-002") ++outside;
  }
  CHECK(outside == 2);  // outside the space, smaller than /29
}

TEST_CASE("subnets are created one after another") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& vnet = s.add<VirtualNetwork>("vnet", {.address_space = {"10.0.0.0/16"}});
    vnet.subnet("a", {.address_prefix = "10.0.1.0/24"});
    vnet.subnet("b", {.address_prefix = "10.0.2.0/24"});
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  auto subnets = all_of<Subnet>(app);
  REQUIRE(subnets.size() == 2);
  CHECK(subnets[0]->explicit_dependencies().empty());
  REQUIRE(subnets[1]->explicit_dependencies().size() == 1);
  CHECK(subnets[1]->explicit_dependencies().front() == subnets[0]);
  CHECK(subnets[1]->name() == "b");
  CHECK(subnets[1]->props().private_endpoint_network_policies);
}

TEST_CASE("a network security group denies all other inbound traffic by default") {
  NetworkSecurityGroupProps props;
  CHECK(props.deny_all_inbound);
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<NetworkSecurityGroup>("nsg", {.rules = {{.name = "allow-https",
                                                   .priority = 100,
                                                   .source = "10.0.2.0/26",
                                                   .destination = "10.0.1.0/24",
                                                   .destination_ports = "443"}}});
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  auto rules = all_of<NetworkSecurityGroup>(app).front()->effective_rules();
  REQUIRE(rules.size() == 2);
  CHECK(rules[1].name == "deny-all-inbound");
  CHECK(rules[1].priority == 4096);
  CHECK(rules[1].access == RuleAccess::deny);
}

TEST_CASE("security rules need unique priorities, named ports and valid addresses") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<NetworkSecurityGroup>(
        "nsg",
        {.rules = {
             {.name = "a", .priority = 100, .destination_ports = "443"},
             {.name = "b", .priority = 100, .destination_ports = "443"},
             {.name = "c", .priority = 4096, .destination_ports = "443"},
             {.name = "d", .priority = 200, .destination_ports = "*"},
             {.name = "e", .priority = 300, .destination_ports = "http"},
             {.name = "f", .priority = 400, .source = "10.0.0.0/33", .destination_ports = "443"}}});
  });
  auto result = testing::synthesize(app);
  int priorities = 0;
  int ports = 0;
  for (const auto& d : result.diagnostics) {
    if (d.rule_id == "IAC-NET-008") ++priorities;
    if (d.rule_id == "IAC-NET-009") ++ports;
  }
  CHECK(priorities == 2);  // b repeats 100, c takes the deny-all priority
  CHECK(ports == 2);       // d allows every port (warning), e is not a port
  CHECK(result.has_rule("IAC-NET-010"));
  CHECK(port_spec_includes("20-25", 22));
  CHECK_FALSE(port_spec_includes("443", 22));
  CHECK(port_spec_includes("*", 3389));
}

TEST_CASE("private networking gives every Private Link resource its endpoint and DNS zone") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) {
        Tags::of(s).add("owner", "platform");
        private_network(s);
        s.add<KeyVault>("kv");
        s.add<KeyVault>("audit");
        s.add<StorageAccount>("media", {});
        s.add<CosmosAccount>("cosmos", {});
        s.add<RedisCache>("redis");
        s.add<ManagedRedis>("amr");
      },
      {Environment::prod("eastus")});
  REQUIRE_FALSE(has_errors(app.synthesize()));
  auto endpoints = all_of<PrivateEndpoint>(app);
  std::vector<std::string> described;
  for (const auto* endpoint : endpoints) {
    described.push_back(endpoint->path() + " " + endpoint->props().subresource + " " +
                        endpoint->name());
    REQUIRE(endpoint->props().dns_zones.size() == 1);
    CHECK(endpoint->props().subnet->name() == "endpoints");
  }
  CHECK(described == std::vector<std::string>{
                         "app/prod/kv/kv-vault vault pe-app-prod-kv-vault",
                         "app/prod/audit/audit-vault vault pe-app-prod-audit-vault",
                         "app/prod/media/media-blob blob pe-app-prod-media-blob",
                         "app/prod/cosmos/cosmos-sql Sql pe-app-prod-cosmos-sql",
                         "app/prod/redis/redis-rediscache redisCache pe-app-prod-redis-rediscache",
                         "app/prod/amr/amr-redisenterprise redisEnterprise "
                         "pe-app-prod-amr-redisenterprise"});
  // One zone per distinct zone, each linked to the network without auto-registration.
  auto zones = all_of<PrivateDnsZone>(app);
  std::vector<std::string> names;
  for (const auto* zone : zones) names.push_back(zone->name());
  CHECK(names == std::vector<std::string>{
                     "privatelink.vaultcore.azure.net", "privatelink.blob.core.windows.net",
                     "privatelink.documents.azure.com", "privatelink.redis.cache.windows.net",
                     "privatelink.redis.azure.net"});
  auto links = all_of<PrivateDnsZoneVirtualNetworkLink>(app);
  REQUIRE(links.size() == zones.size());
  CHECK(links.front()->name() == "link-vnet");
  CHECK_FALSE(links.front()->props().registration_enabled);
  // Endpoints, zones and links are created before naming and tagging: they are tagged too.
  CHECK(endpoints.front()->tags().at("owner") == "platform");
  CHECK(zones.front()->tags().at("owner") == "platform");
  CHECK(links.front()->tags().at("owner") == "platform");
}

TEST_CASE("function host storage gets blob, file, queue and table endpoints") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) {
        private_network(s);
        auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::EP1, .worker_count = 1});
        auto& st = s.add<StorageAccount>(
            "st", {.entra_only_auth = Control::waived("Elastic Premium content share")});
        LinuxFunctionAppProps props;
        props.plan = plan;
        props.storage = st;
        props.settings.health_check_path = "/api/health";
        s.add<LinuxFunctionApp>("func", props);
      },
      {Environment::prod("eastus")});
  REQUIRE_FALSE(has_errors(app.synthesize()));
  std::vector<std::string> subresources;
  for (const auto* endpoint : all_of<PrivateEndpoint>(app)) {
    subresources.push_back(endpoint->props().subresource);
  }
  CHECK(subresources == std::vector<std::string>{"blob", "file", "queue", "table", "sites"});
  auto apps = all_of<LinuxFunctionApp>(app);
  REQUIRE(apps.front()->vnet_integration() != nullptr);
  CHECK(apps.front()->vnet_integration()->name() == "apps");
}

TEST_CASE("host storage of a function on a dedicated plan gets no file endpoint") {
  // A dedicated plan runs from the package and the host signs in with its identity: there is no
  // Azure Files content share, so a file endpoint would cost without serving traffic.
  auto app = testing::make_app(
      [](Stack& s, const Environment&) {
        private_network(s);
        auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::B1});
        auto& st = s.add<StorageAccount>("st", {});
        LinuxFunctionAppProps props;
        props.plan = plan;
        props.storage = st;
        s.add<LinuxFunctionApp>("func", props);
      },
      {Environment::dev("eastus")});
  REQUIRE_FALSE(has_errors(app.synthesize()));
  std::vector<std::string> subresources;
  for (const auto* endpoint : all_of<PrivateEndpoint>(app)) {
    subresources.push_back(endpoint->props().subresource);
  }
  CHECK(subresources == std::vector<std::string>{"blob", "queue", "table", "sites"});
}

TEST_CASE("an app can stay without a private endpoint, with a reason that is recorded") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) {
        auto& network = private_network(s);
        auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::P1v3, .worker_count = 1});
        auto& web = s.add<LinuxWebApp>(
            "web", {.plan = plan,
                    .settings = {.public_network = PublicNetwork::open("Front Door Standard")}});
        network.without_private_endpoint(web, "reached by Front Door Standard, no private origin",
                                         {.owner = "web-team", .expires = "2027-01-01"});
      },
      {Environment::prod("eastus")});
  REQUIRE_FALSE(has_errors(app.synthesize()));
  CHECK(all_of<PrivateEndpoint>(app).empty());
  auto webs = all_of<LinuxWebApp>(app);
  CHECK(webs.front()->vnet_integration() != nullptr);  // outbound still through the VNet
  auto report = policy::evaluate(app, "2026-01-01");
  for (const auto& finding : report.findings) {
    CAPTURE(finding.rule_id);
    CHECK((finding.rule_id != "AZ-NET-003" || finding.suppressed_by != nullptr));
    CHECK(finding.rule_id != "AZ-NET-004");
  }
  const auto& suppressions = app.stacks().front()->suppressions();
  REQUIRE(suppressions.size() == 1);
  CHECK(suppressions.front().rule_id == "AZ-NET-003");
}

TEST_CASE("an exemption needs a reason") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& network = private_network(s);
    auto& vault = s.add<KeyVault>("kv");
    network.without_private_endpoint(vault, "");
  });
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-NET-025").fix.find("reason") != std::string::npos);
}

TEST_CASE("VNet integration needs a plan that has it and a delegated subnet") {
  auto declare = [](PlanSku sku, SubnetDelegation delegation) {
    return testing::make_app([sku, delegation](Stack& s, const Environment&) {
      private_network(s, delegation);
      auto& plan = s.add<AppServicePlan>("plan", {.sku = sku, .worker_count = 1});
      s.add<LinuxWebApp>("web", {.plan = plan});
    });
  };
  auto y1 = declare(PlanSku::Y1, SubnetDelegation::web_server_farms);
  auto on_y1 = testing::synthesize(y1);
  CHECK(on_y1.diagnostic("IAC-NET-030").fix.find("Elastic Premium") != std::string::npos);
  auto undelegated = declare(PlanSku::P1v3, SubnetDelegation::none);
  auto result = testing::synthesize(undelegated);
  CHECK(result.diagnostic("IAC-NET-031").fix.find("web_server_farms") != std::string::npos);
  auto good = declare(PlanSku::B1, SubnetDelegation::web_server_farms);
  auto fine = testing::synthesize(good);
  CHECK_FALSE(fine.has_rule("IAC-NET-030"));
  CHECK_FALSE(fine.has_rule("IAC-NET-031"));
}

TEST_CASE("private endpoints go in a subnet without delegation, for a known sub-resource") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& vnet = s.add<VirtualNetwork>("vnet", {.address_space = {"10.0.0.0/16"}});
    auto& apps = vnet.subnet("apps", {.address_prefix = "10.0.2.0/26",
                                      .delegation = SubnetDelegation::web_server_farms});
    auto& vault = s.add<KeyVault>("kv");
    vault.add<PrivateEndpoint>("pe", {.subresource = "blob", .subnet = apps});
  });
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-NET-013").fix.find("vault") != std::string::npos);
  CHECK(result.diagnostic("IAC-NET-014").message.find("Microsoft.Web/serverFarms") !=
        std::string::npos);
}

TEST_CASE("a private network without an integration subnet warns when the stack has apps") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& vnet = s.add<VirtualNetwork>("vnet", {.address_space = {"10.0.0.0/16"}});
    auto& endpoints = vnet.subnet("endpoints", {.address_prefix = "10.0.1.0/24"});
    s.add<PrivateNetwork>("network", {.vnet = vnet, .endpoints_subnet = endpoints});
    auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::B1, .worker_count = 1});
    s.add<LinuxWebApp>("web", {.plan = plan});
  });
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-NET-024").severity == Severity::warning);
}

TEST_CASE("a public endpoint opened in a private environment is an error-level finding") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) {
        private_network(s);
        s.add<StorageAccount>("st", {.public_network = PublicNetwork::open("partner upload")});
      },
      {Environment::dev("eastus")});
  REQUIRE_FALSE(has_errors(app.synthesize()));
  auto report = policy::evaluate(app, "2026-01-01");
  auto finding = std::find_if(report.findings.begin(), report.findings.end(),
                              [](const auto& f) { return f.rule_id == "AZ-NET-004"; });
  REQUIRE(finding != report.findings.end());
  CHECK(finding->message.find("partner upload") != std::string::npos);
}

TEST_CASE("PostgreSQL and AI services accounts opened in a private environment are findings") {
  auto declare = [](bool open) {
    return testing::make_app(
        [open](Stack& s, const Environment&) {
          private_network(s);
          // PostgreSQL has no allow list in iacgen (IAC-PG-009): open, or nothing.
          s.add<PostgresFlexibleServer>(
               "psql", {.public_network = open ? PublicNetwork::open("office migration")
                                               : PublicNetwork::disabled()})
              .entra_admin(
                  {.object_id = s.parameter("admins_object_id"), .kind = PrincipalKind::group},
                  s.parameter("admins_name"));
          s.add<CognitiveAccount>(
              "oai", {.public_network =
                          open ? PublicNetwork::allow_from({"203.0.113.0/24"}, "office migration")
                               : PublicNetwork::disabled()});
        },
        {Environment::dev("eastus")});
  };
  auto count_net_004 = [](App& app) {
    auto report = policy::evaluate(app, "2026-01-01");
    std::vector<std::string> flagged;
    for (const auto& finding : report.findings) {
      if (finding.rule_id == "AZ-NET-004") flagged.push_back(finding.message);
    }
    return flagged;
  };
  auto closed = declare(false);
  REQUIRE_FALSE(has_errors(closed.synthesize()));
  CHECK(all_of<PostgresFlexibleServer>(closed).front()->public_network() ==
        &all_of<PostgresFlexibleServer>(closed).front()->props().public_network);
  CHECK(all_of<CognitiveAccount>(closed).front()->public_network() ==
        &all_of<CognitiveAccount>(closed).front()->props().public_network);
  CHECK(count_net_004(closed).empty());
  auto opened = declare(true);
  REQUIRE_FALSE(has_errors(opened.synthesize()));
  auto flagged = count_net_004(opened);
  REQUIRE(flagged.size() == 2);
  CHECK(flagged.front().find("office migration") != std::string::npos);
  CHECK(flagged.back().find("office migration") != std::string::npos);
}

}  // namespace
}  // namespace iac::azure
