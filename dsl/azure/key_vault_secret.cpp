#include "dsl/azure/key_vault_secret.h"

#include <stdexcept>

#include <fmt/format.h>

#include "dsl/azure/key_vault.h"

namespace iac::azure {

namespace {

const KeyVault& parent_vault(const Construct& scope) {
  if (const auto* vault = dynamic_cast<const KeyVault*>(&scope)) return *vault;
  throw std::logic_error(
      fmt::format("{}: a Key Vault secret is declared with vault.secret(...)", scope.path()));
}

bool digits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

bool is_rfc3339_utc(std::string_view text) {
  // 2026-12-31T00:00:00Z
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != 'Z') {
    return false;
  }
  if (!digits(text.substr(0, 4)) || !digits(text.substr(5, 2)) || !digits(text.substr(8, 2)) ||
      !digits(text.substr(11, 2)) || !digits(text.substr(14, 2)) || !digits(text.substr(17, 2))) {
    return false;
  }
  auto number = [&](std::size_t at) { return (text[at] - '0') * 10 + (text[at + 1] - '0'); };
  return number(5) >= 1 && number(5) <= 12 && number(8) >= 1 && number(8) <= 31 &&
         number(11) <= 23 && number(14) <= 59 && number(17) <= 59;
}

const ResourceKind KeyVaultSecret::kKind{.name = "Key Vault secret",
                                         .abbreviation = "secret",
                                         .naming = {.min_length = 1,
                                                    .max_length = 127,
                                                    .charset = "letters, digits and '-'",
                                                    .allowed = chars::alnum_hyphen}};

KeyVaultSecret::KeyVaultSecret(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags),
      vault_(&parent_vault(scope)),
      props_(std::move(props)) {}

void KeyVaultSecret::collect_references(std::vector<Ref>& out) const {
  out.push_back(vault_->id());
  for (const Ref& ref : props_.value.refs()) out.push_back(ref);
}

void KeyVaultSecret::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (props_.value.empty() || !props_.value.sensitive()) {
    out.push_back(diagnostic(
        "IAC-KV-002",
        props_.value.empty() ? "`value` is not set"
        : props_.value.is_literal()
            ? "`value` is a literal: the secret would be written in the repository"
            : "`value` is neither a secure parameter nor a sensitive attribute",
        "set `.value` to a secure parameter (`s.parameter(\"name\", {.secure = true})`) or a "
        "sensitive attribute such as `insights.connection_string()`"));
  }
  if (props_.content_type.empty()) {
    out.push_back(diagnostic("IAC-KV-003", "`content_type` is not set",
                             "set `.content_type`, e.g. \"text/plain\""));
  }
  validate_control(*this, "expiry", props_.expiry, out);
  if (props_.expiration_date.empty()) {
    if (props_.expiry.is_enforced()) {
      out.push_back(diagnostic(
          "IAC-KV-004", "`expiration_date` is not set",
          "set `.expiration_date` to a fixed RFC 3339 UTC time such as \"2026-12-31T00:00:00Z\", "
          "or `.expiry = Control::waived(\"<reason>\")`"));
    }
  } else if (!is_rfc3339_utc(props_.expiration_date)) {
    out.push_back(diagnostic(
        "IAC-KV-005",
        fmt::format("`expiration_date` '{}' is not an RFC 3339 UTC time", props_.expiration_date),
        "write it as YYYY-MM-DDTHH:MM:SSZ, e.g. \"2026-12-31T00:00:00Z\""));
  }
}

}  // namespace iac::azure
