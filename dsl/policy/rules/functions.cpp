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
  };
}

}  // namespace iac::policy::rules
