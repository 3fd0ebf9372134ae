#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/cognitive.h"
#include "dsl/core/stack.h"
#include "testing/assertions.h"
#include "tests/support/fixtures.h"

namespace iac::gen::bicep {
namespace {

using namespace iac::azure;
using iac::testing::RenderedResources;

TEST_CASE("an openai account writes keys off, subdomain, network rules and egress in Bicep") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& account = s.add<CognitiveAccount>("oai", {});
    account.deployment("chat", {.model_name = "gpt-4o", .model_version = "2024-11-20"});
    account.deployment("embeddings",
                       {.model_name = "text-embedding-3-small", .model_version = "1"});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& bicep = result.file("app/dev/bicep/resources.bicep");
  auto rendered = RenderedResources::from_bicep(bicep);
  CHECK(rendered.has_resource("Microsoft.CognitiveServices/accounts",
                              {{"name", "oai-app-dev"},
                               {"kind", "OpenAI"},
                               {"sku.name", "S0"},
                               {"identity.type", "SystemAssigned"},
                               {"properties.customSubDomainName", "oai-app-dev"},
                               {"properties.disableLocalAuth", "true"},
                               {"properties.publicNetworkAccess", "Disabled"},
                               {"properties.networkAcls.defaultAction", "Deny"},
                               {"properties.networkAcls.bypass", "None"},
                               {"properties.restrictOutboundNetworkAccess", "true"}}));
  CHECK(bicep.find("'Microsoft.CognitiveServices/accounts@2025-06-01'") != std::string::npos);
  CHECK(rendered.has_resource("Microsoft.CognitiveServices/accounts/deployments",
                              {{"parent", "oai"},
                               {"name", "chat"},
                               {"sku.name", "Standard"},
                               {"sku.capacity", "10"},
                               {"properties.model.format", "OpenAI"},
                               {"properties.model.name", "gpt-4o"},
                               {"properties.model.version", "2024-11-20"},
                               {"properties.versionUpgradeOption", "OnceCurrentVersionExpired"}}));
  // Deployments are created one at a time.
  CHECK(bicep.find("  dependsOn: [\n    oaiChat\n  ]\n") != std::string::npos);
}

TEST_CASE("an allow list and waived controls are written in Bicep") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& account = s.add<CognitiveAccount>(
        "oai", {.entra_only_auth = Control::waived("vendor SDK without Entra"),
                .public_network = PublicNetwork::allow_from({"203.0.113.0/24"}, "office"),
                .restrict_outbound = Control::waived("calls customer storage")});
    testing::suppress_rules(account, "AZ-COG-");
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& bicep = result.file("app/dev/bicep/resources.bicep");
  auto rendered = RenderedResources::from_bicep(bicep);
  CHECK(rendered.has_resource("Microsoft.CognitiveServices/accounts",
                              {{"properties.disableLocalAuth", "false"},
                               {"properties.publicNetworkAccess", "Enabled"},
                               {"properties.networkAcls.defaultAction", "Deny"},
                               {"properties.restrictOutboundNetworkAccess", "false"}}));
  CHECK(bicep.find("        value: '203.0.113.0/24'\n") != std::string::npos);
  CHECK(bicep.find("allowedFqdnList") == std::string::npos);
}

}  // namespace
}  // namespace iac::gen::bicep
