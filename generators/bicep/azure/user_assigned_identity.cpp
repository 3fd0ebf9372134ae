#include "dsl/azure/user_assigned_identity.h"

#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

Value reference(const azure::UserAssignedIdentity&, const std::string& symbol,
                std::string_view attribute) {
  if (attribute == "client_id") return Reference{symbol, {"properties", "clientId"}};
  if (attribute == "principal_id") return Reference{symbol, {"properties", "principalId"}};
  return common_reference(symbol, attribute, "Microsoft.ManagedIdentity/userAssignedIdentities");
}

void emit(const azure::UserAssignedIdentity& identity, Context& context) {
  context.write(identity, "Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30",
                context.header(identity));
}

}  // namespace iac::gen::bicep
