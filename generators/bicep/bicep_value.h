#pragma once
/// Bicep values: literals, references, function calls, interpolated strings, arrays and
/// objects, rendered only by BicepWriter.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace iac::gen::bicep {

/// A symbol with property access: `kv.properties.vaultUri`, `rg.name`.
struct Reference {
  std::string symbol;
  std::vector<std::string> members;
};

class Value;

/// A function call with property access: `subscription().tenantId`,
/// `readEnvironmentVariable('TOKEN')`, `guid(kv.id, app.id, 'x')`. `string_arguments` are
/// string literals, quoted by the writer; `arguments` are any values (references, calls...),
/// rendered after them.
struct Call {
  std::string function;
  std::vector<std::string> members;
  std::vector<std::string> string_arguments;
  std::vector<Value> arguments;
};

/// `'https://${kv.name}.vault.azure.net/'`.
struct Interpolation {
  std::vector<std::variant<std::string, Reference, Call>> parts;
};

struct Property;
using Array = std::vector<Value>;
struct Object {
  std::vector<Property> properties;
};

class Value {
 public:
  using Data =
      std::variant<bool, std::int64_t, std::string, Reference, Call, Interpolation, Array, Object>;

  Value(bool value) : data_(value) {}                      // NOLINT: implicit by design
  Value(int value) : data_(std::int64_t{value}) {}         // NOLINT
  Value(std::int64_t value) : data_(value) {}              // NOLINT
  Value(const char* value) : data_(std::string(value)) {}  // NOLINT
  Value(std::string value) : data_(std::move(value)) {}    // NOLINT
  Value(Reference value) : data_(std::move(value)) {}      // NOLINT
  Value(Call value) : data_(std::move(value)) {}           // NOLINT
  Value(Interpolation value) : data_(std::move(value)) {}  // NOLINT
  Value(Array value) : data_(std::move(value)) {}          // NOLINT
  Value(Object value) : data_(std::move(value)) {}         // NOLINT

  const Data& data() const { return data_; }
  Data& data() { return data_; }

 private:
  Data data_;
};

struct Property {
  std::string key;
  Value value;
  /// A key computed at deployment, e.g. `'${identity.id}'` in `userAssignedIdentities`;
  /// when set, `key` is ignored.
  std::optional<Interpolation> key_expression = std::nullopt;
};

}  // namespace iac::gen::bicep
