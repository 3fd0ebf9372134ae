#pragma once
/// Terraform generator: one root module per application and environment.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "dsl/core/delivery.h"
#include "generators/generator.h"

namespace iac {
class Stack;
}

namespace iac::gen::terraform {

/// The azurerm provider release whose schema the emitters are checked against.
inline constexpr const char* kAzurermVersion = "4.55.0";
inline constexpr const char* kTerraformVersion = ">= 1.9.0";

/// The `backend "azurerm"` settings of one stack's state: the only place they are computed, for
/// versions.tf and for `terraform_remote_state` data sources that read another stack's outputs.
/// Nothing in it is secret: state is reached with Entra ID (`use_azuread_auth`), never a key.
struct StateBackendConfig {
  std::string resource_group_name;
  std::string storage_account_name;
  std::string container_name;
  std::string key;  ///< `<app>/<env>.tfstate`
};

/// The blob that holds a stack's state, `<app>/<env>.tfstate`: the same in a complete and in a
/// pipeline-completed backend.
std::string state_key(std::string_view app, std::string_view environment);

/// The state of `app`'s environment `environment` in `backend`.
StateBackendConfig state_backend_config(const StateBackend& backend, std::string_view app,
                                        std::string_view environment);

/// Where `stack`'s state lives, when its app sets DeliveryProps::state_backends for the stack's
/// environment; none when the pipeline completes the backend from its TF_STATE_* variables.
std::optional<StateBackendConfig> state_backend_config(const Stack& stack);

/// Writes `<app>/<env>/terraform/{versions,providers,main,variables,outputs}.tf`.
std::unique_ptr<Generator> make_generator();

}  // namespace iac::gen::terraform
