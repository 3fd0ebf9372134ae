#include <algorithm>
#include <array>

#include "dsl/core/app.h"
#include "dsl/policy/engine.h"
#include "generators/bicep/bicep_generator.h"
#include "generators/docs/docs_generator.h"
#include "generators/functions/functions_generator.h"
#include "generators/generator.h"
#include "generators/pipelines/pipelines_generator.h"
#include "generators/terraform/terraform_generator.h"

namespace iac::gen {

Generator::~Generator() = default;

namespace {

constexpr std::array kGenerators{
    GeneratorInfo{"terraform", "Terraform HCL for the azurerm provider v4",
                  &terraform::make_generator},
    GeneratorInfo{"bicep", "Bicep deployment with one .bicepparam per environment",
                  &bicep::make_generator},
    GeneratorInfo{"functions", "Azure Functions host.json and function.json",
                  &functions::make_generator},
    GeneratorInfo{"pipelines", "Azure DevOps and GitHub Actions pipelines, once per app",
                  &pipelines::make_generator, /*per_app=*/true},
    GeneratorInfo{"docs",
                  "README.md per environment: diagram, resources, access, policy, differences",
                  &docs::make_generator, /*per_app=*/false, /*env_file=*/"README.md"},
};

}  // namespace

std::span<const GeneratorInfo> generator_registry() { return kGenerators; }

const GeneratorInfo* find_generator(std::string_view name) {
  auto it = std::find_if(kGenerators.begin(), kGenerators.end(),
                         [&](const GeneratorInfo& info) { return info.name == name; });
  return it == kGenerators.end() ? nullptr : &*it;
}

Diagnostics synthesize(App& app, OutputSink& sink, const std::vector<std::string>& formats) {
  Diagnostics diagnostics = app.synthesize();
  if (has_errors(diagnostics)) return diagnostics;
  // The policy verdict is taken on the model, before any format is rendered: an unsuppressed
  // error-level finding refuses the synth whatever format was asked for.
  Diagnostics findings = policy::to_diagnostics(policy::evaluate(app));
  diagnostics.insert(diagnostics.end(), findings.begin(), findings.end());
  if (has_errors(diagnostics)) return diagnostics;
  for (const auto& info : kGenerators) {
    if (!formats.empty() && std::find(formats.begin(), formats.end(), info.name) == formats.end()) {
      continue;
    }
    Diagnostics found = info.make()->generate(app, sink);
    diagnostics.insert(diagnostics.end(), found.begin(), found.end());
  }
  return diagnostics;
}

}  // namespace iac::gen
