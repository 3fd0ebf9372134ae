#pragma once
/// The GitHub Actions workflow and Dependabot configuration of one application.

#include <string>

#include "generators/pipelines/pipelines_generator.h"

namespace iac::gen::pipelines {

/// `workflows/deploy.yml`: a validate job, then per environment a plan job and an apply job
/// gated by the GitHub environment.
std::string github_workflow(const Delivery& delivery);

/// `dependabot.yml`: updates for the pinned actions and for each environment's providers.
std::string dependabot(const Delivery& delivery);

/// `actionlint.yaml`: the self-hosted runner labels the workflow uses, so that actionlint knows
/// them; empty when every job runs on hosted runners.
std::string actionlint_config(const Delivery& delivery);

}  // namespace iac::gen::pipelines
