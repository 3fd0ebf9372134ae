#include "dsl/azure/storage_container.h"

#include <stdexcept>

#include <fmt/format.h>

#include "dsl/azure/storage_account.h"

namespace iac::azure {

namespace {

bool lower_alnum_hyphen(char c) { return chars::lower_alnum(c) || c == '-'; }

const StorageAccount& parent_account(const Construct& scope) {
  if (const auto* account = dynamic_cast<const StorageAccount*>(&scope)) return *account;
  throw std::logic_error(fmt::format(
      "{}: a StorageContainer must be added with StorageAccount::container()", scope.path()));
}

}  // namespace

const ResourceKind StorageContainer::kKind{
    .name = "Blob container",
    .abbreviation = "stc",
    .naming = {.min_length = 3,
               .max_length = 63,
               .charset = "lowercase letters, digits and '-'",
               .allowed = lower_alnum_hyphen,
               .first = chars::lower_alnum,
               .last = chars::lower_alnum,
               .no_consecutive_hyphens = true,
               .scope = NameScope::parent}};

StorageContainer::StorageContainer(Construct& scope, std::string id, Props props)
    : Resource(scope, id, props.name.value_or(id), {}),
      account_(parent_account(scope)),
      props_(std::move(props)) {}

void StorageContainer::collect_references(std::vector<Ref>& out) const {
  out.push_back(account_.id());
}

void StorageContainer::validate(Diagnostics& out) const {
  Resource::validate(out);
  validate_control(*this, "private_access", props_.private_access, out);
  if (!props_.private_access.is_enforced() && account_.props().private_blobs.is_enforced()) {
    out.push_back(diagnostic(
        "IAC-ST-002",
        fmt::format("`private_access` is waived but the account '{}' keeps `private_blobs` "
                    "enforced, so Azure refuses anonymous access",
                    account_.path()),
        "also waive the account's `.private_blobs`, or keep the container private"));
  }
  for (const auto& [key, value] : props_.metadata) {
    bool valid = !key.empty() && (chars::letter(key.front()) || key.front() == '_');
    for (char c : key) valid = valid && (chars::alnum(c) || c == '_');
    if (!valid) {
      out.push_back(
          diagnostic("IAC-ST-003", fmt::format("`metadata` key '{}' is not a valid name", key),
                     "use a letter or '_', then letters, digits or '_' (a C# identifier)"));
    }
  }
}

}  // namespace iac::azure
