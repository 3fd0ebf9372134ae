#pragma once
/// Azure Functions runtime configuration of a function app: the host settings (host.json) and
/// the functions with their triggers and bindings (function.json), typed and checked at model
/// time so that a wrong schedule or a key-based connection never reaches a deployment.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dsl/azure/key_vault.h"
#include "dsl/core/expr.h"

namespace iac::azure {

class CosmosSqlContainer;
class StorageAccount;

/// A log level of the Functions host, as host.json spells them ("Information", ...).
enum class LogLevel { trace, debug, information, warning, error, critical, none };
std::string_view to_string(LogLevel level);

/// One more logging category, e.g. `{"Function.timer_ingestion.User", LogLevel::debug}`.
struct LogCategory {
  std::string category;
  LogLevel level = LogLevel::information;
};

/// `logging.logLevel` of host.json.
struct HostLogging {
  /// Every category not listed below.
  /// @default Information in dev, Warning in staging and prod (less noise, lower ingestion cost)
  std::optional<LogLevel> default_level;
  /// What the function code logs (category `Function`). @default Information
  LogLevel function = LogLevel::information;
  /// Request telemetry (category `Host.Results`): kept at Information so that every invocation
  /// and failure reaches Application Insights even when the default is Warning. @default
  /// Information
  LogLevel host_results = LogLevel::information;
  /// Invocation counts and durations (category `Host.Aggregator`), which the portal's Monitor
  /// tab charts. @default Information
  LogLevel host_aggregator = LogLevel::information;
  /// Further categories, written in declaration order after the ones above. @default none
  std::vector<LogCategory> categories;
};

/// A telemetry type that adaptive sampling can keep or drop.
enum class TelemetryType { dependency, event, exception, page_view, request, trace };
std::string_view to_string(TelemetryType type);  ///< "Dependency", "PageView", ...

/// `logging.applicationInsights.samplingSettings` of host.json.
struct Sampling {
  /// Adaptive sampling keeps telemetry cost bounded under load. @default true
  bool enabled = true;
  /// Target rate per instance, 1 or more.
  /// @default 5 in dev (a small daily quota), 20 (the runtime's default) in staging and prod
  std::optional<int> max_items_per_second;
  /// Types that are never sampled, so every failed request and exception is kept.
  /// @default Request, Exception
  std::vector<TelemetryType> excluded_types = {TelemetryType::request, TelemetryType::exception};
};

/// `healthMonitor` of host.json: the host recycles itself when its counters stay unhealthy.
struct HealthMonitor {
  /// @default true
  bool enabled = true;
  /// @default 10 s
  std::chrono::seconds check_interval{10};
  /// The window over which `check_threshold` failures recycle the host. @default 2 min
  std::chrono::seconds check_window{120};
  /// @default 6
  int check_threshold = 6;
  /// A counter above this share of its limit is unhealthy, in (0, 1]. @default 0.8
  double counter_threshold = 0.8;
};

/// `extensions.http` of host.json, written when the app has an HTTP function.
struct HttpSettings {
  /// The route prefix of every HTTP function; "" removes it. @default "api"
  std::string route_prefix = "api";
  /// Requests held at once (running plus queued), -1 for no limit. A bound keeps a flood from
  /// exhausting the worker's memory; further requests get 429. @default 200
  int max_outstanding_requests = 200;
  /// HTTP functions running in parallel per instance, -1 for no limit. @default 100
  int max_concurrent_requests = 100;
  /// Reject with 429 while the host's counters (CPU, memory, connections) are too high.
  /// @default true
  bool dynamic_throttles_enabled = true;
};

/// `extensions.queues` of host.json, written when the app has a queue trigger.
struct QueueSettings {
  /// Messages fetched at once per function, 1 to 32. @default 16
  int batch_size = 16;
  /// Attempts before a message moves to the `-poison` queue: the queue trigger's retry.
  /// @default 5
  int max_dequeue_count = 5;
  /// @default 2 s
  std::chrono::seconds max_polling_interval{2};
  /// Delay before a failed message is visible again. @default 0 s
  std::chrono::seconds visibility_timeout{0};
};

/// `extensions.serviceBus` of host.json (Service Bus extension 5.x), written when the app has a
/// Service Bus trigger.
struct ServiceBusSettings {
  /// Messages fetched ahead of processing. @default 0: a crashed instance then holds no locked
  /// messages it never processes (they would wait for their lock to expire)
  int prefetch_count = 0;
  /// Messages processed in parallel per instance. @default 16
  int max_concurrent_calls = 16;
  /// Complete a message when the function succeeds, abandon it when it throws. @default true
  bool auto_complete_messages = true;
  /// How long the host keeps renewing a message's lock while the function runs. @default 5 min
  std::chrono::seconds max_auto_lock_renewal_duration{300};
};

/// `singleton` of host.json, written when the app has a timer trigger: a schedule runs on one
/// instance at a time, under a blob lease in the host storage.
struct SingletonSettings {
  /// @default 15 s
  std::chrono::seconds lock_period{15};
  /// @default 60 s
  std::chrono::seconds listener_lock_period{60};
  /// @default 60 s
  std::chrono::seconds listener_lock_recovery_polling_interval{60};
  /// @default 60 s
  std::chrono::seconds lock_acquisition_timeout{60};
  /// @default 3 s
  std::chrono::seconds lock_acquisition_polling_interval{3};
};

/// `extensionBundle` of host.json: the binding extensions for non-.NET workers.
struct ExtensionBundle {
  /// @default "Microsoft.Azure.Functions.ExtensionBundle"
  std::string id = "Microsoft.Azure.Functions.ExtensionBundle";
  /// @default "[4.*, 5.0.0)": bundle 4, the one that supports identity-based connections
  std::string version = "[4.*, 5.0.0)";
};

/// A retry policy: `Retry::fixed_delay(2, 30s)` or `Retry::exponential_backoff(5, 4s, 15min)`.
struct Retry {
  enum class Strategy { fixed_delay, exponential_backoff };

