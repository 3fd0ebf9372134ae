#include "dsl/azure/key_vault_secret.h"

#include "dsl/azure/key_vault.h"
#include "generators/bicep/azure/emitters.h"

namespace iac::gen::bicep {

Value reference(const azure::KeyVaultSecret&, const std::string& symbol,
                std::string_view attribute) {
  if (attribute == "versionless_id") return Reference{symbol, {"properties", "secretUri"}};
  return common_reference(symbol, attribute, "Microsoft.KeyVault/vaults/secrets");
}

void emit(const azure::KeyVaultSecret& secret, Context& context) {
  const auto& props = secret.props();
  Object attributes{{{"enabled", true}}};
  if (!props.expiration_date.empty()) {
    // ARM takes seconds since the epoch; the fixed date stays readable in the template.
    attributes.properties.push_back(
        {"exp", Call{.function = "dateTimeToEpoch", .string_arguments = {props.expiration_date}}});
  }
  Object tags;
  for (const auto& [key, value] : secret.tags()) tags.properties.push_back({key, value});
  // A child of the vault: no location of its own.
  Object body{{
      {"parent", Reference{Context::symbol(secret.vault()), {}}},
      {"name", secret.name()},
      {"tags", std::move(tags)},
      {"properties", Object{{{"value", context.value(props.value)},
                             {"contentType", props.content_type},
                             {"attributes", std::move(attributes)}}}},
  }};
  context.write(secret, "Microsoft.KeyVault/vaults/secrets@2024-11-01", std::move(body));
}

}  // namespace iac::gen::bicep
