#pragma once
/// One emitter per resource kind: how the model's attributes read in Bicep, and the resource.

#include <string>
#include <string_view>

#include "dsl/azure/any_resource.h"
#include "generators/bicep/context.h"

namespace iac::gen::bicep {

#define IACGEN_BICEP_EMITTER(Kind)                                        \
  Value reference(const azure::Kind& resource, const std::string& symbol, \
                  std::string_view attribute);                            \
  void emit(const azure::Kind& resource, Context& context);

IACGEN_AZURE_KINDS(IACGEN_BICEP_EMITTER)

#undef IACGEN_BICEP_EMITTER

/// For reference(): `id` and `name` read the same on every resource.
Reference common_reference(const std::string& symbol, std::string_view attribute,
                           std::string_view type);

}  // namespace iac::gen::bicep
