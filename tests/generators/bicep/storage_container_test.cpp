#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/storage_account.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::gen::bicep {
namespace {

using namespace iac::azure;

TEST_CASE("a blob container is a private child of the blob service") {
  auto app = testing::make_app(
      [](Stack& s, const Environment&) { s.add<StorageAccount>("st").container("uploads"); });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  CHECK(
      result.file("app/dev/bicep/resources.bicep")
          .find(
              R"(resource stUploads 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: stBlobService
  name: 'uploads'
  properties: {
    publicAccess: 'None'
  }
}
)") != std::string::npos);
}

}  // namespace
}  // namespace iac::gen::bicep
