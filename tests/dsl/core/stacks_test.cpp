/// Several stacks per environment: define_stacks(), cross-stack references in every format,
/// the pipelines' order, and the rules that keep them deployable.

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "dsl/azure/resources.h"
#include "dsl/core/app.h"
#include "dsl/core/stack.h"
#include "generators/graph/graph.h"
#include "generators/review/review.h"
#include "tests/support/fixtures.h"
#include "tests/support/multistack_app.h"

namespace iac {
namespace {

using namespace iac::azure;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// Position of `part` in `text`; fails the test when it is missing.
std::size_t position(const std::string& text, const std::string& part) {
  const auto at = text.find(part);
  INFO("looking for: " << part);
  REQUIRE(at != std::string::npos);
  return at;
}

App two_stacks(StacksFunction declare,
               std::vector<Environment> environments = {Environment::dev("eastus")}) {
  App app("app");
  app.environments(std::move(environments));
  app.define_stacks(std::move(declare));
  return app;
}

TEST_CASE("define_stacks gives each stack its path, folder, state key and resource group") {
  App app = testing::multistack_app();
  const auto result = testing::synthesize(app);
  for (const auto& d : result.diagnostics) INFO(d.rule_id << " " << d.path << " " << d.message);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  REQUIRE(app.stacks().size() == 6);
  const Stack* network = app.stack("dev", "network");
  REQUIRE(network != nullptr);
  CHECK(network->path() == "netsplit/dev/network");
  CHECK(network->output_dir() == "netsplit/dev/network");
  CHECK(network->state_key() == "netsplit/dev/network.tfstate");
  CHECK(network->resource_group().name() == "rg-netsplit-dev-network");
  CHECK(app.stack("dev", "app")->resource_group().name() == "rg-netsplit-dev-app");
  CHECK(network->resource_group().tags().at("stack") == "network");
  // Declared app first; deployed network first, because app reads from it.
  const auto order = app.deployment_order("prod");
  REQUIRE(order.size() == 2);
  CHECK(order[0]->stack_name() == "network");
  CHECK(order[1]->stack_name() == "app");
  for (const char* file : {"terraform/main.tf", "terraform/versions.tf", "bicep/main.bicep",
                           "bicep/resources.bicep", "README.md"}) {
    CHECK(result.files.count(std::string("netsplit/staging/network/") + file) == 1);
    CHECK(result.files.count(std::string("netsplit/staging/app/") + file) == 1);
  }
  CHECK(result.files.count("netsplit/staging/terraform/main.tf") == 0);
  CHECK(contains(result.file("netsplit/prod/app/terraform/versions.tf"),
                 "key              = \"netsplit/prod/app.tfstate\""));
}

TEST_CASE("an app declared with define keeps one unnamed stack per environment") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<KeyVault>("kv"); });
  const auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const Stack& stack = *app.stack("dev");
  CHECK_FALSE(stack.named());
  CHECK(stack.path() == "app/dev");
  CHECK(stack.state_key() == "app/dev.tfstate");
  CHECK(stack.resource_group().name() == "rg-app-dev");
  CHECK(result.files.count("app/dev/terraform/main.tf") == 1);
}

TEST_CASE("Terraform: the producer exports an output and the consumer reads its remote state") {
  App app = testing::multistack_app();
  const auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& outputs = result.file("netsplit/dev/network/terraform/outputs.tf");
  CHECK(contains(outputs, "output \"vnet_endpoints_id\" {"));
  CHECK(contains(outputs, "value       = azurerm_subnet.vnet_endpoints.id"));
  CHECK(contains(outputs, "output \"logs_id\" {"));
  CHECK(contains(outputs, "output \"vnet_id\" {"));
  CHECK_FALSE(contains(outputs, "sensitive"));
  const std::string& main = result.file("netsplit/dev/app/terraform/main.tf");
  CHECK(contains(main,
                 "data \"terraform_remote_state\" \"network\" {\n"
                 "  backend = \"azurerm\"\n"
                 "  config = {\n"
                 "    resource_group_name  = var.tf_state_resource_group\n"
                 "    storage_account_name = var.tf_state_storage_account\n"
                 "    container_name       = var.tf_state_container\n"
                 "    key                  = \"netsplit/dev/network.tfstate\"\n"
                 "    use_azuread_auth     = true\n"
                 "  }\n"
                 "}\n"));
  CHECK(contains(main,
                 "subnet_id           = "
                 "data.terraform_remote_state.network.outputs.vnet_endpoints_id"));
  CHECK(contains(main, "data.terraform_remote_state.network.outputs.logs_id"));
  CHECK_FALSE(contains(main, "azurerm_subnet.vnet_endpoints"));
  const std::string& variables = result.file("netsplit/dev/app/terraform/variables.tf");
  CHECK(contains(variables, "variable \"tf_state_container\" {"));
  CHECK_FALSE(
      contains(result.file("netsplit/dev/network/terraform/variables.tf"), "tf_state_container"));
  CHECK_FALSE(
      contains(result.file("netsplit/dev/network/terraform/main.tf"), "terraform_remote_state"));
  CHECK(contains(result.file("netsplit/dev/app/terraform/outputs.tf"),
                 "value       = data.terraform_remote_state.network.outputs.vnet_name"));
}