  Strategy strategy = Strategy::fixed_delay;
  /// Retries after the first attempt, 0 or more (-1: forever, refused by validation).
  int max_retry_count = 0;
  /// fixed_delay: the delay; exponential_backoff: the first delay.
  std::chrono::seconds minimum{0};
  /// exponential_backoff only: the longest delay.
  std::chrono::seconds maximum{0};

  static Retry fixed_delay(int max_retry_count, std::chrono::seconds delay) {
    return {Strategy::fixed_delay, max_retry_count, delay, delay};
  }
  static Retry exponential_backoff(int max_retry_count, std::chrono::seconds minimum,
                                   std::chrono::seconds maximum) {
    return {Strategy::exponential_backoff, max_retry_count, minimum, maximum};
  }
};

/// Where the app's bindings are declared: one function.json per function (Python v1, Node v3,
/// custom handlers), or in code (Python v2 decorators, .NET isolated, Java), where iacgen writes
/// host.json only and the functions still drive app settings, role grants and validation.
enum class BindingLayout { function_json, in_code };

/// Host settings of a function app: what iacgen writes to its host.json (`"version": "2.0"`).
struct HostSettings {
  HostLogging logging;
  Sampling sampling;
  /// Longest run of one invocation, below 24 h.
  /// @default 10 min on Y1 (the plan's maximum), 30 min on Elastic Premium and dedicated plans
  std::optional<std::chrono::seconds> function_timeout;
  HealthMonitor health_monitor;
  HttpSettings http;
  QueueSettings queues;
  ServiceBusSettings service_bus;
  SingletonSettings singleton;
  /// Written for Python, Node and Java workers; .NET isolated apps reference NuGet packages.
  ExtensionBundle extension_bundle;
  /// App-wide retry of failed executions; a function's own retry takes precedence. @default none
  std::optional<Retry> retry;
  /// @default function_json
  BindingLayout layout = BindingLayout::function_json;
};

/// Who may call an HTTP function: a function key by default, the master key with `admin()`, or
/// anyone with `anonymous("reason")`, which the policy engine reports (AZ-FUNC-001).
class HttpAuth {
 public:
  enum class Level { function, admin, anonymous };

