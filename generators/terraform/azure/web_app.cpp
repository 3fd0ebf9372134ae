#include "dsl/azure/web_app.h"

#include "generators/terraform/azure/emitters.h"
#include "generators/terraform/azure/site.h"

namespace iac::gen::terraform {

std::string_view resource_type(const azure::LinuxWebApp&) { return "azurerm_linux_web_app"; }

std::string attribute(const azure::LinuxWebApp&, std::string_view name) {
  return site_attribute("azurerm_linux_web_app", name);
}

void emit(const azure::LinuxWebApp& app, Context& context) {
  const auto& props = app.props();
  auto block = context.open(app, resource_type(app));
  auto& w = context.writer();
  if (props.plan) w.attribute("service_plan_id", context.traversal(props.plan->id()));
  // Requests are not pinned to one instance, so scaling and instance replacement are seamless.
  w.attribute("client_affinity_enabled", false);
  write_site_security(app, context);
  hcl::Object derived;
  if (props.insights) {
    derived.entries.push_back({"APPLICATIONINSIGHTS_CONNECTION_STRING",
                               context.traversal(props.insights->connection_string())});
  }
  write_app_settings(app, std::move(derived), context);
  context.tags_and_dependencies(app);
  write_identity(app, context);
  auto config = w.block("site_config");
  write_site_config_attributes(app, context);
  {
    auto stack = w.block("application_stack");
    const auto& runtime = props.runtime;
    switch (runtime.stack) {
      case azure::RuntimeStack::python:
        w.attribute("python_version", runtime.version);
        break;
      case azure::RuntimeStack::dotnet:
      case azure::RuntimeStack::dotnet_isolated:
        w.attribute("dotnet_version", runtime.version);
        break;
      case azure::RuntimeStack::node:
        w.attribute("node_version", runtime.version + "-lts");
        break;
      case azure::RuntimeStack::java:
        w.attribute("java_server", "JAVA");
        w.attribute("java_server_version", runtime.version);
        w.attribute("java_version", runtime.version);
        break;
    }
  }
  write_site_config_blocks(app, context);
}

}  // namespace iac::gen::terraform
