#include "stacks/platform/platform.h"

#include <vector>

#include <iacgen/azure.h>

namespace iac::stacks {

namespace {

using namespace iac::azure;

/// The environments, shared by the app and platform_state_backends().
std::vector<Environment> environments() {
  return {Environment::dev("eastus"), Environment::staging("eastus"),
          Environment::prod("eastus", "westus")};
}

/// The expiry of the state key's first version; Key Vault rotates it 30 days before, and
/// yearly after that. Fixed, so that every synth writes the same date.
constexpr const char* kKeyExpiration = "2027-12-01T00:00:00Z";

/// The platform team's mailbox, for the budget.
constexpr const char* kPlatformEmail = "platform@iacgen.local";

/// The month the budgets were first deployed: fixed, so that every synth writes the same date.
constexpr const char* kBudgetStart = "2026-12-01";

/// Every environment is private, dev included: a state file holds, in clear, every secret
/// value the stacks write (Key Vault secrets set from parameters, the content-share keys of
/// Consumption plans), and every application's dev stage already deploys from a self-hosted
/// runner. One VNet per environment, 10.10 (prod) to 10.12 (dev): clear of the applications'
/// 10.20-10.51, so that the runners' networks can be peered with it.
void declare(Stack& s, const Environment& env) {
  Tags::of(s).add("cost-center", "platform").add("data-classification", "confidential");
  const std::string base = env.is_prod() ? "10.10" : env.is_staging() ? "10.11" : "10.12";
  templates::private_landing_zone(
      s, {.vnet_range = base + ".0.0/16",
          .endpoints_range = base + ".1.0/24",
          .apps_range = base + ".2.0/26",
          .endpoint_ports = {
              {"allow-apps-https", "443", "HTTPS to the state account (blob) and the key vault"}}});

  // Who read or overwrote state (StorageRead / StorageWrite), and every key operation.
  s.add<LogAnalyticsWorkspace>("log", {.retention_days = env.is_prod() ? 90 : 30});

  // The pipelines' service principal: its object id, set per environment by the operators.
  const Principal deployer{
      .object_id = s.parameter("deployer_principal_id",
                               {.description = "Object id of the service principal the "
                                               "pipelines deploy with (all applications)"}),
      .kind = PrincipalKind::service_principal,
      .description = "deployer"};
  auto backend = templates::terraform_state_backend(
      s, {.deployer = deployer, .key_expiration_date = kKeyExpiration});

  // A few euros a month (an HSM key, a small account, logs): the budget catches a runaway
  // workspace or a forgotten test key.
  s.add<ResourceGroupBudget>(
      "budget", {.amount = env.is_prod() ? 50.0 : 20.0,
                 .start_date = kBudgetStart,
                 .notifications = {{.threshold_percent = 80,
                                    .type = BudgetThresholdType::actual,
                                    .emails = {kPlatformEmail}},
                                   {.threshold_percent = 100,
                                    .type = BudgetThresholdType::forecasted,
                                    .emails = {kPlatformEmail}}}});

  s.output("state_storage_account", backend.account.name_ref(),
           "Storage account of the environment's Terraform state");
  s.output("state_container", backend.container.name_ref());
  s.output("state_key_id", backend.key.versionless_id(),
           "Versionless id of the key the state is encrypted with");
}

}  // namespace

App platform() {
  App app{kPlatformApp};
  app.environments(environments());
  app.define(declare);
  // Its own state is in the account it declares (after the bootstrap the pipelines describe).
  app.delivery({.self_hosted_runners = {{"dev", "platform-dev"},
                                        {"staging", "platform-staging"},
                                        {"prod", "platform-prod"}},
                .state_backends = platform_state_backends()});
  return app;
}

std::map<std::string, StateBackend> platform_state_backends() {
  std::map<std::string, StateBackend> backends;
  for (const Environment& env : environments()) {
    backends[env.name] = templates::terraform_state_backend_location(kPlatformApp, env.name);
  }
  return backends;
}

}  // namespace iac::stacks
