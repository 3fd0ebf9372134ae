#pragma once
/// Every resource kind's full declaration, for code that dispatches on AnyResource.

#include "dsl/azure/application_insights.h"  // IWYU pragma: export
#include "dsl/azure/key_vault.h"             // IWYU pragma: export
#include "dsl/azure/log_analytics.h"         // IWYU pragma: export
#include "dsl/azure/resource_group.h"        // IWYU pragma: export
#include "dsl/azure/storage_account.h"       // IWYU pragma: export
