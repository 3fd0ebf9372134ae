#include "generators/pipelines/pipelines_generator.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "dsl/azure/function_app.h"
#include "dsl/azure/resource_group.h"
#include "dsl/azure/storage_account.h"
#include "dsl/azure/web_app.h"
#include "dsl/core/app.h"
#include "dsl/core/stack.h"
#include "generators/output/output_sink.h"
#include "generators/pipelines/azure_devops.h"
#include "generators/pipelines/github_actions.h"
#include "generators/terraform/remote_state.h"

namespace iac::gen::pipelines {

namespace {

/// Letters, digits and `_`: what both Azure DevOps stage/job names and GitHub job ids accept.
std::string identifier(const std::string& name) {
  std::string out;
  for (char c : name) out += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '_';
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out.front())) != 0) out = "_" + out;
  return out;
}

Delivery delivery_of(const App& app, Diagnostics& diagnostics) {
  const DeliveryProps& props = app.delivery();
  Delivery delivery{
      .app = app.name(), .stages = {}, .flavour = props.deploy_with, .tests = props.tests};
  for (const Environment& environment : app.environment_list()) {
    for (const Stack* stack : app.deployment_order(environment.name)) {
      const Environment& env = stack->env();
      const std::string dir = fmt::format("{}/{}", kOutputRoot, stack->output_dir());
      const auto runner = props.self_hosted_runners.find(env.name);
      Stage stage{
          .environment = env.name,
          .stack = stack->stack_name(),
          .id = identifier(stack->named() ? env.name + "_" + stack->stack_name() : env.name),
          .stack_id = stack->named() ? identifier(stack->stack_name()) : std::string(),
          .after = {},
          .reads_remote_state = !cross_stack_refs(*stack).empty(),
          .deployment = stack->deployment_name(),
          .prod = env.is_prod(),
          .terraform_dir = dir + "/terraform",
          .bicep_dir = dir + "/bicep",
          .location = env.location,
          .runner = runner == props.self_hosted_runners.end() ? "" : runner->second,
          .sites = {},
          .secure_parameters = {}};
      if (const auto& backend = stack->state_backend()) {
        stage.complete_backend = true;
        // The stack declares the account its state is in: it cannot be in it before it exists.
        for (const Resource* resource : stack->resources()) {
          if (dynamic_cast<const azure::StorageAccount*>(resource) != nullptr &&
              resource->name() == backend->storage_account) {
            stage.holds_own_state = true;
          }
        }
      }
      for (const Stack* producer : stack_dependencies(*stack, app.stacks())) {
        stage.after.push_back(identifier(env.name + "_" + producer->stack_name()));
      }
      for (const Parameter& parameter : stack->parameters()) {
        // A parameter without a value in the stack (an Entra group's object id, say) is supplied
        // by the pipeline the same way as a secret, so that plan and deployment never prompt.
        if (parameter.props.secure || !parameter.props.value) {
          stage.secure_parameters.push_back(parameter.name);
        }
      }
      for (const Resource* resource : stack->resources()) {
        const auto* site = dynamic_cast<const azure::Site*>(resource);
        if (site == nullptr || !site->package()) continue;
        const auto& package = *site->package();
        // Only an open endpoint answers a hosted runner: an allow list does not list its address.
        if (site->settings().public_network.mode() != PublicNetwork::Mode::open &&
            stage.runner.empty()) {
          diagnostics.push_back(
              {.rule_id = "IAC-PIPE-003",
               .severity = Severity::error,
               .path = site->path(),
               .message = fmt::format("'{}' is not open to the internet in {}, so a hosted "
                                      "runner can neither deploy its package nor call its health "
                                      "endpoint",
                                      site->name(), env.name),
               .fix = fmt::format("set `.self_hosted_runners = {{{{\"{}\", \"<runner label>\"}}}}` "
                                  "in the app's delivery, for a runner inside the environment's "
                                  "network",
                                  env.name)});
        }
        stage.sites.push_back(
            {.function_app = dynamic_cast<const azure::LinuxFunctionApp*>(site) != nullptr,
             .name = site->name(),
             .resource_group = stack->resource_group().name(),
             .package_path = package.path,
             .build = package.build,
             .output = package.output,
             .health_url = fmt::format("https://{}.azurewebsites.net{}", site->name(),
                                       site->smoke_test_path().value_or("/"))});
      }
      delivery.stages.push_back(std::move(stage));
    }
  }
  return delivery;
}

class PipelinesGenerator final : public Generator {
 public:
  Diagnostics generate(const App& app, OutputSink& sink) const override {
    if (app.stacks().empty()) return {};
    Diagnostics diagnostics;
    const Delivery delivery = delivery_of(app, diagnostics);
    if (has_errors(diagnostics)) return diagnostics;
    const std::string dir = app.name() + "/pipelines/";
    sink.write(dir + "azure-pipelines.yml", azure_pipelines(delivery));
    sink.write(dir + "github/workflows/deploy.yml", github_workflow(delivery));
    sink.write(dir + "github/dependabot.yml", dependabot(delivery));
    if (std::string config = actionlint_config(delivery); !config.empty()) {
      sink.write(dir + "github/actionlint.yaml", config);
    }
    return diagnostics;
  }
};

}  // namespace

