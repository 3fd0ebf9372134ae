#include "dsl/azure/web_app.h"

#include "generators/bicep/azure/emitters.h"
#include "generators/bicep/azure/site.h"

namespace iac::gen::bicep {

Value reference(const azure::LinuxWebApp&, const std::string& symbol, std::string_view attribute) {
  return site_reference(symbol, attribute);
}

namespace {

std::string linux_fx_version(const azure::Runtime& runtime) {
  switch (runtime.stack) {
    case azure::RuntimeStack::python:
      return "PYTHON|" + runtime.version;
    case azure::RuntimeStack::dotnet:
    case azure::RuntimeStack::dotnet_isolated:
      return "DOTNETCORE|" + runtime.version;
    case azure::RuntimeStack::node:
      return "NODE|" + runtime.version + "-lts";
    case azure::RuntimeStack::java:
      return "JAVA|" + runtime.version + "-java" + runtime.version;
  }
  return {};
}

}  // namespace

void emit(const azure::LinuxWebApp& app, Context& context) {
  write_site(app, context, "app,linux", linux_fx_version(app.props().runtime), Array{});
}

}  // namespace iac::gen::bicep
