#include "generators/pipelines/pipelines_generator.h"

#include <cctype>

#include <fmt/format.h>

#include "dsl/core/app.h"
#include "dsl/core/stack.h"
#include "generators/output/output_sink.h"
#include "generators/pipelines/azure_devops.h"
#include "generators/pipelines/github_actions.h"

namespace iac::gen::pipelines {

namespace {

/// Letters, digits and `_`: what both Azure DevOps stage/job names and GitHub job ids accept.
std::string identifier(const std::string& name) {
  std::string out;
  for (char c : name) out += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '_';
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out.front())) != 0) out = "_" + out;
  return out;
}

Delivery delivery_of(const App& app) {
  Delivery delivery{.app = app.name(), .stages = {}};
  for (const auto& stack : app.stacks()) {
    const Environment& env = stack->env();
    Stage stage{
        .environment = env.name,
        .id = identifier(env.name),
        .prod = env.is_prod(),
        .terraform_dir = fmt::format("{}/{}/{}/terraform", kOutputRoot, app.name(), env.name),
        .secure_parameters = {}};
    for (const Parameter& parameter : stack->parameters()) {
      // A parameter without a value in the stack (an Entra group's object id, say) is supplied
      // by the pipeline the same way as a secret, so that plan and deployment never prompt.
      if (parameter.props.secure || !parameter.props.value) {
        stage.secure_parameters.push_back(parameter.name);
      }
    }
    delivery.stages.push_back(std::move(stage));
  }
  return delivery;
}

class PipelinesGenerator final : public Generator {
 public:
  Diagnostics generate(const App& app, OutputSink& sink) const override {
    if (app.stacks().empty()) return {};
    const Delivery delivery = delivery_of(app);
    const std::string dir = app.name() + "/pipelines/";
    sink.write(dir + "azure-pipelines.yml", azure_pipelines(delivery));
    sink.write(dir + "github/workflows/deploy.yml", github_workflow(delivery));
    sink.write(dir + "github/dependabot.yml", dependabot(delivery));
    return {};
  }
};

}  // namespace

std::string secret_name(const std::string& parameter) {
  std::string out;
  for (char c : parameter) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::unique_ptr<Generator> make_generator() { return std::make_unique<PipelinesGenerator>(); }

}  // namespace iac::gen::pipelines