std::string secret_name(const std::string& parameter) {
  std::string out;
  for (char c : parameter) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool uses_state_variables(const Delivery& delivery) {
  return std::any_of(delivery.stages.begin(), delivery.stages.end(),
                     [](const Stage& stage) { return !stage.complete_backend; });
}

std::string bootstrap_note(const Delivery& delivery) {
  std::string stages;
  for (const Stage& stage : delivery.stages) {
    if (!stage.holds_own_state) continue;
    if (!stages.empty()) stages += ", ";
    stages += stage.environment;
  }
  if (stages.empty()) return {};
  return fmt::format(
      "Bootstrap ({}): these stacks declare the storage account their own state lives in, so\n"
      "their first apply cannot use it. Once per environment, on a machine that reaches the\n"
      "environment's private endpoints, in out/{}/<env>/terraform: write\n"
      "`terraform {{ backend \"local\" {{}} }}` to bootstrap_override.tf, run `terraform init` and\n"
      "`terraform apply`, delete the override file and run `terraform init -migrate-state` to\n"
      "move the state into the account. Only then can this pipeline plan and apply the\n"
      "environment (see the README, \"Terraform state\").",
      stages, delivery.app);
}

std::vector<std::string> first_needs(const Delivery& delivery, const Stage& stage,
                                     std::string_view prefix) {
  std::vector<std::string> needs;
  for (const std::string& id : stage.after) needs.push_back(std::string(prefix) + id);
  if (!needs.empty()) return needs;
  // The units of the environment before this unit's.
  std::string previous_environment;
  for (const Stage& other : delivery.stages) {
    if (other.environment == stage.environment) break;
    previous_environment = other.environment;
  }
  for (const Stage& other : delivery.stages) {
    if (!previous_environment.empty() && other.environment == previous_environment) {
      needs.push_back(std::string(prefix) + other.id);
    }
  }
  if (needs.empty()) needs.push_back("validate");
  return needs;
}

std::vector<std::pair<std::string, std::string>> remote_state_variables(
    const Stage& stage, std::string (*pipeline_reference)(std::string_view variable)) {
  std::vector<std::pair<std::string, std::string>> result;
  if (!stage.reads_remote_state) return result;
  for (const terraform::StateBackendVariable& variable : terraform::state_backend_variables()) {
    result.emplace_back("TF_VAR_" + std::string(variable.variable),
                        pipeline_reference(variable.pipeline_variable));
  }
  return result;
}

std::string checkov_command(const std::string& app, const std::string& sarif_dir) {
  return fmt::format(
      "pipx run --spec checkov=={} checkov --directory {}/{} \\\n"
      "  --framework terraform bicep --quiet --soft-fail \\\n"
      "  --output cli --output sarif --output-file-path console,{}\n",
      kCheckovVersion, kOutputRoot, app, sarif_dir);
}

std::string bicep_deployment(const Delivery& /*delivery*/, const Stage& stage,
                             std::string_view verb, std::string_view run_id) {
  return fmt::format(
      "az deployment sub {} \\\n"
      "  --name \"{}-{}\" --location {} \\\n"
      "  --template-file main.bicep --parameters main.bicepparam",
      verb, stage.deployment, run_id, stage.location);
}

std::string package_deployment(const SiteDeployment& site, std::string_view temp_dir) {
  const std::string zip = fmt::format("\"{}/{}.zip\"", temp_dir, site.name);
  std::string text;
  if (!site.build.empty()) text += site.build + "\n";
  text += fmt::format("(cd {} && zip -qr {} .)\n", site.output, zip);
  text += site.function_app ? fmt::format(
                                  "az functionapp deployment source config-zip \\\n"
                                  "  --resource-group {} --name {} --src {}\n",
                                  site.resource_group, site.name, zip)
                            : fmt::format(
                                  "az webapp deploy --type zip \\\n"
                                  "  --resource-group {} --name {} --src-path {}\n",
                                  site.resource_group, site.name, zip);
  return text;
}

std::string smoke_test(const std::string& url) {
  // --fail and --retry-all-errors retry every 4xx/5xx and connection error (a fresh
  // deployment restarts the app); a 3xx is no failure to curl, hence the code check.
  return fmt::format(
      "code=$(curl --silent --show-error --fail --retry 10 --retry-delay 15 --retry-all-errors \\\n"
      "  --max-time 30 --output /dev/null --write-out '%{{http_code}}' \"{}\") || "
      "code=${{code:-000}}\n"
      "echo \"health endpoint answered HTTP $code\"\n"
      "case \"$code\" in 2[0-9][0-9]) ;; *) exit 1 ;; esac\n",
      url);
}

std::unique_ptr<Generator> make_generator() { return std::make_unique<PipelinesGenerator>(); }

}  // namespace iac::gen::pipelines
