#include "dsl/azure/key_vault.h"

#include <fmt/format.h>

#include "dsl/azure/role_assignment.h"

namespace iac::azure {

const ResourceKind KeyVault::kKind{.name = "Key Vault",
                                   .abbreviation = "kv",
                                   .naming = {.min_length = 3,
                                              .max_length = 24,
                                              .charset = "letters, digits and '-'",
                                              .allowed = chars::alnum_hyphen,
                                              .first = chars::letter,
                                              .last = chars::alnum,
                                              .no_consecutive_hyphens = true,
                                              .scope = NameScope::global}};

KeyVault::KeyVault(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {}

void KeyVault::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (props_.soft_delete_retention_days < 7 || props_.soft_delete_retention_days > 90) {
    out.push_back(diagnostic(
        "IAC-KV-001",
        fmt::format("`soft_delete_retention_days` is {}", props_.soft_delete_retention_days),
        "set it between 7 and 90"));
  }
  validate_control(*this, "rbac_authorization", props_.rbac_authorization, out);
  validate_control(*this, "purge_protection", props_.purge_protection, out);
  validate_public_network(*this, "public_network", props_.public_network, out);
}

Expr KeyVaultSecretReference::value() const {
  Expr name = secret ? Expr(secret->name_ref()) : Expr(secret_name);
  return "@Microsoft.KeyVault(SecretUri=" + Expr(vault->uri()) + "secrets/" + name + "/)";
}

KeyVaultSecret& KeyVault::secret(std::string name, KeyVaultSecretProps props) {
  props.name = name;
  return add<KeyVaultSecret>(std::move(name), std::move(props));
}

KeyVaultSecretReference KeyVault::secret_reference(std::string name) {
  const auto* declared = dynamic_cast<const KeyVaultSecret*>(find(name));
  return {.vault = this, .secret_name = std::move(name), .secret = declared};
}

KeyVaultKey& KeyVault::key(std::string name, KeyVaultKeyProps props) {
  props.name = name;
  return add<KeyVaultKey>(std::move(name), std::move(props));
}

RoleAssignment& KeyVault::grant_keys_admin(const Principal& principal) {
  std::string id = grant_id("crypto-officer", principal);
  if (auto* existing = dynamic_cast<RoleAssignment*>(find(id))) return *existing;
  return add<RoleAssignment>(id, {.scope = *this,
                                  .role = BuiltinRole::key_vault_crypto_officer,
                                  .principal = principal,
                                  .description = "Create keys and set their rotation policy"});
}

RoleAssignment& KeyVault::grant_secrets_read(const Principal& principal) {
  std::string id = grant_id("secrets-user", principal);
  if (auto* existing = dynamic_cast<RoleAssignment*>(find(id))) return *existing;
  return add<RoleAssignment>(id, {.scope = *this,
                                  .role = BuiltinRole::key_vault_secrets_user,
                                  .principal = principal,
                                  .description = "Read secrets (Key Vault references)"});
}

std::vector<DiagnosticSource> KeyVault::diagnostic_sources() const {
  // AuditEvent and AzurePolicyEvaluationDetails (PSRule Azure.KeyVault.Logs), and AllMetrics.
  return {{{.log_category_groups = {"allLogs"}, .metric_categories = {"AllMetrics"}}}};
}

}  // namespace iac::azure
