#include "cli/init.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/scaffold_files.inc"

namespace iac::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPlaceholder = "@APP@";
constexpr std::string_view kAppList = "stacks/apps.txt";
/// Longest name: the naming convention puts it in every resource name, and the scaffold's
/// storage account (`st<app>staging<id>`) and Key Vault (`kv-<app>-staging`) allow 24 characters.
constexpr std::size_t kMaxNameLength = 10;

/// C++ keywords and the names the generated registration already uses: the app's name is a
/// function in namespace iac::stacks.
constexpr std::string_view kReserved[] = {"alignas",       "alignof",     "and",
                                          "and_eq",        "asm",         "auto",
                                          "bitand",        "bitor",       "bool",
                                          "break",         "case",        "catch",
                                          "char",          "char8_t",     "char16_t",
                                          "char32_t",      "class",       "compl",
                                          "concept",       "const",       "consteval",
                                          "constexpr",     "constinit",   "const_cast",
                                          "continue",      "co_await",    "co_return",
                                          "co_yield",      "decltype",    "default",
                                          "delete",        "do",          "double",
                                          "dynamic_cast",  "else",        "enum",
                                          "explicit",      "export",      "extern",
                                          "false",         "float",       "for",
                                          "friend",        "goto",        "if",
                                          "inline",        "int",         "long",
                                          "mutable",       "namespace",   "new",
                                          "noexcept",      "not",         "not_eq",
                                          "nullptr",       "operator",    "or",
                                          "or_eq",         "private",     "protected",
                                          "public",        "register",    "reinterpret_cast",
                                          "requires",      "return",      "short",
                                          "signed",        "sizeof",      "static",
                                          "static_assert", "static_cast", "struct",
                                          "switch",        "template",    "this",
                                          "thread_local",  "throw",       "true",
                                          "try",           "typedef",     "typeid",
                                          "typename",      "union",       "unsigned",
                                          "using",         "virtual",     "void",
                                          "volatile",      "wchar_t",     "while",
                                          "xor",           "xor_eq",      "generated",
                                          "bundled_apps",  "main",        "std",
                                          "iac",           "stacks",      "azure",
                                          "templates"};

std::string substitute(std::string_view text, std::string_view name) {
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  for (std::size_t at = text.find(kPlaceholder); at != std::string_view::npos;
       at = text.find(kPlaceholder, start)) {
    out.append(text.substr(start, at - start));
    out.append(name);
    start = at + kPlaceholder.size();
  }
  out.append(text.substr(start));
  return out;
}

Diagnostic problem(std::string rule_id, std::string_view name, std::string message,
                   std::string fix) {
  return {.rule_id = std::move(rule_id),
          .path = std::string(name),
          .message = std::move(message),
          .fix = std::move(fix)};
}

std::optional<Diagnostic> check_name(std::string_view name) {
  static const std::regex kShape("[a-z][a-z0-9_]*");
  if (!std::regex_match(name.begin(), name.end(), kShape) || name.size() > kMaxNameLength) {
    return problem("IAC-INIT-001", name, fmt::format("'{}' cannot name an application", name),
                   fmt::format("use a lowercase letter, then lowercase letters, digits or '_', "
                               "{} characters at most (it is a folder, a C++ function and part "
                               "of every resource name), e.g. 'orders'",
                               kMaxNameLength));
  }
  if (std::find(std::begin(kReserved), std::end(kReserved), name) != std::end(kReserved)) {
    return problem("IAC-INIT-001", name,
                   fmt::format("'{}' is a C++ keyword or a name iacgen uses", name),
                   "choose another name, e.g. add the team or product: 'orders_api'");
  }
  return std::nullopt;
}

/// The names in stacks/apps.txt, without comments and blank lines.
std::vector<std::string> registered_apps(const std::string& list) {
  std::vector<std::string> names;
  std::istringstream lines(list);
  for (std::string line; std::getline(lines, line);) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    const auto last = line.find_last_not_of(" \t\r");
    names.push_back(line.substr(first, last - first + 1));
  }
  return names;
}

