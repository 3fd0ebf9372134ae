#include "generators/terraform/remote_state.h"

#include <array>

#include "dsl/core/stack.h"
#include "generators/terraform/terraform_generator.h"

namespace iac::gen::terraform {

namespace {

constexpr std::array kStateVariables{
    StateBackendVariable{"tf_state_resource_group", "resource_group_name",
                         "TF_STATE_RESOURCE_GROUP",
                         "Resource group of the storage account that holds the Terraform states."},
    StateBackendVariable{"tf_state_storage_account", "storage_account_name",
                         "TF_STATE_STORAGE_ACCOUNT",
                         "Storage account that holds the Terraform states."},
    StateBackendVariable{"tf_state_container", "container_name", "TF_STATE_CONTAINER",
                         "Blob container that holds the Terraform states."},
};

}  // namespace

std::span<const StateBackendVariable> state_backend_variables() { return kStateVariables; }

hcl::Object remote_state_config(const Stack& producer) {
  hcl::Object config;
  // The app names its state account: the producer's state is there, under its own key.
  if (auto backend = state_backend_config(producer)) {
    config.entries.push_back({"resource_group_name", backend->resource_group_name});
    config.entries.push_back({"storage_account_name", backend->storage_account_name});
    config.entries.push_back({"container_name", backend->container_name});
    config.entries.push_back({"key", backend->key});
    config.entries.push_back({"use_azuread_auth", true});
    return config;
  }
  for (const StateBackendVariable& variable : kStateVariables) {
    config.entries.push_back({std::string(variable.backend_attribute),
                              hcl::Traversal{{"var", std::string(variable.variable)}}});
  }
  config.entries.push_back({"key", producer.state_key()});
  config.entries.push_back({"use_azuread_auth", true});
  return config;
}

std::string remote_state_label(const Stack& producer) {
  std::string label = producer.stack_name();
  for (char& c : label) {
    if (c == '-') c = '_';
  }
  return label;
}

}  // namespace iac::gen::terraform
