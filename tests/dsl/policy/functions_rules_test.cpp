/// Pass and fail cases of the Azure Functions rule family (dsl/policy/rules/functions.cpp).

#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

/// A function app on a P0v3 plan with a health check; the functions are added by the case.
LinuxFunctionApp& function_app(Stack& s) {
  auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::P0v3, .worker_count = 2});
  auto& st = s.add<StorageAccount>("st");
  LinuxFunctionAppProps props;  // assigned, not designated: GCC 12 false -Wmaybe-uninitialized
  props.plan = plan;
  props.storage = st;
  props.settings.health_check_path = "/api/health";
  return s.add<LinuxFunctionApp>("func", props);
}

const RegisterRuleCases kCases{{
    {"AZ-FUNC-001", Environment::staging("eastus"),
     [](Stack& s) {
       auto& func = function_app(s);
       func.http("ingest", {.route = "ingest", .methods = {HttpMethod::post}});
       func.http("admin", {.auth = HttpAuth::admin()});
       func.timer("poll", "0 */15 * * * *");
     },
     [](Stack& s) {
       auto& func = function_app(s);
       func.http("ingest");
       func.http("health", {.auth = HttpAuth::anonymous("load balancer probe")});
     }},
    {"AZ-FUNC-002", Environment::prod("eastus", "westus"),
     [](Stack& s) {
       auto& func = function_app(s);
       func.service_bus("orders", {.fully_qualified_namespace = "sb-orders.servicebus.windows.net",
                                   .queue = "orders"});
     },
     [](Stack& s) {
       auto& func = function_app(s);
       auto& vault = s.add<KeyVault>("kv");
       func.service_bus("partner", {.connection_string = vault.secret_reference("partner-sb"),
                                    .queue = "partner-events"});
       func.service_bus("orders", {.fully_qualified_namespace = "sb-orders.servicebus.windows.net",
                                   .topic = "orders",
                                   .subscription = "billing",
                                   .connection = "ORDERS"});
     }},
}};

}  // namespace
}  // namespace iac::testing