TEST_CASE("Bicep: the consumer declares the producer's resources as existing in its group") {
  App app = testing::multistack_app();
  const auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& resources = result.file("netsplit/dev/app/bicep/resources.bicep");
  CHECK(
      contains(resources,
               "resource networkVnet 'Microsoft.Network/virtualNetworks@2024-07-01' existing = {\n"
               "  name: 'vnet-netsplit-dev'\n"
               "  scope: resourceGroup('rg-netsplit-dev-network')\n"
               "}\n"));
  CHECK(contains(resources,
                 "resource networkVnetEndpoints "
                 "'Microsoft.Network/virtualNetworks/subnets@2024-07-01' existing = {\n"
                 "  parent: networkVnet\n"));
  CHECK(contains(resources, "networkVnetEndpoints.id"));
  CHECK(contains(resources, "networkLogs.id"));
  CHECK(contains(resources, "resource networkLogs 'Microsoft.OperationalInsights/workspaces@"));
  const std::string& main = result.file("netsplit/dev/app/bicep/main.bicep");
  CHECK(contains(main, "name: 'netsplit-dev-app'"));
  CHECK_FALSE(contains(result.file("netsplit/dev/network/bicep/resources.bicep"), "existing"));
}

TEST_CASE("pipelines deploy the network stack before the app stack in every environment") {
  App app = testing::multistack_app();
  const auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& github = result.file("netsplit/pipelines/github/workflows/deploy.yml");
  CHECK(contains(github, "  plan_dev_network:\n    name: Plan dev/network\n    needs: validate\n"));
  CHECK(
      contains(github, "  plan_dev_app:\n    name: Plan dev/app\n    needs: apply_dev_network\n"));
  CHECK(contains(github,
                 "  plan_staging_network:\n    name: Plan staging/network\n    needs:\n"
                 "      - apply_dev_network\n      - apply_dev_app\n"));
  for (const char* env : {"dev", "staging", "prod"}) {
    const std::string e(env);
    CHECK(position(github, "  apply_" + e + "_network:") <
          position(github, "  plan_" + e + "_app:"));
    CHECK(contains(github, "  plan_" + e + "_app:\n    name: Plan " + e +
                               "/app\n    needs: apply_" + e + "_network\n"));
  }
  CHECK(contains(github, "name: tfplan-prod-app"));
  CHECK(contains(github, "group: netsplit-prod-network"));
  CHECK(contains(github, "TF_VAR_tf_state_container: ${{ vars.TF_STATE_CONTAINER }}"));
  CHECK(contains(github, "terraform validate (dev/network)"));
  CHECK(contains(github, "working-directory: out/netsplit/dev/app/terraform"));

  const std::string& azure = result.file("netsplit/pipelines/azure-pipelines.yml");
  for (const char* env : {"dev", "staging", "prod"}) {
    const std::string stage = std::string("  - stage: ") + env + "\n";
    const auto at = position(azure, stage);
    const auto network = azure.find("      - job: plan_network\n", at);
    const auto app_plan = azure.find("      - job: plan_app\n", at);
    REQUIRE(network != std::string::npos);
    REQUIRE(app_plan != std::string::npos);
    CHECK(network < app_plan);
    const std::string expected = "      - job: plan_app\n        displayName: Plan " +
                                 std::string(env) +
                                 "/app\n        dependsOn:\n          - apply_network\n";
    CHECK(azure.substr(app_plan, expected.size()) == expected);
  }
  CHECK(contains(azure, "      - deployment: apply_network\n"));
  CHECK(contains(azure, "dependencies.plan_app.outputs['plan.changes']"));
  CHECK(contains(azure, "TF_VAR_tf_state_resource_group: $(TF_STATE_RESOURCE_GROUP)"));
}

