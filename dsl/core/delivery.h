#pragma once
/// Delivery: how an application's generated pipelines deploy, test and reach its environments.
/// Read by the pipelines generator only; it changes nothing in the infrastructure.

#include <map>
#include <optional>
#include <string>

namespace iac {

/// Which synthesized flavour the pipelines deploy. The other one is still built and linted
/// on every change, so either can take over.
enum class IacFlavour { terraform, bicep };

/// The application's own tests, run by the Validate job before any environment is touched.
struct AppTests {
  /// Where the tests run, relative to the repository root. @default "."
  std::string directory = ".";
  /// Python version to set up, e.g. "3.11"; none for other stacks. @default none
  std::optional<std::string> python;
  /// Installs what the tests need, e.g. "python -m pip install -r requirements-dev.txt".
  std::string install;
  /// Runs the tests; a non-zero exit fails the pipeline. Required.
  std::string command;
  /// A JUnit XML file the command writes, published as test results. @default none
  std::optional<std::string> junit_report;
  /// A Cobertura XML file the command writes, published as code coverage. @default none
  std::optional<std::string> coverage_report;
};

/// Where an environment's Terraform state lives: a blob container of a storage account, reached
/// with Entra ID (no account keys). Each stack's state is the blob `<app>/<env>.tfstate` in it.
/// Derive it from the stack that declares the account, e.g. `stacks::platform_state_backends()`,
/// rather than typing the names.
struct StateBackend {
  std::string resource_group;   ///< The storage account's resource group.
  std::string storage_account;  ///< 3-24 lowercase letters and digits.
  std::string container;        ///< 3-63 lowercase letters, digits and '-'.
};

struct DeliveryProps {
  /// @default Terraform
  IacFlavour deploy_with = IacFlavour::terraform;
  /// @default none
  std::optional<AppTests> tests;
  /// Environment name → self-hosted runner label (GitHub) and agent pool (Azure DevOps) inside
  /// that environment's network. Every job of the environment runs there: with private
  /// endpoints, neither the data plane Terraform writes to nor the app's deployment endpoint
  /// is reachable from a hosted runner. @default none: hosted runners
  std::map<std::string, std::string> self_hosted_runners;
  /// Environment name → where its Terraform state lives. Set: versions.tf carries the complete
  /// `backend "azurerm"` block and the pipelines run a plain `terraform init`. Unset for an
  /// environment: the block is partial and the pipelines complete it with `-backend-config`
  /// from the TF_STATE_RESOURCE_GROUP, TF_STATE_STORAGE_ACCOUNT and TF_STATE_CONTAINER
  /// variables. @default none
  std::map<std::string, StateBackend> state_backends;
};

/// The code package of a function app or web app, deployed after the infrastructure of each
/// environment, then probed at its health endpoint.
struct PackageProps {
  /// The folder zipped and deployed, relative to the repository root. Required.
  std::string path;
  /// Runs in `path` before zipping, e.g. installing Python dependencies into
  /// `.python_packages/lib/site-packages`. @default none
  std::string build;
  /// The folder zipped, relative to `path`, e.g. "publish" for `dotnet publish -o publish`.
  /// @default "."
  std::string output = ".";
  /// The path the smoke test calls, e.g. "/api/health". @default the app's health check path
  std::optional<std::string> health_path;
};

}  // namespace iac
