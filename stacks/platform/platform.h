#pragma once
/// Platform: the Terraform state backend of every bundled application, as its own stack (the
/// production standard, seed 004: "storage with versioning, soft delete, customer-managed keys
/// and a locked-down network; the other stacks' backend configuration points at it").

#include <map>
#include <string>

#include "dsl/core/app.h"
#include "dsl/core/delivery.h"

namespace iac::stacks {

/// The application's name, `platform`.
inline constexpr const char* kPlatformApp = "platform";

/// The application with its dev, staging and prod environments.
App platform();

/// Environment name → the state account, resource group and container the platform app
/// declares there, computed from its environments and the naming convention: the value of
/// every application's DeliveryProps::state_backends (its prod state in the platform's prod
/// account, and so on).
std::map<std::string, StateBackend> platform_state_backends();

}  // namespace iac::stacks
