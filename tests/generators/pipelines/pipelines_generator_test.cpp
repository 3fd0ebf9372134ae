#include <doctest/doctest.h>

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

}  // namespace
}  // namespace iac
