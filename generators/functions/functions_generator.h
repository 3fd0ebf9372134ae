#pragma once
/// Azure Functions generator: the runtime configuration of every function app in the model.

#include <memory>
#include <string>

#include "generators/generator.h"

namespace iac::azure {
class LinuxFunctionApp;
}

namespace iac::gen::functions {

/// host.json of one function app: `"version": "2.0"` and its host settings, keys in a fixed
/// order, 2-space indent, trailing newline.
std::string host_json(const azure::LinuxFunctionApp& app);

/// Writes `<app>/<env>/functions/<function-app-id>/host.json` and, with the function.json
/// layout, `<function>/function.json` for each declared function.
std::unique_ptr<Generator> make_generator();

}  // namespace iac::gen::functions
