/// The functions and host settings of a function app: defaults, NCRONTAB, validation messages
/// and the identity-based connections that triggers wire into the app.

#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "dsl/policy/engine.h"
#include "tests/support/fixtures.h"

namespace iac {
namespace {

using namespace iac::azure;
using namespace std::chrono_literals;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// A function app on `sku` with its storage; `declare` adds functions (and may change props).
App function_app(PlanSku sku, std::function<void(Stack&, LinuxFunctionApp&)> declare = {},
                 std::function<void(LinuxFunctionAppProps&)> tweak = {},
                 std::vector<Environment> envs = {Environment::dev("eastus")}) {
  return testing::make_app(
      [=](Stack& s, const Environment&) {
        auto& plan = s.add<AppServicePlan>("plan", {.sku = sku});
        const bool keys = sku == PlanSku::Y1 || is_elastic_premium(sku);
        auto& st = s.add<StorageAccount>(
            "st", {.entra_only_auth = keys ? Control::waived("content share") : Control{}});
        LinuxFunctionAppProps props;  // assigned: GCC 12 false -Wmaybe-uninitialized
        props.plan = plan;
        props.storage = st;
        if (tweak) tweak(props);
        auto& func = s.add<LinuxFunctionApp>("func", props);
        if (declare) declare(s, func);
      },
      envs);
}

const LinuxFunctionApp& func_of(const App& app, const std::string& env = "dev") {
  const auto* func = dynamic_cast<const LinuxFunctionApp*>(app.stack(env)->find("func"));
  REQUIRE(func != nullptr);
  return *func;
}

TEST_CASE("host settings default per environment and plan") {
  auto app =
      function_app(PlanSku::EP1, {}, {}, {Environment::dev("eastus"), Environment::prod("eastus")});
  REQUIRE_FALSE(has_errors(app.synthesize()));  // the model only: EP1 in prod has findings
  const HostSettings& dev = func_of(app, "dev").props().host;
  const HostSettings& prod = func_of(app, "prod").props().host;
  CHECK(dev.logging.default_level == LogLevel::information);
  CHECK(prod.logging.default_level == LogLevel::warning);
  CHECK(prod.logging.host_results == LogLevel::information);  // requests still reach insights
  CHECK(prod.logging.host_aggregator == LogLevel::information);
  CHECK(dev.sampling.max_items_per_second == 5);
  CHECK(prod.sampling.max_items_per_second == 20);
  CHECK(prod.sampling.enabled);
  CHECK(prod.sampling.excluded_types ==
        std::vector<TelemetryType>{TelemetryType::request, TelemetryType::exception});
  CHECK(prod.function_timeout == std::chrono::seconds(30min));
  CHECK(prod.extension_bundle.version == "[4.*, 5.0.0)");
  CHECK(prod.http.route_prefix == "api");
  CHECK_FALSE(prod.retry.has_value());
  CHECK(prod.layout == BindingLayout::function_json);

  auto y1 = function_app(PlanSku::Y1);
  REQUIRE_FALSE(has_errors(testing::synthesize(y1).diagnostics));
  CHECK(func_of(y1).props().host.function_timeout == std::chrono::seconds(10min));
}

TEST_CASE("triggers are closed by default") {
  CHECK_FALSE(TimerTriggerProps{}.run_on_startup);
  CHECK(TimerTriggerProps{}.use_monitor);
  CHECK(HttpTriggerProps{}.auth.level() == HttpAuth::Level::function);
  CHECK(HttpTriggerProps{}.methods == std::vector<HttpMethod>{HttpMethod::get});
  CHECK(HttpAuth::anonymous("probe").reason() == "probe");
}

TEST_CASE("NCRONTAB schedules are checked field by field") {
  for (const char* good : {"0 */15 * * * *", "0 0 * * * *", "0 0 */4 * * *", "30 5 9-17 * * 1-5",
                           "0 0 12 1,15 Jan-Jun Mon", "0 30 9 * * sun"}) {
    CAPTURE(good);
    CHECK_FALSE(ncrontab_error(good).has_value());
  }
  CHECK(*ncrontab_error("*/15 * * * *") ==
        "has 5 fields; NCRONTAB takes 6: {second} {minute} {hour} {day} {month} {day-of-week}");
  CHECK(*ncrontab_error("0 75 * * * *") == "field 2 (minute): '75' is outside 0-59");
  CHECK(*ncrontab_error("0 0 24 * * *") == "field 3 (hour): '24' is outside 0-23");
  CHECK(*ncrontab_error("0 0 0 0 * *") == "field 4 (day): '0' is outside 1-31");
  CHECK(*ncrontab_error("0 */0 * * * *") ==
        "field 2 (minute): the step '/0' must be a number "
        "from 1 to 59");
  CHECK(*ncrontab_error("0 0 0 * Foo *") == "field 5 (month): 'Foo' is not a number or a range");
  CHECK(*ncrontab_error("0 0 0 * * 7") == "field 6 (day-of-week): '7' is outside 0-6");
}

TEST_CASE("timespans are hh:mm:ss") {
  CHECK(timespan(30s) == "00:00:30");
  CHECK(timespan(std::chrono::seconds(10min)) == "00:10:00");
  CHECK(timespan(std::chrono::seconds(23h + 59min + 59s)) == "23:59:59");
}

TEST_CASE("function validation names the function, the prop and the fix") {
  SUBCASE("a five-field schedule") {
    auto app = function_app(PlanSku::P0v3,
                            [](Stack&, LinuxFunctionApp& f) { f.timer("poll", "*/15 * * * *"); });
    const auto result = testing::synthesize(app);
    const auto& d = result.diagnostic("IAC-FUNC-001");
    CHECK(d.message ==
          "timer 'poll' schedule '*/15 * * * *' has 5 fields; NCRONTAB takes 6: "
          "{second} {minute} {hour} {day} {month} {day-of-week}");
    CHECK(contains(d.fix, "\"0 */15 * * * *\" runs every 15 minutes"));
    CHECK(d.path == "app/dev/func");
  }
  SUBCASE("a timeout above the Consumption limit") {
    auto app = function_app(PlanSku::Y1, {}, [](LinuxFunctionAppProps& p) {
      p.host.function_timeout = std::chrono::seconds(15min);
    });
    const auto result = testing::synthesize(app);
    const auto& d = result.diagnostic("IAC-FUNC-002");
    CHECK(d.message == "`host.function_timeout` is 900s, above the Y1 plan's limit of 00:10:00");
    CHECK(contains(d.fix, "10 minutes or less"));
  }
  SUBCASE("a long timeout is fine on Elastic Premium") {
    auto app = function_app(PlanSku::EP1, {}, [](LinuxFunctionAppProps& p) {
      p.host.function_timeout = std::chrono::seconds(2h);
    });
    CHECK_FALSE(testing::synthesize(app).has_rule("IAC-FUNC-002"));
  }
  SUBCASE("anonymous without a reason") {
    auto app = function_app(PlanSku::P0v3, [](Stack&, LinuxFunctionApp& f) {
      f.http("health", {.auth = HttpAuth::anonymous("")});
    });
    CHECK(testing::synthesize(app).diagnostic("IAC-FUNC-003").message ==
          "HTTP function 'health' is anonymous without a reason");
  }
  SUBCASE("a queue trigger without storage: an unknown connection") {
    auto app = function_app(PlanSku::P0v3, [](Stack&, LinuxFunctionApp& f) {
      f.queue("work", {.queue = "jobs", .connection = "JOBS"});
    });
    const auto result = testing::synthesize(app);
    const auto& d = result.diagnostic("IAC-FUNC-004");
    CHECK(d.message == "queue trigger 'work' has no connection: `storage` is not set for 'JOBS'");
  }
  SUBCASE("one connection name for two accounts") {
    auto app = function_app(PlanSku::P0v3, [](Stack& s, LinuxFunctionApp& f) {
      auto& a = s.add<StorageAccount>("a");
      auto& b = s.add<StorageAccount>("b");
      f.queue("one", {.queue = "q", .storage = a, .connection = "DATA"});
      f.queue("two", {.queue = "q", .storage = b, .connection = "DATA"});
    });
    CHECK(testing::synthesize(app).diagnostic("IAC-FUNC-005").message ==
          "connection 'DATA' of function 'two' names two storage accounts");
  }
  SUBCASE("a duplicate function") {
    auto app = function_app(PlanSku::P0v3, [](Stack&, LinuxFunctionApp& f) {
      f.http("ingest");
      f.http("ingest");
    });
    CHECK(testing::synthesize(app).diagnostic("IAC-FUNC-006").message ==
          "function 'ingest' is declared twice");
  }
  SUBCASE("no methods") {
    auto app = function_app(PlanSku::P0v3,
                            [](Stack&, LinuxFunctionApp& f) { f.http("x", {.methods = {}}); });
    CHECK(testing::synthesize(app).diagnostic("IAC-FUNC-007").message ==
          "HTTP function 'x' lists no methods");
  }
  SUBCASE("an exponential backoff whose maximum is below its minimum") {
    auto app = function_app(PlanSku::P0v3, [](Stack&, LinuxFunctionApp& f) {
      f.timer("poll", "0 0 * * * *", {.retry = Retry::exponential_backoff(3, 60s, 10s)});
    });
    CHECK(testing::synthesize(app).diagnostic("IAC-FUNC-008").message ==
          "timer 'poll' retry policy is invalid");
  }
  SUBCASE(".NET isolated with function.json") {
    auto app = function_app(
        PlanSku::P0v3, [](Stack&, LinuxFunctionApp& f) { f.http("x"); },
        [](LinuxFunctionAppProps& p) { p.runtime = Runtime::dotnet_isolated("8.0"); });
    CHECK(contains(testing::synthesize(app).diagnostic("IAC-FUNC-010").fix, "in_code"));
  }
  SUBCASE("an identity-based connection without an identity") {
    auto app = function_app(
        PlanSku::P0v3,
        [](Stack& s, LinuxFunctionApp& f) {
          f.queue("work", {.queue = "jobs", .storage = s.add<StorageAccount>("data")});
        },
        [](LinuxFunctionAppProps& p) { p.settings.identity = AppIdentity::none("legacy"); });
    CHECK(contains(testing::synthesize(app).diagnostic("IAC-FUNC-011").message,
                   "`settings.identity` is none"));
  }
}

TEST_CASE("queue and blob triggers wire identity-based connections and grant data roles") {
  auto app = function_app(PlanSku::P0v3, [](Stack& s, LinuxFunctionApp& f) {
    auto& data = s.add<StorageAccount>("data");
    f.queue("work", {.queue = "jobs", .storage = data});
    f.blob("files", {.path = "raw-feeds/{name}", .storage = data});
  });
  auto result = testing::synthesize(app);
  REQUIRE_FALSE(has_errors(result.diagnostics));
  const auto& func = func_of(app);
  std::vector<std::string> names;
  for (const auto& setting : func.app_settings()) names.push_back(setting.name);
  // One setting per name, even though two triggers share the connection; no key anywhere.
  CHECK(names ==
        std::vector<std::string>{"STORAGE_DATA__queueServiceUri", "STORAGE_DATA__blobServiceUri"});
  const auto* queue =
      dynamic_cast<const RoleAssignment*>(func.find("grant-data-queue-data-contributor"));
  REQUIRE(queue != nullptr);
  CHECK(queue->props().role == BuiltinRole::storage_queue_data_contributor);
  const auto* blob = dynamic_cast<const RoleAssignment*>(func.find("grant-data-blob-data-owner"));
  REQUIRE(blob != nullptr);
  CHECK(blob->props().role == BuiltinRole::storage_blob_data_owner);
}

TEST_CASE("a blob trigger on the host storage reuses the host's Blob Data Owner grant") {
  auto app = function_app(PlanSku::P0v3, [](Stack& s, LinuxFunctionApp& f) {
    f.blob("files",
           {.path = "in/{name}", .storage = *dynamic_cast<const StorageAccount*>(s.find("st"))});
  });
  REQUIRE_FALSE(has_errors(testing::synthesize(app).diagnostics));
  CHECK(func_of(app).find("grant-blob-data-owner") != nullptr);
  CHECK(func_of(app).find("grant-st-blob-data-owner") == nullptr);
  CHECK(func_of(app).find("grant-st-queue-data-contributor") != nullptr);
}

TEST_CASE("a user-assigned identity names itself in the connection") {
  auto user = testing::make_app([](Stack& s, const Environment&) {
    auto& id = s.add<UserAssignedIdentity>("id");
    auto& plan = s.add<AppServicePlan>("plan");
    auto& st = s.add<StorageAccount>("st");
    LinuxFunctionAppProps props;
    props.plan = plan;
    props.storage = st;
    props.settings.identity = AppIdentity::user_assigned(id);
    auto& func = s.add<LinuxFunctionApp>("func", props);
    func.queue("work",
               {.queue = "jobs", .storage = s.add<StorageAccount>("data"), .connection = "JOBS"});
  });
  REQUIRE_FALSE(has_errors(testing::synthesize(user).diagnostics));
  std::vector<std::string> names;
  for (const auto& setting : func_of(user).app_settings()) names.push_back(setting.name);
  CHECK(names ==
        std::vector<std::string>{"JOBS__queueServiceUri", "JOBS__credential", "JOBS__clientId"});
}

/// A Cosmos DB account with an `items` container and a `leases` container partitioned by /id.
struct CosmosFixture {
  const CosmosSqlContainer* items = nullptr;
  const CosmosSqlContainer* leases = nullptr;
};

CosmosFixture add_cosmos(Stack& s, const std::string& id = "cosmos") {
  auto& db = s.add<CosmosAccount>(id).sql_database("db");
  return {&db.container("items", {.partition_key = "/feed"}),
          &db.container("leases", {.partition_key = "/id"})};
}

TEST_CASE("Cosmos DB bindings wire the account endpoint and grant the least data role") {
  auto app = function_app(PlanSku::P0v3, [](Stack& s, LinuxFunctionApp& f) {
    auto cosmos = add_cosmos(s);
    f.http("lookup", {.route = "items/{id}"})
        .cosmos_input({.container = *cosmos.items, .id = "{id}", .partition_key = "{Query.feed}"});
    f.http("search").cosmos_input(
        {.container = *cosmos.items, .sql_query = "SELECT * FROM c WHERE c.feed = {feed}"});
  });
  REQUIRE_FALSE(has_errors(testing::synthesize(app).diagnostics));
  std::vector<std::string> names;
  for (const auto& setting : func_of(app).app_settings()) names.push_back(setting.name);
  CHECK(names == std::vector<std::string>{"COSMOS_COSMOS__accountEndpoint"});
  const auto* account = dynamic_cast<const CosmosAccount*>(app.stack("dev")->find("cosmos"));
  REQUIRE(account != nullptr);
  // Reads only: one Data Reader assignment for both functions, no contributor.
  CHECK(account->find("data-reader-1") != nullptr);
  CHECK(account->find("data-reader-2") == nullptr);
  CHECK(account->find("data-contributor-1") == nullptr);
}

TEST_CASE("a writing binding grants Data Contributor once, even after a manual grant") {
  auto app = function_app(PlanSku::P0v3, [](Stack& s, LinuxFunctionApp& f) {
    auto cosmos = add_cosmos(s);
    const_cast<CosmosAccount&>(cosmos.items->database().account())
        .grant_data_contributor(f.identity());
    f.cosmos("changes", {.container = *cosmos.items, .leases = *cosmos.leases});
    f.timer("poll", "0 */15 * * * *").cosmos_output({.container = *cosmos.items});
  });
  REQUIRE_FALSE(has_errors(testing::synthesize(app).diagnostics));
  const auto* account = app.stack("dev")->find("cosmos");
  CHECK(account->find("data-contributor-1") != nullptr);
  CHECK(account->find("data-contributor-2") == nullptr);
  CHECK(account->find("data-reader-1") == nullptr);
}

TEST_CASE("Cosmos DB and Service Bus validation names the function and the fix") {
  SUBCASE("a change feed trigger without a lease container") {
    auto app = function_app(PlanSku::P0v3, [](Stack& s, LinuxFunctionApp& f) {
      f.cosmos("changes", {.container = *add_cosmos(s).items});
    });
    const auto result = testing::synthesize(app);
    const auto& d = result.diagnostic("IAC-FUNC-012");
    CHECK(d.message == "Cosmos DB trigger 'changes' has no `leases`");
    CHECK(contains(d.fix, "partitioned by \"/id\""));
  }
  SUBCASE("leases not partitioned by /id") {
    auto app = function_app(PlanSku::P0v3, [](Stack& s, LinuxFunctionApp& f) {
      auto cosmos = add_cosmos(s);
      f.cosmos("changes", {.container = *cosmos.leases, .leases = *cosmos.items});
    });
    CHECK(contains(testing::synthesize(app).diagnostic("IAC-FUNC-012").message,
                   "is not partitioned by \"/id\""));
  }
  SUBCASE("leases in another account") {
    auto app = function_app(PlanSku::P0v3, [](Stack& s, LinuxFunctionApp& f) {
      f.cosmos("changes",
               {.container = *add_cosmos(s).items, .leases = *add_cosmos(s, "other").leases});
    });
    CHECK(testing::synthesize(app).diagnostic("IAC-FUNC-012").message ==
          "Cosmos DB trigger 'changes': `leases` is in another account");
  }
  SUBCASE("an output binding without a container: an unknown connection") {
    auto app = function_app(PlanSku::P0v3, [](Stack&, LinuxFunctionApp& f) {
      f.timer("poll", "0 0 * * * *").cosmos_output({.connection = "INDICATORS"});
    });
    CHECK(testing::synthesize(app).diagnostic("IAC-FUNC-004").message ==
          "Cosmos DB output binding of 'poll' has no connection: `container` is not set");
  }
  SUBCASE("an input binding with both a point read and a query") {
    auto app = function_app(PlanSku::P0v3, [](Stack& s, LinuxFunctionApp& f) {
      f.http("x").cosmos_input({.container = *add_cosmos(s).items,
                                .id = "{id}",
                                .partition_key = "{pk}",
                                .sql_query = "SELECT * FROM c"});
    });
    CHECK(contains(testing::synthesize(app).diagnostic("IAC-FUNC-012").fix, "`.sql_query` alone"));
  }
  SUBCASE("one connection name for two Cosmos DB accounts") {
    auto app = function_app(PlanSku::P0v3, [](Stack& s, LinuxFunctionApp& f) {
      f.http("a").cosmos_output({.container = *add_cosmos(s).items, .connection = "DATA"});
      f.http("b").cosmos_output({.container = *add_cosmos(s, "other").items, .connection = "DATA"});
    });
    CHECK(testing::synthesize(app).diagnostic("IAC-FUNC-005").message ==
          "connection 'DATA' of function 'b' names two Cosmos DB accounts");
  }
  SUBCASE("a Service Bus trigger without a connection") {
    auto app = function_app(PlanSku::P0v3, [](Stack&, LinuxFunctionApp& f) {
      f.service_bus("orders", {.queue = "orders"});
    });
    const auto result = testing::synthesize(app);
    const auto& d = result.diagnostic("IAC-FUNC-004");
    CHECK(d.message == "Service Bus trigger 'orders' has no connection");
    CHECK(contains(d.fix, "<namespace>.servicebus.windows.net"));
  }
  SUBCASE("a Service Bus namespace given as a connection string") {
    auto app = function_app(PlanSku::P0v3, [](Stack&, LinuxFunctionApp& f) {
      f.service_bus("orders",
                    {.fully_qualified_namespace = "Endpoint=sb://x.servicebus.windows.net/",
                     .queue = "orders"});
    });
    CHECK(contains(testing::synthesize(app).diagnostic("IAC-FUNC-004").message,
                   "is not a host name"));
  }
  SUBCASE("a topic without a subscription") {
    auto app = function_app(PlanSku::P0v3, [](Stack&, LinuxFunctionApp& f) {
      f.service_bus("orders",
                    {.fully_qualified_namespace = "sb.servicebus.windows.net", .topic = "orders"});
    });
    CHECK(testing::synthesize(app).diagnostic("IAC-FUNC-012").message ==
          "Service Bus trigger 'orders' must read one queue or one topic subscription");
  }
  SUBCASE("a singleton lock period outside the lease limits") {
    auto app = function_app(PlanSku::P0v3, {}, [](LinuxFunctionAppProps& p) {
      p.host.singleton.lock_period = std::chrono::seconds(5);
    });
    CHECK(testing::synthesize(app).diagnostic("IAC-FUNC-009").message ==
          "`host.singleton` is inconsistent");
  }
}

TEST_CASE("a Service Bus trigger connects by namespace, or by a Key Vault reference") {
  auto app = function_app(PlanSku::P0v3, [](Stack& s, LinuxFunctionApp& f) {
    f.service_bus("orders",
                  {.fully_qualified_namespace = "sb-orders.servicebus.windows.net", .queue = "q"});
    f.service_bus("partner", {.connection_string = s.add<KeyVault>("kv").secret_reference("sb"),
                              .topic = "events",
                              .subscription = "us",
                              .connection = "PARTNER"});
  });
  REQUIRE_FALSE(has_errors(testing::synthesize(app).diagnostics));
  const auto& settings = func_of(app).app_settings();
  REQUIRE(settings.size() == 2);
  CHECK(settings[0].name == "SERVICEBUS__fullyQualifiedNamespace");
  CHECK(settings[1].name == "PARTNER");
}

TEST_CASE("the policy reports an anonymous function with its reason") {
  auto app = function_app(PlanSku::P0v3, [](Stack&, LinuxFunctionApp& f) {
    f.http("health", {.auth = HttpAuth::anonymous("load balancer probe")});
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  auto report = policy::evaluate(app, "2026-01-01");
  auto it = std::find_if(report.findings.begin(), report.findings.end(),
                         [](const auto& f) { return f.rule_id == "AZ-FUNC-001"; });
  REQUIRE(it != report.findings.end());
  CHECK(it->message == "anonymous HTTP function: 'health' (load balancer probe)");
  CHECK(it->severity == Severity::warning);  // dev; an error in staging and prod
}

}  // namespace
}  // namespace iac
