#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "generators/bicep/bicep_writer.h"
#include "tests/support/fixtures.h"

namespace iac {
namespace {

using namespace iac::azure;
namespace bicep = iac::gen::bicep;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("Bicep writer: calls take expression arguments, object keys can be interpolations") {
  bicep::BicepWriter w;
  bicep::Property key{.key = {}, .value = bicep::Object{}};
  key.key_expression = bicep::Interpolation{{bicep::Reference{"uai", {"id"}}}};
  w.resource("ra", "T@1",
             bicep::Object{{
                 {"name", bicep::Call{.function = "guid",
                                      .arguments = {bicep::Reference{"kv", {"id"}},
                                                    bicep::Call{"resourceGroup", {"id"}},
                                                    std::string("x'y")}}},
                 {"role", bicep::Call{.function = "subscriptionResourceId",
                                      .string_arguments = {"a", "b"}}},
                 {"ids", bicep::Object{{std::move(key)}}},
             }});
  CHECK(w.str() ==
        "resource ra 'T@1' = {\n"
        "  name: guid(kv.id, resourceGroup().id, 'x\\'y')\n"
        "  role: subscriptionResourceId('a', 'b')\n"
        "  ids: {\n"
        "    '${uai.id}': {}\n"
        "  }\n"
        "}\n");
}

App compute_app() {
  return testing::make_app([](Stack& s, const Environment&) {
    auto& logs = s.add<LogAnalyticsWorkspace>("logs");
    auto& ai = s.add<ApplicationInsights>("ai", {.workspace = logs});
    auto& st = s.add<StorageAccount>(
        "st", {.entra_only_auth = Control::waived("Functions content share on Y1")});
    auto& kv = s.add<KeyVault>("kv");
    kv.secret("token", {.value = s.parameter("token", {.secure = true}),
                        .content_type = "text/plain",
                        .expiration_date = "2026-12-31T00:00:00Z"});
    auto& uai = s.add<UserAssignedIdentity>("worker");
    auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::Y1});
    auto& func = s.add<LinuxFunctionApp>(
        "func", {.plan = plan,
                 .storage = st,
                 .insights = ai,
                 .settings = {.identity = AppIdentity::user_assigned(uai)}});
    func.setting("TOKEN", kv.secret_reference("token"));
  });
}

TEST_CASE("Bicep: a function app writes its security properties inline") {
  auto app = compute_app();
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& bicep = result.file("app/dev/bicep/resources.bicep");
  CHECK(contains(bicep,
                 "  kind: 'functionapp,linux'\n"
                 "  identity: {\n"
                 "    type: 'UserAssigned'\n"
                 "    userAssignedIdentities: {\n"
                 "      '${worker.id}': {}\n"
                 "    }\n"
                 "  }\n"));
  CHECK(contains(bicep,
                 "    reserved: true\n"
                 "    httpsOnly: true\n"
                 "    clientAffinityEnabled: false\n"
                 "    publicNetworkAccess: 'Disabled'\n"
                 "    keyVaultReferenceIdentity: worker.id\n"));
  CHECK(contains(bicep,
                 "      minTlsVersion: '1.2'\n"
                 "      scmMinTlsVersion: '1.2'\n"
                 "      ftpsState: 'Disabled'\n"
                 "      http20Enabled: true\n"
                 "      remoteDebuggingEnabled: false\n"));
  CHECK(contains(bicep,
                 "'@Microsoft.KeyVault(SecretUri=${kv.properties.vaultUri}secrets/"
                 "${kvToken.name}/)'"));
  CHECK(contains(bicep, "'Authorization=AAD;ClientId=${worker.properties.clientId}'"));
  CHECK(contains(bicep, "AccountKey=${listKeys(st.id, '2025-01-01').keys[0].value}'"));
  CHECK(contains(bicep,
                 "resource funcFtpCredentials "
                 "'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {\n"
                 "  parent: func\n"
                 "  name: 'ftp'\n"
                 "  properties: {\n"
                 "    allow: false\n"));
  CHECK_FALSE(contains(bicep, "Microsoft.Web/sites/config"));
}

TEST_CASE("Bicep: role assignments are named by guid() of values known at deployment start") {
  auto app = compute_app();
  const std::string bicep = testing::synthesize(app).file("app/dev/bicep/resources.bicep");
  CHECK(contains(bicep,
                 "resource kvSecretsUserWorker 'Microsoft.Authorization/roleAssignments@2022-04-01'"
                 " = {\n"
                 "  name: guid(kv.id, worker.id, '4633458b-17de-408a-b874-0445c86b69e6')\n"
                 "  scope: kv\n"
                 "  properties: {\n"
                 "    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/"
                 "roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')\n"
                 "    principalId: worker.properties.principalId\n"
                 "    principalType: 'ServicePrincipal'\n"));
  CHECK(contains(bicep, "      exp: dateTimeToEpoch('2026-12-31T00:00:00Z')\n"));
  CHECK(contains(bicep, "  sku: {\n    name: 'Y1'\n    tier: 'Dynamic'\n  }\n"));
}

App streamlit_app(std::optional<std::string> command) {
  return testing::make_app([command](Stack& s, const Environment&) {
    auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::B1, .worker_count = 1});
    s.add<LinuxWebApp>("web", {.plan = plan, .settings = {.startup_command = command}});
  });
}

TEST_CASE("Bicep: a startup command is the site's appCommandLine") {
  auto app = streamlit_app("python -m streamlit run app.py --server.port 8000");
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& bicep = result.file("app/dev/bicep/resources.bicep");
  CHECK(contains(bicep,
                 "      appCommandLine: 'python -m streamlit run app.py --server.port 8000'\n"));
}

}  // namespace
}  // namespace iac
