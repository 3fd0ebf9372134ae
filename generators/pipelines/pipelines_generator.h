#pragma once
/// Pipelines generator: the delivery pipeline of each application, for Azure DevOps and GitHub
/// Actions, derived from its environments.

#include <memory>
#include <string>
#include <vector>

#include "generators/generator.h"

namespace iac::gen::pipelines {

/// The Terraform release the pipelines install (within versions.tf's `required_version`).
inline constexpr const char* kTerraformVersion = "1.9.8";
/// The branch prod deploys from. Azure DevOps has no variable for the default branch, so both
/// pipelines name it; change it here if the repository's default branch differs.
inline constexpr const char* kDefaultBranch = "main";
/// Where the pipelines expect the committed output, relative to the repository root.
inline constexpr const char* kOutputRoot = "out";

/// One environment as a delivery stage, in declaration order.
struct Stage {
  std::string environment;    ///< The environment's name, e.g. `prod`.
  std::string id;             ///< `environment` as a job/stage identifier (`[A-Za-z0-9_]`).
  bool prod = false;          ///< Deploys only from kDefaultBranch.
  std::string terraform_dir;  ///< `out/<app>/<env>/terraform`, from the repository root.
  /// Secure stack parameters, and those the stack gives no value: passed as `TF_VAR_<name>`
  /// from a secret named secret_name().
  std::vector<std::string> secure_parameters;
};

/// What both pipelines are rendered from: the application and its stages.
struct Delivery {
  std::string app;
  std::vector<Stage> stages;
};

/// The secret (GitHub secret, Azure DevOps secret variable) that holds a secure parameter:
/// its name upper-cased, the same environment variable the .bicepparam file reads.
std::string secret_name(const std::string& parameter);

/// Writes `<app>/pipelines/azure-pipelines.yml`, `<app>/pipelines/github/workflows/deploy.yml`
/// and `<app>/pipelines/github/dependabot.yml` for every application.
std::unique_ptr<Generator> make_generator();

}  // namespace iac::gen::pipelines
