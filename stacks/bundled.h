#pragma once
/// The bundled applications that the iacgen executable synthesizes.

#include <vector>

#include "dsl/core/app.h"

namespace iac::stacks {

/// Every bundled application, in the order `iacgen list` shows them.
std::vector<App> bundled_apps();

}  // namespace iac::stacks
