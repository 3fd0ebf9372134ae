#pragma once
/// Everything a stack author needs: the model, the Azure resource kinds and the templates.

#include "dsl/azure/resources.h"                // IWYU pragma: export
#include "dsl/core/app.h"                       // IWYU pragma: export
#include "dsl/core/aspect.h"                    // IWYU pragma: export
#include "dsl/core/stack.h"                     // IWYU pragma: export
#include "templates/observability.h"            // IWYU pragma: export
#include "templates/private_landing_zone.h"     // IWYU pragma: export
#include "templates/terraform_state_backend.h"  // IWYU pragma: export
