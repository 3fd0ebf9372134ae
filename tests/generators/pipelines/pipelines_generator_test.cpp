#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"
#include "generators/generator.h"
#include "generators/output/output_sink.h"
#include "tests/support/fixtures.h"

namespace iac {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// dev, staging and prod, with a secure parameter that prod's stack reads.
App delivery_app() {
  return testing::make_app(
      [](Stack& s, const Environment&) {
        s.add<azure::KeyVault>("kv");
        s.parameter("payments_api_key", {.description = "Payments API key", .secure = true});
      },
      {Environment::dev("eastus"), Environment::staging("eastus"),
       Environment::prod("eastus", "westus")},
      "shop");
}

struct Pipelines {
  std::string azure;
  std::string github;
  std::string dependabot;
};

Pipelines synthesize_pipelines() {
  App app = delivery_app();
  gen::MemorySink sink;
  REQUIRE_FALSE(has_errors(gen::synthesize(app, sink, {"pipelines"})));
  REQUIRE(sink.files().size() == 3);
  return {sink.files().at("shop/pipelines/azure-pipelines.yml"),
          sink.files().at("shop/pipelines/github/workflows/deploy.yml"),
          sink.files().at("shop/pipelines/github/dependabot.yml")};
}

std::size_t position(const std::string& text, const std::string& part) {
  const std::size_t at = text.find(part);
  CAPTURE(part);
  CHECK(at != std::string::npos);
  return at;
}

TEST_CASE("environments become stages in declaration order, after validation") {
  const Pipelines p = synthesize_pipelines();
  CHECK(position(p.azure, "  - stage: validate\n") < position(p.azure, "  - stage: dev\n"));
  CHECK(position(p.azure, "  - stage: dev\n") < position(p.azure, "  - stage: staging\n"));
  CHECK(position(p.azure, "  - stage: staging\n") < position(p.azure, "  - stage: prod\n"));
  CHECK(contains(p.azure, "    displayName: prod\n    dependsOn: staging\n"));
  CHECK(position(p.github, "  validate:\n") < position(p.github, "  plan_dev:\n"));
  CHECK(position(p.github, "  apply_dev:\n") < position(p.github, "  plan_staging:\n"));
  CHECK(position(p.github, "  apply_staging:\n") < position(p.github, "  plan_prod:\n"));
  CHECK(contains(p.github, "  plan_prod:\n    name: Plan prod\n    needs: apply_staging\n"));
}

TEST_CASE("validation builds iacgen, diffs the output, uploads SARIF and validates each env") {
  const Pipelines p = synthesize_pipelines();
  for (const std::string* text : {&p.azure, &p.github}) {
    CHECK(contains(*text, "./build/iacgen diff --app shop"));
    CHECK(contains(*text, "./build/iacgen check --app shop --format sarif"));
    CHECK(contains(*text, "terraform fmt -check -recursive out/shop"));
    CHECK(contains(*text, "terraform init -backend=false -input=false\n"));
    CHECK(contains(*text, "out/shop/staging/terraform"));
    CHECK(contains(*text, "terraform plan -input=false -detailed-exitcode -out=tfplan\n"));
    CHECK(contains(*text, "terraform apply -input=false tfplan"));
  }
  CHECK(contains(p.github, "uses: github/codeql-action/upload-sarif@"));
  CHECK(contains(p.azure, "artifact: CodeAnalysisLogs\n"));
}

TEST_CASE("prod is gated by its environment and deploys only from the default branch") {
  const Pipelines p = synthesize_pipelines();
  const std::string azure_prod = p.azure.substr(position(p.azure, "  - stage: prod\n"));
  CHECK(contains(azure_prod, "eq(variables['Build.SourceBranch'], 'refs/heads/main')"));
  CHECK(contains(azure_prod, "- deployment: apply\n"));
  CHECK(contains(azure_prod, "environment: shop-prod\n"));
  const std::string azure_dev = p.azure.substr(0, position(p.azure, "  - stage: staging\n"));
  CHECK_FALSE(contains(azure_dev, "Build.SourceBranch"));

  const std::string github_prod = p.github.substr(position(p.github, "  plan_prod:\n"));
  CHECK(contains(github_prod,
                 "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"));
  CHECK(contains(github_prod, "    environment:\n      name: prod\n"));
  CHECK(contains(github_prod, "      group: shop-prod\n      cancel-in-progress: false\n"));
  const std::string github_dev = p.github.substr(0, position(p.github, "  plan_staging:\n"));
  CHECK_FALSE(contains(github_dev, "default_branch"));
}

TEST_CASE("Azure logins use OIDC: id-token only where a job logs in, and no client secret") {
  const Pipelines p = synthesize_pipelines();
  CHECK(contains(p.github, "permissions: {}\n"));
  const std::string validate = p.github.substr(0, position(p.github, "  plan_dev:\n"));
  CHECK_FALSE(contains(validate, "id-token"));
  CHECK(contains(validate, "      contents: read\n      security-events: write\n"));
  CHECK(contains(p.github, "    permissions:\n      contents: read\n      id-token: write\n"));
  CHECK(
      contains(p.github, "uses: azure/login@a457da9ea143d694b1b9c7c869ebb04ebe844ef5 # v2.3.0\n"));
  CHECK(contains(p.github, "client-id: ${{ vars.AZURE_CLIENT_ID }}\n"));
  CHECK(contains(p.github, "ARM_USE_OIDC: 'true'\n"));
  CHECK(contains(p.azure, "azureSubscription: shop-prod\n"));
  CHECK(contains(p.azure, "addSpnToEnvironment: true\n"));
  for (const std::string* text : {&p.azure, &p.github}) {
    CHECK_FALSE(contains(*text, "client-secret"));
    CHECK_FALSE(contains(*text, "ARM_CLIENT_SECRET"));
    CHECK_FALSE(contains(*text, "creds:"));
  }
}

TEST_CASE("every action is pinned to a full commit SHA with its release in a comment") {
  const Pipelines p = synthesize_pipelines();
  std::size_t at = 0;
  int count = 0;
  while ((at = p.github.find("uses: ", at)) != std::string::npos) {
    const std::string line = p.github.substr(at, p.github.find('\n', at) - at);
    CAPTURE(line);
    const std::size_t sha = line.find('@') + 1;
    CHECK(line.find_first_not_of("0123456789abcdef", sha) == sha + 40);
    CHECK(line.substr(sha + 40, 4) == " # v");
    at += line.size();
    ++count;
  }
  CHECK(count > 10);
}

TEST_CASE("secure parameters are secret environment variables of the plan, never values") {
  const Pipelines p = synthesize_pipelines();
  CHECK(contains(p.github, "      TF_VAR_payments_api_key: ${{ secrets.PAYMENTS_API_KEY }}\n"));
  CHECK(contains(p.azure, "          TF_VAR_payments_api_key: $(PAYMENTS_API_KEY)\n"));
  CHECK(contains(p.azure, "- group: shop-prod\n"));
  // Passed to the plan only: the saved plan already holds them for the apply.
  const std::string apply_prod = p.github.substr(position(p.github, "  apply_prod:\n"));
  CHECK_FALSE(contains(apply_prod, "secrets."));
}

TEST_CASE("the state backend and subscription come from the pipeline's variables") {
  const Pipelines p = synthesize_pipelines();
  CHECK(contains(p.github, "-backend-config=\"storage_account_name=${TF_STATE_STORAGE_ACCOUNT}\""));
  CHECK(contains(p.github, "TF_VAR_subscription_id: ${{ vars.AZURE_SUBSCRIPTION_ID }}\n"));
  CHECK(contains(p.azure, "-backend-config=\"container_name=$(TF_STATE_CONTAINER)\""));
  CHECK(contains(p.azure, "TF_VAR_subscription_id: $(ARM_SUBSCRIPTION_ID)\n"));
}

TEST_CASE("dependabot updates the actions and every environment's Terraform providers") {
  const Pipelines p = synthesize_pipelines();
  CHECK(contains(p.dependabot, "version: 2\n"));
  CHECK(contains(p.dependabot, "  - package-ecosystem: github-actions\n    directory: /\n"));
  CHECK(contains(p.dependabot,
                 "    directories:\n"
                 "      - /out/shop/dev/terraform\n"
                 "      - /out/shop/staging/terraform\n"
                 "      - /out/shop/prod/terraform\n"));
}

/// A web app with a package in every environment; `delivery` configures the app's delivery.
App package_app(DeliveryProps delivery, PublicNetwork network = PublicNetwork::open("public API")) {
  App app = testing::make_app(
      [network](Stack& s, const Environment&) {
        auto& plan = s.add<azure::AppServicePlan>("plan", {.sku = azure::PlanSku::P0v3});
        azure::LinuxWebAppProps props;  // assigned: GCC 12 false -Wmaybe-uninitialized
        props.plan = plan;
        props.settings.public_network = network;
        props.settings.health_check_path = "/healthz";
        auto& api = s.add<azure::LinuxWebApp>("api", props);
        api.package({.path = "api", .build = "npm ci && npm run build", .output = "dist"});
        testing::suppress_rules(s, "AZ-");  // the policy is not under test here
        s.parameter("payments_api_key", {.description = "Payments API key", .secure = true});
      },
      {Environment::dev("eastus"), Environment::prod("eastus", "westus")}, "shop");
  app.delivery(std::move(delivery));
  return app;
}

std::map<std::string, std::string> pipeline_files(App& app, Diagnostics* diagnostics = nullptr) {
  gen::MemorySink sink;
  Diagnostics result = gen::synthesize(app, sink, {"pipelines"});
  if (diagnostics != nullptr) {
    *diagnostics = std::move(result);
  } else {
    for (const auto& d : result) CAPTURE(format_diagnostic(d));
    REQUIRE_FALSE(has_errors(result));
  }
  return sink.files();
}

TEST_CASE("each environment deploys the app's package after the infrastructure, then probes it") {
  App app = package_app({});
  const auto files = pipeline_files(app);
  const std::string& github = files.at("shop/pipelines/github/workflows/deploy.yml");
  const std::string apply_dev = github.substr(position(github, "  apply_dev:\n"));
  // With a package the job runs on every push; only terraform apply waits for changes.
  CHECK(contains(apply_dev, "needs.plan_dev.result == 'success'"));
  CHECK(contains(apply_dev,
                 "        if: ${{ needs.plan_dev.outputs.changes == 'true' }}\n"
                 "        working-directory: out/shop/dev/terraform\n"
                 "        run: terraform apply -input=false tfplan\n"));
  CHECK(position(apply_dev, "terraform apply") <
        position(apply_dev, "- name: Deploy app-shop-dev-api"));
  CHECK(contains(apply_dev,
                 "          npm ci && npm run build\n"
                 "          (cd dist && zip -qr \"$RUNNER_TEMP/app-shop-dev-api.zip\" .)\n"
                 "          az webapp deploy --type zip \\\n"
                 "            --resource-group rg-shop-dev --name app-shop-dev-api"));
  CHECK(contains(apply_dev, "\"https://app-shop-dev-api.azurewebsites.net/healthz\""));
  CHECK(contains(apply_dev, "case \"$code\" in 2[0-9][0-9]) ;; *) exit 1 ;; esac\n"));
  const std::string& azure = files.at("shop/pipelines/azure-pipelines.yml");
  CHECK(contains(azure, "          changes: $[ dependencies.plan.outputs['plan.changes'] ]\n"));
  CHECK(contains(azure, "condition: and(succeeded(), eq(variables.changes, 'true'))"));
  CHECK(contains(azure, "displayName: Smoke test app-shop-prod-api\n"));
  CHECK(files.count("shop/pipelines/github/actionlint.yaml") == 0);
}

TEST_CASE(
    "the Bicep flavour previews with what-if and deploys the template, Terraform is still "
    "validated") {
  App app = package_app({.deploy_with = IacFlavour::bicep});
  const auto files = pipeline_files(app);
  const std::string& github = files.at("shop/pipelines/github/workflows/deploy.yml");
  CHECK(contains(github, "    name: What-if prod\n"));
  CHECK(contains(github,
                 "az deployment sub what-if \\\n"
                 "            --name \"shop-prod-${GITHUB_RUN_ID}\" --location eastus \\\n"
                 "            --template-file main.bicep --parameters main.bicepparam"));
  CHECK(contains(github, "az deployment sub create \\\n"));
  CHECK_FALSE(contains(github, "terraform plan"));
  CHECK(contains(github, "terraform validate\n"));
  CHECK(contains(github, "az bicep lint --file main.bicep\n"));
  // The .bicepparam file reads the secret from the environment at deploy time.
  const std::string apply_prod = github.substr(position(github, "  apply_prod:\n"));
  CHECK(contains(apply_prod, "      PAYMENTS_API_KEY: ${{ secrets.PAYMENTS_API_KEY }}\n"));
  const std::string& azure = files.at("shop/pipelines/azure-pipelines.yml");
  CHECK(contains(azure, "displayName: What-if dev\n"));
  CHECK(contains(azure, "artifact: whatif-prod\n"));
  CHECK(contains(azure, "PAYMENTS_API_KEY: $(PAYMENTS_API_KEY)\n"));
}

TEST_CASE("validation runs the app's tests, publishes their reports and scans the IaC") {
  App app = package_app(
      {.tests = AppTests{.directory = "svc",
                         .python = "3.11",
                         .install = "pip install -r requirements.txt",
                         .command = "pytest --junitxml=junit.xml --cov-report=xml:cov.xml",
                         .junit_report = "junit.xml",
                         .coverage_report = "cov.xml"}});
  const auto files = pipeline_files(app);
  const std::string& github = files.at("shop/pipelines/github/workflows/deploy.yml");
  CHECK(position(github, "- name: Application tests") < position(github, "- name: Build iacgen"));
  CHECK(contains(github, "python-version: '3.11'\n"));
  CHECK(contains(github, "            svc/junit.xml\n            svc/cov.xml\n"));
  CHECK(contains(github, "pipx run --spec checkov==3.2.364 checkov --directory out/shop"));
  CHECK(contains(github, "sarif_file: checkov/results_sarif.sarif\n"));
  const std::string& azure = files.at("shop/pipelines/azure-pipelines.yml");
  CHECK(contains(azure, "task: UsePythonVersion@0\n"));
  CHECK(contains(azure, "testResultsFiles: svc/junit.xml\n"));
  CHECK(contains(azure, "summaryFileLocation: svc/cov.xml\n"));
  CHECK(contains(azure, "--output-file-path console,$(Build.ArtifactStagingDirectory)/sarif\n"));
}

TEST_CASE("a private app deploys from the environment's self-hosted runner, or fails clearly") {
  SUBCASE("no runner for an app without an open endpoint") {
    App app = package_app({}, PublicNetwork::disabled());
    Diagnostics diagnostics;
    pipeline_files(app, &diagnostics);
    REQUIRE(has_errors(diagnostics));
    const auto it = std::find_if(diagnostics.begin(), diagnostics.end(),
                                 [](const Diagnostic& d) { return d.rule_id == "IAC-PIPE-003"; });
    REQUIRE(it != diagnostics.end());
    const Diagnostic& d = *it;
    CHECK(d.rule_id == "IAC-PIPE-003");
    CHECK(d.path == "shop/dev/api");
    CHECK(contains(d.message, "'app-shop-dev-api' is not open to the internet in dev"));
    CHECK(contains(d.fix, "self_hosted_runners"));
  }
  SUBCASE("runners inside the network") {
    App app = package_app({.self_hosted_runners = {{"dev", "shop-dev"}, {"prod", "shop-prod"}}},
                          PublicNetwork::disabled());
    const auto files = pipeline_files(app);
    const std::string& github = files.at("shop/pipelines/github/workflows/deploy.yml");
    CHECK(contains(github, "    runs-on:\n      - self-hosted\n      - shop-prod\n"));
    CHECK(contains(files.at("shop/pipelines/azure-pipelines.yml"),
                   "    pool:\n      name: shop-prod\n"));
    CHECK(contains(files.at("shop/pipelines/github/actionlint.yaml"),
                   "self-hosted-runner:\n  labels:\n    - shop-dev\n    - shop-prod\n"));
  }
}

TEST_CASE("package paths and health paths cannot break out of the pipeline's scripts") {
  auto with_package = [](PackageProps package, bool health_check) {
    return testing::make_app([=](Stack& s, const Environment&) {
      auto& plan = s.add<azure::AppServicePlan>("plan", {.sku = azure::PlanSku::P0v3});
      azure::LinuxWebAppProps props;
      props.plan = plan;
      if (health_check) props.settings.health_check_path = "/healthz";
      s.add<azure::LinuxWebApp>("api", props).package(package);
    });
  };
  SUBCASE("a path that leaves the repository") {
    App app = with_package({.path = "../secrets"}, true);
    CHECK(testing::synthesize(app).diagnostic("IAC-PIPE-001").message ==
          "package path '../secrets' is not a folder of the repository");
  }
  SUBCASE("a path with a quote") {
    App app = with_package({.path = "api\"; rm -rf /"}, true);
    CHECK(testing::synthesize(app).has_rule("IAC-PIPE-001"));
  }
  SUBCASE("a health path with a shell substitution") {
    App app = with_package({.path = "api", .health_path = "/h$(id)"}, true);
    CHECK(testing::synthesize(app).diagnostic("IAC-PIPE-001").message ==
          "health path '/h$(id)' is not a URL path");
  }
  SUBCASE("no health endpoint") {
    App app = with_package({.path = "api"}, false);
    CHECK(contains(testing::synthesize(app).diagnostic("IAC-PIPE-002").fix, "health_check_path"));
  }
}

}  // namespace
}  // namespace iac