bool write_file(const fs::path& path, const std::string& content) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << content;
  return static_cast<bool>(file.flush());
}

}  // namespace

std::vector<std::pair<std::string, std::string>> scaffold_files(std::string_view name) {
  const std::string folder = fmt::format("stacks/{}/", name);
  return {{folder + std::string(name) + ".h", substitute(scaffold::app_header, name)},
          {folder + std::string(name) + ".cpp", substitute(scaffold::app_source, name)},
          {folder + "README.md", substitute(scaffold::readme, name)}};
}

ScaffoldResult scaffold_app(const std::string& root, std::string_view name) {
  ScaffoldResult result;
  if (auto bad = check_name(name)) {
    result.diagnostics.push_back(*std::move(bad));
    return result;
  }
  const fs::path base(root);
  const fs::path list_path = base / kAppList;
  std::ifstream list_file(list_path, std::ios::binary);
  if (!list_file) {
    result.diagnostics.push_back(
        problem("IAC-INIT-003", name, fmt::format("no {} under '{}'", kAppList, root),
                "run `iacgen init` from the root of an iacgen project (or pass --root <dir>)"));
    return result;
  }
  std::string list((std::istreambuf_iterator<char>(list_file)), std::istreambuf_iterator<char>());
  const auto registered = registered_apps(list);
  const fs::path folder = base / "stacks" / std::string(name);
  std::error_code error;
  if (std::find(registered.begin(), registered.end(), name) != registered.end() ||
      fs::exists(folder, error)) {
    result.diagnostics.push_back(
        problem("IAC-INIT-002", name,
                fmt::format("stacks/{} already exists or is listed in {}; nothing was changed",
                            name, kAppList),
                "choose another name, or edit the existing application"));
    return result;
  }

  // The files go into a staging folder that is renamed into place, then the app is registered:
  // a failure on the way leaves neither a half-written folder nor a registration without code.
  const fs::path staging = base / "stacks" / fmt::format(".init-{}", name);
  fs::remove_all(staging, error);
  fs::create_directories(staging, error);
  bool ok = !error;
  const auto files = scaffold_files(name);
  for (const auto& [path, content] : files) {
    ok = ok && write_file(staging / fs::path(path).filename(), content);
  }
  if (ok) {
    fs::rename(staging, folder, error);
    ok = !error;
  }
  if (ok) {
    std::string appended = list;
    if (!appended.empty() && appended.back() != '\n') appended += '\n';
    appended += std::string(name) + "\n";
    ok = write_file(list_path, appended);
    if (!ok) fs::remove_all(folder, error);
  }
  if (!ok) {
    fs::remove_all(staging, error);
    result.diagnostics.push_back(problem(
        "IAC-INIT-004", name, fmt::format("could not write stacks/{} or {}", name, kAppList),
        "check that the project folder is writable; nothing was left behind"));
    return result;
  }
  for (const auto& file : files) result.written.push_back(file.first);
  result.written.emplace_back(kAppList);
  return result;
}

int run_init(const std::string& root, const std::string& name) {
  const ScaffoldResult result = scaffold_app(root, name);
  for (const auto& d : result.diagnostics) std::cerr << format_diagnostic(d) << '\n';
  if (!result.diagnostics.empty()) {
    return result.diagnostics.front().rule_id == "IAC-INIT-004" ? kWriteFailed : kUsage;
  }
  for (const auto& path : result.written) std::cout << "wrote " << path << '\n';
  std::cout << fmt::format(
      "\nNext: build and synthesize it, then read stacks/{0}/README.md:\n"
      "  scripts/synth.sh --app {0}\n"
      "  ./build/iacgen check --app {0}\n",
      name);
  return kOk;
}

}  // namespace iac::cli
