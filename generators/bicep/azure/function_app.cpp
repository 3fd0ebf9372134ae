#include "dsl/azure/function_app.h"

#include "generators/bicep/azure/emitters.h"
#include "generators/bicep/azure/site.h"

namespace iac::gen::bicep {

Value reference(const azure::LinuxFunctionApp&, const std::string& symbol,
                std::string_view attribute) {
  return site_reference(symbol, attribute);
}

namespace {

std::string linux_fx_version(const azure::Runtime& runtime) {
  switch (runtime.stack) {
    case azure::RuntimeStack::python:
      return "Python|" + runtime.version;
    case azure::RuntimeStack::dotnet_isolated:
      return "DOTNET-ISOLATED|" + runtime.version;
    case azure::RuntimeStack::dotnet:
      return "DOTNET|" + runtime.version;
    case azure::RuntimeStack::node:
      return "Node|" + runtime.version;
    case azure::RuntimeStack::java:
      return "Java|" + runtime.version;
  }
  return {};
}

}  // namespace

void emit(const azure::LinuxFunctionApp& app, Context& context) {
  const auto& props = app.props();
  Array settings;
  settings.emplace_back(app_setting("FUNCTIONS_EXTENSION_VERSION", "~4"));
  settings.emplace_back(
      app_setting("FUNCTIONS_WORKER_RUNTIME", std::string(to_string(props.runtime.stack))));
  if (props.storage) {
    const azure::StorageAccount& storage = *props.storage;
    if (app.storage_uses_managed_identity()) {
      // Identity-based host storage: the account name only, no key anywhere.
      settings.emplace_back(
          app_setting("AzureWebJobsStorage__accountName", context.reference(storage.name_ref())));
      if (const auto* user = app.settings().identity.user_identity()) {
        settings.emplace_back(app_setting("AzureWebJobsStorage__credential", "managedidentity"));
        settings.emplace_back(
            app_setting("AzureWebJobsStorage__clientId", context.reference(user->client_id())));
      }
    } else {
      // Y1 and Elastic Premium: the content share on Azure Files takes a key-based connection
      // string (what the azurerm provider writes for storage_account_access_key).
      Value key = context.reference(storage.primary_access_key());
      Interpolation connection{
          {"DefaultEndpointsProtocol=https;AccountName=",
           std::get<Reference>(context.reference(storage.name_ref()).data()),
           ";EndpointSuffix=", Call{.function = "environment", .members = {"suffixes", "storage"}},
           ";AccountKey=", std::get<Call>(key.data())}};
      settings.emplace_back(app_setting("AzureWebJobsStorage", connection));
      settings.emplace_back(app_setting("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", connection));
      settings.emplace_back(app_setting("WEBSITE_CONTENTSHARE", app.name()));
      if (app.vnet_integration() != nullptr) {
        // The content share (Azure Files) is reached through the VNet: private storage works.
        settings.emplace_back(app_setting("WEBSITE_CONTENTOVERVNET", "1"));
      }
    }
  }
  write_site(app, context, "functionapp,linux", linux_fx_version(props.runtime),
             std::move(settings));
}

}  // namespace iac::gen::bicep