  HttpAuth() = default;
  static HttpAuth function() { return {}; }
  static HttpAuth admin();
  /// No key at all, e.g. for a load balancer's health probe, which cannot send one.
  static HttpAuth anonymous(std::string reason);

  Level level() const { return level_; }
  const std::string& reason() const { return reason_; }

 private:
  Level level_ = Level::function;
  std::string reason_;
};

std::string_view to_string(HttpAuth::Level level);  ///< "function", "admin", "anonymous"

enum class HttpMethod { get, post, put, patch, delete_, head, options };
std::string_view to_string(HttpMethod method);  ///< "get", "post", ...

/// A timer trigger. Its schedule is given to `LinuxFunctionApp::timer`.
struct TimerTriggerProps {
  /// The parameter name in the function code. @default "timer"
  std::string parameter = "timer";
  /// Run once at every host start too: on a scaling plan that means at every scale-out.
  /// @default false
  bool run_on_startup = false;
  /// Persist the schedule in the host storage so restarts do not skip or repeat a run.
  /// @default true
  bool use_monitor = true;
  /// Retry of a failed run. @default none
  std::optional<Retry> retry;
  /// @default "__init__.py" (Python), "index.js" (Node)
  std::optional<std::string> script_file;
};

/// An HTTP trigger and its `http` output binding (`$return`).
struct HttpTriggerProps {
  /// The route below the host's route prefix, e.g. "ingest". @default the function name
  std::optional<std::string> route;
  /// Accepted methods; none would mean every method. @default GET
  std::vector<HttpMethod> methods = {HttpMethod::get};
  /// @default function key
  HttpAuth auth;
  /// @default "req"
  std::string parameter = "req";
  std::optional<std::string> script_file;
};

/// A Storage queue trigger. Retries are the queue's: `HostSettings::queues.max_dequeue_count`.
struct QueueTriggerProps {
  /// The queue to read. Required.
  std::string queue;
  /// The account holding it, reached with the app's identity. Required.
  Link<StorageAccount> storage;
  /// The app setting prefix of the connection (`<connection>__queueServiceUri`).
  /// @default "STORAGE_<ACCOUNT ID>"
  std::string connection;
  /// @default "msg"
  std::string parameter = "msg";
  std::optional<std::string> script_file;
};

/// A Storage blob trigger (`container/{name}`), reached with the app's identity.
struct BlobTriggerProps {
  /// `<container>/<pattern>`, e.g. "raw-feeds/{name}". Required.
  std::string path;
  /// Required.
  Link<StorageAccount> storage;
  /// @default "STORAGE_<ACCOUNT ID>"
  std::string connection;
  /// @default "blob"
  std::string parameter = "blob";
  std::optional<std::string> script_file;
};

/// A Cosmos DB change feed trigger: the function receives the items written to `container`.
/// The connection is identity-based (`<connection>__accountEndpoint`) and the app is granted the
/// Cosmos DB Built-in Data Contributor role (the trigger writes its checkpoints).
struct CosmosTriggerProps {
  /// The container to watch. Required.
  Link<CosmosSqlContainer> container;
  /// Where the trigger keeps its checkpoints: a container of the same account, partitioned by
  /// `/id`, declared in the model. Required: the runtime never creates it
  /// (`createLeaseContainerIfNotExists` stays false, so the app needs no control-plane rights).
  Link<CosmosSqlContainer> leases;
  /// @default "COSMOS_<ACCOUNT ID>"
  std::string connection;
  /// @default "documents"
  std::string parameter = "documents";
  /// Read the whole change feed the first time, rather than from now on. @default false
  bool start_from_beginning = false;
  /// Items per invocation at most. @default the runtime's (100)
  std::optional<int> max_items_per_invocation;
  /// Retry of a failed batch; the change feed trigger supports retry policies. @default none
  std::optional<Retry> retry;
  std::optional<std::string> script_file;
};

/// A Cosmos DB input binding: one item by id and partition key, or the result of a query.
/// Granted Cosmos DB Built-in Data Reader.
struct CosmosInputProps {
  /// Required.
  Link<CosmosSqlContainer> container;
  /// @default "COSMOS_<ACCOUNT ID>"
  std::string connection;
  /// @default "documents"
  std::string parameter = "documents";
  /// A binding expression such as "{id}" or "{Query.id}". @default none
  std::optional<std::string> id;
  /// Required with `id`, e.g. "{partitionKey}". @default none
  std::optional<std::string> partition_key;
  /// A query instead of a point read, e.g. "SELECT * FROM c WHERE c.feed = {feed}". @default none
  std::optional<std::string> sql_query;
};

/// A Cosmos DB output binding: what the function returns or sets is upserted into `container`.
/// Granted Cosmos DB Built-in Data Contributor.
struct CosmosOutputProps {
  /// Required. The container is declared in the model: `createIfNotExists` is always false.
  Link<CosmosSqlContainer> container;
  /// @default "COSMOS_<ACCOUNT ID>"
  std::string connection;
  /// @default "outputDocument"
  std::string parameter = "outputDocument";
};

/// A Service Bus queue or topic-subscription trigger. Settlement and concurrency are the host's:
/// `HostSettings::service_bus`.
struct ServiceBusTriggerProps {
  /// The namespace's host name, `<namespace>.servicebus.windows.net`: the app connects with its
  /// identity (`<connection>__fullyQualifiedNamespace`). The namespace's owner grants the app
  /// Azure Service Bus Data Receiver. Set this or `connection_string`.
  Expr fully_qualified_namespace;
  /// A Key Vault reference to a connection string, for a namespace the app cannot reach with
  /// its identity (e.g. another tenant's). Key-based, so the policy engine reports it
  /// (AZ-FUNC-002). @default none
  std::optional<KeyVaultSecretReference> connection_string;
  /// The queue to read; or `topic` and `subscription`.
  std::string queue;
  std::string topic;
  std::string subscription;
  /// @default "SERVICEBUS"
  std::string connection = "SERVICEBUS";
  /// @default "msg"
  std::string parameter = "msg";
  std::optional<std::string> script_file;
};

struct TimerTrigger {
  std::string schedule;  ///< Six-field NCRONTAB.
  TimerTriggerProps props;
};
struct HttpTrigger {
  HttpTriggerProps props;
};
struct QueueTrigger {
  QueueTriggerProps props;
  std::string connection;  ///< Resolved: the props' or the default.
};
struct BlobTrigger {
  BlobTriggerProps props;
  std::string connection;
};

struct CosmosTrigger {
  CosmosTriggerProps props;
  std::string connection;
};
struct ServiceBusTrigger {
  ServiceBusTriggerProps props;
};

using Trigger = std::variant<TimerTrigger, HttpTrigger, QueueTrigger, BlobTrigger, CosmosTrigger,
                             ServiceBusTrigger>;

struct CosmosInput {
  CosmosInputProps props;
  std::string connection;  ///< Resolved: the props' or the default.
};
struct CosmosOutput {
  CosmosOutputProps props;
  std::string connection;
};

/// An input or output binding besides the trigger.
using Binding = std::variant<CosmosInput, CosmosOutput>;

/// One function of a function app: its name (its folder), its trigger and its other bindings.
struct FunctionDefinition {
  std::string name;
  Trigger trigger;
  std::vector<Binding> bindings;
};

/// Why `schedule` is not a six-field NCRONTAB expression
/// (`{second} {minute} {hour} {day} {month} {day-of-week}`), or nothing when it is one.
std::optional<std::string> ncrontab_error(std::string_view schedule);

/// `hh:mm:ss`, the TimeSpan form host.json and function.json take. Precondition: below 24 h.
std::string timespan(std::chrono::seconds duration);

}  // namespace iac::azure
