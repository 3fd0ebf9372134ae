#pragma once
/// HCL values: literals, traversals, templates, lists and objects, rendered only by HclWriter.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace iac::gen::hcl {

/// A reference such as `azurerm_key_vault.kv.vault_uri` or `var.subscription_id`.
struct Traversal {
  std::vector<std::string> steps;
};

/// A quoted string with interpolations: `"https://${azurerm_key_vault.kv.name}.example"`.
struct Template {
  std::vector<std::variant<std::string, Traversal>> parts;
};

struct ObjectEntry;
class Value;
using List = std::vector<Value>;
/// An object or map value; keys keep insertion order.
struct Object {
  std::vector<ObjectEntry> entries;
};

/// Any value an attribute can hold.
class Value {
 public:
  using Data =
      std::variant<bool, std::int64_t, double, std::string, Traversal, Template, List, Object>;

  Value(bool value) : data_(value) {}                      // NOLINT: implicit by design
  Value(int value) : data_(std::int64_t{value}) {}         // NOLINT
  Value(std::int64_t value) : data_(value) {}              // NOLINT
  Value(double value) : data_(value) {}                    // NOLINT
  Value(const char* value) : data_(std::string(value)) {}  // NOLINT
  Value(std::string value) : data_(std::move(value)) {}    // NOLINT
  Value(Traversal value) : data_(std::move(value)) {}      // NOLINT
  Value(Template value) : data_(std::move(value)) {}       // NOLINT
  Value(List value) : data_(std::move(value)) {}           // NOLINT
  Value(Object value) : data_(std::move(value)) {}         // NOLINT

  const Data& data() const { return data_; }
  Data& data() { return data_; }

 private:
  Data data_;
};

struct ObjectEntry {
  std::string key;
  Value value;
};

}  // namespace iac::gen::hcl
