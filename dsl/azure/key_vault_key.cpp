#include "dsl/azure/key_vault_key.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "dsl/azure/key_vault.h"
#include "dsl/azure/key_vault_secret.h"
#include "dsl/azure/role_assignment.h"

namespace iac::azure {

namespace {

KeyVault& parent_vault(Construct& scope) {
  if (auto* vault = dynamic_cast<KeyVault*>(&scope)) return *vault;
  throw std::logic_error(
      fmt::format("{}: a Key Vault key is declared with vault.key(...)", scope.path()));
}

}  // namespace

std::string_view to_string(KeyOperation operation) {
  switch (operation) {
    case KeyOperation::decrypt:
      return "decrypt";
    case KeyOperation::encrypt:
      return "encrypt";
    case KeyOperation::sign:
      return "sign";
    case KeyOperation::verify:
      return "verify";
    case KeyOperation::wrap_key:
      return "wrapKey";
    case KeyOperation::unwrap_key:
      return "unwrapKey";
  }
  return "wrapKey";
}

std::optional<int> iso8601_days(std::string_view text) {
  if (text.size() < 3 || text.front() != 'P') return std::nullopt;
  const char unit = text.back();
  const std::string_view digits = text.substr(1, text.size() - 2);
  if (digits.size() > 4) return std::nullopt;
  int value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  switch (unit) {
    case 'D':
      return value;
    case 'M':
      return value * 30;
    case 'Y':
      return value * 365;
    default:
      return std::nullopt;
  }
}

const ResourceKind KeyVaultKey::kKind{.name = "Key Vault key",
                                      .abbreviation = "key",
                                      .naming = {.min_length = 1,
                                                 .max_length = 127,
                                                 .charset = "letters, digits and '-'",
                                                 .allowed = chars::alnum_hyphen,
                                                 .scope = NameScope::parent}};

KeyVaultKey::KeyVaultKey(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags),
      vault_(&parent_vault(scope)),
      props_(std::move(props)) {}

void KeyVaultKey::collect_references(std::vector<Ref>& out) const { out.push_back(vault_->id()); }

RoleAssignment& KeyVaultKey::grant_encryption_use(const Principal& principal) {
  std::string id = grant_id("crypto-encryption-user", principal);
  // Declared under the vault (not under the key, which holds no children).
  if (auto* existing = dynamic_cast<RoleAssignment*>(vault_->find(id))) return *existing;
  return vault_->add<RoleAssignment>(
      id, {.scope = *this,
           .role = BuiltinRole::key_vault_crypto_service_encryption_user,
           .principal = principal,
           .description = fmt::format("Encrypt at rest with the key '{}'", name())});
}

void KeyVaultKey::validate(Diagnostics& out) const {
  Resource::validate(out);
  validate_control(*this, "hardware_protection", props_.hardware_protection, out);
  validate_control(*this, "expiry", props_.expiry, out);
  validate_control(*this, "auto_rotation", props_.auto_rotation, out);
  if (props_.hardware_protection.is_enforced() && vault_->props().sku != KeyVaultSku::premium) {
    out.push_back(
        diagnostic("IAC-KV-006",
                   fmt::format("an HSM-backed key needs a premium vault, and '{}' is standard",
                               vault_->path()),
                   "set the vault's `.sku = KeyVaultSku::premium`, or `.hardware_protection = "
                   "Control::waived(\"<reason>\")` for a software-protected key"));
  }
  if (props_.key_size != 3072 && props_.key_size != 4096) {
    out.push_back(diagnostic("IAC-KV-007", fmt::format("`key_size` is {}", props_.key_size),
                             "set `.key_size` to 3072 or 4096"));
  }
  if (props_.operations.empty()) {
    out.push_back(diagnostic("IAC-KV-008", "`operations` is empty",
                             "list what the key is for, e.g. {KeyOperation::wrap_key, "
                             "KeyOperation::unwrap_key} for encryption at rest"));
  }
  if (props_.expiration_date.empty()) {
    if (props_.expiry.is_enforced()) {
      out.push_back(diagnostic(
          "IAC-KV-004", "`expiration_date` is not set",
          "set `.expiration_date` to a fixed RFC 3339 UTC time such as \"2027-12-31T00:00:00Z\", "
          "or `.expiry = Control::waived(\"<reason>\")`"));
    }
  } else if (!is_rfc3339_utc(props_.expiration_date)) {
    out.push_back(diagnostic(
        "IAC-KV-005",
        fmt::format("`expiration_date` '{}' is not an RFC 3339 UTC time", props_.expiration_date),
        "write it as YYYY-MM-DDTHH:MM:SSZ, e.g. \"2027-12-31T00:00:00Z\""));
  }
  if (props_.auto_rotation.is_enforced()) {
    const auto lifetime = iso8601_days(props_.expire_after);
    const auto before = iso8601_days(props_.rotate_before_expiry);
    if (!lifetime || *lifetime < 28) {
      out.push_back(diagnostic(
          "IAC-KV-009",
          fmt::format("`expire_after` '{}' is not an ISO 8601 duration of at least 28 days",
                      props_.expire_after),
          "write it as P<n>D, P<n>M or P<n>Y, e.g. \"P1Y\""));
    }
    if (!before || *before < 7 || (lifetime && *before >= *lifetime)) {
      out.push_back(diagnostic(
          "IAC-KV-009",
          fmt::format("`rotate_before_expiry` '{}' is not an ISO 8601 duration of at least 7 days "
                      "and shorter than `expire_after`",
                      props_.rotate_before_expiry),
          "write it as P<n>D, e.g. \"P30D\""));
    }
  }
}

}  // namespace iac::azure
