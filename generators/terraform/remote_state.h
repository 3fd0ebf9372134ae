#pragma once
/// Cross-stack references in Terraform: the producer exports an output, the consumer reads it
/// from the producer's state with `data "terraform_remote_state"`.

#include <span>
#include <string>
#include <string_view>

#include "generators/hcl/hcl_value.h"

namespace iac {
class Stack;
}  // namespace iac

namespace iac::gen::terraform {

/// A setting of the state backend that a consumer stack needs to read a producer's state: a
/// Terraform variable of the consumer, set by the pipelines from the same variable that
/// completes the backend's partial configuration (`-backend-config`).
struct StateBackendVariable {
  std::string_view variable;           ///< Terraform variable, e.g. `tf_state_container`.
  std::string_view backend_attribute;  ///< azurerm backend setting, e.g. `container_name`.
  std::string_view pipeline_variable;  ///< Pipeline variable, e.g. `TF_STATE_CONTAINER`.
  std::string_view description;
};

/// The variables remote_state_config() reads, in the order they are declared.
std::span<const StateBackendVariable> state_backend_variables();

/// The `config` of `data "terraform_remote_state" "<producer>"`: the producer's state in the
/// same azurerm backend as every stack's own state (Entra ID auth, no storage key). The one
/// place that knows where states live: change it here when the backend location moves.
hcl::Object remote_state_config(const Stack& producer);

/// The data source label of a producer stack: its name with `-` as `_`.
std::string remote_state_label(const Stack& producer);

}  // namespace iac::gen::terraform
