#pragma once
/// Azure naming rules per resource kind, and the default naming convention.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace iac {

/// Where a name must be unique. `global` names are part of a public DNS name.
/// `parent` names a child resource (a Cosmos container, a blob container): it must be unique
/// only among the children of the same parent.
enum class NameScope { resource_group, subscription, global, parent };

std::string_view to_string(NameScope scope);

/// How the convention composes a name: `kv-app-env` or `stappenv`.
enum class NameStyle { hyphenated, compact };

/// The length, charset and uniqueness rules Azure applies to one resource kind's names.
/// @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
struct NamingRule {
  std::size_t min_length = 1;
  std::size_t max_length = 64;
  std::string_view charset;  ///< In words, for messages: "lowercase letters and digits".
  bool (*allowed)(char) = nullptr;
  bool (*first)(char) = nullptr;  ///< Which characters may start the name.
  bool (*last)(char) = nullptr;   ///< Which characters may end the name.
  bool no_consecutive_hyphens = false;
  NameScope scope = NameScope::resource_group;
  NameStyle style = NameStyle::hyphenated;
};

/// Character classes for NamingRule.
namespace chars {
bool lower_alnum(char c);
bool alnum(char c);
bool letter(char c);
bool alnum_hyphen(char c);
bool alnum_hyphen_underscore(char c);
bool resource_group(char c);  ///< Letters, digits, `-`, `_`, `.`, `(`, `)`.
bool insights(char c);        ///< Anything printable except `%&\?/`.
bool not_period(char c);
}  // namespace chars

/// Empty when `name` follows `rule`; otherwise one sentence saying what is wrong.
std::string check_name(const NamingRule& rule, std::string_view name);

/// What a naming convention composes a name from.
struct NameParts {
  std::string_view abbreviation;  ///< CAF abbreviation of the kind, e.g. `kv`.
  std::string_view app;
  std::string_view environment;
  std::string_view id;            ///< Construct id; left out when equal to the abbreviation.
};

/// Composes a default name for a resource that does not set one.
using NamingConvention = std::function<std::string(const NameParts&, const NamingRule&)>;

/// The default convention, in the spirit of the Cloud Adoption Framework:
/// `kv-threatstream-prod`, `stthreatstreamprod`, `kv-threatstream-prod-audit`.
std::string caf_name(const NameParts& parts, const NamingRule& rule);

}  // namespace iac
