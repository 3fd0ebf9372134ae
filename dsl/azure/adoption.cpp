#include "dsl/azure/adoption.h"

#include <cctype>
#include <map>

#include <fmt/format.h>

#include "dsl/azure/resources.h"
#include "dsl/core/resource_id.h"
#include "dsl/core/stack.h"

namespace iac::azure {

namespace {

/// Import ids checked against the azurerm 4.x documentation of each resource ("Import").
const std::map<const ResourceKind*, AdoptionInfo>& table() {
  static const std::map<const ResourceKind*, AdoptionInfo> kinds{
      {&ResourceGroup::kKind, {.arm_pattern = "", .referenceable = true}},
      {&LogAnalyticsWorkspace::kKind,
       {.arm_pattern = "Microsoft.OperationalInsights/workspaces/{name}", .referenceable = true}},
      {&ApplicationInsights::kKind,
       {.arm_pattern = "Microsoft.Insights/components/{name}", .referenceable = true}},
      {&StorageAccount::kKind,
       {.arm_pattern = "Microsoft.Storage/storageAccounts/{name}", .referenceable = true}},
      {&KeyVault::kKind,
       {.arm_pattern = "Microsoft.KeyVault/vaults/{name}", .referenceable = true}},
      {&UserAssignedIdentity::kKind,
       {.arm_pattern = "Microsoft.ManagedIdentity/userAssignedIdentities/{name}",
        .referenceable = true}},
      {&VirtualNetwork::kKind,
       {.arm_pattern = "Microsoft.Network/virtualNetworks/{name}", .referenceable = true}},
      {&Subnet::kKind,
       {.arm_pattern = "Microsoft.Network/virtualNetworks/{parent}/subnets/{name}",
        .referenceable = true}},
      {&CosmosAccount::kKind, {.arm_pattern = "Microsoft.DocumentDB/databaseAccounts/{name}"}},
      {&CosmosSqlDatabase::kKind,
       {.arm_pattern = "Microsoft.DocumentDB/databaseAccounts/{parent}/sqlDatabases/{name}"}},
      {&CosmosSqlContainer::kKind,
       {.arm_pattern = "Microsoft.DocumentDB/databaseAccounts/{grandparent}/sqlDatabases/"
                       "{parent}/containers/{name}"}},
      {&RedisCache::kKind, {.arm_pattern = "Microsoft.Cache/redis/{name}"}},
      // azurerm 4.x with `storage_account_id` imports the container by its ARM id.
      {&StorageContainer::kKind,
       {.arm_pattern =
            "Microsoft.Storage/storageAccounts/{parent}/blobServices/default/containers/{name}"}},
      {&RoleAssignment::kKind, {.form = ImportForm::extension_id}},
      {&KeyVaultSecret::kKind, {.form = ImportForm::key_vault_url}},
      {&AppServicePlan::kKind, {.arm_pattern = "Microsoft.Web/serverFarms/{name}"}},
      {&LinuxFunctionApp::kKind, {.arm_pattern = "Microsoft.Web/sites/{name}"}},
      {&LinuxWebApp::kKind, {.arm_pattern = "Microsoft.Web/sites/{name}"}},
      {&DiagnosticSetting::kKind, {.form = ImportForm::diagnostic_setting}},
      {&ActionGroup::kKind, {.arm_pattern = "Microsoft.Insights/actionGroups/{name}"}},
      {&MetricAlert::kKind, {.arm_pattern = "Microsoft.Insights/metricAlerts/{name}"}},
      {&ScheduledQueryAlert::kKind,
       {.arm_pattern = "Microsoft.Insights/scheduledQueryRules/{name}"}},
      {&ResourceGroupBudget::kKind, {.arm_pattern = "Microsoft.Consumption/budgets/{name}"}},
      {&NetworkSecurityGroup::kKind,
       {.arm_pattern = "Microsoft.Network/networkSecurityGroups/{name}"}},
      {&PrivateDnsZone::kKind, {.arm_pattern = "Microsoft.Network/privateDnsZones/{name}"}},
      {&PrivateEndpoint::kKind, {.arm_pattern = "Microsoft.Network/privateEndpoints/{name}"}},
      {&FrontDoorProfile::kKind, {.arm_pattern = "Microsoft.Cdn/profiles/{name}"}},
      {&FrontDoorFirewallPolicy::kKind,
       {.arm_pattern = "Microsoft.Network/frontDoorWebApplicationFirewallPolicies/{name}"}},
      {&PostgresFlexibleServer::kKind,
       {.arm_pattern = "Microsoft.DBforPostgreSQL/flexibleServers/{name}"}},
      {&CognitiveAccount::kKind, {.arm_pattern = "Microsoft.CognitiveServices/accounts/{name}"}},
  };
  return kinds;
}

/// The nearest resource above `resource` in the construct tree, `depth` levels up.
const Resource* ancestor(const Resource& resource, int depth) {
  const Construct* node = resource.scope();
  const Resource* found = nullptr;
  while (depth > 0 && node != nullptr) {
    if (const auto* r = dynamic_cast<const Resource*>(node)) {
      found = r;
      --depth;
    }
    node = node->scope();
  }
  return depth == 0 ? found : nullptr;
}

void replace_all(std::string& text, std::string_view from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

std::string group_id(const std::string& subscription, const std::string& group) {
  return fmt::format("/subscriptions/{}/resourceGroups/{}", subscription, group);
}

/// The id an adopted resource must have, with `subscription` and `group` filled in; empty
/// when the model cannot tell (an extension whose scope this stack creates).
std::string expected_id(const Resource& resource, const AdoptionInfo& info,
                        const std::string& subscription, const std::string& group) {
  if (&resource.kind() == &ResourceGroup::kKind) return group_id(subscription, resource.name());
  switch (info.form) {
    case ImportForm::arm_id: {
      std::string pattern(info.arm_pattern);
      replace_all(pattern, "{name}", resource.name());
      if (const Resource* parent = ancestor(resource, 1))
        replace_all(pattern, "{parent}", parent->name());
      if (const Resource* grand = ancestor(resource, 2))
        replace_all(pattern, "{grandparent}", grand->name());
      return group_id(subscription, group) + "/providers/" + pattern;
    }
    case ImportForm::extension_id: {
      const auto& props = static_cast<const RoleAssignment&>(resource).props();
      auto scope = props.scope ? known_id(*props.scope) : std::nullopt;
      if (!scope) return {};
      // Azure names an assignment by a GUID; the model's name is a placeholder: the id's counts.
      return *scope + "/providers/Microsoft.Authorization/roleAssignments/" +
             name_in_resource_id(*resource.adopted_id());
    }
    case ImportForm::diagnostic_setting: {
      const auto& props = static_cast<const DiagnosticSetting&>(resource).props();
      auto target = props.target ? known_id(*props.target) : std::nullopt;
      if (!target) return {};
      std::string scope = *target;
      if (!props.child_type.empty()) scope += "/" + props.child_type + "/" + props.child_name;
      return scope + "/providers/Microsoft.Insights/diagnosticSettings/" + resource.name();
    }
    case ImportForm::key_vault_url:
      break;
  }
  return {};
}

std::string shape_text(const Resource& resource, const AdoptionInfo& info) {
  if (&resource.kind() == &ResourceGroup::kKind) {
    return "/subscriptions/<subscription GUID or ${subscription_id}>/resourceGroups/<name>";
  }
  switch (info.form) {
    case ImportForm::arm_id:
      return "/subscriptions/<subscription GUID or ${subscription_id}>/resourceGroups/<group>/"
             "providers/" +
             std::string(info.arm_pattern);
    case ImportForm::extension_id:
      return "<id of the scope>/providers/Microsoft.Authorization/roleAssignments/<GUID>";
    case ImportForm::diagnostic_setting:
      return "<id of the target>/providers/Microsoft.Insights/diagnosticSettings/<name>";
    case ImportForm::key_vault_url:
      return "https://<vault>.vault.azure.net/secrets/<name>/<32-character version>";
  }
  return {};
}

bool is_version(std::string_view text) {
  if (text.size() != 32) return false;
  for (char c : text) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

void validate_key_vault_url(const KeyVaultSecret& secret, const std::string& id,
                            const std::string& shape, Diagnostics& out) {
  const std::string prefix =
      fmt::format("https://{}.vault.azure.net/secrets/{}/", secret.vault().name(), secret.name());
  if (id.rfind("https://", 0) != 0 || id.find(".vault.azure.net/secrets/") == std::string::npos) {
    out.push_back(secret.diagnostic(
        "IAC-ADOPT-001",
        fmt::format("adopted id '{}' is not a Key Vault secret URL: Terraform imports a secret by "
                    "its versioned data-plane URL, not its ARM id",
                    id),
        "adopt it as " + shape));
    return;
  }
  if (id.rfind(prefix, 0) != 0) {
    out.push_back(secret.diagnostic(
        "IAC-ADOPT-005",
        fmt::format("adopted id '{}' names another vault or secret than '{}' in vault '{}'", id,
                    secret.name(), secret.vault().name()),
        fmt::format("adopt it as {}<version>, or name the secret and vault as the id does",
                    prefix)));
    return;
  }
  if (!is_version(id.substr(prefix.size()))) {
    out.push_back(secret.diagnostic(
        "IAC-ADOPT-001",
        fmt::format("adopted id '{}' has no secret version; azurerm imports only a versioned URL",
                    id),
        "append the current version (`az keyvault secret show --query id`): " + shape));
  }
}

}  // namespace

const AdoptionInfo* adoption_info(const Resource& resource) {
  const auto& kinds = table();
  auto it = kinds.find(&resource.kind());
  return it == kinds.end() ? nullptr : &it->second;
}

std::optional<std::string> known_id(const Resource& resource) {
  if (resource.reference_id()) return resource.reference_id();
  if (resource.adopted_id()) return resource.adopted_id();
  return std::nullopt;
}

std::string terraform_import_id(const Resource& resource) {
  const std::string& id = *resource.adopted_id();
  const AdoptionInfo* info = adoption_info(resource);
  if (info != nullptr && info->form == ImportForm::diagnostic_setting) {
    constexpr std::string_view marker = "/providers/Microsoft.Insights/diagnosticSettings/";
    if (auto at = id.rfind(marker); at != std::string::npos) {
      return id.substr(0, at) + "|" + id.substr(at + marker.size());
    }
  }
  return id;
}

void validate_adoption(const Resource& resource, Diagnostics& out) {
  const std::string& id = *resource.adopted_id();
  const AdoptionInfo* info = adoption_info(resource);
  if (info == nullptr) {
    out.push_back(resource.diagnostic(
        "IAC-ADOPT-007",
        fmt::format("a {} cannot be adopted: iacgen does not know its Terraform import id",
                    resource.kind().name),
        "remove `.adopt(...)` and import it by hand (`terraform import`), or let the stack "
        "create it"));
    return;
  }
  const std::string shape = shape_text(resource, *info);
  if (info->form == ImportForm::key_vault_url) {
    validate_key_vault_url(static_cast<const KeyVaultSecret&>(resource), id, shape, out);
    return;
  }
  auto parsed = parse_resource_id(id);
  if (!parsed) {
    out.push_back(resource.diagnostic(
        "IAC-ADOPT-001",
        fmt::format("adopted id '{}' is not an Azure resource id (a subscription GUID or "
                    "${{subscription_id}}, then type/name pairs)",
                    id),
        "adopt it as " + shape));
    return;
  }
  if (info->form == ImportForm::extension_id && !is_guid(parsed->name())) {
    out.push_back(resource.diagnostic(
        "IAC-ADOPT-001", fmt::format("role assignment name '{}' is not a GUID", parsed->name()),
        "adopt it by its id, which ends in the assignment's GUID: " + shape));
  }
  const Stack& stack = resource.stack();
  const bool is_group = &resource.kind() == &ResourceGroup::kKind;
  // Everything but the group lives in the stack's group, which must exist already.
  if (!is_group && !stack.resource_group().adopted()) {
    out.push_back(resource.diagnostic(
        "IAC-ADOPT-012",
        "is adopted, but the stack's resource group is not: Terraform would try to create a "
        "group that exists",
        "adopt the group too: `s.resource_group().adopt(\"/subscriptions/${subscription_id}/"
        "resourceGroups/<name>\")`"));
  }
  const std::string expected =
      expected_id(resource, *info, parsed->subscription,
                  is_group ? resource.name() : stack.resource_group().name());
  if (expected.empty()) {
    out.push_back(resource.diagnostic(
        "IAC-ADOPT-006",
        fmt::format("a {} can only be adopted when the resource it extends is adopted or "
                    "reference-only: this stack creates its scope, so it cannot exist yet",
                    resource.kind().name),
        "adopt the resource it applies to, or remove `.adopt(...)`"));
    return;
  }
  if (id == expected) return;
  auto want = parse_resource_id(expected);
  if (want && parsed->type() != want->type()) {
    out.push_back(
        resource.diagnostic("IAC-ADOPT-002",
                            fmt::format("adopted id '{}' is a {}, not a {} ({})", id,
                                        parsed->type(), resource.kind().name, want->type()),
                            "adopt it as " + shape));
  } else if (want && !is_group && parsed->resource_group != want->resource_group) {
    out.push_back(resource.diagnostic(
        "IAC-ADOPT-003",
        fmt::format("adopted id '{}' is in resource group '{}'; the stack deploys into '{}'", id,
                    parsed->resource_group, want->resource_group),
        "adopt a resource of the stack's group, or set the group's `.name` (or adopt the group) "
        "to '" +
            parsed->resource_group + "'; a resource of another group is `from_id<T>()`"));
  } else if (want && parsed->name() != want->name()) {
    out.push_back(resource.diagnostic(
        "IAC-ADOPT-004",
        fmt::format("adopted id '{}' names '{}', but the resource is named '{}': Bicep cannot "
                    "rename a resource and Terraform would replace it",
                    id, parsed->name(), resource.name()),
        fmt::format("remove `.name` from the props (the id's name is used) or set it to '{}'",
                    parsed->name())));
  } else {
    out.push_back(resource.diagnostic(
        "IAC-ADOPT-005",
        fmt::format("adopted id '{}' does not match the model: expected '{}'", id, expected),
        "adopt the resource under the parent the model declares, with the id " + expected));
  }
}

void validate_reference(const Resource& resource, Diagnostics& out) {
  const std::string& id = *resource.reference_id();
  const AdoptionInfo* info = adoption_info(resource);
  if (resource.adopted()) {
    out.push_back(resource.diagnostic(
        "IAC-ADOPT-010",
        "is reference-only and adopted: a resource is either owned elsewhere "
        "or by this stack",
        "remove `.adopt(...)` (the owner deploys it), or declare it with `s.add<T>` and adopt "
        "it"));
  }
  if (info == nullptr || !info->referenceable) {
    out.push_back(resource.diagnostic(
        "IAC-ADOPT-008",
        fmt::format("a {} cannot be reference-only: rules and emitters need its props",
                    resource.kind().name),
        "reference a resource group, Log Analytics workspace, Application Insights, storage "
        "account, Key Vault, user-assigned identity, virtual network or subnet; declare this one "
        "in the stack (and adopt it)"));
    return;
  }
  auto parsed = parse_resource_id(id);
  const std::string shape = shape_text(resource, *info);
  if (!parsed || (&resource.kind() != &ResourceGroup::kKind && parsed->resource_group.empty()) ||
      !parsed->scope.empty()) {
    out.push_back(resource.diagnostic(
        "IAC-ADOPT-001", fmt::format("reference id '{}' is not an Azure resource id", id),
        "declare it with the id " + shape));
    return;
  }
  const std::string expected =
      expected_id(resource, *info, parsed->subscription, parsed->resource_group);
  auto want = parse_resource_id(expected);
  if (!want || want->type() != parsed->type()) {
    out.push_back(resource.diagnostic("IAC-ADOPT-002",
                                      fmt::format("reference id '{}' is a {}, not a {}", id,
                                                  parsed->type(), resource.kind().name),
                                      "declare it with the id " + shape));
  }
  for (const auto& child : resource.children()) {
    const auto* r = dynamic_cast<const Resource*>(child.get());
    if (r == nullptr || r->is_reference() || &r->kind() == &RoleAssignment::kKind) continue;
    out.push_back(r->diagnostic(
        "IAC-ADOPT-009",
        fmt::format("is declared in '{}', which is reference-only: this stack cannot deploy "
                    "into a resource it does not own",
                    resource.path()),
        "declare it in the owning team's stack, or own the parent here (`s.add<T>` + adopt)"));
  }
}

}  // namespace iac::azure
