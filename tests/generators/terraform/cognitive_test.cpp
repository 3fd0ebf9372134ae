#include <doctest/doctest.h>

#include <string>

#include "dsl/azure/cognitive.h"
#include "dsl/azure/user_assigned_identity.h"
#include "dsl/core/stack.h"
#include "testing/assertions.h"
#include "tests/support/fixtures.h"

namespace iac::gen::terraform {
namespace {

using namespace iac::azure;
using iac::testing::RenderedResources;

TEST_CASE("an openai account writes keys off, subdomain, network rules and egress explicitly") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& identity = s.add<UserAssignedIdentity>("id", {});
    auto& account = s.add<CognitiveAccount>("oai", {});
    account.deployment("chat", {.model_name = "gpt-4o", .model_version = "2024-11-20"});
    account.deployment("embeddings", {.model_name = "text-embedding-3-small",
                                      .model_version = "1",
                                      .sku = DeploymentSku::standard,
                                      .capacity = 30,
                                      .version_upgrade = VersionUpgrade::none});
    account.grant_openai_user(identity.principal());
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  auto rendered = RenderedResources::from_terraform(tf);
  CHECK(rendered.has_resource("azurerm_cognitive_account",
                              {{"name", "oai-app-dev"},
                               {"kind", "OpenAI"},
                               {"sku_name", "S0"},
                               {"custom_subdomain_name", "oai-app-dev"},
                               {"local_auth_enabled", "false"},
                               {"public_network_access_enabled", "false"},
                               {"outbound_network_access_restricted", "true"},
                               {"fqdns", "[]"},
                               {"identity.type", "SystemAssigned"},
                               {"network_acls.default_action", "Deny"},
                               {"network_acls.bypass", "None"}}));
  CHECK(rendered.has_resource("azurerm_cognitive_deployment",
                              {{"name", "chat"},
                               {"cognitive_account_id", "azurerm_cognitive_account.oai.id"},
                               {"version_upgrade_option", "OnceCurrentVersionExpired"},
                               {"model.format", "OpenAI"},
                               {"model.name", "gpt-4o"},
                               {"model.version", "2024-11-20"},
                               {"sku.name", "Standard"},
                               {"sku.capacity", "10"}}));
  CHECK(rendered.has_resource("azurerm_cognitive_deployment",
                              {{"name", "embeddings"},
                               {"version_upgrade_option", "NoAutoUpgrade"},
                               {"sku.capacity", "30"},
                               {"depends_on", "[azurerm_cognitive_deployment.oai_chat]"}}));
  CHECK(rendered.has_resource(
      "azurerm_role_assignment",
      {{"scope", "azurerm_cognitive_account.oai.id"},
       {"role_definition_id",
        "/subscriptions/${data.azurerm_client_config.current.subscription_id}/providers/"
        "Microsoft.Authorization/roleDefinitions/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"},
       {"principal_id", "azurerm_user_assigned_identity.id.principal_id"}}));
}

TEST_CASE("allowed hosts and an allow list are written, waived controls as false") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& open = s.add<CognitiveAccount>(
        "vision", {.kind = CognitiveKind::computer_vision,
                   .entra_only_auth = Control::waived("vendor SDK without Entra"),
                   .public_network = PublicNetwork::allow_from({"203.0.113.0/24"}, "office"),
                   .restrict_outbound = Control::waived("calls customer storage")});
    testing::suppress_rules(open, "AZ-COG-");
    s.add<CognitiveAccount>("oai", {.allowed_fqdns = {"srch-app.search.windows.net"},
                                    .allow_trusted_azure_services = true});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& tf = result.file("app/dev/terraform/main.tf");
  auto rendered = RenderedResources::from_terraform(tf);
  CHECK(rendered.has_resource("azurerm_cognitive_account",
                              {{"kind", "ComputerVision"},
                               {"local_auth_enabled", "true"},
                               {"public_network_access_enabled", "true"},
                               {"outbound_network_access_restricted", "false"},
                               {"network_acls.default_action", "Deny"},
                               {"network_acls.ip_rules", "[\"203.0.113.0/24\"]"}}));
  CHECK(rendered.has_resource("azurerm_cognitive_account",
                              {{"kind", "OpenAI"},
                               {"fqdns", "[\"srch-app.search.windows.net\"]"},
                               {"network_acls.bypass", "AzureServices"}}));
  // No fqdns list where egress is not restricted.
  auto vision = tf.find("\"azurerm_cognitive_account\" \"vision\"");
  auto oai = tf.find("\"azurerm_cognitive_account\" \"oai\"");
  REQUIRE(vision != std::string::npos);
  REQUIRE(oai != std::string::npos);
  CHECK(tf.substr(vision, oai - vision).find("fqdns") == std::string::npos);
}

}  // namespace
}  // namespace iac::gen::terraform
