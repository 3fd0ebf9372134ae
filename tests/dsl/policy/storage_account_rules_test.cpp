/// Pass and fail cases of the storage account rule family (dsl/policy/rules/storage_account.cpp).

#include "dsl/azure/resources.h"
#include "tests/support/rule_cases.h"

namespace iac::testing {
namespace {

using namespace iac::azure;

const RegisterRuleCases kCases{{
    {"AZ-ST-008", Environment::dev("eastus"),
     [](Stack& s) { s.add<StorageAccount>("st").container("media"); },
     [](Stack& s) {
       s.add<StorageAccount>("st", {.private_blobs = Control::waived("public downloads")})
           .container("media", {.private_access = Control::waived("public downloads")});
     }},
    {"AZ-ST-001", Environment::dev("eastus"), [](Stack& s) { s.add<StorageAccount>("st"); },
     [](Stack& s) { s.add<StorageAccount>("st", {.https_only = Control::waived("legacy")}); }},
    {"AZ-ST-002", Environment::dev("eastus"), [](Stack& s) { s.add<StorageAccount>("st"); },
     [](Stack& s) { s.add<StorageAccount>("st", {.private_blobs = Control::waived("cdn")}); }},
    {"AZ-ST-003", Environment::staging("eastus"), [](Stack& s) { s.add<StorageAccount>("st"); },
     [](Stack& s) { s.add<StorageAccount>("st", {.entra_only_auth = Control::waived("y1")}); }},
    {"AZ-ST-004", Environment::staging("eastus"), [](Stack& s) { s.add<StorageAccount>("st"); },
     [](Stack& s) {
       s.add<StorageAccount>("st", {.public_network = PublicNetwork::open("demo")});
     }},
    {"AZ-ST-005", Environment::staging("eastus"), [](Stack& s) { s.add<StorageAccount>("st"); },
     [](Stack& s) {
       s.add<StorageAccount>(
           "st", {.public_network = PublicNetwork::allow_from({"203.0.113.0/24"}, "office")});
     }},
    {"AZ-ST-006", Environment::prod("eastus"),
     [](Stack& s) { s.add<StorageAccount>("st", {.replication = Replication::gzrs}); },
     [](Stack& s) { s.add<StorageAccount>("st", {.replication = Replication::zrs}); }},
    {"AZ-ST-007", Environment::dev("eastus"), [](Stack& s) { s.add<StorageAccount>("st"); },
     [](Stack& s) { s.add<StorageAccount>("st", {.container_soft_delete_days = 3}); }},
}};

}  // namespace
}  // namespace iac::testing
