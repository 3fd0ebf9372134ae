#include "dsl/azure/function_app.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "dsl/azure/cosmos.h"
#include "dsl/azure/role_assignment.h"
#include "dsl/core/stack.h"

namespace iac::azure {

namespace {

bool supported(const Runtime& runtime) {
  auto in = [&](auto versions) {
    return std::find(versions.begin(), versions.end(), runtime.version) != versions.end();
  };
  switch (runtime.stack) {
    case RuntimeStack::python:
      return in(std::array<std::string_view, 3>{"3.10", "3.11", "3.12"});
    case RuntimeStack::dotnet_isolated:
      return in(std::array<std::string_view, 2>{"8.0", "9.0"});
    case RuntimeStack::node:
      return in(std::array<std::string_view, 2>{"20", "22"});
    case RuntimeStack::java:
      return in(std::array<std::string_view, 3>{"11", "17", "21"});
    case RuntimeStack::dotnet:
      return false;  // in-process .NET ends with runtime ~4 support
  }
  return false;
}

using std::chrono::minutes;
using std::chrono::seconds;

/// The longest `functionTimeout` a plan allows: 10 minutes on Consumption; Elastic Premium and
/// dedicated plans are unbounded, but host.json's TimeSpan form stops below 24 hours.
seconds timeout_limit(PlanSku sku) {
  return sku == PlanSku::Y1 ? seconds(minutes(10)) : seconds(24 * 3600 - 1);
}

/// A function name: a letter, then letters, digits, '_' or '-', at most 127 characters (the
/// runtime's rule; the name is also the function's folder).
bool valid_function_name(std::string_view name) {
  if (name.empty() || name.size() > 127 || !std::isalpha(static_cast<unsigned char>(name[0]))) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

/// An app setting prefix: letters, digits and '_' (`__` separates it from the property).
bool valid_connection_name(std::string_view name) {
  return !name.empty() && std::isalpha(static_cast<unsigned char>(name[0])) &&
         name.find("__") == std::string_view::npos &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
         });
}

/// `<PREFIX>_<ID>` for a resource with construct id `<id>`, e.g. `STORAGE_ST`.
std::string connection_for(std::string_view prefix, const Resource& resource) {
  std::string name(prefix);
  name += '_';
  for (char c : resource.construct_id()) {
    name += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return name;
}

std::string default_connection(const Link<StorageAccount>& storage) {
  return storage ? connection_for("STORAGE", *storage) : std::string();
}

std::string_view trigger_kind(const Trigger& trigger) {
  return std::visit(
      [](const auto& t) -> std::string_view {
        using T = std::decay_t<decltype(t)>;
        if constexpr (std::is_same_v<T, TimerTrigger>) return "timer";
        if constexpr (std::is_same_v<T, HttpTrigger>) return "HTTP";
        if constexpr (std::is_same_v<T, QueueTrigger>) return "queue";
        if constexpr (std::is_same_v<T, CosmosTrigger>) return "Cosmos DB";
        if constexpr (std::is_same_v<T, ServiceBusTrigger>) return "Service Bus";
        return "blob";
      },
      trigger);
}

}  // namespace

const ResourceKind LinuxFunctionApp::kKind{
    .name = "Function app", .abbreviation = "func", .naming = kSiteNaming};

LinuxFunctionApp::LinuxFunctionApp(Construct& scope, std::string id, Props props)
    : Site(scope, std::move(id), props.name, props.tags, props.plan, props.runtime, props.insights,
           props.settings),
      props_(std::move(props)) {
  grant_insights_publishing();
  // Defaults that depend on the environment and the plan, resolved once so that the model,
  // the policy and every generator read the same values.
  const Environment& env = stack().env();
  HostSettings& host = props_.host;
  if (!host.logging.default_level) {
    host.logging.default_level = env.is_dev() ? LogLevel::information : LogLevel::warning;
  }
  if (!host.sampling.max_items_per_second) {
    host.sampling.max_items_per_second = env.is_dev() ? 5 : 20;
  }
  if (!host.function_timeout) {
    const bool consumption = plan() != nullptr && plan()->props().sku == PlanSku::Y1;
    host.function_timeout = consumption ? seconds(minutes(10)) : seconds(minutes(30));
  }
  if (props_.storage && storage_uses_managed_identity() &&
      settings().identity.mode() != AppIdentity::Mode::none) {
    // The host keeps keys, leases and trigger state in blobs.
    add<RoleAssignment>("grant-blob-data-owner", {.scope = *props_.storage,
                                                  .role = BuiltinRole::storage_blob_data_owner,
                                                  .principal = identity(),
                                                  .description = "Functions host storage"});
  }
}

bool LinuxFunctionApp::storage_uses_managed_identity() const {
  return plan() == nullptr ||
         !(plan()->props().sku == PlanSku::Y1 || is_elastic_premium(plan()->props().sku));
}

FunctionBindings& FunctionBindings::cosmos_input(CosmosInputProps props) {
  std::string connection = app_->wire_cosmos(props.container, props.connection, false);
  app_->add_binding(index_, CosmosInput{std::move(props), std::move(connection)});
  return *this;
}

FunctionBindings& FunctionBindings::cosmos_output(CosmosOutputProps props) {
  std::string connection = app_->wire_cosmos(props.container, props.connection, true);
  app_->add_binding(index_, CosmosOutput{std::move(props), std::move(connection)});
  return *this;
}

FunctionBindings LinuxFunctionApp::add_function(std::string name, Trigger trigger) {
  functions_.push_back({std::move(name), std::move(trigger), {}});
  return {*this, functions_.size() - 1};
}

void LinuxFunctionApp::add_binding(std::size_t function, Binding binding) {
  functions_.at(function).bindings.push_back(std::move(binding));
}

FunctionBindings LinuxFunctionApp::timer(std::string name, std::string schedule,
                                         TimerTriggerProps props) {
  return add_function(std::move(name), TimerTrigger{std::move(schedule), std::move(props)});
}

FunctionBindings LinuxFunctionApp::http(std::string name, HttpTriggerProps props) {
  return add_function(std::move(name), HttpTrigger{std::move(props)});
}

FunctionBindings LinuxFunctionApp::cosmos(std::string name, CosmosTriggerProps props) {
  std::string connection = wire_cosmos(props.container, props.connection, true);
  return add_function(std::move(name), CosmosTrigger{std::move(props), std::move(connection)});
}

FunctionBindings LinuxFunctionApp::service_bus(std::string name, ServiceBusTriggerProps props) {
  if (valid_connection_name(props.connection)) {
    const std::string& connection = props.connection;
    if (!props.fully_qualified_namespace.empty()) {
      if (wired_settings_.insert(connection + "__fullyQualifiedNamespace").second) {
        setting(connection + "__fullyQualifiedNamespace", props.fully_qualified_namespace);
        wire_user_identity(connection);
      }
    } else if (props.connection_string && props.connection_string->vault != nullptr &&
               wired_settings_.insert(connection).second) {
      setting(connection, *props.connection_string);  // also grants Secrets User
    }
  }
  return add_function(std::move(name), ServiceBusTrigger{std::move(props)});
}

void LinuxFunctionApp::wire_user_identity(const std::string& connection) {
  // A user-assigned identity names itself; the system-assigned one is the runtime's default.
  if (const auto* user = settings().identity.user_identity()) {
    setting(connection + "__credential", "managedidentity");
    setting(connection + "__clientId", user->client_id());
  }
}

std::string LinuxFunctionApp::wire_cosmos(const Link<CosmosSqlContainer>& container,
                                          std::string connection, bool writes) {
  if (!container) return connection;  // reported by validate
  const CosmosAccount& account = container->database().account();
  if (connection.empty()) connection = connection_for("COSMOS", account);
  if (!valid_connection_name(connection)) return connection;
  if (wired_settings_.insert(connection + "__accountEndpoint").second) {
    setting(connection + "__accountEndpoint", account.endpoint());
    wire_user_identity(connection);
  }
  if (settings().identity.mode() == AppIdentity::Mode::none) return connection;
  const Principal principal = identity();
  const CosmosDataRole role = writes ? CosmosDataRole::contributor : CosmosDataRole::reader;
  if (account.find_grant(principal, role) == nullptr) {
    // Links are const so that props cannot change their targets; the account is a construct of
    // this stack, still open for children before the lock.
    auto& mutable_account = const_cast<CosmosAccount&>(account);  // NOLINT
    if (writes) {
      mutable_account.grant_data_contributor(principal);
    } else {
      mutable_account.grant_data_reader(principal);
    }
  }
  return connection;
}

FunctionBindings LinuxFunctionApp::queue(std::string name, QueueTriggerProps props) {
  std::string connection =
      props.connection.empty() ? default_connection(props.storage) : props.connection;
  if (props.storage && valid_connection_name(connection)) {
    wire_storage_connection(connection, *props.storage, /*blobs=*/false);
    grant_storage_role(*props.storage, BuiltinRole::storage_queue_data_contributor);
  }
  return add_function(std::move(name), QueueTrigger{std::move(props), std::move(connection)});
}

FunctionBindings LinuxFunctionApp::blob(std::string name, BlobTriggerProps props) {
  std::string connection =
      props.connection.empty() ? default_connection(props.storage) : props.connection;
  if (props.storage && valid_connection_name(connection)) {
    wire_storage_connection(connection, *props.storage, /*blobs=*/true);
    grant_storage_role(*props.storage, BuiltinRole::storage_blob_data_owner);
    grant_storage_role(*props.storage, BuiltinRole::storage_queue_data_contributor);
  }
  return add_function(std::move(name), BlobTrigger{std::move(props), std::move(connection)});
}

void LinuxFunctionApp::wire_storage_connection(const std::string& connection,
                                               const StorageAccount& storage, bool blobs) {
  auto wire = [&](const std::string& suffix, Expr value) {
    std::string name = connection + "__" + suffix;
    if (wired_settings_.insert(name).second) setting(std::move(name), std::move(value));
  };
  // Service URIs only: the runtime then authenticates with the app's managed identity. No key
  // or connection string is ever written for a trigger.
  if (blobs) wire("blobServiceUri", storage.primary_blob_endpoint());
  wire("queueServiceUri", storage.primary_queue_endpoint());
  if (const auto* user = settings().identity.user_identity()) {
    wire("credential", "managedidentity");
    wire("clientId", user->client_id());
  }
}

void LinuxFunctionApp::grant_storage_role(const StorageAccount& storage, BuiltinRole role) {
  if (settings().identity.mode() == AppIdentity::Mode::none) return;  // reported by validate
  // The host storage on a dedicated plan already holds Blob Data Owner for the app.
  if (role == BuiltinRole::storage_blob_data_owner && props_.storage.get() == &storage &&
      storage_uses_managed_identity()) {
    return;
  }
  const bool queue = role == BuiltinRole::storage_queue_data_contributor;
  std::string id = fmt::format("grant-{}-{}", storage.construct_id(),
                               queue ? "queue-data-contributor" : "blob-data-owner");
  if (find(id) != nullptr) return;
  add<RoleAssignment>(std::move(id), {.scope = storage,
                                      .role = role,
                                      .principal = identity(),
                                      .description = queue ? "Functions queue and blob triggers"
                                                           : "Functions blob triggers"});
}

void LinuxFunctionApp::collect_references(std::vector<Ref>& out) const {
  Site::collect_references(out);
  if (props_.storage) out.push_back(props_.storage->id());
}

void LinuxFunctionApp::validate(Diagnostics& out) const {
  Resource::validate(out);
  validate_site(
      out, {"FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION",
            "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
            "AzureWebJobsStorage", "AzureWebJobsStorage__accountName",
            "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE",
            "WEBSITE_HEALTHCHECK_MAXPINGFAILURES"});
  if (!supported(props_.runtime)) {
    out.push_back(
        diagnostic("IAC-APP-002",
                   fmt::format("`runtime` {} {} is not a supported Functions runtime",
                               to_string(props_.runtime.stack), props_.runtime.version),
                   "use Python 3.10-3.12, .NET isolated 8.0/9.0, Node 20/22 or Java 11/17/21"));
  }
  if (!props_.storage) {
    out.push_back(diagnostic("IAC-APP-003", "required prop `storage` is not set",
                             "set `.storage = <StorageAccount>` for the Functions host"));
  }
  validate_functions(out);
  if (plan() == nullptr) return;
  const PlanSku sku = plan()->props().sku;
  if (sku == PlanSku::FC1) {
    out.push_back(diagnostic(
        "IAC-APP-013",
        "`plan` is Flex Consumption (FC1), which needs azurerm_function_app_flex_consumption",
        "use Y1, EP1-EP3 or a dedicated plan; Flex Consumption apps are not modeled yet"));
  }
  if (props_.storage && !storage_uses_managed_identity() &&
      props_.storage->props().entra_only_auth.is_enforced()) {
    out.push_back(diagnostic(
        "IAC-APP-014",
        fmt::format("{} plans keep the app's content on an Azure Files share that needs the "
                    "storage account key, but `storage` has `entra_only_auth` enforced",
                    to_string(sku)),
        "waive it on that account: `.entra_only_auth = Control::waived(\"Functions content "
        "share\")`, or use a dedicated plan where the host uses its identity"));
  }
}

void LinuxFunctionApp::validate_functions(Diagnostics& out) const {
  const HostSettings& host = props_.host;
  if (host.function_timeout && plan() != nullptr) {
    const PlanSku sku = plan()->props().sku;
    const seconds timeout = *host.function_timeout;
    const seconds limit = timeout_limit(sku);
    if (timeout <= seconds(0) || timeout > limit) {
      out.push_back(diagnostic(
          "IAC-FUNC-002",
          fmt::format("`host.function_timeout` is {}s, {} the {} plan's limit of {}",
                      timeout.count(), timeout <= seconds(0) ? "not a duration within" : "above",
                      to_string(sku), timespan(limit)),
          sku == PlanSku::Y1 ? "set it to 10 minutes or less, or run the app on an Elastic "
                               "Premium or dedicated plan for longer runs"
                             : "set a positive duration below 24 hours"));
    }
  }
  const auto& sampling = host.sampling;
  if (sampling.max_items_per_second && *sampling.max_items_per_second < 1) {
    out.push_back(diagnostic(
        "IAC-FUNC-009",
        fmt::format("`host.sampling.max_items_per_second` is {}", *sampling.max_items_per_second),
        "set it to 1 or more, or turn sampling off with `.enabled = false`"));
  }
  const auto& health = host.health_monitor;
  if (health.check_threshold < 1 || health.counter_threshold <= 0 || health.counter_threshold > 1 ||
      health.check_interval <= seconds(0) || health.check_window < health.check_interval ||
      health.check_window >= seconds(24 * 3600)) {
    out.push_back(diagnostic(
        "IAC-FUNC-009", "`host.health_monitor` is inconsistent",
        "use a threshold of 1 or more, a counter threshold in (0, 1], and an interval shorter "
        "than the window (below 24 hours)"));
  }
  auto bad_limit = [](int value) { return value == 0 || value < -1; };
  if (bad_limit(host.http.max_outstanding_requests) ||
      bad_limit(host.http.max_concurrent_requests)) {
    out.push_back(diagnostic("IAC-FUNC-009",
                             "`host.http` request limits must be positive (or -1 for no limit)",
                             "set `max_outstanding_requests` and `max_concurrent_requests`"));
  }
  if (host.queues.batch_size < 1 || host.queues.batch_size > 32 ||
      host.queues.max_dequeue_count < 1) {
    out.push_back(diagnostic("IAC-FUNC-009",
                             fmt::format("`host.queues` has batch_size {} and max_dequeue_count {}",
                                         host.queues.batch_size, host.queues.max_dequeue_count),
                             "use a batch size from 1 to 32 and a dequeue count of 1 or more"));
  }
  const auto& bus = host.service_bus;
  if (bus.prefetch_count < 0 || bus.max_concurrent_calls < 1 ||
      bus.max_auto_lock_renewal_duration < seconds(0) ||
      bus.max_auto_lock_renewal_duration >= seconds(24 * 3600)) {
    out.push_back(diagnostic(
        "IAC-FUNC-009", "`host.service_bus` is inconsistent",
        "use a prefetch count of 0 or more, 1 or more concurrent calls, and a lock renewal "
        "duration below 24 hours"));
  }
  const auto& singleton = host.singleton;
  if (singleton.lock_period < seconds(15) || singleton.lock_period > seconds(60) ||
      singleton.listener_lock_period < seconds(15) ||
      singleton.listener_lock_period > seconds(60) ||
      singleton.listener_lock_recovery_polling_interval <= seconds(0) ||
      singleton.lock_acquisition_timeout <= seconds(0) ||
      singleton.lock_acquisition_polling_interval <= seconds(0) ||
      singleton.listener_lock_recovery_polling_interval >= seconds(24 * 3600) ||
      singleton.lock_acquisition_timeout >= seconds(24 * 3600)) {
    out.push_back(
        diagnostic("IAC-FUNC-009", "`host.singleton` is inconsistent",
                   "keep lock periods between 15 and 60 seconds (the blob lease limits) and the "
                   "intervals positive and below 24 hours"));
  }
  auto check_retry = [&](const Retry& retry, const std::string& where) {
    const bool exponential = retry.strategy == Retry::Strategy::exponential_backoff;
    const seconds day(24 * 3600);
    if (retry.max_retry_count < 0 || retry.minimum < seconds(0) || retry.minimum >= day ||
        retry.maximum >= day || (exponential && retry.maximum < retry.minimum)) {
      out.push_back(
          diagnostic("IAC-FUNC-008", fmt::format("{} retry policy is invalid", where),
                     "give a retry count of 0 or more (not forever) and delays below 24 hours; for "
                     "exponential backoff the maximum is at least the minimum"));
    }
  };
  if (host.retry) check_retry(*host.retry, "the `host.retry`");

  const RuntimeStack stack = props_.runtime.stack;
  if (!functions_.empty() && host.layout == BindingLayout::function_json &&
      (stack == RuntimeStack::dotnet_isolated || stack == RuntimeStack::java)) {
    out.push_back(
        diagnostic("IAC-FUNC-010",
                   fmt::format("{} functions declare their bindings in code, not in function.json",
                               to_string(stack)),
                   "set `.host = {.layout = BindingLayout::in_code}`"));
  }

  std::set<std::string> names;
  std::map<std::string, const StorageAccount*> connections;
  std::map<std::string, const Resource*> accounts;
  const bool has_identity = settings().identity.mode() != AppIdentity::Mode::none;
  for (const auto& function : functions_) {
    const std::string& name = function.name;
    if (!valid_function_name(name)) {
      out.push_back(diagnostic(
          "IAC-FUNC-006", fmt::format("function name '{}' is not valid", name),
          "start with a letter; use letters, digits, '_' and '-'; at most 127 characters"));
    } else if (!names.insert(name).second) {
      out.push_back(diagnostic("IAC-FUNC-006", fmt::format("function '{}' is declared twice", name),
                               "give each function its own name"));
    }
    auto check_connection = [&](const Link<StorageAccount>& storage,
                                const std::string& connection) {
      if (!storage) {
        out.push_back(diagnostic(
            "IAC-FUNC-004",
            fmt::format("{} trigger '{}' has no connection: `storage` is not set{}",
                        trigger_kind(function.trigger), name,
                        connection.empty() ? "" : fmt::format(" for '{}'", connection)),
            "set `.storage = <StorageAccount>`; the connection uses the app's identity"));
        return;
      }
      if (!valid_connection_name(connection)) {
        out.push_back(
            diagnostic("IAC-FUNC-005",
                       fmt::format("connection '{}' of function '{}' is not an app setting prefix",
                                   connection, name),
                       "use letters, digits and single '_', starting with a letter"));
        return;
      }
      auto [it, inserted] = connections.emplace(connection, storage.get());
      if (!inserted && it->second != storage.get()) {
        out.push_back(
            diagnostic("IAC-FUNC-005",
                       fmt::format("connection '{}' of function '{}' names two storage accounts",
                                   connection, name),
                       "give each storage account its own `connection`"));
      }
      if (!has_identity) {
        out.push_back(diagnostic(
            "IAC-FUNC-011",
            fmt::format("function '{}' reaches '{}' with the app's identity, but "
                        "`settings.identity` is none",
                        name, storage->path()),
            "give the app an identity (the default); iacgen writes no connection strings"));
      }
    };
    auto check_cosmos = [&](const Link<CosmosSqlContainer>& container,
                            const std::string& connection, std::string_view what) {
      if (!container) {
        out.push_back(diagnostic(
            "IAC-FUNC-004",
            fmt::format("Cosmos DB {} of '{}' has no connection: `container` is not set", what,
                        name),
            "set `.container = <CosmosSqlContainer>`; the connection uses the app's identity"));
        return;
      }
      if (!valid_connection_name(connection)) {
        out.push_back(
            diagnostic("IAC-FUNC-005",
                       fmt::format("connection '{}' of function '{}' is not an app setting prefix",
                                   connection, name),
                       "use letters, digits and single '_', starting with a letter"));
        return;
      }
      const Resource* account = &container->database().account();
      auto [it, inserted] = accounts.emplace(connection, account);
      if (!inserted && it->second != account) {
        out.push_back(
            diagnostic("IAC-FUNC-005",
                       fmt::format("connection '{}' of function '{}' names two Cosmos DB accounts",
                                   connection, name),
                       "give each account its own `connection`"));
      }
      if (!has_identity) {
        out.push_back(diagnostic(
            "IAC-FUNC-011",
            fmt::format("function '{}' reaches '{}' with the app's identity, but "
                        "`settings.identity` is none",
                        name, account->path()),
            "give the app an identity (the default); iacgen writes no connection strings"));
      }
    };
    std::visit(
        [&](const auto& trigger) {
          using T = std::decay_t<decltype(trigger)>;
          if constexpr (std::is_same_v<T, TimerTrigger>) {
            if (auto error = ncrontab_error(trigger.schedule)) {
              out.push_back(diagnostic(
                  "IAC-FUNC-001",
                  fmt::format("timer '{}' schedule '{}' {}", name, trigger.schedule, *error),
                  "write six fields, seconds first: \"0 */15 * * * *\" runs every 15 minutes"));
            }
            if (trigger.props.retry) {
              check_retry(*trigger.props.retry, fmt::format("timer '{}'", name));
            }
          } else if constexpr (std::is_same_v<T, HttpTrigger>) {
            const auto& props = trigger.props;
            if (props.auth.level() == HttpAuth::Level::anonymous && props.auth.reason().empty()) {
              out.push_back(
                  diagnostic("IAC-FUNC-003",
                             fmt::format("HTTP function '{}' is anonymous without a reason", name),
                             "keep the function key (the default), or write why: "
                             "`HttpAuth::anonymous(\"<reason>\")`"));
            }
            if (props.methods.empty()) {
              out.push_back(diagnostic(
                  "IAC-FUNC-007", fmt::format("HTTP function '{}' lists no methods", name),
                  "list the methods it serves; an empty list would accept every method"));
            }
            if (props.route && (props.route->empty() || props.route->front() == '/')) {
              out.push_back(diagnostic(
                  "IAC-FUNC-007",
                  fmt::format("HTTP function '{}' route '{}' is not relative", name, *props.route),
                  "write the route without a leading '/', e.g. \"ingest\"; the host adds the "
                  "route prefix"));
            }
          } else if constexpr (std::is_same_v<T, QueueTrigger>) {
            if (trigger.props.queue.empty()) {
              out.push_back(diagnostic("IAC-FUNC-004",
                                       fmt::format("queue trigger '{}' has no `queue`", name),
                                       "name the queue to read"));
            }
            check_connection(trigger.props.storage, trigger.connection);
          } else if constexpr (std::is_same_v<T, BlobTrigger>) {
            const std::string& path = trigger.props.path;
            const auto slash = path.find('/');
            if (slash == std::string::npos || slash == 0 || slash + 1 == path.size()) {
              out.push_back(
                  diagnostic("IAC-FUNC-004",
                             fmt::format("blob trigger '{}' path '{}' names no container and blob",
                                         name, path),
                             "write `<container>/<pattern>`, e.g. \"raw-feeds/{name}\""));
            }
            check_connection(trigger.props.storage, trigger.connection);
          } else if constexpr (std::is_same_v<T, CosmosTrigger>) {
            const auto& props = trigger.props;
            check_cosmos(props.container, trigger.connection, "trigger");
            if (!props.leases) {
              out.push_back(diagnostic(
                  "IAC-FUNC-012", fmt::format("Cosmos DB trigger '{}' has no `leases`", name),
                  "declare a lease container partitioned by \"/id\" in the same account and set "
                  "`.leases = <container>`"));
            } else if (props.container) {
              const auto& leases = *props.leases;
              if (&leases.database().account() != &props.container->database().account()) {
                out.push_back(diagnostic(
                    "IAC-FUNC-012",
                    fmt::format("Cosmos DB trigger '{}': `leases` is in another account", name),
                    "put the lease container in the watched container's account: the trigger "
                    "uses one connection for both"));
              }
              if (leases.props().partition_key.paths != std::vector<std::string>{"/id"}) {
                out.push_back(diagnostic(
                    "IAC-FUNC-012",
                    fmt::format("Cosmos DB trigger '{}': lease container '{}' is not partitioned "
                                "by \"/id\"",
                                name, leases.path()),
                    "declare the lease container with `.partition_key = \"/id\"`, as the change "
                    "feed processor requires"));
              }
              if (&leases == props.container.get()) {
                out.push_back(diagnostic(
                    "IAC-FUNC-012",
                    fmt::format("Cosmos DB trigger '{}' keeps its leases in the watched container",
                                name),
                    "use a separate lease container: lease writes would trigger the function"));
              }
            }
            if (props.max_items_per_invocation && *props.max_items_per_invocation < 1) {
              out.push_back(
                  diagnostic("IAC-FUNC-012",
                             fmt::format("Cosmos DB trigger '{}' has max_items_per_invocation {}",
                                         name, *props.max_items_per_invocation),
                             "set 1 or more, or leave it unset for the runtime's 100"));
            }
            if (props.retry) check_retry(*props.retry, fmt::format("Cosmos DB trigger '{}'", name));
          } else if constexpr (std::is_same_v<T, ServiceBusTrigger>) {
            const auto& props = trigger.props;
            const bool by_identity = !props.fully_qualified_namespace.empty();
            const bool by_secret = props.connection_string.has_value();
            if (by_identity == by_secret) {
              out.push_back(diagnostic(
                  "IAC-FUNC-004",
                  fmt::format("Service Bus trigger '{}' {}", name,
                              by_identity ? "sets both `fully_qualified_namespace` and "
                                            "`connection_string`"
                                          : "has no connection"),
                  "set `.fully_qualified_namespace = \"<namespace>.servicebus.windows.net\"` "
                  "(the app's identity), or a Key Vault `connection_string` only where the "
                  "identity cannot be used"));
            }
            if (by_identity && props.fully_qualified_namespace.is_literal()) {
              const std::string fqdn = props.fully_qualified_namespace.literal();
              const std::string_view suffix = ".servicebus.windows.net";
              if (fqdn.size() <= suffix.size() ||
                  fqdn.compare(fqdn.size() - suffix.size(), suffix.size(), suffix) != 0 ||
                  fqdn.find_first_of(":/ ") != std::string::npos) {
                out.push_back(diagnostic(
                    "IAC-FUNC-004",
                    fmt::format("Service Bus trigger '{}' namespace '{}' is not a host name", name,
                                fqdn),
                    "write the host name only, e.g. \"sb-orders.servicebus.windows.net\" (no "
                    "scheme, no connection string)"));
              }
            }
            if (by_secret && props.connection_string->vault == nullptr) {
              out.push_back(diagnostic(
                  "IAC-FUNC-004",
                  fmt::format("Service Bus trigger '{}' `connection_string` names no vault", name),
                  "use `vault.secret_reference(\"<secret>\")`"));
            }
            const bool queue = !props.queue.empty();
            const bool topic = !props.topic.empty() || !props.subscription.empty();
            if (queue == topic || (topic && (props.topic.empty() || props.subscription.empty()))) {
              out.push_back(diagnostic(
                  "IAC-FUNC-012",
                  fmt::format("Service Bus trigger '{}' must read one queue or one topic "
                              "subscription",
                              name),
                  "set `.queue`, or both `.topic` and `.subscription`"));
            }
            if (!valid_connection_name(props.connection)) {
              out.push_back(
                  diagnostic("IAC-FUNC-005",
                             fmt::format("connection '{}' of function '{}' is not an app setting "
                                         "prefix",
                                         props.connection, name),
                             "use letters, digits and single '_', starting with a letter"));
            } else if (by_identity && !has_identity) {
              out.push_back(diagnostic(
                  "IAC-FUNC-011",
                  fmt::format("function '{}' reaches Service Bus with the app's identity, but "
                              "`settings.identity` is none",
                              name),
                  "give the app an identity (the default)"));
            }
          }
        },
        function.trigger);
    for (const auto& binding : function.bindings) {
      std::visit(
          [&](const auto& b) {
            using B = std::decay_t<decltype(b)>;
            if constexpr (std::is_same_v<B, CosmosInput>) {
              check_cosmos(b.props.container, b.connection, "input binding");
              const auto& props = b.props;
              if (props.id.has_value() == props.sql_query.has_value() ||
                  props.id.has_value() != props.partition_key.has_value()) {
                out.push_back(diagnostic(
                    "IAC-FUNC-012",
                    fmt::format("Cosmos DB input binding of '{}' must read one item (`id` and "
                                "`partition_key`) or run one `sql_query`",
                                name),
                    "set `.id` with `.partition_key`, or `.sql_query` alone"));
              }
            } else {
              check_cosmos(b.props.container, b.connection, "output binding");
            }
          },
          binding);
    }
  }
}

}  // namespace iac::azure
