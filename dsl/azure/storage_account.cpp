#include "dsl/azure/storage_account.h"

#include <algorithm>

#include <fmt/format.h>

#include "dsl/azure/function_app.h"
#include "dsl/azure/key_vault.h"
#include "dsl/azure/key_vault_key.h"
#include "dsl/azure/user_assigned_identity.h"
#include "dsl/core/stack.h"

namespace iac::azure {

std::string_view to_string(Replication replication) {
  switch (replication) {
    case Replication::lrs:
      return "LRS";
    case Replication::zrs:
      return "ZRS";
    case Replication::grs:
      return "GRS";
    case Replication::gzrs:
      return "GZRS";
    case Replication::ragrs:
      return "RAGRS";
    case Replication::ragzrs:
      return "RAGZRS";
  }
  return "ZRS";
}

bool is_geo_redundant(Replication replication) {
  return replication != Replication::lrs && replication != Replication::zrs;
}

std::string_view to_string(AccessTier tier) {
  switch (tier) {
    case AccessTier::hot:
      return "Hot";
    case AccessTier::cool:
      return "Cool";
    case AccessTier::cold:
      return "Cold";
  }
  return "Hot";
}

const ResourceKind StorageAccount::kKind{.name = "Storage account",
                                         .abbreviation = "st",
                                         .naming = {.min_length = 3,
                                                    .max_length = 24,
                                                    .charset = "lowercase letters and digits",
                                                    .allowed = chars::lower_alnum,
                                                    .scope = NameScope::global,
                                                    .style = NameStyle::compact}};

StorageAccount::StorageAccount(Construct& scope, std::string id, Props props)
    : Resource(scope, std::move(id), props.name, props.tags), props_(std::move(props)) {}

StorageContainer& StorageAccount::container(std::string id, StorageContainerProps props) {
  return add<StorageContainer>(std::move(id), std::move(props));
}

void StorageAccount::validate(Diagnostics& out) const {
  Resource::validate(out);
  auto check_days = [&](std::string_view prop, int days) {
    if (days < 1 || days > 365) {
      out.push_back(diagnostic("IAC-ST-001", fmt::format("`{}` is {}", prop, days),
                               fmt::format("set `.{}` between 1 and 365", prop)));
    }
  };
  check_days("blob_soft_delete_days", props_.blob_soft_delete_days);
  check_days("container_soft_delete_days", props_.container_soft_delete_days);
  validate_public_network(*this, "public_network", props_.public_network, out);
  validate_control(*this, "entra_only_auth", props_.entra_only_auth, out);
  validate_control(*this, "private_blobs", props_.private_blobs, out);
  validate_control(*this, "https_only", props_.https_only, out);
  if (const auto& cmk = props_.customer_managed_key) {
    if (!cmk->key || !cmk->identity) {
      out.push_back(diagnostic(
          "IAC-ST-004",
          fmt::format("`customer_managed_key` has no {}", !cmk->key ? "`key`" : "`identity`"),
          "set `.customer_managed_key = {.key = <vault.key(...)>, .identity = "
          "<UserAssignedIdentity>}`"));
    }
    if (cmk->key) {
      const KeyVault& vault = cmk->key->vault();
      if (!vault.props().purge_protection.is_enforced()) {
        out.push_back(diagnostic(
            "IAC-ST-005",
            fmt::format("the customer-managed key's vault '{}' has no purge protection, which "
                        "Azure Storage requires",
                        vault.path()),
            "keep the vault's `purge_protection` enforced"));
      }
      const auto& operations = cmk->key->props().operations;
      auto has = [&](KeyOperation operation) {
        return std::find(operations.begin(), operations.end(), operation) != operations.end();
      };
      if (!has(KeyOperation::wrap_key) || !has(KeyOperation::unwrap_key)) {
        out.push_back(diagnostic(
            "IAC-ST-006",
            fmt::format("the customer-managed key '{}' cannot wrap and unwrap keys",
                        cmk->key->path()),
            "add KeyOperation::wrap_key and KeyOperation::unwrap_key to the key's `.operations`"));
      }
    }
  }
}

void StorageAccount::collect_references(std::vector<Ref>& out) const {
  if (const auto& cmk = props_.customer_managed_key) {
    if (cmk->key) out.push_back(cmk->key->versionless_id());
    if (cmk->identity) out.push_back(cmk->identity->id());
  }
}

std::vector<DiagnosticSource> StorageAccount::diagnostic_sources() const {
  // The account has transaction metrics only; the resource logs (StorageRead, StorageWrite,
  // StorageDelete) are sent by each service, at `<account id>/blobServices/default` etc.
  // Capacity metrics cannot be exported through diagnostic settings.
  std::vector<DiagnosticSource> sources{{.metric_categories = {"Transaction"}}};
  for (std::string_view service :
       {"blobServices", "queueServices", "tableServices", "fileServices"}) {
    sources.push_back({.child_type = service,
                       .child_name = "default",
                       .log_category_groups = {"allLogs"},
                       .metric_categories = {"Transaction"}});
  }
  return sources;
}

}  // namespace iac::azure

namespace iac::azure {

std::vector<PrivateLinkService> StorageAccount::private_link_services() const {
  std::vector<PrivateLinkService> services{{"blob", "privatelink.blob.core.windows.net"}};
  bool host_storage = false;
  bool content_share = false;
  for (const Resource* r : stack().resources()) {
    const auto* app = dynamic_cast<const LinuxFunctionApp*>(r);
    if (app == nullptr || app->props().storage.get() != this) continue;
    host_storage = true;
    // Only Y1 and Elastic Premium mount a content share on Azure Files; on a dedicated plan the
    // host reaches blobs, queues and tables with its identity, and a file endpoint would cost
    // without serving traffic.
    content_share = content_share || !app->storage_uses_managed_identity();
  }
  if (content_share) services.push_back({"file", "privatelink.file.core.windows.net"});
  if (host_storage) {
    services.push_back({"queue", "privatelink.queue.core.windows.net"});
    services.push_back({"table", "privatelink.table.core.windows.net"});
  }
  return services;
}

}  // namespace iac::azure
