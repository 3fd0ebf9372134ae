#pragma once
/// A small reader for the Terraform files under review: the subset our writer emits and what
/// people write by hand (blocks, nested blocks, attributes, strings with escapes and templates,
/// heredocs, comments). Expressions are kept as text with whitespace outside strings collapsed,
/// except object constructors (`tags = { ... }`), which are flattened into `tags.key` paths.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace iac::review {

/// One top-level block with its attributes flattened into paths: `site_config.minimum_tls_version`,
/// `security_rule[allow-https].access` (repeated blocks keyed by their `name`, else by index).
struct HclBlock {
  std::string kind;                               ///< `resource`, `data`, `variable`, ...
  std::vector<std::string> labels;                ///< `azurerm_key_vault`, `kv`.
  int line = 0;                                   ///< 1-based line of the block header.
  std::map<std::string, std::string> attributes;  ///< path → expression text.
};

struct HclFile {
  std::vector<HclBlock> blocks;
  std::string error;  ///< Empty when the whole file was read; else `line N: what`.
};

/// Reads `text`. On a syntax error, the blocks read before it are kept and `error` says where.
HclFile read_hcl(std::string_view text);

}  // namespace iac::review
