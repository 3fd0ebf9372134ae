#pragma once
/// Clinic booking: the patients' appointment and payment API (ASP.NET Core on .NET 8), its
/// media storage, slot cache and secrets (see the application's design document, seed 001).

#include "dsl/core/app.h"

namespace iac::stacks {

/// The application with its dev, staging and prod environments.
App clinic();

}  // namespace iac::stacks
