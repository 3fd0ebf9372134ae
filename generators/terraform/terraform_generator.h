#pragma once
/// Terraform generator: one root module per application and environment.

#include <memory>

#include "generators/generator.h"

namespace iac::gen::terraform {

/// The azurerm provider release whose schema the emitters are checked against.
inline constexpr const char* kAzurermVersion = "4.55.0";
inline constexpr const char* kTerraformVersion = ">= 1.9.0";

/// Writes `<app>/<env>/terraform/{versions,providers,main,variables,outputs}.tf`.
std::unique_ptr<Generator> make_generator();

}  // namespace iac::gen::terraform
