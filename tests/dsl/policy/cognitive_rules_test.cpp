/// Pass and fail cases of the Azure AI services rule family (dsl/policy/rules/cognitive.cpp).

#include "dsl/azure/resources.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

void deployment(Stack& s, DeploymentSku sku) {
  s.add<CognitiveAccount>("oai").deployment(
      "chat", {.model_name = "gpt-4o", .model_version = "2024-11-20", .sku = sku});
}

const RegisterRuleCases kCases{{
    {"AZ-COG-001", Environment::staging("eastus"), [](Stack& s) { s.add<CognitiveAccount>("oai"); },
     [](Stack& s) {
       s.add<CognitiveAccount>("oai", {.entra_only_auth = Control::waived("SDK without Entra")});
     }},
    {"AZ-COG-002", Environment::staging("eastus"), [](Stack& s) { s.add<CognitiveAccount>("oai"); },
     [](Stack& s) {
       s.add<CognitiveAccount>(
           "oai", {.public_network = PublicNetwork::allow_from({"203.0.113.0/24"}, "office")});
     }},
    {"AZ-COG-003", Environment::dev("eastus"),
     [](Stack& s) {
       s.add<CognitiveAccount>(
           "oai", {.public_network = PublicNetwork::allow_from({"203.0.113.0/24"}, "office")});
     },
     [](Stack& s) {
       s.add<CognitiveAccount>("oai", {.public_network = PublicNetwork::open("demo")});
     }},
    {"AZ-COG-004", Environment::staging("eastus"), [](Stack& s) { s.add<CognitiveAccount>("oai"); },
     [](Stack& s) {
       s.add<CognitiveAccount>("oai", {.restrict_outbound = Control::waived("on your data")});
     }},
    {"AZ-COG-005", Environment::prod("eastus"),
     [](Stack& s) { deployment(s, DeploymentSku::standard); },
     [](Stack& s) { deployment(s, DeploymentSku::global_standard); }},
}};

}  // namespace
}  // namespace iac::testing
