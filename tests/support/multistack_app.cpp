#include "tests/support/multistack_app.h"

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"

namespace iac::testing {

using namespace iac::azure;

App multistack_app() {
  App app("netsplit");
  app.environments({Environment::dev("eastus"), Environment::staging("eastus"),
                    Environment::prod("eastus", "westus")});
  app.define_stacks([](EnvironmentStacks& stacks, const Environment&) {
    // Declared first on purpose in the app's reverse order: the pipelines deploy by references.
    Stack& app_stack = stacks.add("app");
    Stack& network = stacks.add("network");

    auto& logs = network.add<LogAnalyticsWorkspace>("logs");
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
    app_stack.add<StorageAccount>("data");
    app_stack.add<PrivateNetwork>("network", {.vnet = vnet, .endpoints_subnet = endpoints});
    app_stack.output("vnet_name", vnet.name_ref(), "The network the app's endpoints are in.");
  });
  return app;
}

}  // namespace iac::testing
