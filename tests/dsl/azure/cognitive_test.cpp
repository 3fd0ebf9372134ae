#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "dsl/azure/cognitive.h"
#include "dsl/azure/role_assignment.h"
#include "dsl/azure/user_assigned_identity.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::azure {
namespace {

testing::Synthesis synth_account(CognitiveAccountProps props) {
  auto app = testing::make_app(
      [props](Stack& s, const Environment&) { s.add<CognitiveAccount>("oai", props); });
  return testing::synthesize(app);
}

testing::Synthesis synth_deployment(CognitiveDeploymentProps props,
                                    CognitiveKind kind = CognitiveKind::openai) {
  auto app = testing::make_app([props, kind](Stack& s, const Environment&) {
    s.add<CognitiveAccount>("oai", {.kind = kind}).deployment("chat", props);
  });
  return testing::synthesize(app);
}

TEST_CASE("a cognitive account is keyless, private and restricted outbound by default") {
  CognitiveAccountProps props;
  CHECK(props.kind == CognitiveKind::openai);
  CHECK(props.sku_name == "S0");
  CHECK(props.entra_only_auth.is_enforced());
  CHECK(props.restrict_outbound.is_enforced());
  CHECK(props.allowed_fqdns.empty());
  CHECK_FALSE(props.public_network.public_endpoint());
  CHECK_FALSE(props.allow_trusted_azure_services);
  CHECK_FALSE(has_errors(synth_account({}).diagnostics));

  auto app = testing::make_app([](Stack& s, const Environment&) {
    s.add<CognitiveAccount>("oai", {});
    s.add<CognitiveAccount>("vision", {.kind = CognitiveKind::computer_vision});
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  std::vector<const CognitiveAccount*> accounts;
  for (const Resource* r : app.stacks().front()->resources()) {
    if (const auto* a = dynamic_cast<const CognitiveAccount*>(r)) accounts.push_back(a);
  }
  REQUIRE(accounts.size() == 2);
  CHECK(accounts[0]->name() == "oai-app-dev");
  CHECK(accounts[0]->subdomain() == "oai-app-dev");
  CHECK(accounts[0]->private_link_services()[0].subresource == "account");
  CHECK(accounts[0]->private_link_services()[0].dns_zone == "privatelink.openai.azure.com");
  CHECK(accounts[1]->name() == "cog-app-dev-vision");
  CHECK(accounts[1]->private_link_services()[0].dns_zone ==
        "privatelink.cognitiveservices.azure.com");
}

TEST_CASE("cognitive account validation") {
  CHECK(synth_account({.custom_subdomain = "My_Sub"})
            .diagnostic("IAC-COG-001")
            .fix.find("globally unique") != std::string::npos);
  CHECK(synth_account({.custom_subdomain = "-sub"}).has_rule("IAC-COG-001"));
  CHECK_FALSE(synth_account({.custom_subdomain = "contoso-ai"}).has_rule("IAC-COG-001"));
  CHECK(synth_account({.sku_name = "F0"}).diagnostic("IAC-COG-002").message ==
        "`sku_name` is 'F0' on an OpenAI account");
  CHECK_FALSE(synth_account({.kind = CognitiveKind::text_analytics, .sku_name = "F0"})
                  .has_rule("IAC-COG-002"));
  CHECK(synth_account({.allowed_fqdns = {"https://search.example.com"}}).has_rule("IAC-COG-003"));
  CHECK(synth_account({.allowed_fqdns = {"*.blob.core.windows.net"}}).has_rule("IAC-COG-003"));
  CHECK_FALSE(
      synth_account({.allowed_fqdns = {"srch-app.search.windows.net"}}).has_rule("IAC-COG-003"));
  CHECK(synth_account({.restrict_outbound = Control::waived("on your data"),
                       .allowed_fqdns = {"srch-app.search.windows.net"}})
            .has_rule("IAC-COG-003"));
  CHECK(synth_account({.entra_only_auth = Control::waived("")}).has_rule("IAC-SEC-001"));
}

TEST_CASE("model deployment validation") {
  CHECK_FALSE(has_errors(
      synth_deployment({.model_name = "gpt-4o", .model_version = "2024-11-20"}).diagnostics));
  CHECK(synth_deployment({.model_version = "2024-11-20"}).diagnostic("IAC-COG-004").message ==
        "`model_name` is not set");
  CHECK(synth_deployment({.model_name = "gpt-4o"})
            .diagnostic("IAC-COG-004")
            .fix.find("reviewed change") != std::string::npos);
  CHECK(synth_deployment({.model_name = "gpt-4o", .model_version = "1", .capacity = 0})
            .has_rule("IAC-COG-005"));
  CHECK(synth_deployment({.model_name = "gpt-4o", .model_version = "1"},
                         CognitiveKind::speech_services)
            .has_rule("IAC-COG-006"));
  CHECK(to_string(DeploymentSku::global_standard) == "GlobalStandard");
  CHECK(regional(DeploymentSku::standard));
  CHECK_FALSE(regional(DeploymentSku::data_zone_standard));
  CHECK(to_string(VersionUpgrade::none) == "NoAutoUpgrade");
}

TEST_CASE("deployments are created one at a time, grants are role assignments on the account") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& identity = s.add<UserAssignedIdentity>("id", {});
    auto& account = s.add<CognitiveAccount>("oai", {});
    account.deployment("chat", {.model_name = "gpt-4o", .model_version = "2024-11-20"});
    account.deployment("embeddings",
                       {.model_name = "text-embedding-3-small", .model_version = "1"});
    account.grant_openai_user(identity.principal());
    account.grant_openai_user(identity.principal());  // once only
    account.grant_user(identity.principal());
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  std::vector<const CognitiveDeployment*> deployments;
  std::vector<const RoleAssignment*> grants;
  for (const Resource* r : app.stacks().front()->resources()) {
    if (const auto* d = dynamic_cast<const CognitiveDeployment*>(r)) deployments.push_back(d);
    if (const auto* g = dynamic_cast<const RoleAssignment*>(r)) grants.push_back(g);
  }
  REQUIRE(deployments.size() == 2);
  CHECK(deployments[0]->explicit_dependencies().empty());
  REQUIRE(deployments[1]->explicit_dependencies().size() == 1);
  CHECK(deployments[1]->explicit_dependencies()[0] == deployments[0]);
  REQUIRE(grants.size() == 2);
  CHECK(definition(grants[0]->props().role).name == "Cognitive Services OpenAI User");
  CHECK(definition(grants[0]->props().role).guid == "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd");
  CHECK(definition(grants[1]->props().role).name == "Cognitive Services User");
  CHECK(definition(grants[1]->props().role).guid == "a97b65f3-24c7-4388-baec-2e87135dc908");
}

}  // namespace
}  // namespace iac::azure
