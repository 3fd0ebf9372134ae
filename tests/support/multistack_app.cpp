#include "tests/support/multistack_app.h"

#include "dsl/azure/resources.h"
#include "dsl/core/aspect.h"
#include "dsl/core/stack.h"

namespace iac::testing {

using namespace iac::azure;

App multistack_app() {
  App app("netsplit");
  app.environments({Environment::dev("eastus"), Environment::staging("eastus"),
                    Environment::prod("eastus", "westus")});
  app.define_stacks([](EnvironmentStacks& stacks, const Environment& env) {
    // Declared in the reverse of the deployment order on purpose: the pipelines deploy by
    // references, not by declaration.
    Stack& app_stack = stacks.add("app");
    Stack& network = stacks.add("network");
    for (Stack* stack : {&app_stack, &network}) {
      Tags::of(*stack).add("cost-center", "netsplit-" + stack->stack_name());
      // Each stack's group has its own budget: its owners see their own spend.
      stack->add<ResourceGroupBudget>(
          "budget",
          {.amount = env.is_prod() ? 500.0 : 100.0,
           .start_date = "2026-12-01",
           .notifications = {{.threshold_percent = 80, .emails = {"platform@netsplit.example"}}}});
    }

    auto& logs =
        network.add<LogAnalyticsWorkspace>("logs", {.retention_days = env.is_prod() ? 90 : 30});
    auto& endpoints_nsg = network.add<NetworkSecurityGroup>(
        "endpoints", {.rules = {{.name = "allow-vnet-https",
                                 .priority = 100,
                                 .source = "10.40.0.0/16",
                                 .destination = "10.40.1.0/24",
                                 .destination_ports = "443",
                                 .description = "workloads to the private endpoints"}}});
    auto& vnet = network.add<VirtualNetwork>("vnet", {.address_space = {"10.40.0.0/16"}});
    auto& endpoints =
        vnet.subnet("endpoints", {.address_prefix = "10.40.1.0/24", .nsg = endpoints_nsg});

    // The application stack: its resources reach the network stack's by Link and Ref.
    app_stack.send_diagnostics_to(logs);
    app_stack.add<KeyVault>("kv");
    app_stack.add<StorageAccount>(
        "data", {.replication = env.is_prod() ? Replication::gzrs : Replication::zrs});
    app_stack.add<PrivateNetwork>("network", {.vnet = vnet, .endpoints_subnet = endpoints});
    app_stack.output("vnet_name", vnet.name_ref(), "The network the app's endpoints are in.");
  });
  return app;
}

}  // namespace iac::testing
