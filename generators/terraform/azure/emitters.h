#pragma once
/// One emitter per resource kind: the azurerm type, the mapping of the model's attribute names
/// to azurerm attributes, and the resource block itself.

#include <string>
#include <string_view>

#include "dsl/azure/any_resource.h"
#include "generators/terraform/context.h"

namespace iac::gen::terraform {

#define IACGEN_TERRAFORM_EMITTER(Kind)                                       \
  std::string_view resource_type(const azure::Kind& resource);               \
  std::string attribute(const azure::Kind& resource, std::string_view name); \
  void emit(const azure::Kind& resource, Context& context);

IACGEN_AZURE_KINDS(IACGEN_TERRAFORM_EMITTER)

#undef IACGEN_TERRAFORM_EMITTER

/// For attribute(): the model asked for an attribute this kind does not map (a programmer
/// error in the emitter table).
[[noreturn]] void unknown_attribute(std::string_view type, std::string_view name);

/// attribute() of a kind whose references use only `id` and `name`.
std::string id_or_name(std::string_view type, std::string_view name);

}  // namespace iac::gen::terraform
