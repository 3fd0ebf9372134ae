/// The private landing zone template: the subnets, NSG rules and switch it declares.

#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "templates/private_landing_zone.h"
#include "tests/support/fixtures.h"

namespace iac {
namespace {

using namespace iac::azure;

TEST_CASE("a private landing zone allows only the listed ports from the apps subnet") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<KeyVault>("kv");
    templates::private_landing_zone(
        s, {.vnet_range = "10.60.0.0/16",
            .endpoints_range = "10.60.1.0/24",
            .apps_range = "10.60.2.0/26",
            .endpoint_ports = {{"allow-apps-https", "443", "apps to the vault"},
                               {"allow-apps-redis", "6380", "apps to Redis over TLS"}}});
  });
  const auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const Stack& stack = *app.stack("dev");
  const auto* nsg = dynamic_cast<const NetworkSecurityGroup*>(stack.find("endpoints"));
  REQUIRE(nsg != nullptr);
  REQUIRE(nsg->props().rules.size() == 2);
  CHECK(nsg->props().rules[1].name == "allow-apps-redis");
  CHECK(nsg->props().rules[1].priority == 110);
  CHECK(nsg->props().rules[1].source == "10.60.2.0/26");
  CHECK(nsg->props().rules[1].destination == "10.60.1.0/24");
  const auto* apps_nsg = dynamic_cast<const NetworkSecurityGroup*>(stack.find("apps"));
  REQUIRE(apps_nsg != nullptr);
  CHECK(apps_nsg->props().rules.empty());
  const auto* network = PrivateNetwork::of(stack);
  REQUIRE(network != nullptr);
  CHECK(network->props().integration_subnet->props().delegation ==
        SubnetDelegation::web_server_farms);
  // The switch gave the vault its endpoint.
  CHECK(stack.find("kv")->find("kv-vault") != nullptr);
}

}  // namespace
}  // namespace iac
