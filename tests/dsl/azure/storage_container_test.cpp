#include <doctest/doctest.h>

#include "dsl/azure/storage_account.h"
#include "dsl/azure/storage_container.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::azure {
namespace {

TEST_CASE("a blob container is private by default") {
  StorageContainerProps props;
  CHECK(props.private_access.is_enforced());
  CHECK(props.metadata.empty());
}

TEST_CASE("a blob container is a child of its account, named after its id") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<StorageAccount>("st").container("uploads");
    s.add<StorageAccount>("st2").container("uploads");  // same name, other account: fine
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  const auto* container = app.stacks().front()->resources()[2];
  CHECK(container->path() == "app/dev/st/uploads");
  CHECK(container->name() == "uploads");
  REQUIRE(container->references().size() == 1);
  CHECK(container->references().front().target == app.stacks().front()->resources()[1]);
}

TEST_CASE("blob container names follow Azure's rules") {
  for (const char* bad : {"ab", "Uploads", "up--loads", "-uploads", "uploads-", "up_loads"}) {
    auto app = testing::make_app([bad](Stack& s, const Environment&) {
      s.add<StorageAccount>("st").container("c", {.name = bad});
    });
    auto result = testing::synthesize(app);
    CAPTURE(bad);
    CHECK(result.diagnostic("IAC-NAME-001").path == "app/dev/st/c");
  }
  auto ok = testing::make_app([](Stack& s, const Environment&) {
    s.add<StorageAccount>("st").container("c", {.name = "my-uploads-2"});
  });
  CHECK_FALSE(has_errors(ok.synthesize()));
}

TEST_CASE("public containers need the account's private_blobs waived too") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<StorageAccount>("st").container("public",
                                          {.private_access = Control::waived("static assets")});
  });
  auto result = testing::synthesize(app);
  CHECK(result.diagnostic("IAC-ST-002").fix ==
        "also waive the account's `.private_blobs`, or keep the container private");
  auto ok = testing::make_app([](Stack& s, const Environment&) {
    s.add<StorageAccount>("st", {.private_blobs = Control::waived("static site")})
        .container("public", {.private_access = Control::waived("static assets")});
  });
  CHECK_FALSE(has_errors(ok.synthesize()));
}

TEST_CASE("metadata keys must be identifiers") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<StorageAccount>("st").container("c1", {.metadata = {{"bad-key", "v"}}});
  });
  CHECK(testing::synthesize(app).diagnostic("IAC-ST-003").message ==
        "`metadata` key 'bad-key' is not a valid name");
}

}  // namespace
}  // namespace iac::azure
