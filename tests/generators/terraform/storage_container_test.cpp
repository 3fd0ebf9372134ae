#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/storage_account.h"
#include "dsl/core/stack.h"
#include "dsl/policy/suppression.h"
#include "tests/support/fixtures.h"

namespace iac::gen::terraform {
namespace {

using namespace iac::azure;

TEST_CASE("a blob container uses storage_account_id and is private") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<StorageAccount>("st").container("uploads", {.metadata = {{"owner", "team"}}});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  CHECK(result.file("app/dev/terraform/main.tf")
            .find(
                R"(resource "azurerm_storage_container" "st_uploads" {
  name                  = "uploads"
  storage_account_id    = azurerm_storage_account.st.id
  container_access_type = "private"
  metadata = {
    owner = "team"
  }
}
)") != std::string::npos);
}

TEST_CASE("a waived container is blob-readable") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& account = s.add<StorageAccount>("st", {.private_blobs = Control::waived("static site")});
    // The policy pack reports anonymous access as an error: accept it here, on purpose.
    policy::suppress(account, "AZ-ST-002", "static site assets",
                     {.owner = "web", .expires = "2099-12-31"});
    account.container("web", {.private_access = Control::waived("public assets")});
    testing::suppress_rules(s, "AZ-ST-");
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  CHECK(result.file("app/dev/terraform/main.tf").find("container_access_type = \"blob\"") !=
        std::string::npos);
}

}  // namespace
}  // namespace iac::gen::terraform
