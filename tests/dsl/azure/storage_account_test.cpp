#include <doctest/doctest.h>

#include "dsl/azure/storage_account.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::azure {
namespace {

TEST_CASE("a storage account is secure by default") {
  StorageAccountProps props;
  CHECK(props.replication == Replication::zrs);
  CHECK_FALSE(props.public_network.public_endpoint());
  CHECK(props.entra_only_auth.is_enforced());
  CHECK(props.private_blobs.is_enforced());
  CHECK(props.https_only.is_enforced());
  CHECK(props.infrastructure_encryption);
  CHECK(props.blob_soft_delete_days == 7);
  CHECK(props.container_soft_delete_days == 7);
  CHECK(props.blob_versioning);
  CHECK(props.sas_expiration_period == "1.00:00:00");
}

TEST_CASE("replication names and geo-redundancy") {
  CHECK(to_string(Replication::gzrs) == "GZRS");
  CHECK(to_string(Replication::ragrs) == "RAGRS");
  CHECK(is_geo_redundant(Replication::gzrs));
  CHECK_FALSE(is_geo_redundant(Replication::zrs));
  CHECK_FALSE(is_geo_redundant(Replication::lrs));
}

TEST_CASE("a storage account gets the compact convention name") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<StorageAccount>("st"); },
                               {Environment::staging("westeurope")}, "shop-api");
  REQUIRE_FALSE(has_errors(app.synthesize()));
  CHECK(app.stacks().front()->resources().back()->name() == "stshopapistaging");
}

TEST_CASE("soft delete days must be 1 to 365") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<StorageAccount>("st", {.blob_soft_delete_days = 0, .container_soft_delete_days = 400});
  });
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-ST-001").message == "`blob_soft_delete_days` is 0");
  CHECK(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                      [](const Diagnostic& d) { return d.rule_id == "IAC-ST-001"; }) == 2);
}

TEST_CASE("waiving entra-only auth needs a reason") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<StorageAccount>("st", {.entra_only_auth = Control::waived("")});
  });
  CHECK(testing::synthesize(app).diagnostic("IAC-SEC-001").message ==
        "`entra_only_auth` is waived without a reason");
}

}  // namespace
}  // namespace iac::azure
