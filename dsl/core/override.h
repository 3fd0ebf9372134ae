#pragma once
/// Escape hatches: raw edits of one resource's Terraform block or Bicep body, for the Azure
/// properties the typed model does not cover yet (the AWS CDK's `addPropertyOverride` and
/// `addDeletionOverride`).
///
/// An override names a dotted path in one output format (`site_config.http2_enabled`,
/// `properties.siteConfig.http20Enabled`) and a value, or removes what is written there. The
/// writers apply it after the emitter has rendered the resource, so quoting, escaping and
/// `terraform fmt` alignment stay theirs. Policy rule AZ-OVR-001 reports an override of a
/// security-relevant attribute; the environment README and `iacgen diff` list every override.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dsl/core/expr.h"

namespace iac {

/// The output format an override edits.
enum class OverrideFormat { terraform, bicep };

std::string_view to_string(OverrideFormat format);

struct OverrideEntry;

/// The value an override writes: a bool, a number, a string or an expression with references
/// (`vault.uri()`, so the dependency graph sees it), a list, or an object. The writers render
/// it in their own syntax and escape its strings.
class OverrideValue {
 public:
  using List = std::vector<OverrideValue>;
  using Object = std::vector<OverrideEntry>;
  using Data = std::variant<bool, std::int64_t, double, Expr, List, Object>;

  OverrideValue(bool value) : data_(value) {}                          // NOLINT: implicit by design
  OverrideValue(int value) : data_(std::int64_t{value}) {}             // NOLINT
  OverrideValue(std::int64_t value) : data_(value) {}                  // NOLINT
  OverrideValue(double value) : data_(value) {}                        // NOLINT
  OverrideValue(const char* value) : data_(Expr(value)) {}             // NOLINT
  OverrideValue(std::string value) : data_(Expr(std::move(value))) {}  // NOLINT
  OverrideValue(Expr value) : data_(std::move(value)) {}               // NOLINT
  OverrideValue(Ref value) : data_(Expr(std::move(value))) {}          // NOLINT
  OverrideValue(List value) : data_(std::move(value)) {}               // NOLINT
  OverrideValue(Object value) : data_(std::move(value)) {}             // NOLINT

  const Data& data() const { return data_; }
  /// The references the value holds, in order.
  void collect_references(std::vector<Ref>& out) const;
  /// Whether any part is a sensitive reference or a secure parameter.
  bool sensitive() const;
  /// A short, format-neutral text for docs and review: `true`, `"1.2"`, `[2 items]`,
  /// `<reference>`.
  std::string summary() const;

 private:
  Data data_;
};

struct OverrideEntry {
  std::string key;
  OverrideValue value;
};

/// One step of an override path: a name, and for repeated Terraform blocks or Bicep arrays an
/// index (`ip_restriction[1]`).
struct OverrideStep {
  std::string name;
  std::optional<std::size_t> index;
};

/// Splits `a.b[1].c`; returns a problem (empty on success) for an empty step, a name that is not
/// an identifier (`[A-Za-z_][A-Za-z0-9_-]*`) or a malformed index.
std::string parse_override_path(std::string_view path, std::vector<OverrideStep>& steps);

/// The well-known settings that map one logical name to both formats, for the kinds listed in
/// dsl/azure/settings.cpp. Prefer them to raw paths: one call edits Terraform and Bicep alike.
enum class Setting {
  http2,                ///< Web and function apps: HTTP/2 on the front end.
  always_on,            ///< Web and function apps: keep the worker loaded.
  minimum_tls_version,  ///< Web and function apps, storage accounts, Redis caches.
};

std::string_view to_string(Setting setting);

/// One edit of one resource: format, path and value (`std::nullopt` removes what is there).
struct Override {
  OverrideFormat format = OverrideFormat::terraform;
  std::string path;
  std::optional<OverrideValue> value;
  /// The typed setting this edit came from (`http2`), empty for a raw path.
  std::string setting;
};

}  // namespace iac
