#include "dsl/azure/function_app.h"

#include "generators/terraform/azure/emitters.h"
#include "generators/terraform/azure/site.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::LinuxFunctionApp&) {
  return "azurerm_linux_function_app";
}

std::string attribute(const azure::LinuxFunctionApp&, std::string_view name) {
  return site_attribute("azurerm_linux_function_app", name);
}

void emit(const azure::LinuxFunctionApp& app, Context& context) {
  const auto& props = app.props();
  auto block = context.open(app, resource_type(app));
  auto& w = context.writer();
  if (props.plan) w.attribute("service_plan_id", context.traversal(props.plan->id()));
  if (props.storage) {
    w.attribute("storage_account_name", context.traversal(props.storage->name_ref()));
    if (app.storage_uses_managed_identity()) {
      w.attribute("storage_uses_managed_identity", true);
    } else {
      // Y1 and Elastic Premium: the provider builds the content share's connection string.
      w.attribute("storage_account_access_key",
                  context.traversal(props.storage->primary_access_key()));
    }
  }
  w.attribute("functions_extension_version", "~4");
  write_site_security(app, context);
  hcl::Object derived;
  if (app.vnet_integration() != nullptr && props.storage && !app.storage_uses_managed_identity()) {
    // The content share (Azure Files) is reached through the VNet: private storage works.
    derived.entries.push_back({"WEBSITE_CONTENTOVERVNET", "1"});
  }
  write_app_settings(app, std::move(derived), context);
  context.tags_and_dependencies(app);
  write_identity(app, context);
  auto config = w.block("site_config");
  write_site_config_attributes(app, context);
  if (props.insights) {
    w.attribute("application_insights_connection_string",
                context.traversal(props.insights->connection_string()));
  }
  {
    auto stack = w.block("application_stack");
    const auto& runtime = props.runtime;
    switch (runtime.stack) {
      case azure::RuntimeStack::python:
        w.attribute("python_version", runtime.version);
        break;
      case azure::RuntimeStack::dotnet_isolated:
        w.attribute("dotnet_version", runtime.version);
        w.attribute("use_dotnet_isolated_runtime", true);
        break;
      case azure::RuntimeStack::dotnet:
        w.attribute("dotnet_version", runtime.version);
        break;
      case azure::RuntimeStack::node:
        w.attribute("node_version", runtime.version);
        break;
      case azure::RuntimeStack::java:
        w.attribute("java_version", runtime.version);
        break;
    }
  }
  write_site_config_blocks(app, context);
}

}  // namespace iac::gen::terraform
