#include "dsl/azure/key_vault_key.h"

#include "dsl/azure/key_vault.h"
#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

Value reference(const azure::KeyVaultKey&, const std::string& symbol, std::string_view attribute) {
  if (attribute == "versionless_id") return Reference{symbol, {"properties", "keyUri"}};
  return common_reference(symbol, attribute, "Microsoft.KeyVault/vaults/keys");
}

void emit(const azure::KeyVaultKey& key, Context& context) {
  const auto& props = key.props();
  Object attributes{{{"enabled", true}}};
  if (!props.expiration_date.empty()) {
    // ARM takes seconds since the epoch; the fixed date stays readable in the template.
    attributes.properties.push_back(
        {"exp", Call{.function = "dateTimeToEpoch", .string_arguments = {props.expiration_date}}});
  }
  Array operations;
  for (auto operation : props.operations)
    operations.emplace_back(std::string(to_string(operation)));
  Object properties{{
      {"kty", props.hardware_protection.is_enforced() ? "RSA-HSM" : "RSA"},
      {"keySize", props.key_size},
      {"keyOps", std::move(operations)},
      {"attributes", std::move(attributes)},
  }};
  if (props.auto_rotation.is_enforced()) {
    auto action = [&](const char* type) {
      return Object{{{"trigger", Object{{{"timeBeforeExpiry", props.rotate_before_expiry}}}},
                     {"action", Object{{{"type", type}}}}}};
    };
    properties.properties.push_back(
        {"rotationPolicy",
         Object{{{"attributes", Object{{{"expiryTime", props.expire_after}}}},
                 {"lifetimeActions", Array{action("rotate"), action("notify")}}}}});
  }
  Object tags;
  for (const auto& [tag, value] : key.tags()) tags.properties.push_back({tag, value});
  // A child of the vault: no location of its own.
  Object body{{
      {"parent", Reference{Context::symbol(key.vault()), {}}},
      {"name", key.name()},
      {"tags", std::move(tags)},
      {"properties", std::move(properties)},
  }};
  context.write(key, "Microsoft.KeyVault/vaults/keys@2024-11-01", std::move(body));
}

}  // namespace iac::gen::bicep
