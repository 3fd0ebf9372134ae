#pragma once
/// The Azure DevOps pipeline of one application.

#include <string>

#include "generators/pipelines/pipelines_generator.h"

namespace iac::gen::pipelines {

/// `azure-pipelines.yml`: a Validate stage, then one stage per environment whose plan job
/// publishes the plan and whose deployment job applies exactly that plan behind the
/// environment's approvals.
std::string azure_pipelines(const Delivery& delivery);

}  // namespace iac::gen::pipelines
