#pragma once
/// Threat-intelligence ingestion: indicators pulled from threat feeds into Cosmos DB by a
/// Python Function App (see the application's design document).

#include "dsl/core/app.h"

namespace iac::stacks {

/// The application with its dev, staging and prod environments.
App threatstream();

}  // namespace iac::stacks
