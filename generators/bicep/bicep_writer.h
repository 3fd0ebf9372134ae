#pragma once
/// BicepWriter: the only place that produces Bicep text.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "generators/bicep/bicep_value.h"

namespace iac::gen::bicep {

/// Writes top-level Bicep statements separated by blank lines, objects and arrays one entry per
/// line with two-space indents, and strings escaped (`'`, `\`, `${`, control characters) so no
/// value can break out of its quotes.
///
/// ```
/// BicepWriter w;
/// w.resource("rg", "Microsoft.Resources/resourceGroups@2024-03-01",
///            Object{{{"name", "rg-app-dev"}, {"location", "eastus"}}});
/// // Output:
/// // resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
/// //   name: 'rg-app-dev'
/// //   location: 'eastus'
/// // }
/// ```
class BicepWriter {
 public:
  void target_scope(std::string_view scope);
  /// `using 'main.bicep'` at the top of a .bicepparam file.
  void using_file(std::string_view path);
  /// `param name type`, with `@secure()` and `@description()` decorators.
  void param(std::string_view name, std::string_view type, std::string_view description = {},
             bool secure = false);
  /// `param name = value` in a .bicepparam file.
  void param_value(std::string_view name, const Value& value);
  void resource(std::string_view symbol, std::string_view type_at_version, const Object& body,
                const std::vector<std::string>& comments = {});
  /// `resource symbol 'type@version' existing = body`: a resource deployed elsewhere (or by
  /// Azure itself, as a storage account's queue service), to scope or parent other resources.
  void existing(std::string_view symbol, std::string_view type_at_version, const Object& body,
                const std::vector<std::string>& comments = {});
  void module(std::string_view symbol, std::string_view path, const Object& body);
  void output(std::string_view name, std::string_view type, const Value& value,
              std::string_view description = {});
  /// A `//` comment line.
  void comment(std::string_view text);

  /// The document so far, ending in one newline.
  std::string str() const { return text_; }

 private:
  void begin_statement(bool group_with_previous, std::string_view kind);

  std::string text_;
  std::string previous_kind_;
};

/// One step of an edit path: a property name, with an index to pick an element of the array
/// the property holds.
struct PathStep {
  std::string name;
  std::optional<std::size_t> index;
};

/// A raw edit of a resource body (the escape hatch, Resource::bicep_override): `value` replaces
/// the property at `path`, keeping its place, or is added at the end of its object (objects on
/// the way are created); `std::nullopt` removes the property or array element there. `[i]`
/// picks an element of an array; the index one past the last appends one.
struct Edit {
  std::vector<PathStep> path;
  std::optional<Value> value;
};

/// Applies `edits` to `body` in order, before it is written, so the writer escapes and indents
/// what they add. Returns, per edit that does not fit the body, one sentence naming the path;
/// the other edits still apply.
std::vector<std::string> apply_edits(Object& body, const std::vector<Edit>& edits);

/// `text` as a Bicep string: single-quoted with escapes, or a `'''` multi-line string when that
/// is exact (it has newlines, no `'''` and no characters that need escapes).
std::string quote(std::string_view text);

/// Whether `name` is a Bicep identifier (so an object key needs no quotes).
bool is_identifier(std::string_view name);

}  // namespace iac::gen::bicep
