/// Azure Functions rules: what the functions declared on a function app expose.

#include <string>
#include <variant>
#include <vector>

#include "dsl/azure/function_app.h"
#include "dsl/policy/rules/families.h"

namespace iac::policy::rules {

using azure::HttpAuth;
using azure::HttpTrigger;
using azure::LinuxFunctionApp;
using azure::ServiceBusTrigger;

std::vector<Rule> functions() {
  return {
      // No Azure Security Benchmark control covers a function's key requirement, so
      // `benchmark` stays empty rather than naming an unrelated one.
      for_kind<LinuxFunctionApp>(
          {.id = "AZ-FUNC-001",
           .title = "HTTP functions require a function key",
           .rationale = "An anonymous HTTP function can be called by anyone who reaches the app: "
                        "nothing but the network stands between it and the internet, and calls "
                        "cannot be attributed or revoked by rotating a key.",
           .fix = "keep `.auth` at its default (function key) or use `HttpAuth::admin()`; for an "
                  "endpoint that cannot send a key (a health probe) keep "
                  "`HttpAuth::anonymous(\"<reason>\")`, serve no data from it, and suppress "
                  "AZ-FUNC-001 with that reason",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {},
           .benchmark = ""},
          [](const LinuxFunctionApp& app, const Environment&) -> Problem {
            std::string anonymous;
            int count = 0;
            for (const auto& function : app.functions()) {
              const auto* http = std::get_if<HttpTrigger>(&function.trigger);
              if (http == nullptr || http->props.auth.level() != HttpAuth::Level::anonymous) {
                continue;
              }
              anonymous += (count++ == 0 ? "'" : ", '") + function.name + "' (" +
                           http->props.auth.reason() + ")";
            }
            if (count == 0) return {};
            return std::string(count == 1 ? "anonymous HTTP function: "
                                          : "anonymous HTTP functions: ") +
                   anonymous;
          }),
      for_kind<LinuxFunctionApp>(
          {.id = "AZ-FUNC-002",
           .title = "Function triggers connect with the app's identity, not with keys",
           .rationale = "A connection string carries a shared key: whoever reads it (from the "
                        "vault, a log, a memory dump) can use the namespace until the key is "
                        "rotated, and its use cannot be attributed to the app. Identity-based "
                        "connections need no secret and can be revoked per app.",
           .fix = "set `.fully_qualified_namespace` instead of `.connection_string` and have "
                  "the namespace grant the app Azure Service Bus Data Receiver; where the "
                  "identity cannot be used (another tenant), suppress AZ-FUNC-002 with that "
                  "reason",
           .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
           .checkov = {},
           .psrule = {},
           .benchmark = "IM-1"},
          [](const LinuxFunctionApp& app, const Environment&) -> Problem {
            std::string keyed;
            for (const auto& function : app.functions()) {
              const auto* bus = std::get_if<ServiceBusTrigger>(&function.trigger);
              if (bus == nullptr || !bus->props.connection_string) continue;
              keyed += (keyed.empty() ? "'" : ", '") + function.name + "'";
            }
            if (keyed.empty()) return {};
            return std::string("Service Bus trigger connected with a key (connection string): ") +
                   keyed;
          }),
  };
}

}  // namespace iac::policy::rules