TEST_CASE("the graph and the README show what a stack reads from another") {
  App app = testing::multistack_app();
  const auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const auto graph = gen::graph::build(*app.stack("dev", "app"));
  const auto edge = std::find_if(graph.edges.begin(), graph.edges.end(), [](const auto& e) {
    return e.kind == gen::graph::EdgeKind::cross_stack && e.label == "vnet_endpoints_id";
  });
  REQUIRE(edge != graph.edges.end());
  const auto* node = graph.node(edge->to);
  REQUIRE(node != nullptr);
  CHECK(node->path == "network: vnet/endpoints");
  CHECK(contains(gen::graph::to_dot(graph), "style=dashed"));
  const std::string& readme = result.file("netsplit/dev/app/README.md");
  CHECK(contains(readme, "# netsplit / dev / app\n"));
  CHECK(contains(readme, "## Stacks of this environment"));
  CHECK(contains(readme, "1. [`network`](../network/README.md)"));
  CHECK(contains(readme, "2. **`app`** (this one)"));
  CHECK(contains(readme, "`vnet_endpoints_id`"));
  CHECK(contains(result.file("netsplit/dev/network/README.md"), "Exported to other stacks"));
}

TEST_CASE("the review compares each stack's files with the same stack's") {
  App app = testing::multistack_app();
  const auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  review::Input input;
  for (const auto& [path, content] : result.files) {
    if (path.rfind("netsplit/", 0) != 0) continue;
    input.generated[path] = content;
    input.committed[path] = content;
  }
  // The app stack's vault changes; the network stack's files do not.
  const std::string main = "netsplit/dev/app/terraform/main.tf";
  std::string changed = input.generated[main];
  const auto at = changed.find("purge_protection_enabled");
  REQUIRE(at != std::string::npos);
  input.committed[main] = changed.replace(changed.find("true", at), 4, "false");
  const review::Review review = review::build_review(input);
  std::vector<std::string> titles;
  for (const auto& scope : review.scopes) titles.push_back(scope.title());
  CHECK(std::find(titles.begin(), titles.end(), "netsplit/dev/network") != titles.end());
  CHECK(std::find(titles.begin(), titles.end(), "netsplit/dev/app") != titles.end());
  for (const auto& scope : review.scopes) {
    INFO(scope.title());
    if (scope.title() == "netsplit/dev/app") {
      REQUIRE(scope.resources.size() == 1);
      CHECK(scope.resources[0].action == review::Action::changed);
      CHECK(scope.resources[0].type == "azurerm_key_vault");
    } else {
      CHECK(scope.resources.empty());
      CHECK(scope.files.empty());
    }
  }
}

// --- rules ---------------------------------------------------------------------------------------

TEST_CASE("IAC-STACK-001: a reference cycle between stacks names the cycle") {
  App app = two_stacks([](EnvironmentStacks& stacks, const Environment&) {
    Stack& a = stacks.add("first");
    Stack& b = stacks.add("second");
    auto& logs_a = a.add<LogAnalyticsWorkspace>("logs");
    auto& logs_b = b.add<LogAnalyticsWorkspace>("logs");
    a.output("other", logs_b.id());
    b.output("other", logs_a.id());
  });
  const auto result = testing::synthesize(app);
  REQUIRE(result.has_rule("IAC-STACK-001"));
  CHECK(contains(result.diagnostic("IAC-STACK-001").message, "first -> second -> first"));
  CHECK(contains(result.diagnostic("IAC-STACK-001").fix, "one stack"));
}

TEST_CASE("IAC-STACK-002 and IAC-STACK-003: stack names are unique valid ids") {
  App app = two_stacks([](EnvironmentStacks& stacks, const Environment&) {
    stacks.add("network");
    stacks.add("network");
    stacks.add("bad name");
  });
  const auto result = testing::synthesize(app);
  REQUIRE(result.has_rule("IAC-STACK-002"));
  CHECK(contains(result.diagnostic("IAC-STACK-002").message, "'network' is declared twice"));
  REQUIRE(result.has_rule("IAC-STACK-003"));
  CHECK(contains(result.diagnostic("IAC-STACK-003").message, "'bad name'"));
  CHECK(contains(result.diagnostic("IAC-STACK-003").fix, "a letter"));
}

TEST_CASE("IAC-STACK-004: an environment without any stack") {
  App app = two_stacks([](EnvironmentStacks&, const Environment&) {});
  const auto result = testing::synthesize(app);
  REQUIRE(result.has_rule("IAC-STACK-004"));
  CHECK(contains(result.diagnostic("IAC-STACK-004").fix, "env_stacks.add"));
}

