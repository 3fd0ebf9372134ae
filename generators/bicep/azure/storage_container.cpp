#include "dsl/azure/storage_container.h"

#include "dsl/azure/storage_account.h"
#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

Value reference(const azure::StorageContainer&, const std::string& symbol,
                std::string_view attribute) {
  return common_reference(symbol, attribute,
                          "Microsoft.Storage/storageAccounts/blobServices/containers");
}

void emit(const azure::StorageContainer& container, Context& context) {
  const auto& props = container.props();
  Object properties{{{"publicAccess", props.private_access.is_enforced() ? "None" : "Blob"}}};
  if (!props.metadata.empty()) {
    Object metadata;
    for (const auto& [key, value] : props.metadata) metadata.properties.push_back({key, value});
    properties.properties.push_back({"metadata", std::move(metadata)});
  }
  // The parent is the blob service the storage account emitter writes after the account.
  Object body{{{"parent", Reference{Context::symbol(container.account()) + "BlobService", {}}},
               {"name", container.name()},
               {"properties", std::move(properties)}}};
  context.write(container, "Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01",
                std::move(body));
}

}  // namespace iac::gen::bicep
