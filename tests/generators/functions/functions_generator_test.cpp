/// The functions generator: host.json and function.json rendered from the model, and the app
/// settings and role grants that triggers wire into Terraform and Bicep.

#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "generators/generator.h"
#include "generators/output/output_sink.h"
#include "tests/support/fixtures.h"

namespace iac {
namespace {

using namespace iac::azure;
using namespace std::chrono_literals;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// An app with a timer, an HTTP, a queue and a blob function on a P0v3 plan.
App functions_app(std::function<void(LinuxFunctionAppProps&)> tweak = {}) {
  return testing::make_app([=](Stack& s, const Environment&) {
    auto& plan = s.add<AppServicePlan>("plan");
    auto& st = s.add<StorageAccount>("st");
    auto& data = s.add<StorageAccount>("data");
    LinuxFunctionAppProps props;  // assigned: GCC 12 false -Wmaybe-uninitialized
    props.plan = plan;
    props.storage = st;
    if (tweak) tweak(props);
    auto& func = s.add<LinuxFunctionApp>("func", props);
    func.timer("poll", "0 */15 * * * *", {.retry = Retry::fixed_delay(2, 30s)});
    func.http("ingest", {.route = "ingest", .methods = {HttpMethod::get, HttpMethod::post}});
    func.queue("work", {.queue = "jobs", .storage = data});
    func.blob("files", {.path = "raw-feeds/{name}", .storage = data, .connection = "FEEDS"});
  });
}

TEST_CASE("functions are registered as one output format") {
  const auto* info = gen::find_generator("functions");
  REQUIRE(info != nullptr);
  CHECK(info->description == "Azure Functions host.json and function.json");
}

TEST_CASE("host.json holds version 2.0 and the host settings, in order") {
  auto app = functions_app();
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& host = result.file("app/dev/functions/func/host.json");
  CHECK(host.rfind("{\n  \"version\": \"2.0\",\n  \"logging\": {\n    \"logLevel\": {\n"
                   "      \"default\": \"Information\",\n      \"Function\": \"Information\",\n"
                   "      \"Host.Results\": \"Information\",\n"
                   "      \"Host.Aggregator\": \"Information\"\n    },\n",
                   0) == 0);
  CHECK(contains(host,
                 "      \"samplingSettings\": {\n        \"isEnabled\": true,\n"
                 "        \"maxTelemetryItemsPerSecond\": 5,\n"
                 "        \"excludedTypes\": \"Request;Exception\"\n      }\n"));
  CHECK(contains(host, "  \"functionTimeout\": \"00:30:00\",\n"));
  CHECK(contains(host,
                 "  \"healthMonitor\": {\n    \"enabled\": true,\n"
                 "    \"healthCheckInterval\": \"00:00:10\",\n"
                 "    \"healthCheckWindow\": \"00:02:00\",\n"
                 "    \"healthCheckThreshold\": 6,\n    \"counterThreshold\": 0.8\n  },\n"));
  CHECK(contains(host,
                 "  \"extensionBundle\": {\n"
                 "    \"id\": \"Microsoft.Azure.Functions.ExtensionBundle\",\n"
                 "    \"version\": \"[4.*, 5.0.0)\"\n  },\n"));
  CHECK(contains(host,
                 "    \"http\": {\n      \"routePrefix\": \"api\",\n"
                 "      \"maxOutstandingRequests\": 200,\n"
                 "      \"maxConcurrentRequests\": 100,\n"
                 "      \"dynamicThrottlesEnabled\": true\n    },\n"));
  CHECK(contains(host,
                 "    \"queues\": {\n      \"batchSize\": 16,\n      \"maxDequeueCount\": 5,\n"
                 "      \"maxPollingInterval\": \"00:00:02\",\n"
                 "      \"visibilityTimeout\": \"00:00:00\"\n    }\n"));
  CHECK_FALSE(contains(host, "\"retry\""));
  CHECK(host.back() == '\n');
}

TEST_CASE("host.json leaves out what the app does not use") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& plan = s.add<AppServicePlan>("plan");
    auto& st = s.add<StorageAccount>("st");
    LinuxFunctionAppProps props;
    props.plan = plan;
    props.storage = st;
    props.runtime = Runtime::dotnet_isolated("8.0");
    props.host.layout = BindingLayout::in_code;
    props.host.retry = Retry::exponential_backoff(5, 4s, 15min);
    s.add<LinuxFunctionApp>("func", props).timer("poll", "0 0 * * * *");
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& host = result.file("app/dev/functions/func/host.json");
  CHECK_FALSE(contains(host, "extensionBundle"));  // .NET isolated: NuGet packages
  CHECK_FALSE(contains(host, "\"extensions\""));   // no HTTP or queue trigger
  CHECK(contains(host,
                 "  \"retry\": {\n    \"strategy\": \"exponentialBackoff\",\n"
                 "    \"maxRetryCount\": 5,\n    \"minimumInterval\": \"00:00:04\",\n"
                 "    \"maximumInterval\": \"00:15:00\"\n  }\n}\n"));
  // Bindings declared in code: host.json only.
  CHECK(result.files.count("app/dev/functions/func/poll/function.json") == 0);
}

TEST_CASE("function.json per function: trigger, bindings and retry") {
  auto app = functions_app();
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  CHECK(result.file("app/dev/functions/func/poll/function.json") ==
        "{\n"
        "  \"scriptFile\": \"__init__.py\",\n"
        "  \"bindings\": [\n"
        "    {\n"
        "      \"name\": \"timer\",\n"
        "      \"type\": \"timerTrigger\",\n"
        "      \"direction\": \"in\",\n"
        "      \"schedule\": \"0 */15 * * * *\",\n"
        "      \"runOnStartup\": false,\n"
        "      \"useMonitor\": true\n"
        "    }\n"
        "  ],\n"
        "  \"retry\": {\n"
        "    \"strategy\": \"fixedDelay\",\n"
        "    \"maxRetryCount\": 2,\n"
        "    \"delayInterval\": \"00:00:30\"\n"
        "  }\n"
        "}\n");
  const std::string& ingest = result.file("app/dev/functions/func/ingest/function.json");
  CHECK(contains(ingest,
                 "      \"authLevel\": \"function\",\n      \"methods\": [\n"
                 "        \"get\",\n        \"post\"\n      ],\n"
                 "      \"route\": \"ingest\"\n"));
  CHECK(contains(ingest,
                 "      \"name\": \"$return\",\n      \"type\": \"http\",\n"
                 "      \"direction\": \"out\"\n"));
  CHECK(contains(result.file("app/dev/functions/func/work/function.json"),
                 "      \"type\": \"queueTrigger\",\n      \"direction\": \"in\",\n"
                 "      \"queueName\": \"jobs\",\n      \"connection\": \"STORAGE_DATA\"\n"));
  CHECK(contains(result.file("app/dev/functions/func/files/function.json"),
                 "      \"path\": \"raw-feeds/{name}\",\n      \"connection\": \"FEEDS\"\n"));
}

TEST_CASE("trigger connections are app settings of the Function App in both formats") {
  auto app = functions_app();
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const std::string& main = result.file("app/dev/terraform/main.tf");
  CHECK(contains(main,
                 "    STORAGE_DATA__queueServiceUri = azurerm_storage_account.data."
                 "primary_queue_endpoint\n"));
  CHECK(contains(main,
                 "    FEEDS__blobServiceUri         = azurerm_storage_account.data."
                 "primary_blob_endpoint\n"));
  CHECK(contains(main,
                 "    FEEDS__queueServiceUri        = azurerm_storage_account.data."
                 "primary_queue_endpoint\n"));
  CHECK(contains(main, "Storage Queue Data Contributor"));
  CHECK_FALSE(contains(main, "STORAGE_DATA__connectionString"));
  const std::string& bicep = result.file("app/dev/bicep/resources.bicep");
  CHECK(contains(bicep, "name: 'STORAGE_DATA__queueServiceUri'\n"));
  CHECK(contains(bicep, "value: data.properties.primaryEndpoints.queue\n"));
  CHECK(contains(bicep, "name: 'FEEDS__blobServiceUri'\n"));
  CHECK(contains(bicep, "value: data.properties.primaryEndpoints.blob\n"));
}

TEST_CASE("Cosmos DB and Service Bus bindings in function.json and host.json") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& plan = s.add<AppServicePlan>("plan");
    auto& st = s.add<StorageAccount>("st");
    auto& db = s.add<CosmosAccount>("cosmos").sql_database("intel");
    auto& items = db.container("indicators", {.partition_key = "/partition_key"});
    auto& leases = db.container("leases", {.partition_key = "/id"});
    LinuxFunctionAppProps props;
    props.plan = plan;
    props.storage = st;
    auto& func = s.add<LinuxFunctionApp>("func", props);
    func.cosmos("changes", {.container = items,
                            .leases = leases,
                            .max_items_per_invocation = 50,
                            .retry = Retry::exponential_backoff(5, 4s, 15min)});
    func.http("lookup", {.route = "indicators/{id}"})
        .cosmos_input({.container = items, .id = "{id}", .partition_key = "{Query.feed}"});
    func.service_bus("orders", {.fully_qualified_namespace = "sb-orders.servicebus.windows.net",
                                .topic = "orders",
                                .subscription = "billing"})
        .cosmos_output({.container = items, .parameter = "$return"});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  CHECK(result.file("app/dev/functions/func/changes/function.json") ==
        "{\n"
        "  \"scriptFile\": \"__init__.py\",\n"
        "  \"bindings\": [\n"
        "    {\n"
        "      \"name\": \"documents\",\n"
        "      \"type\": \"cosmosDBTrigger\",\n"
        "      \"direction\": \"in\",\n"
        "      \"connection\": \"COSMOS_COSMOS\",\n"
        "      \"databaseName\": \"intel\",\n"
        "      \"containerName\": \"indicators\",\n"
        "      \"leaseDatabaseName\": \"intel\",\n"
        "      \"leaseContainerName\": \"leases\",\n"
        "      \"createLeaseContainerIfNotExists\": false,\n"
        "      \"startFromBeginning\": false,\n"
        "      \"maxItemsPerInvocation\": 50\n"
        "    }\n"
        "  ],\n"
        "  \"retry\": {\n"
        "    \"strategy\": \"exponentialBackoff\",\n"
        "    \"maxRetryCount\": 5,\n"
        "    \"minimumInterval\": \"00:00:04\",\n"
        "    \"maximumInterval\": \"00:15:00\"\n"
        "  }\n"
        "}\n");
  CHECK(contains(result.file("app/dev/functions/func/lookup/function.json"),
                 "      \"type\": \"cosmosDB\",\n      \"direction\": \"in\",\n"
                 "      \"connection\": \"COSMOS_COSMOS\",\n"
                 "      \"databaseName\": \"intel\",\n"
                 "      \"containerName\": \"indicators\",\n      \"id\": \"{id}\",\n"
                 "      \"partitionKey\": \"{Query.feed}\"\n"));
  const std::string& orders = result.file("app/dev/functions/func/orders/function.json");
  CHECK(contains(orders,
                 "      \"type\": \"serviceBusTrigger\",\n      \"direction\": \"in\",\n"
                 "      \"topicName\": \"orders\",\n      \"subscriptionName\": \"billing\",\n"
                 "      \"connection\": \"SERVICEBUS\"\n"));
  CHECK(contains(orders, "      \"direction\": \"out\",\n"));
  CHECK(contains(orders, "      \"createIfNotExists\": false\n"));
  const std::string& host = result.file("app/dev/functions/func/host.json");
  CHECK(contains(host,
                 "    \"serviceBus\": {\n      \"prefetchCount\": 0,\n"
                 "      \"autoCompleteMessages\": true,\n"
                 "      \"maxAutoLockRenewalDuration\": \"00:05:00\",\n"
                 "      \"maxConcurrentCalls\": 16\n    }\n"));
  CHECK_FALSE(contains(host, "\"singleton\""));  // no timer
  const std::string& main = result.file("app/dev/terraform/main.tf");
  CHECK(contains(
      main, "COSMOS_COSMOS__accountEndpoint      = azurerm_cosmosdb_account.cosmos.endpoint\n"));
  CHECK(contains(main,
                 "SERVICEBUS__fullyQualifiedNamespace = \"sb-orders.servicebus.windows.net\"\n"));
  CHECK(contains(result.file("app/dev/bicep/resources.bicep"),
                 "name: 'COSMOS_COSMOS__accountEndpoint'\n"));
}

TEST_CASE("host.json has singleton lock settings when the app has a timer") {
  auto app = functions_app();
  auto result = testing::synthesize(app);
  CHECK(contains(result.file("app/dev/functions/func/host.json"),
                 "  \"singleton\": {\n    \"lockPeriod\": \"00:00:15\",\n"
                 "    \"listenerLockPeriod\": \"00:01:00\",\n"));
}

TEST_CASE("the functions format can be synthesized alone") {
  auto app = functions_app();
  gen::MemorySink sink;
  REQUIRE_FALSE(has_errors(gen::synthesize(app, sink, {"functions"})));
  for (const auto& [path, content] : sink.files()) {
    CAPTURE(path);
    CHECK(path.rfind("app/dev/functions/func/", 0) == 0);
  }
  CHECK(sink.files().size() == 5);
}

}  // namespace
}  // namespace iac
