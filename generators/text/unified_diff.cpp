#include "generators/text/unified_diff.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace iac::gen {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    auto end = text.find('\n');
    if (end == std::string_view::npos) {
      lines.push_back(text);
      break;
    }
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end + 1);
  }
  return lines;
}

struct Edit {
  char op;  // ' ', '-', '+'
  std::string_view line;
};

/// Longest-common-subsequence edit script over the middle that differs. Beyond a size where
/// the table would be large, the middle is shown as removed then added, which is still correct.
std::vector<Edit> edit_script(const std::vector<std::string_view>& a,
                              const std::vector<std::string_view>& b) {
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  std::vector<Edit> edits;
  for (std::size_t i = 0; i < prefix; ++i) edits.push_back({' ', a[i]});
  const std::size_t n = a.size() - prefix - suffix;
  const std::size_t m = b.size() - prefix - suffix;
  if (n * m <= 4'000'000) {
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        lcs[i][j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1][j + 1] + 1
                                                   : std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        edits.push_back({' ', a[prefix + i]});
        ++i;
        ++j;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        edits.push_back({'-', a[prefix + i++]});  // removals first, as `diff -u` prints them
      } else {
        edits.push_back({'+', b[prefix + j++]});
      }
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) edits.push_back({'-', a[prefix + i]});
    for (std::size_t j = 0; j < m; ++j) edits.push_back({'+', b[prefix + j]});
  }
  for (std::size_t i = a.size() - suffix; i < a.size(); ++i) edits.push_back({' ', a[i]});
  return edits;
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  const auto a = split_lines(before);
  const auto b = split_lines(after);
  const auto edits = edit_script(a, b);
  constexpr std::size_t kContext = 3;

  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
  std::size_t index = 0;
  while (index < edits.size()) {
    while (index < edits.size() && edits[index].op == ' ') ++index;
    if (index == edits.size()) break;
    // A hunk: from kContext lines before this change to kContext lines after the last change
    // that is within 2*kContext of the previous one.
    std::size_t start = index >= kContext ? index - kContext : 0;
    std::size_t end = index;
    std::size_t quiet = 0;
    for (std::size_t k = index; k < edits.size(); ++k) {
      if (edits[k].op != ' ') {
        end = k;
        quiet = 0;
      } else if (++quiet > 2 * kContext) {
        break;
      }
    }
    std::size_t stop = std::min(edits.size(), end + 1 + kContext);
    std::size_t old_line = 1;
    std::size_t new_line = 1;
    for (std::size_t k = 0; k < start; ++k) {
      if (edits[k].op != '+') ++old_line;
      if (edits[k].op != '-') ++new_line;
    }
    std::size_t old_count = 0;
    std::size_t new_count = 0;
    std::string body;
    for (std::size_t k = start; k < stop; ++k) {
      if (edits[k].op != '+') ++old_count;
      if (edits[k].op != '-') ++new_count;
      body += edits[k].op;
      body += edits[k].line;
      body += '\n';
    }
    fmt::format_to(std::back_inserter(out), "@@ -{},{} +{},{} @@\n",
                   old_count ? old_line : old_line - 1, old_count,
                   new_count ? new_line : new_line - 1, new_count);
    out += body;
    index = stop;
  }
  return out;
}

}  // namespace iac::gen
