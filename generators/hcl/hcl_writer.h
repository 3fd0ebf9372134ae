#pragma once
/// HclWriter: the only place that produces HCL text, in `terraform fmt` canonical form.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "generators/hcl/hcl_value.h"

namespace iac::gen::hcl {

/// Builds a document of blocks and attributes, then renders it the way `terraform fmt` would:
/// two-space indents, `=` aligned across consecutive single-line attributes, one blank line
/// around nested blocks, and strings escaped so no value can break out of its quotes.
///
/// ```
/// HclWriter w;
/// {
///   auto rg = w.block("resource", {"azurerm_resource_group", "rg"});
///   w.attribute("name", "rg-app-dev");
///   w.attribute("location", "eastus");
/// }
/// w.str();
/// // Output:
/// // resource "azurerm_resource_group" "rg" {
/// //   name     = "rg-app-dev"
/// //   location = "eastus"
/// // }
/// ```
class HclWriter {
 public:
  HclWriter();
  ~HclWriter();

  /// Closes the block it opened when it goes out of scope.
  class [[nodiscard]] BlockScope {
   public:
    explicit BlockScope(HclWriter& writer) : writer_(&writer) {}
    BlockScope(BlockScope&& other) noexcept : writer_(other.writer_) { other.writer_ = nullptr; }
    BlockScope(const BlockScope&) = delete;
    BlockScope& operator=(const BlockScope&) = delete;
    BlockScope& operator=(BlockScope&&) = delete;
    ~BlockScope();

   private:
    HclWriter* writer_;
  };

  BlockScope block(std::string type, std::vector<std::string> labels = {});
  void attribute(std::string name, Value value);
  /// A `#` comment line, e.g. a checkov suppression.
  void comment(std::string text);

  /// One step of an edit path: an attribute, an object key or a nested block type, with an
  /// index to pick one of several blocks of that type.
  struct PathStep {
    std::string name;
    std::optional<std::size_t> index;
  };
  /// A raw edit of a block already written (the escape hatch, Resource::terraform_override):
  /// `value` replaces the attribute at `path` where the emitter wrote one, keeping its place,
  /// or is added (after the block's other attributes, creating nested blocks as needed);
  /// `std::nullopt` removes the attribute or nested block there. A step names an attribute
  /// whose value is an object (`tags.owner`) or a nested block; a nested block that does not
  /// exist is created; several blocks of one type need an index (`ip_restriction[1]`), and the
  /// index one past the last appends a block. Rendering happens in str(), so edited blocks keep
  /// `terraform fmt` alignment and escaping.
  struct Edit {
    std::vector<PathStep> path;
    std::optional<Value> value;
  };
  /// Applies `edits` to the top-level block `type "label"...`, in order. Returns, per edit that
  /// does not fit what is written, one sentence naming the path; the other edits still apply.
  std::vector<std::string> edit_block(std::string_view type, const std::vector<std::string>& labels,
                                      const std::vector<Edit>& edits);

  /// The document so far, ending in one newline.
  std::string str() const;

  struct Body;

 private:
  void close_block();

  std::unique_ptr<Body> root_;
  std::vector<Body*> open_;
};

/// `text` as a quoted HCL string: `"`, `\`, control characters, `${` and `%{` escaped.
std::string quote(std::string_view text);

/// Whether `name` is an HCL identifier (so an object key needs no quotes).
bool is_identifier(std::string_view name);

}  // namespace iac::gen::hcl
