#pragma once
/// A small reader for the Bicep files under review: what our writer emits and what people write by
/// hand (decorators, `param`/`var`/`output`/`module` statements, `resource sym 'type@api'
/// [existing] = { ... }` with `if (...)` conditions and `[for ...]` loops, nested objects and
/// arrays, strings with escapes and `${...}` interpolation, `'''` multi-line strings, comments).
/// Values are kept as text with whitespace outside strings collapsed; objects are flattened into
/// property paths (`properties.networkAcls.defaultAction`) and arrays of objects are keyed by their
/// `name` (`properties.securityRules[deny-all].properties.access`), else by index.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace iac::review {

struct BicepResource {
  std::string symbol;       ///< `st`.
  std::string type;         ///< `Microsoft.Storage/storageAccounts`.
  std::string api_version;  ///< `2025-01-01`.
  bool existing = false;    ///< A reference (`existing`), not deployed by the template.
  int line = 0;             ///< 1-based line of the `resource` keyword.
  /// path → value text. `name`, `location`, `properties.publicNetworkAccess`, `sku.name`; a
  /// condition is `(if)`, a loop header `(for)`.
  std::map<std::string, std::string> properties;
};

struct BicepFile {
  std::vector<BicepResource> resources;
  /// Every other statement (`param`, `var`, `output`, `module`...) with its decorators, as
  /// normalized text, in order: what the resource comparison does not cover.
  std::vector<std::string> statements;
  std::string error;  ///< Empty when the whole file was read; else `line N: what`.
};

/// Reads `text`. On a syntax error, the resources read before it are kept and `error` says where.
BicepFile read_bicep(std::string_view text);

/// Decodes a Bicep string literal without interpolation (`'abc'`, `'it\\'s'`, `'''...'''`) into
/// `out`; false for any other value (an interpolated string, a reference, a number).
bool bicep_plain_string(std::string_view value, std::string& out);

}  // namespace iac::review
