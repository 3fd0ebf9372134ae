/// The Terraform state backend: the template's names, the platform app that declares it, and
/// every bundled application pointing at it.

#include <doctest/doctest.h>

#include <string>

#include <iacgen/azure.h>
#include <iacgen/testing.h>

#include "generators/terraform/terraform_generator.h"
#include "stacks/bundled.h"
#include "stacks/platform/platform.h"
#include "stacks/threatstream/threatstream.h"
#include "tests/support/fixtures.h"

namespace iac::templates {
namespace {

using namespace iac::azure;
using iac::testing::Synthesized;

TEST_CASE("the state backend's names come from the naming convention") {
  const StateBackend prod = terraform_state_backend_location("platform", "prod");
  CHECK(prod.resource_group == "rg-platform-prod");
  CHECK(prod.storage_account == "stplatformprodtfstate");
  CHECK(prod.container == "tfstate");
  CHECK(terraform_state_backend_location("platform", "staging").storage_account ==
        "stplatformstagingtfstate");
  // Another convention, other names.
  const StateBackend custom = terraform_state_backend_location(
      "platform", "dev",
      [](const NameParts& parts, const NamingRule&) { return std::string(parts.id) + "x"; });
  CHECK(custom.storage_account == "tfstatex");
  CHECK(custom.resource_group == "rgx");
}

TEST_CASE("the synthesized platform stacks declare exactly the names the apps point at") {
  auto app = stacks::platform();
  REQUIRE_FALSE(has_errors(app.synthesize()));
  const auto backends = stacks::platform_state_backends();
  REQUIRE(backends.size() == app.stacks().size());
  for (const auto& stack : app.stacks()) {
    CAPTURE(stack->env().name);
    const StateBackend& expected = backends.at(stack->env().name);
    CHECK(stack->resource_group().name() == expected.resource_group);
    const StorageAccount* account = nullptr;
    const StorageContainer* container = nullptr;
    for (const Resource* resource : stack->resources()) {
      if (const auto* a = dynamic_cast<const StorageAccount*>(resource)) account = a;
      if (const auto* c = dynamic_cast<const StorageContainer*>(resource)) container = c;
    }
    REQUIRE(account != nullptr);
    REQUIRE(container != nullptr);
    CHECK(account->name() == expected.storage_account);
    CHECK(container->name() == expected.container);
    CHECK(&container->account() == account);
    // The platform's own state is there too, after the bootstrap.
    REQUIRE(stack->state_backend());
    CHECK(stack->state_backend()->storage_account == expected.storage_account);
  }
}

TEST_CASE("every bundled application keeps its state in the platform's account") {
  const auto backends = stacks::platform_state_backends();
  for (App& app : stacks::bundled_apps()) {
    CAPTURE(app.name());
    REQUIRE(app.delivery().state_backends.size() == backends.size());
    REQUIRE_FALSE(has_errors(app.synthesize()));
    for (const auto& stack : app.stacks()) {
      auto config = gen::terraform::state_backend_config(*stack);
      REQUIRE(config);
      const StateBackend& expected = backends.at(stack->env().name);
      CHECK(config->resource_group_name == expected.resource_group);
      CHECK(config->storage_account_name == expected.storage_account);
      CHECK(config->container_name == expected.container);
      CHECK(config->key == app.name() + "/" + stack->env().name + ".tfstate");
    }
  }
}

TEST_CASE("platform: the state account is private, versioned, soft-deleting and CMK-encrypted") {
  auto app = stacks::platform();
  for (std::string env : {"dev", "staging", "prod"}) {
    CAPTURE(env);
    auto synthesized = Synthesized::of(app, env);
    CHECK_FALSE(has_errors(synthesized.diagnostics()));
    CHECK(synthesized.findings(Severity::error).empty());
    const auto& tf = synthesized.terraform();
    CHECK(tf.has_resource("azurerm_storage_account",
                          {{"min_tls_version", "TLS1_2"},
                           {"public_network_access_enabled", "false"},
                           {"shared_access_key_enabled", "false"},
                           {"blob_properties.versioning_enabled", "true"},
                           {"blob_properties.delete_retention_policy.days", "30"},
                           {"blob_properties.container_delete_retention_policy.days", "30"},
                           {"customer_managed_key.key_vault_key_id",
                            "azurerm_key_vault_key.kv_tfstate_cmk.versionless_id"},
                           {"customer_managed_key.user_assigned_identity_id",
                            "azurerm_user_assigned_identity.cmk.id"}}));
    CHECK(tf.has_resource("azurerm_storage_container",
                          {{"name", "tfstate"}, {"container_access_type", "private"}}));
    CHECK(tf.has_resource("azurerm_key_vault_key", {{"key_type", "RSA-HSM"}}));
    CHECK(tf.has_resource("azurerm_key_vault", {{"sku_name", "premium"}}));
    CHECK(tf.has_resource("azurerm_private_endpoint"));
    CHECK(tf.has_resource("azurerm_role_assignment",
                          {{"scope", "azurerm_storage_account.tfstate.id"},
                           {"principal_id", "var.deployer_principal_id"}}));
  }
}

TEST_CASE("pipelines: a plain terraform init where versions.tf names the state account") {
  auto platform = stacks::platform();
  auto result = testing::synthesize(platform);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  for (std::string file : {"platform/pipelines/azure-pipelines.yml",
                           "platform/pipelines/github/workflows/deploy.yml"}) {
    CAPTURE(file);
    const std::string& yaml = result.file(file);
    CHECK(yaml.find("TF_STATE_") == std::string::npos);
    CHECK(yaml.find("-backend-config") == std::string::npos);
    CHECK(yaml.find("terraform init -input=false\n") != std::string::npos);
    // The platform holds its own state: the pipelines tell how to bootstrap it.
    CHECK(yaml.find("# Bootstrap (dev, staging, prod)") != std::string::npos);
    CHECK(yaml.find("terraform init -migrate-state") != std::string::npos);
  }
  auto other = stacks::threatstream();
  auto other_result = testing::synthesize(other);
  REQUIRE_FALSE(has_errors(other_result.diagnostics));
  const std::string& workflow =
      other_result.file("threatstream/pipelines/github/workflows/deploy.yml");
  CHECK(workflow.find("TF_STATE_") == std::string::npos);
  CHECK(workflow.find("Bootstrap") == std::string::npos);
}

TEST_CASE("pipelines: apps without a state backend still complete it from TF_STATE variables") {
  auto app = testing::make_app([](Stack& s, const Environment&) { s.add<KeyVault>("kv"); });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& workflow = result.file("app/pipelines/github/workflows/deploy.yml");
  CHECK(workflow.find("-backend-config=\"storage_account_name=${TF_STATE_STORAGE_ACCOUNT}\"") !=
        std::string::npos);
  CHECK(workflow.find("TF_STATE_CONTAINER: ${{ vars.TF_STATE_CONTAINER }}") != std::string::npos);
  const std::string& ado = result.file("app/pipelines/azure-pipelines.yml");
  CHECK(ado.find("-backend-config=\"container_name=$(TF_STATE_CONTAINER)\"") != std::string::npos);
}

}  // namespace
}  // namespace iac::templates
