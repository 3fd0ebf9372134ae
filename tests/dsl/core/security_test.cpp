#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/security.h"
#include "tests/support/fixtures.h"

namespace iac {
namespace {

TEST_CASE("IPv4 addresses and CIDR ranges are recognised") {
  CHECK(is_ipv4_range("203.0.113.7"));
  CHECK(is_ipv4_range("203.0.113.0/24"));
  CHECK(is_ipv4_range("0.0.0.0/0"));
  CHECK_FALSE(is_ipv4_range("203.0.113.0/33"));
  CHECK_FALSE(is_ipv4_range("256.0.0.1"));
  CHECK_FALSE(is_ipv4_range("203.0.113"));
  CHECK_FALSE(is_ipv4_range("203.0.113.0/"));
  CHECK_FALSE(is_ipv4_range("example.com"));
  CHECK_FALSE(is_ipv4_range(""));
}

TEST_CASE("controls are enforced by default and waived only with a reason") {
  CHECK(Control{}.is_enforced());
  Control waived = Control::waived("sandbox");
  CHECK_FALSE(waived.is_enforced());
  CHECK(waived.reason() == "sandbox");

  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<azure::KeyVault>("kv", {.purge_protection = Control::waived("")});
  });
  auto result = testing::synthesize(app);
  const auto& d = result.diagnostic("IAC-SEC-001");
  CHECK(d.message == "`purge_protection` is waived without a reason");
}

TEST_CASE("public network access is off by default, opening it needs a reason and valid ranges") {
  PublicNetwork network;
  CHECK_FALSE(network.public_endpoint());
  CHECK(network.denies_by_default());
  CHECK(PublicNetwork::allow_from({"203.0.113.0/24"}, "office").denies_by_default());
  CHECK_FALSE(PublicNetwork::open("demo").denies_by_default());

  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<azure::KeyVault>("kv", {.public_network = PublicNetwork::open("")});
    s.add<azure::StorageAccount>(
        "st", {.public_network = PublicNetwork::allow_from({"10.0.0.0/8", "nope"}, "office")});
    s.add<azure::StorageAccount>("st2", {.public_network = PublicNetwork::allow_from({}, "x")});
  });
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-SEC-002").path == "app/dev/kv");
  CHECK(result.diagnostic("IAC-SEC-004").message ==
        "`public_network` has 'nope', which is not an IPv4 address or CIDR range");
  CHECK(result.diagnostic("IAC-SEC-003").path == "app/dev/st2");
}

}  // namespace
}  // namespace iac
