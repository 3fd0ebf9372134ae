#pragma once
/// Pipelines generator: the delivery pipeline of each application, for Azure DevOps and GitHub
/// Actions, derived from its environments.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dsl/core/delivery.h"
#include "generators/generator.h"

namespace iac::gen::pipelines {

/// The Terraform release the pipelines install (within versions.tf's `required_version`).
inline constexpr const char* kTerraformVersion = "1.9.8";
/// The branch prod deploys from. Azure DevOps has no variable for the default branch, so both
/// pipelines name it; change it here if the repository's default branch differs.
inline constexpr const char* kDefaultBranch = "main";
/// Where the pipelines expect the committed output, relative to the repository root.
inline constexpr const char* kOutputRoot = "out";

/// A function app or web app whose package a stage deploys and probes.
struct SiteDeployment {
  bool function_app = false;   ///< `az functionapp` rather than `az webapp`.
  std::string name;            ///< The app's Azure name.
  std::string resource_group;  ///< Its resource group's name.
  std::string package_path;    ///< Zipped from the repository root.
  std::string build;           ///< Run in package_path first; may be empty.
  std::string output;          ///< Zipped, relative to package_path.
  std::string health_url;      ///< `https://<name>.azurewebsites.net<path>`.
};

/// One stack of one environment as a delivery unit: environments in declaration order, the
/// stacks of an environment in dependency order (an app declared with define() has one per
/// environment, without a stack name).
struct Stage {
  std::string environment;  ///< The environment's name, e.g. `prod`.
  /// The stack's name, empty for an application's only stack.
  std::string stack;
  /// `environment`, or `environment_stack`, as a job/stage identifier (`[A-Za-z0-9_]`).
  std::string id;
  /// `stack` as a job identifier, empty for an application's only stack.
  std::string stack_id;
  /// The ids of the units of the same environment this one reads from: deployed before it.
  std::vector<std::string> after;
  /// Whether the Terraform plan reads other stacks' states (needs the state backend variables).
  bool reads_remote_state = false;
  /// `<app>-<env>` or `<app>-<env>-<stack>`: the Bicep deployment, the artifacts and locks.
  std::string deployment;
  bool prod = false;          ///< Deploys only from kDefaultBranch.
  std::string terraform_dir;  ///< `out/<app>/<env>[/<stack>]/terraform`, from the repo root.
  std::string bicep_dir;      ///< `out/<app>/<env>[/<stack>]/bicep`.
  std::string location;       ///< The environment's primary region (subscription deployments).
  /// A self-hosted runner label / agent pool inside the environment's network; empty: hosted.
  std::string runner;
  std::vector<SiteDeployment> sites;
  /// Secure stack parameters, and those the stack gives no value: passed as `TF_VAR_<name>`
  /// from a secret named secret_name().
  std::vector<std::string> secure_parameters;
  /// versions.tf names the state account (DeliveryProps::state_backends): `terraform init`
  /// takes no `-backend-config` and the stage needs no TF_STATE_* variables.
  bool complete_backend = false;
  /// The stack declares the storage account its own state lives in (the platform app): the
  /// first apply must bootstrap with local state (see bootstrap_note()).
  bool holds_own_state = false;
};

/// `environment` or `environment/stack`: how jobs and steps name a unit.
inline std::string unit_label(const Stage& stage) {
  return stage.stack.empty() ? stage.environment : stage.environment + "/" + stage.stack;
}

/// What both pipelines are rendered from: the application and its stages.
struct Delivery {
  std::string app;
  std::vector<Stage> stages;
  IacFlavour flavour = IacFlavour::terraform;
  std::optional<AppTests> tests;
};

/// Checkov, the IaC scanner the pipelines run as a second opinion: pinned, run with pipx.
inline constexpr const char* kCheckovVersion = "3.2.364";
/// The command that scans `out/<app>` and writes `<dir>/results_sarif.sarif`. Soft-fail:
/// `iacgen check` is the gate (it knows the suppressions and their reasons); Checkov's findings
/// go to the code-scanning view for review.
std::string checkov_command(const std::string& app, const std::string& sarif_dir);

/// The `needs` of a unit's first job: the units of its environment it reads from, or, for a
/// unit that reads from none, every unit of the previous environment (`validate` for the first
/// environment). Job ids are `<prefix><unit id>`.
std::vector<std::string> first_needs(const Delivery& delivery, const Stage& stage,
                                     std::string_view prefix);

/// The environment variables that give a consumer stack's plan the state backend's location,
/// `TF_VAR_<variable>` = `pipeline_reference(<pipeline variable>)`; none for other units.
std::vector<std::pair<std::string, std::string>> remote_state_variables(
    const Stage& stage, std::string (*pipeline_reference)(std::string_view variable));

/// `az deployment sub <verb>` of the stage's main.bicep with its parameters file, named after
/// the run (`run_id`: the CI system's run number, e.g. `${GITHUB_RUN_ID}`). No trailing newline.
std::string bicep_deployment(const Delivery& delivery, const Stage& stage, std::string_view verb,
                             std::string_view run_id);

/// Whether any stage still completes its backend from the TF_STATE_* variables.
bool uses_state_variables(const Delivery& delivery);

/// The pipeline header's note on bootstrapping a stack that holds its own state, naming the
/// stages concerned; empty when there is none.
std::string bootstrap_note(const Delivery& delivery);

/// Builds the site's package, zips its output into `temp_dir` and zip-deploys it.
std::string package_deployment(const SiteDeployment& site, std::string_view temp_dir);

/// A shell script that calls `url` until it answers (10 attempts, 15 s apart, 30 s each) and
/// fails unless the final answer is 2xx.
std::string smoke_test(const std::string& url);

/// The secret (GitHub secret, Azure DevOps secret variable) that holds a secure parameter:
/// its name upper-cased, the same environment variable the .bicepparam file reads.
std::string secret_name(const std::string& parameter);

/// Writes `<app>/pipelines/azure-pipelines.yml`, `<app>/pipelines/github/workflows/deploy.yml`
/// and `<app>/pipelines/github/dependabot.yml` for every application.
std::unique_ptr<Generator> make_generator();

}  // namespace iac::gen::pipelines
