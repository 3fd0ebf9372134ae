#pragma once
/// Bicep generator: one subscription-scoped deployment per application and environment.

#include <memory>

#include "generators/generator.h"

namespace iac::gen::bicep {

/// Writes `<app>/<env>/bicep/{main.bicep,resources.bicep,main.bicepparam}`: main.bicep creates
/// the resource group and deploys resources.bicep into it (`az deployment sub create`).
std::unique_ptr<Generator> make_generator();

}  // namespace iac::gen::bicep
