#pragma once
/// The generator interface and the one table of output formats that the CLI reads.

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/diagnostic.h"

namespace iac {
class App;
}

namespace iac::gen {

class OutputSink;

/// Renders a synthesized (locked, validated) App into files. Visits the model, never changes it.
class Generator {
 public:
  virtual ~Generator();
  virtual Diagnostics generate(const App& app, OutputSink& sink) const = 0;
};

/// One row of the format table.
struct GeneratorInfo {
  std::string_view name;         ///< `--format` value and output folder, e.g. "terraform".
  std::string_view description;  ///< For `--help`.
  std::unique_ptr<Generator> (*make)();
  /// Writes `<app>/<name>/` once per application (from all its environments) instead of
  /// `<app>/<env>/<name>/` per environment.
  bool per_app = false;
  /// When set, the generator writes only this file in `<app>/<env>/` (its scope) instead of
  /// the folder `<app>/<env>/<name>/`, e.g. the environment's README.md.
  std::string_view env_file = {};
};

/// Every output format, in the order they run.
std::span<const GeneratorInfo> generator_registry();
const GeneratorInfo* find_generator(std::string_view name);

/// Runs the synth pipeline on `app` (aspects, lock, validate, policy) and, when it has no
/// errors, the chosen generators (all when `formats` is empty) into `sink`.
Diagnostics synthesize(App& app, OutputSink& sink, const std::vector<std::string>& formats = {});

}  // namespace iac::gen
