#pragma once
/// Every resource kind's full declaration, for code that dispatches on AnyResource.

#include "dsl/azure/alerts.h"                  // IWYU pragma: export
#include "dsl/azure/app_service_plan.h"        // IWYU pragma: export
#include "dsl/azure/application_insights.h"    // IWYU pragma: export
#include "dsl/azure/budget.h"                  // IWYU pragma: export
#include "dsl/azure/cognitive.h"               // IWYU pragma: export
#include "dsl/azure/cosmos.h"                  // IWYU pragma: export
#include "dsl/azure/diagnostic_setting.h"      // IWYU pragma: export
#include "dsl/azure/front_door.h"              // IWYU pragma: export
#include "dsl/azure/function_app.h"            // IWYU pragma: export
#include "dsl/azure/key_vault.h"               // IWYU pragma: export
#include "dsl/azure/key_vault_key.h"           // IWYU pragma: export
#include "dsl/azure/key_vault_secret.h"        // IWYU pragma: export
#include "dsl/azure/log_analytics.h"           // IWYU pragma: export
#include "dsl/azure/managed_redis.h"           // IWYU pragma: export
#include "dsl/azure/network.h"                 // IWYU pragma: export
#include "dsl/azure/postgres.h"                // IWYU pragma: export
#include "dsl/azure/private_endpoint.h"        // IWYU pragma: export
#include "dsl/azure/redis_cache.h"             // IWYU pragma: export
#include "dsl/azure/resource_group.h"          // IWYU pragma: export
#include "dsl/azure/role_assignment.h"         // IWYU pragma: export
#include "dsl/azure/site.h"                    // IWYU pragma: export
#include "dsl/azure/storage_account.h"         // IWYU pragma: export
#include "dsl/azure/storage_container.h"       // IWYU pragma: export
#include "dsl/azure/user_assigned_identity.h"  // IWYU pragma: export
#include "dsl/azure/web_app.h"                 // IWYU pragma: export
#include "dsl/azure/autoscale.h"                // IWYU pragma: export
#include "dsl/azure/adoption.h"                  // IWYU pragma: export
