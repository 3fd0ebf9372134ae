#include "dsl/azure/function_app.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "dsl/azure/role_assignment.h"

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

}  // namespace

const ResourceKind LinuxFunctionApp::kKind{.name = "Function app",
                                           .abbreviation = "func",
                                           .naming = kSiteNaming};

LinuxFunctionApp::LinuxFunctionApp(Construct& scope, std::string id, Props props)
    : Site(scope, std::move(id), props.name, props.tags, props.plan, props.runtime, props.insights,
           props.settings),
      props_(std::move(props)) {
  grant_insights_publishing();
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

}  // namespace iac::azure
