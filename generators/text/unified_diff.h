#pragma once
/// Unified diffs of text files, as `diff -u` prints them, for `iacgen diff` and the golden test.

#include <string>
#include <string_view>

namespace iac::gen {

/// The unified diff from `before` to `after` with three lines of context, under the headers
/// `--- a/<path>` and `+++ b/<path>`; empty when the texts are equal.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after);

}  // namespace iac::gen
