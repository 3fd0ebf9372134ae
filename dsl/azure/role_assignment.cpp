#include "dsl/azure/role_assignment.h"

#include <array>
#include <cstdint>

#include <fmt/format.h>

namespace iac::azure {

namespace {

/// Definition GUIDs from the built-in roles reference (General, Security, Storage, Monitor,
/// Containers, Web and AI + machine learning categories); they never change.
constexpr std::array kRoles{
    RoleDefinition{"Key Vault Administrator", "00482a5a-887f-4fb3-b363-3b7fe8e74483"},
    RoleDefinition{"Key Vault Secrets Officer", "b86a8fe4-44ce-4948-aee5-eccb2c155cd7"},
    RoleDefinition{"Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6"},
    RoleDefinition{"Storage Account Contributor", "17d1049b-9a84-46fb-8f53-869881c3d3ab"},
    RoleDefinition{"Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b"},
    RoleDefinition{"Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe"},
    RoleDefinition{"Storage Blob Data Reader", "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"},
    RoleDefinition{"Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88"},
    RoleDefinition{"Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"},
    RoleDefinition{"Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb"},
    RoleDefinition{"AcrPull", "7f951dda-4ed3-4680-a7ca-43fe172d538d"},
    RoleDefinition{"Website Contributor", "de139f84-1756-47ae-9be6-808fbbe84772"},
    RoleDefinition{"Cognitive Services OpenAI User", "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"},
    RoleDefinition{"Cognitive Services User", "a97b65f3-24c7-4388-baec-2e87135dc908"},
    RoleDefinition{"Key Vault Crypto Officer", "14b46e9e-c2b7-41b4-b07b-48a6ebf60603"},
    RoleDefinition{"Key Vault Crypto Service Encryption User",
                   "e147488a-f6f5-4113-8e2d-b22465e65bf6"},
};

bool hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool is_id_char(char c) { return chars::alnum(c) || c == '-' || c == '_'; }

}  // namespace

const RoleDefinition& definition(BuiltinRole role) {
  return kRoles.at(static_cast<std::size_t>(role));
}

bool is_guid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !hex(text[i])) return false;
  }
  return true;
}

std::string grant_id(std::string_view prefix, const Principal& principal) {
  // The description is the owner's path, `<app>/<env>/<id>/...`: keep the part below the stack.
  std::string_view owner = principal.description;
  for (int skip = 0; skip < 2; ++skip) {
    auto slash = owner.find('/');
    if (slash == std::string_view::npos) break;
    owner.remove_prefix(slash + 1);
  }
  std::string id(prefix);
  id += '-';
  for (char c : owner) id += is_id_char(c) ? c : '-';
  if (id.size() > 64) {
    // Construct ids hold 64 characters: keep a readable prefix and a stable hash of the rest.
    std::uint32_t hash = 2166136261u;  // FNV-1a
    for (char c : principal.description) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    id = fmt::format("{}-{:08x}", id.substr(0, 55), hash);
  }
  return id;
}

const ResourceKind RoleAssignment::kKind{
    .name = "Role assignment",
    .abbreviation = "ra",
    // Not an Azure name: Azure names assignments by GUID. This one only has to be unique.
    .naming = {.min_length = 1, .max_length = 1024, .charset = "any characters"}};

namespace {

/// The construct path below the stack: unique per stack, so the naming convention's
/// `ra-<app>-<env>-<id>` cannot collide between two grants with the same id.
std::string path_name(const Construct& scope, const std::string& id) {
  std::string name = scope.path() + "/" + id;
  auto first = name.find('/');
  auto second = name.find('/', first + 1);
  name = name.substr(second + 1);
  for (char& c : name) {
    if (c == '/') c = '-';
  }
  return name;
}

}  // namespace

RoleAssignment::RoleAssignment(Construct& scope, std::string id, Props props)
    : Resource(scope, id, path_name(scope, id), {}), props_(std::move(props)) {}

void RoleAssignment::collect_references(std::vector<Ref>& out) const {
  if (props_.scope) out.push_back(props_.scope->id());
  for (const Ref& ref : props_.principal.object_id.refs()) out.push_back(ref);
}

void RoleAssignment::validate(Diagnostics& out) const {
  Resource::validate(out);
  if (!props_.scope) {
    out.push_back(diagnostic("IAC-ROLE-001", "required prop `scope` is not set",
                             "set `.scope = <resource>` to the resource the role applies to"));
  }
  const Expr& object_id = props_.principal.object_id;
  if (object_id.empty()) {
    out.push_back(diagnostic(
        "IAC-ROLE-002", "`principal` has no object id",
        "pass an identity's `principal()` (e.g. `app.identity()`) or a parameter's principal"));
  } else if (object_id.is_literal() && !is_guid(object_id.literal())) {
    out.push_back(diagnostic(
        "IAC-ROLE-003",
        fmt::format("`principal.object_id` '{}' is not a GUID", object_id.literal()),
        "use the principal's object id (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), or a parameter"));
  }
}

}  // namespace iac::azure
