#pragma once
/// Blob container: a private folder of blobs in a storage account.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dsl/core/resource.h"
#include "dsl/core/security.h"

namespace iac::azure {

class StorageAccount;

struct StorageContainerProps {
  /// @default the construct id (3-63 lowercase letters, digits and single '-').
  std::optional<std::string> name;
  /// No anonymous read access. Waiving it makes blobs (not the listing) anonymously readable,
  /// which also needs the account's `private_blobs` waived. @default enforced
  /// @see https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent
  Control private_access;
  /// Name-value pairs stored with the container. @default none
  std::map<std::string, std::string> metadata;
};

/// A blob container, a child of its storage account, created through Azure Resource Manager so
/// it works with shared keys disabled and no public endpoint.
class StorageContainer final : public Resource {
 public:
  using Props = StorageContainerProps;
  static const ResourceKind kKind;

  StorageContainer(Construct& scope, std::string id, Props props);
  const ResourceKind& kind() const override { return kKind; }
  AnyResource as_any() const override { return this; }
  bool taggable() const override { return false; }
  const Props& props() const { return props_; }
  const StorageAccount& account() const { return account_; }

  void validate(Diagnostics& out) const override;

 protected:
  void collect_references(std::vector<Ref>& out) const override;

 private:
  const StorageAccount& account_;
  Props props_;
};

}  // namespace iac::azure
