#include "generators/functions/functions_generator.h"

#include <type_traits>
#include <variant>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "dsl/azure/cosmos.h"
#include "dsl/azure/function_app.h"
#include "dsl/core/app.h"
#include "dsl/core/stack.h"
#include "generators/output/output_sink.h"

namespace iac::gen::functions {

namespace {

/// ordered_json keeps insertion order: the files read in the order the schema documents them,
/// and the output is the same on every run (plain `json` would sort the keys).
using Json = nlohmann::ordered_json;

/// The one place where JSON text is produced: 2-space indent, UTF-8 kept, trailing newline.
std::string dump(const Json& document) { return document.dump(2) + "\n"; }

Json retry_json(const azure::Retry& retry) {
  Json json;
  if (retry.strategy == azure::Retry::Strategy::fixed_delay) {
    json["strategy"] = "fixedDelay";
    json["maxRetryCount"] = retry.max_retry_count;
    json["delayInterval"] = azure::timespan(retry.minimum);
  } else {
    json["strategy"] = "exponentialBackoff";
    json["maxRetryCount"] = retry.max_retry_count;
    json["minimumInterval"] = azure::timespan(retry.minimum);
    json["maximumInterval"] = azure::timespan(retry.maximum);
  }
  return json;
}

bool uses_extension_bundle(azure::RuntimeStack stack) {
  // .NET isolated workers load binding extensions from NuGet packages, not from a bundle.
  return stack != azure::RuntimeStack::dotnet_isolated && stack != azure::RuntimeStack::dotnet;
}

std::string default_script(const azure::LinuxFunctionApp& app) {
  return app.props().runtime.stack == azure::RuntimeStack::node ? "index.js" : "__init__.py";
}

template <class T>
bool has_trigger(const azure::LinuxFunctionApp& app) {
  for (const auto& function : app.functions()) {
    if (std::holds_alternative<T>(function.trigger)) return true;
  }
  return false;
}

Json function_json(const azure::LinuxFunctionApp& app, const azure::FunctionDefinition& function) {
  Json json;
  Json bindings = Json::array();
  std::visit(
      [&](const auto& trigger) {
        using T = std::decay_t<decltype(trigger)>;
        json["scriptFile"] = trigger.props.script_file.value_or(default_script(app));
        if constexpr (std::is_same_v<T, azure::TimerTrigger>) {
          bindings.push_back({{"name", trigger.props.parameter},
                              {"type", "timerTrigger"},
                              {"direction", "in"},
                              {"schedule", trigger.schedule},
                              {"runOnStartup", trigger.props.run_on_startup},
                              {"useMonitor", trigger.props.use_monitor}});
          if (trigger.props.retry) json["retry"] = retry_json(*trigger.props.retry);
        } else if constexpr (std::is_same_v<T, azure::HttpTrigger>) {
          const auto& props = trigger.props;
          Json methods = Json::array();
          for (auto method : props.methods) methods.push_back(azure::to_string(method));
          bindings.push_back({{"name", props.parameter},
                              {"type", "httpTrigger"},
                              {"direction", "in"},
                              {"authLevel", azure::to_string(props.auth.level())},
                              {"methods", std::move(methods)},
                              {"route", props.route.value_or(function.name)}});
          bindings.push_back({{"name", "$return"}, {"type", "http"}, {"direction", "out"}});
        } else if constexpr (std::is_same_v<T, azure::QueueTrigger>) {
          bindings.push_back({{"name", trigger.props.parameter},
                              {"type", "queueTrigger"},
                              {"direction", "in"},
                              {"queueName", trigger.props.queue},
                              {"connection", trigger.connection}});
        } else if constexpr (std::is_same_v<T, azure::BlobTrigger>) {
          bindings.push_back({{"name", trigger.props.parameter},
                              {"type", "blobTrigger"},
                              {"direction", "in"},
                              {"path", trigger.props.path},
                              {"connection", trigger.connection}});
        } else if constexpr (std::is_same_v<T, azure::CosmosTrigger>) {
          const auto& props = trigger.props;
          Json binding = {{"name", props.parameter},
                          {"type", "cosmosDBTrigger"},
                          {"direction", "in"},
                          {"connection", trigger.connection},
                          {"databaseName", props.container->database().name()},
                          {"containerName", props.container->name()},
                          {"leaseDatabaseName", props.leases->database().name()},
                          {"leaseContainerName", props.leases->name()},
                          {"createLeaseContainerIfNotExists", false},
                          {"startFromBeginning", props.start_from_beginning}};
          if (props.max_items_per_invocation) {
            binding["maxItemsPerInvocation"] = *props.max_items_per_invocation;
          }
          bindings.push_back(std::move(binding));
          if (props.retry) json["retry"] = retry_json(*props.retry);
        } else {
          const auto& props = trigger.props;
          Json binding = {
              {"name", props.parameter}, {"type", "serviceBusTrigger"}, {"direction", "in"}};
          if (!props.queue.empty()) {
            binding["queueName"] = props.queue;
          } else {
            binding["topicName"] = props.topic;
            binding["subscriptionName"] = props.subscription;
          }
          binding["connection"] = props.connection;
          bindings.push_back(std::move(binding));
        }
      },
      function.trigger);
  for (const auto& extra : function.bindings) {
    std::visit(
        [&](const auto& binding) {
          using B = std::decay_t<decltype(binding)>;
          const auto& props = binding.props;
          Json json_binding = {{"name", props.parameter},
                               {"type", "cosmosDB"},
                               {"direction", std::is_same_v<B, azure::CosmosInput> ? "in" : "out"},
                               {"connection", binding.connection},
                               {"databaseName", props.container->database().name()},
                               {"containerName", props.container->name()}};
          if constexpr (std::is_same_v<B, azure::CosmosInput>) {
            if (props.id) json_binding["id"] = *props.id;
            if (props.partition_key) json_binding["partitionKey"] = *props.partition_key;
            if (props.sql_query) json_binding["sqlQuery"] = *props.sql_query;
          } else {
            // Containers are declared in the model; the app never creates one.
            json_binding["createIfNotExists"] = false;
          }
          bindings.push_back(std::move(json_binding));
        },
        extra);
  }
  // `bindings` after `scriptFile`, `retry` last: the order the Functions docs show.
  Json ordered;
  ordered["scriptFile"] = json["scriptFile"];
  ordered["bindings"] = std::move(bindings);
  if (json.contains("retry")) ordered["retry"] = json["retry"];
  return ordered;
}

class FunctionsGenerator final : public Generator {
 public:
  Diagnostics generate(const App& app, OutputSink& sink) const override {
    for (const auto& stack : app.stacks()) {
      for (const Resource* resource : stack->resources()) {
        const azure::AnyResource any = resource->as_any();
        const auto* function_app = std::get_if<const azure::LinuxFunctionApp*>(&any);
        if (function_app == nullptr) continue;
        const azure::LinuxFunctionApp& func = **function_app;
        const std::string dir =
            fmt::format("{}/functions/{}/", stack->output_dir(), func.construct_id());
        sink.write(dir + "host.json", host_json(func));
        if (func.props().host.layout != azure::BindingLayout::function_json) continue;
        for (const auto& function : func.functions()) {
          sink.write(dir + function.name + "/function.json", dump(function_json(func, function)));
        }
      }
    }
    return {};
  }
};

}  // namespace

std::string host_json(const azure::LinuxFunctionApp& app) {
  const azure::HostSettings& host = app.props().host;
  Json json;
  json["version"] = "2.0";

  Json levels;
  levels["default"] =
      azure::to_string(host.logging.default_level.value_or(azure::LogLevel::information));
  levels["Function"] = azure::to_string(host.logging.function);
  levels["Host.Results"] = azure::to_string(host.logging.host_results);
  levels["Host.Aggregator"] = azure::to_string(host.logging.host_aggregator);
  for (const auto& category : host.logging.categories) {
    levels[category.category] = azure::to_string(category.level);
  }
  std::string excluded;
  for (auto type : host.sampling.excluded_types) {
    if (!excluded.empty()) excluded += ';';
    excluded += azure::to_string(type);
  }
  Json sampling;
  sampling["isEnabled"] = host.sampling.enabled;
  sampling["maxTelemetryItemsPerSecond"] = host.sampling.max_items_per_second.value_or(20);
  sampling["excludedTypes"] = excluded;
  json["logging"]["logLevel"] = std::move(levels);
  json["logging"]["applicationInsights"]["samplingSettings"] = std::move(sampling);

  if (host.function_timeout) json["functionTimeout"] = azure::timespan(*host.function_timeout);

  const auto& health = host.health_monitor;
  json["healthMonitor"] = {{"enabled", health.enabled},
                           {"healthCheckInterval", azure::timespan(health.check_interval)},
                           {"healthCheckWindow", azure::timespan(health.check_window)},
                           {"healthCheckThreshold", health.check_threshold},
                           {"counterThreshold", health.counter_threshold}};

  if (uses_extension_bundle(app.props().runtime.stack)) {
    json["extensionBundle"] = {{"id", host.extension_bundle.id},
                               {"version", host.extension_bundle.version}};
  }

  // Extension settings only for the triggers the app uses, so host.json says nothing about
  // extensions that never load.
  Json extensions = Json::object();
  if (has_trigger<azure::HttpTrigger>(app)) {
    const auto& http = host.http;
    extensions["http"] = {{"routePrefix", http.route_prefix},
                          {"maxOutstandingRequests", http.max_outstanding_requests},
                          {"maxConcurrentRequests", http.max_concurrent_requests},
                          {"dynamicThrottlesEnabled", http.dynamic_throttles_enabled}};
  }
  if (has_trigger<azure::QueueTrigger>(app)) {
    const auto& queues = host.queues;
    extensions["queues"] = {{"batchSize", queues.batch_size},
                            {"maxDequeueCount", queues.max_dequeue_count},
                            {"maxPollingInterval", azure::timespan(queues.max_polling_interval)},
                            {"visibilityTimeout", azure::timespan(queues.visibility_timeout)}};
  }
  if (has_trigger<azure::ServiceBusTrigger>(app)) {
    const auto& bus = host.service_bus;
    extensions["serviceBus"] = {
        {"prefetchCount", bus.prefetch_count},
        {"autoCompleteMessages", bus.auto_complete_messages},
        {"maxAutoLockRenewalDuration", azure::timespan(bus.max_auto_lock_renewal_duration)},
        {"maxConcurrentCalls", bus.max_concurrent_calls}};
  }
  if (!extensions.empty()) json["extensions"] = std::move(extensions);
  if (has_trigger<azure::TimerTrigger>(app)) {
    const auto& singleton = host.singleton;
    json["singleton"] = {
        {"lockPeriod", azure::timespan(singleton.lock_period)},
        {"listenerLockPeriod", azure::timespan(singleton.listener_lock_period)},
        {"listenerLockRecoveryPollingInterval",
         azure::timespan(singleton.listener_lock_recovery_polling_interval)},
        {"lockAcquisitionTimeout", azure::timespan(singleton.lock_acquisition_timeout)},
        {"lockAcquisitionPollingInterval",
         azure::timespan(singleton.lock_acquisition_polling_interval)}};
  }
  if (host.retry) json["retry"] = retry_json(*host.retry);
  return dump(json);
}

std::unique_ptr<Generator> make_generator() { return std::make_unique<FunctionsGenerator>(); }

}  // namespace iac::gen::functions