TEST_CASE("IAC-STACK-005: a secret does not flow through remote state") {
  App app = two_stacks([](EnvironmentStacks& stacks, const Environment&) {
    Stack& data = stacks.add("data");
    Stack& api = stacks.add("api");
    auto& insights = data.add<ApplicationInsights>("insights");
    api.output("connection", insights.connection_string());
  });
  const auto result = testing::synthesize(app);
  REQUIRE(result.has_rule("IAC-STACK-005"));
  CHECK(contains(result.diagnostic("IAC-STACK-005").fix, "Key Vault"));
}

TEST_CASE("IAC-STACK-006: a dependency on another stack's resource needs a reference") {
  auto declare = [](bool with_reference) {
    return [with_reference](EnvironmentStacks& stacks, const Environment&) {
      Stack& network = stacks.add("network");
      Stack& api = stacks.add("api");
      network.add<LogAnalyticsWorkspace>("logs");
      api.add<LogAnalyticsWorkspace>("logs");
      auto& vault = api.add<KeyVault>("kv");
      auto& other = network.add<KeyVault>("shared", {.name = "kv-shared-dev"});
      vault.depends_on(other);
      if (with_reference) api.output("shared_vault", other.id());
    };
  };
  App without = two_stacks(declare(false));
  const auto failing = testing::synthesize(without);
  REQUIRE(failing.has_rule("IAC-STACK-006"));
  CHECK(contains(failing.diagnostic("IAC-STACK-006").fix, "refer to a value"));
  App with = two_stacks(declare(true));
  const auto passing = testing::synthesize(with);
  CHECK_FALSE(passing.has_rule("IAC-STACK-006"));
  REQUIRE_FALSE(has_errors(passing.diagnostics));
  // The order holds the dependency: no depends_on on an address of another configuration.
  CHECK_FALSE(contains(passing.file("app/dev/api/terraform/main.tf"), "depends_on"));
  CHECK_FALSE(contains(passing.file("app/dev/api/bicep/resources.bicep"), "dependsOn"));
}

TEST_CASE("IAC-STACK-007: an output of the producer takes an exported value's name") {
  App app = two_stacks([](EnvironmentStacks& stacks, const Environment&) {
    Stack& network = stacks.add("network");
    Stack& api = stacks.add("api");
    auto& logs = network.add<LogAnalyticsWorkspace>("logs");
    network.output("logs_id", "fixed");
    api.send_diagnostics_to(logs);
    api.add<KeyVault>("kv");
  });
  const auto result = testing::synthesize(app);
  REQUIRE(result.has_rule("IAC-STACK-007"));
  CHECK(contains(result.diagnostic("IAC-STACK-007").message, "'logs_id'"));
}

TEST_CASE("IAC-STACK-009: a parent or scope in another stack cannot be deployed by Bicep") {
  App app = two_stacks([](EnvironmentStacks& stacks, const Environment&) {
    Stack& data = stacks.add("data");
    Stack& api = stacks.add("api");
    auto& vault = data.add<KeyVault>("kv");
    auto& identity = api.add<UserAssignedIdentity>("identity");
    api.add<RoleAssignment>("reader", {.scope = vault, .principal = identity.principal()});
  });
  const auto result = testing::synthesize(app);
  REQUIRE(result.has_rule("IAC-STACK-009"));
  CHECK(contains(result.diagnostic("IAC-STACK-009").message, "app/dev/data/kv"));
  CHECK(contains(result.diagnostic("IAC-STACK-009").fix, "declare this resource in stack 'data'"));
}

TEST_CASE("IAC-REF-002: a reference into another environment stays refused between stacks") {
  const LogAnalyticsWorkspace* dev_logs = nullptr;
  App app = two_stacks(
      [&dev_logs](EnvironmentStacks& stacks, const Environment& env) {
        Stack& network = stacks.add("network");
        Stack& api = stacks.add("api");
        auto& logs = network.add<LogAnalyticsWorkspace>("logs");
        if (env.name == "dev") dev_logs = &logs;
        api.output("logs", env.name == "dev" ? logs.id() : dev_logs->id());
      },
      {Environment::dev("eastus"), Environment::staging("eastus")});
  const auto result = testing::synthesize(app);
  REQUIRE(result.has_rule("IAC-REF-002"));
  CHECK(result.diagnostic("IAC-REF-002").path == "app/staging/api");
  CHECK_FALSE(result.has_rule("IAC-STACK-001"));
}

}  // namespace
}  // namespace iac
