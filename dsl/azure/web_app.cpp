#include "dsl/azure/web_app.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace iac::azure {

namespace {

bool supported(const Runtime& runtime) {
  auto in = [&](auto versions) {
    return std::find(versions.begin(), versions.end(), runtime.version) != versions.end();
  };
  switch (runtime.stack) {
    case RuntimeStack::python:
      return in(std::array<std::string_view, 3>{"3.10", "3.11", "3.12"});
    case RuntimeStack::dotnet:
      return in(std::array<std::string_view, 2>{"8.0", "9.0"});
    case RuntimeStack::node:
      return in(std::array<std::string_view, 2>{"20", "22"});
    case RuntimeStack::java:
      return in(std::array<std::string_view, 3>{"11", "17", "21"});
    case RuntimeStack::dotnet_isolated:
      return false;  // a Functions-only stack
  }
  return false;
}

}  // namespace

const ResourceKind LinuxWebApp::kKind{.name = "Web app",
                                      .abbreviation = "app",
                                      .naming = kSiteNaming};

LinuxWebApp::LinuxWebApp(Construct& scope, std::string id, Props props)
    : Site(scope, std::move(id), props.name, props.tags, props.plan, props.runtime, props.insights,
           props.settings),
      props_(std::move(props)) {
  grant_insights_publishing();
}

void LinuxWebApp::validate(Diagnostics& out) const {
  Resource::validate(out);
  validate_site(
      out, {"APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
            "WEBSITE_HEALTHCHECK_MAXPINGFAILURES"});
  if (!supported(props_.runtime)) {
    out.push_back(diagnostic("IAC-APP-002",
                             fmt::format("`runtime` {} {} is not a supported web app runtime",
                                         to_string(props_.runtime.stack), props_.runtime.version),
                             "use Python 3.10-3.12, .NET 8.0/9.0, Node 20/22 or Java 11/17/21"));
  }
  if (plan() != nullptr &&
      (is_consumption(plan()->props().sku) || is_elastic_premium(plan()->props().sku))) {
    out.push_back(diagnostic(
        "IAC-APP-015",
        fmt::format("`plan` is {}, a Functions-only SKU", to_string(plan()->props().sku)),
        "run web apps on a B*, S* or P*v3 plan"));
  }
}

}  // namespace iac::azure
