#include "generators/review/review.h"

#include <algorithm>
#include <array>
#include <set>
#include <tuple>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "generators/generator.h"
#include "generators/output/sha256.h"
#include "generators/review/bicep_reader.h"
#include "generators/review/bicep_rules.h"
#include "generators/review/hcl_reader.h"
#include "generators/text/unified_diff.h"

namespace iac::review {

namespace {

constexpr const char* kMasked = "(sensitive)";

/// `app/env/format/...` → {app, env}; `app/pipelines/...` → {app, ""}.
std::pair<std::string, std::string> scope_of(const std::string& path,
                                             const std::set<std::string>& per_app_dirs) {
  auto first = path.find('/');
  if (first == std::string::npos) return {path, ""};
  auto second = path.find('/', first + 1);
  std::string app = path.substr(0, first);
  std::string next =
      path.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
  if (second == std::string::npos || per_app_dirs.count(next) > 0) return {app, ""};
  // `app/env/stack/format/...`: one of several stacks of the environment is a scope of its own
  // (`env/stack`), so that each stack's resources are compared with the same stack's.
  auto third = path.find('/', second + 1);
  if (third != std::string::npos) {
    const std::string folder = path.substr(second + 1, third - second - 1);
    const bool format =
        std::any_of(gen::generator_registry().begin(), gen::generator_registry().end(),
                    [&](const gen::GeneratorInfo& info) { return info.name == folder; });
    if (!format) return {app, next + "/" + folder};
  }
  return {app, next};
}

bool is_bicep(const std::string& path) {
  return path.size() > 6 && path.compare(path.size() - 6, 6, ".bicep") == 0 &&
         path.find("/bicep/") != std::string::npos;
}

bool is_terraform(const std::string& path) {
  return path.size() > 3 && path.compare(path.size() - 3, 3, ".tf") == 0 &&
         path.find("/terraform/") != std::string::npos;
}

struct Parsed {
  std::string file;
  std::map<std::string, std::string> attributes;
};

/// `type.name` → resource, over every .tf file of one side; false when a file cannot be read.
bool collect_resources(const std::map<std::string, const std::string*>& files,
                       std::map<std::pair<std::string, std::string>, Parsed>& out,
                       std::map<std::string, std::vector<std::string>>& other,
                       std::vector<std::string>& notes, const char* side) {
  bool ok = true;
  for (const auto& [path, content] : files) {
    HclFile file = read_hcl(*content);
    if (!file.error.empty()) {
      notes.push_back(
          fmt::format("the {} {} cannot be read ({}); its resources are compared as "
                      "text only",
                      side, path, file.error));
      ok = false;
      continue;
    }
    auto& statements = other[path];
    for (auto& block : file.blocks) {
      if (block.kind != "resource" || block.labels.size() != 2) {
        // Variables, outputs, providers, data sources: not in the resource summary.
        std::string text = block.kind;
        for (const auto& label : block.labels) text += " " + label;
        for (const auto& [key, value] : block.attributes) text += "\n" + key + " = " + value;
        statements.push_back(std::move(text));
        continue;
      }
      auto key = std::make_pair(block.labels[0], block.labels[1]);
      if (out.count(key) > 0) {
        notes.push_back(fmt::format("{} declares resource {}.{} twice ({} line {})", side,
                                    key.first, key.second, path, block.line));
        continue;
      }
      out[key] = Parsed{path, std::move(block.attributes)};
    }
  }
  return ok;
}

std::string shown(const AttributeMeaning& meaning, const std::string& value) {
  if (value.empty()) return value;
  // A switch is never a secret (`access_keys_authentication_enabled = false`): shown as is.
  if (value == "true" || value == "false") return value;
  return meaning.sensitive ? kMasked : value;
}

std::string arrow(const std::string& before, const std::string& after) {
  return fmt::format("{} → {}", before.empty() ? "(unset)" : before,
                     after.empty() ? "(unset)" : after);
}

/// Security effect of adding or removing a whole resource of a security-relevant type.
Effect presence_effect(std::string_view category, Action action) {
  const bool grants = category == "role assignment" || category == "identity" ||
                      category == "Key Vault access" || category == "secrets";
  const bool firewall = category == "network exposure";
  if (action == Action::added) return grants && !firewall ? Effect::weakens : Effect::tightens;
  if (action == Action::removed) return grants && !firewall ? Effect::tightens : Effect::weakens;
  return Effect::changes;
}

std::string describe_resource(const Parsed& parsed) {
  // A one-line identity for added/removed security resources: the attributes that say what.
  static constexpr std::array<std::string_view, 6> kKeys = {
      "role_definition_name", "role_definition_id", "principal_id", "scope",
      "access_policy_name",   "target_resource_id"};
  std::string text;
  for (auto key : kKeys) {
    auto it = parsed.attributes.find(std::string(key));
    if (it == parsed.attributes.end()) continue;
    if (!text.empty()) text += ", ";
    text += fmt::format("{} = {}", key, it->second);
  }
  return text;
}

/// `import` blocks of the generated files: `type.label` → the id expression.
std::map<std::string, std::string> collect_imports(
    const std::map<std::string, const std::string*>& files) {
  std::map<std::string, std::string> imports;
  for (const auto& [path, content] : files) {
    for (const auto& block : read_hcl(*content).blocks) {
      if (block.kind != "import") continue;
      auto to = block.attributes.find("to");
      auto id = block.attributes.find("id");
      if (to == block.attributes.end() || id == block.attributes.end()) continue;
      std::string text = id->second;  // a quoted template: shown without its quotes
      if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
        text = text.substr(1, text.size() - 2);
      }
      imports[to->second] = text;
    }
  }
  return imports;
}

/// Said of a change to a committed file edited by hand: the change restores the code's value (the
/// hand edit, possibly deployed, went the other way).
std::string undoes_hand_edit(const std::set<std::string>& hand_edited, const std::string& file) {
  return hand_edited.count(file) > 0 ? " (undoes a hand edit: the committed file has the old value)"
                                     : "";
}

void compare_terraform(Scope& scope, const std::map<std::string, const std::string*>& before,
                       const std::map<std::string, const std::string*>& after,
                       const std::set<std::string>& hand_edited) {
  const std::map<std::string, std::string> imports = collect_imports(after);
  std::map<std::pair<std::string, std::string>, Parsed> old_resources;
  std::map<std::pair<std::string, std::string>, Parsed> new_resources;
  std::map<std::string, std::vector<std::string>> old_other;
  std::map<std::string, std::vector<std::string>> new_other;
  if (!collect_resources(before, old_resources, old_other, scope.notes, "committed") ||
      !collect_resources(after, new_resources, new_other, scope.notes, "generated")) {
    return;
  }
  // The summary covers a file when only its resources differ; otherwise its text is shown.
  for (auto& file : scope.files) {
    if (is_terraform(file.path)) file.summarized = old_other[file.path] == new_other[file.path];
  }
  for (const auto& [key, parsed] : new_resources) {
    const auto& [type, name] = key;
    auto old = old_resources.find(key);
    const std::string id = type + "." + name;
    const std::string_view type_category = security_category_of_type(type);
    if (old == old_resources.end()) {
      ResourceChange change{
          .action = Action::added, .type = type, .name = name, .file = parsed.file};
      if (auto imported = imports.find(id); imported != imports.end()) {
        change.imported_from = imported->second;
      }
      scope.resources.push_back(change);
      if (!type_category.empty()) {
        scope.security.push_back(
            {std::string(type_category), presence_effect(type_category, Action::added), id,
             "added" + (describe_resource(parsed).empty() ? std::string()
                                                          : ": " + describe_resource(parsed))});
      }
      for (const auto& [path, value] : parsed.attributes) {
        AttributeMeaning meaning = classify_attribute(type, path, "", value);
        if (!meaning.category.empty() && meaning.effect == Effect::weakens) {
          scope.security.push_back(
              {meaning.category, Effect::weakens, id,
               fmt::format("new resource with {} = {}", path, shown(meaning, value))});
        }
      }
      continue;
    }
    ResourceChange change{
        .action = Action::changed, .type = type, .name = name, .file = parsed.file};
    std::set<std::string> paths;
    for (const auto& [path, value] : old->second.attributes) paths.insert(path);
    for (const auto& [path, value] : parsed.attributes) paths.insert(path);
    for (const auto& path : paths) {
      auto b = old->second.attributes.find(path);
      auto a = parsed.attributes.find(path);
      std::string before_value = b == old->second.attributes.end() ? "" : b->second;
      std::string after_value = a == parsed.attributes.end() ? "" : a->second;
      if (before_value == after_value) continue;
      AttributeMeaning meaning = classify_attribute(type, path, before_value, after_value);
      AttributeChange attribute{path, shown(meaning, before_value), shown(meaning, after_value),
                                meaning};
      if (!meaning.replaces.empty() && change.replaces.empty()) change.replaces = meaning.replaces;
      if (!meaning.category.empty()) {
        scope.security.push_back(
            {meaning.category, meaning.effect, id,
             fmt::format("{}: {}{}", path, arrow(attribute.before, attribute.after),
                         undoes_hand_edit(hand_edited, old->second.file))});
      } else if (!type_category.empty()) {
        scope.security.push_back(
            {std::string(type_category), Effect::changes, id,
             fmt::format("{}: {}{}", path, arrow(attribute.before, attribute.after),
                         undoes_hand_edit(hand_edited, old->second.file))});
      }
      change.attributes.push_back(std::move(attribute));
    }
    if (change.attributes.empty()) continue;
    if (!change.replaces.empty() && holds_data(type)) {
      change.data_loss = "the resource is destroyed and recreated: its data is lost";
    }
    scope.resources.push_back(std::move(change));
  }
  for (const auto& [key, parsed] : old_resources) {
    if (new_resources.count(key) > 0) continue;
    const auto& [type, name] = key;
    const std::string id = type + "." + name;
    ResourceChange change{
        .action = Action::removed, .type = type, .name = name, .file = parsed.file};
    if (holds_data(type)) change.data_loss = "destroyed: its data is lost";
    scope.resources.push_back(change);
    const std::string_view type_category = security_category_of_type(type);
    if (!type_category.empty()) {
      scope.security.push_back(
          {std::string(type_category), presence_effect(type_category, Action::removed), id,
           "removed" + (describe_resource(parsed).empty() ? std::string()
                                                          : ": " + describe_resource(parsed))});
    }
  }
  // A resource removed and one of the same type added: most likely a renamed construct, which
  // Terraform destroys and recreates (a `moved` block keeps it when only the label changed).
  for (auto& added : scope.resources) {
    if (added.action != Action::added) continue;
    for (auto& removed : scope.resources) {
      if (removed.action == Action::removed && removed.type == added.type &&
          removed.renamed_from.empty() && added.renamed_from.empty()) {
        bool taken =
            std::any_of(scope.resources.begin(), scope.resources.end(), [&](const auto& r) {
              return r.renamed_from == removed.name && r.action == Action::added;
            });
        if (taken) continue;
        added.renamed_from = removed.name;
        break;
      }
    }
  }
  std::stable_sort(scope.resources.begin(), scope.resources.end(),
                   [](const ResourceChange& a, const ResourceChange& b) {
                     auto rank = [](const ResourceChange& r) {
                       if (r.action == Action::removed || !r.replaces.empty()) return 0;
                       return r.action == Action::changed ? 1 : 2;
                     };
                     return std::tuple(rank(a), a.type, a.name) <
                            std::tuple(rank(b), b.type, b.name);
                   });
}

struct ParsedBicep {
  std::string file;
  std::string type;
  std::string api_version;
  bool existing = false;
  std::map<std::string, std::string> properties;
};

/// (file, symbol) → resource, over every .bicep file of one side; false when a file cannot be read.
bool collect_bicep(const std::map<std::string, const std::string*>& files,
                   std::map<std::pair<std::string, std::string>, ParsedBicep>& out,
                   std::map<std::string, std::vector<std::string>>& other,
                   std::vector<std::string>& notes, const char* side) {
  bool ok = true;
  for (const auto& [path, content] : files) {
    BicepFile file = read_bicep(*content);
    if (!file.error.empty()) {
      notes.push_back(
          fmt::format("the {} {} cannot be read as Bicep ({}); its resources are compared as "
                      "text only",
                      side, path, file.error));
      ok = false;
      continue;
    }
    other[path] = std::move(file.statements);
    for (auto& r : file.resources) {
      auto key = std::make_pair(path, r.symbol);
      if (out.count(key) > 0) {
        notes.push_back(fmt::format("{} {} declares resource {} twice (line {})", side, path,
                                    r.symbol, r.line));
        continue;
      }
      out[key] = ParsedBicep{path, r.type, r.api_version, r.existing, std::move(r.properties)};
    }
  }
  return ok;
}

/// The name a Bicep resource deploys under, as written (`'kv-shop-dev'`, `'${prefix}-kv'`).
std::string bicep_name(const ParsedBicep& r) {
  auto it = r.properties.find("name");
  return it == r.properties.end() ? std::string() : it->second;
}

std::string describe_bicep(const ParsedBicep& r) {
  static constexpr std::array<std::string_view, 4> kKeys = {
      "properties.roleDefinitionId", "properties.principalId", "scope", "properties.workspaceId"};
  std::string text;
  for (auto key : kKeys) {
    auto it = r.properties.find(std::string(key));
    if (it == r.properties.end()) continue;
    if (!text.empty()) text += ", ";
    text += fmt::format("{} = {}", key, it->second);
  }
  return text;
}

void compare_bicep(Scope& scope, const std::map<std::string, const std::string*>& before,
                   const std::map<std::string, const std::string*>& after,
                   const std::set<std::string>& hand_edited) {
  std::map<std::pair<std::string, std::string>, ParsedBicep> old_resources;
  std::map<std::pair<std::string, std::string>, ParsedBicep> new_resources;
  std::map<std::string, std::vector<std::string>> old_other;
  std::map<std::string, std::vector<std::string>> new_other;
  if (!collect_bicep(before, old_resources, old_other, scope.notes, "committed") ||
      !collect_bicep(after, new_resources, new_other, scope.notes, "generated")) {
    return;
  }
  // The summary covers a file when only its resources differ (not its params, outputs, modules).
  for (auto& file : scope.files) {
    if (is_bicep(file.path)) file.summarized = old_other[file.path] == new_other[file.path];
  }
  // Pairs: the same symbol in the same file and type; then, among the rest, the same type and
  // deployed name (a symbol renamed, or the declaration moved to another file: same resource).
  std::vector<std::pair<const ParsedBicep*, const ParsedBicep*>> pairs;
  std::vector<std::pair<std::string, const ParsedBicep*>> added;    // symbol, resource
  std::vector<std::pair<std::string, const ParsedBicep*>> removed;  // symbol, resource
  std::map<const ParsedBicep*, std::string> old_symbol;
  std::map<const ParsedBicep*, std::string> new_symbol;
  for (const auto& [key, r] : new_resources) {
    new_symbol[&r] = key.second;
    auto old = old_resources.find(key);
    if (old != old_resources.end() && old->second.type == r.type) {
      pairs.emplace_back(&old->second, &r);
    } else {
      added.emplace_back(key.second, &r);
    }
  }
  for (const auto& [key, r] : old_resources) {
    old_symbol[&r] = key.second;
    auto now = new_resources.find(key);
    if (now == new_resources.end() || now->second.type != r.type)
      removed.emplace_back(key.second, &r);
  }
  std::map<const ParsedBicep*, std::string> renamed;  // new resource → old symbol
  for (auto a = added.begin(); a != added.end();) {
    auto match = std::find_if(removed.begin(), removed.end(), [&](const auto& r) {
      return r.second->type == a->second->type && !bicep_name(*a->second).empty() &&
             bicep_name(*r.second) == bicep_name(*a->second);
    });
    if (match == removed.end()) {
      ++a;
      continue;
    }
    pairs.emplace_back(match->second, a->second);
    if (match->first != a->first) renamed[a->second] = match->first;
    removed.erase(match);
    a = added.erase(a);
  }
  const size_t first_new = scope.resources.size();
  for (const auto& [old, now] : pairs) {
    const std::string symbol = new_symbol[now];
    const std::string_view type_category =
        now->existing ? std::string_view() : arm_security_category_of_type(now->type);
    ResourceChange change{.action = Action::changed,
                          .format = "bicep",
                          .type = now->type,
                          .name = symbol,
                          .existing = now->existing,
                          .file = now->file};
    if (auto it = renamed.find(now); it != renamed.end()) change.renamed_from = it->second;
    std::map<std::string, std::string> old_props = old->properties;
    std::map<std::string, std::string> new_props = now->properties;
    if (old->api_version != now->api_version) {
      old_props["@apiVersion"] = old->api_version;
      new_props["@apiVersion"] = now->api_version;
    }
    if (old->existing != now->existing) {
      old_props["@existing"] = old->existing ? "true" : "false";
      new_props["@existing"] = now->existing ? "true" : "false";
    }
    std::set<std::string> paths;
    for (const auto& [path, value] : old_props) paths.insert(path);
    for (const auto& [path, value] : new_props) paths.insert(path);
    for (const auto& path : paths) {
      auto b = old_props.find(path);
      auto a = new_props.find(path);
      const std::string before_value = b == old_props.end() ? "" : b->second;
      const std::string after_value = a == new_props.end() ? "" : a->second;
      if (before_value == after_value) continue;
      AttributeMeaning meaning = classify_property(now->type, path, before_value, after_value);
      if (now->existing) {
        // A reference: nothing is deployed, only a different name points elsewhere.
        meaning.category.clear();
        meaning.replaces.clear();
      }
      AttributeChange attribute{path, shown(meaning, before_value), shown(meaning, after_value),
                                meaning};
      if (!meaning.replaces.empty() && change.replaces.empty()) change.replaces = meaning.replaces;
      const std::string where = change.id();
      if (!meaning.category.empty()) {
        scope.security.push_back(
            {meaning.category, meaning.effect, where,
             fmt::format("{}: {}{}", path, arrow(attribute.before, attribute.after),
                         undoes_hand_edit(hand_edited, old->file))});
      } else if (!type_category.empty() && path.rfind('@', 0) != 0) {
        scope.security.push_back(
            {std::string(type_category), Effect::changes, where,
             fmt::format("{}: {}{}", path, arrow(attribute.before, attribute.after),
                         undoes_hand_edit(hand_edited, old->file))});
      }
      change.attributes.push_back(std::move(attribute));
    }
    if (change.attributes.empty() && change.renamed_from.empty()) continue;
    if (!change.replaces.empty() && arm_holds_data(now->type) && !now->existing) {
      change.data_loss = "holds data: a new resource starts empty, the old one keeps its data";
    }
    scope.resources.push_back(std::move(change));
  }
  for (const auto& [symbol, r] : added) {
    ResourceChange change{.action = Action::added,
                          .format = "bicep",
                          .type = r->type,
                          .name = symbol,
                          .existing = r->existing,
                          .file = r->file};
    scope.resources.push_back(change);
    if (r->existing) continue;
    const std::string_view type_category = arm_security_category_of_type(r->type);
    if (!type_category.empty()) {
      const std::string what = describe_bicep(*r);
      scope.security.push_back(
          {std::string(type_category), presence_effect(type_category, Action::added), change.id(),
           std::string("added") + (what.empty() ? std::string() : std::string(": ") + what)});
    }
    for (const auto& [path, value] : r->properties) {
      AttributeMeaning meaning = classify_property(r->type, path, "", value);
      if (!meaning.category.empty() && meaning.effect == Effect::weakens) {
        scope.security.push_back(
            {meaning.category, Effect::weakens, change.id(),
             fmt::format("new resource with {} = {}", path, shown(meaning, value))});
      }
    }
  }
  for (const auto& [symbol, r] : removed) {
    ResourceChange change{.action = Action::removed,
                          .format = "bicep",
                          .type = r->type,
                          .name = symbol,
                          .existing = r->existing,
                          .file = r->file};
    if (!r->existing) {
      change.orphaned =
          "an incremental deployment leaves it in Azure, no longer managed; complete mode or a "
          "deployment stack deleting unmanaged resources deletes it" +
          std::string(arm_holds_data(r->type) ? ", with its data" : "");
    }
    scope.resources.push_back(change);
    if (r->existing) continue;
    const std::string_view type_category = arm_security_category_of_type(r->type);
    if (!type_category.empty()) {
      const std::string what = describe_bicep(*r);
      const bool grant = type_category == "role assignment" || type_category == "identity" ||
                         type_category == "Key Vault access";
      scope.security.push_back(
          {std::string(type_category), grant ? Effect::changes : Effect::weakens, change.id(),
           std::string(grant ? "removed from the template, but an incremental deployment does not "
                               "revoke it: delete it in Azure"
                             : "removed from the template") +
               (what.empty() ? std::string() : std::string(" (") + what + ")")});
    }
  }
  // A removed and an added resource of the same type: most likely the construct was renamed.
  for (size_t i = first_new; i < scope.resources.size(); ++i) {
    auto& a = scope.resources[i];
    if (a.action != Action::added || a.existing) continue;
    for (size_t j = first_new; j < scope.resources.size(); ++j) {
      const auto& r = scope.resources[j];
      if (r.action != Action::removed || r.type != a.type || r.existing) continue;
      const bool taken = std::any_of(scope.resources.begin() + static_cast<long>(first_new),
                                     scope.resources.end(), [&](const ResourceChange& x) {
                                       return x.action == Action::added && x.renamed_from == r.name;
                                     });
      if (taken) continue;
      a.renamed_from = r.name;
      break;
    }
  }
  std::stable_sort(scope.resources.begin() + static_cast<long>(first_new), scope.resources.end(),
                   [](const ResourceChange& a, const ResourceChange& b) {
                     auto rank = [](const ResourceChange& r) {
                       if (r.action == Action::removed || !r.replaces.empty()) return 0;
                       return r.action == Action::changed ? 1 : 2;
                     };
                     return std::tuple(rank(a), a.type, a.name) <
                            std::tuple(rank(b), b.type, b.name);
                   });
}

std::map<std::pair<std::string, std::string>, Exception> by_key(
    const std::vector<Exception>& list) {
  std::map<std::pair<std::string, std::string>, Exception> out;
  for (const auto& e : list) out[{e.path, e.rule_id}] = e;
  return out;
}

int effect_rank(Effect effect) {
  return effect == Effect::weakens ? 0 : effect == Effect::changes ? 1 : 2;
}

int severity_rank(const std::string& severity) {
  return severity == "error" ? 2 : severity == "warning" ? 1 : 0;
}

/// `rule (severity)`, with `, suppressed` when an exception covers it.
std::string finding_label(const Finding& f) {
  return fmt::format("{} ({}{})", f.rule_id, f.severity, f.suppressed ? ", suppressed" : "");
}

/// The construct path below its environment: `st` for `app/env/st`.
std::string below_env(const std::string& path) {
  auto first = path.find('/');
  auto second = first == std::string::npos ? first : path.find('/', first + 1);
  return second == std::string::npos ? path : path.substr(second + 1);
}

void compare_findings(Scope& scope, const std::vector<Finding>& before,
                      const std::vector<Finding>& after) {
  std::map<std::pair<std::string, std::string>, const Finding*> old_by_key;
  std::map<std::pair<std::string, std::string>, const Finding*> new_by_key;
  for (const auto& f : before) old_by_key[{f.path, f.rule_id}] = &f;
  for (const auto& f : after) new_by_key[{f.path, f.rule_id}] = &f;
  for (const auto& [key, now] : new_by_key) {
    auto old = old_by_key.find(key);
    if (old == old_by_key.end()) {
      scope.findings.push_back({FindingAction::added, {}, *now});
      scope.security.push_back(
          {"policy finding", now->suppressed ? Effect::changes : Effect::weakens,
           below_env(now->path), fmt::format("new {}: {}", finding_label(*now), now->message)});
      continue;
    }
    const Finding& was = *old->second;
    if (was.severity == now->severity && was.suppressed == now->suppressed &&
        was.message == now->message) {
      continue;
    }
    scope.findings.push_back({FindingAction::changed, was, *now});
    Effect effect = Effect::changes;
    if ((was.suppressed && !now->suppressed) ||
        (!now->suppressed && severity_rank(now->severity) > severity_rank(was.severity))) {
      effect = Effect::weakens;
    } else if (!now->suppressed && severity_rank(now->severity) < severity_rank(was.severity)) {
      effect = Effect::tightens;
    }
    scope.security.push_back(
        {"policy finding", effect, below_env(now->path),
         fmt::format("{} → {}: {}", finding_label(was), finding_label(*now), now->message)});
  }
  for (const auto& [key, was] : old_by_key) {
    if (new_by_key.count(key) > 0) continue;
    scope.findings.push_back({FindingAction::removed, *was, {}});
    scope.security.push_back(
        {"policy finding", Effect::tightens, below_env(was->path),
         fmt::format("resolved {} (was: {})", finding_label(*was), was->message)});
  }
}

}  // namespace

bool Review::drift() const {
  return std::any_of(scopes.begin(), scopes.end(), [](const Scope& s) { return s.drift(); });
}

int Review::security_change_count() const {
  int count = 0;
  for (const auto& scope : scopes) count += static_cast<int>(scope.security.size());
  return count;
}

Review build_review(const Input& input) {
  const std::set<std::string> per_app_dirs = {"pipelines"};
  std::map<std::pair<std::string, std::string>, Scope> scopes;
  auto scope_for = [&](const std::string& path) -> Scope& {
    auto [app, env] = scope_of(path, per_app_dirs);
    Scope& scope = scopes[{app, env}];
    scope.app = app;
    scope.env = env;
    return scope;
  };
  std::set<std::string> paths;
  for (const auto& [path, content] : input.generated) paths.insert(path);
  for (const auto& [path, content] : input.committed) paths.insert(path);
  // Terraform files of each scope, per side, for the resource comparison.
  std::map<std::pair<std::string, std::string>, std::map<std::string, const std::string*>> old_tf;
  std::map<std::pair<std::string, std::string>, std::map<std::string, const std::string*>> new_tf;
  std::set<std::pair<std::string, std::string>> tf_changed;
  std::map<std::pair<std::string, std::string>, std::map<std::string, const std::string*>>
      old_bicep;
  std::map<std::pair<std::string, std::string>, std::map<std::string, const std::string*>>
      new_bicep;
  std::set<std::pair<std::string, std::string>> bicep_changed;
  std::set<std::string> hand_edited;  // committed files whose digest is not the manifest's
  Review review;
  for (const auto& path : paths) {
    Scope& scope = scope_for(path);
    const auto key = std::make_pair(scope.app, scope.env);
    auto generated = input.generated.find(path);
    auto committed = input.committed.find(path);
    const bool has_new = generated != input.generated.end();
    const bool has_old = committed != input.committed.end();
    auto manifest = input.manifest.find(path);
    if (has_new) {
      ++scope.files_compared;
      ++review.files_compared;
    }
    if (has_old && manifest != input.manifest.end() &&
        gen::sha256_hex(committed->second) != manifest->second) {
      scope.notes.push_back(fmt::format("{} was edited by hand after iacgen wrote it", path));
      hand_edited.insert(path);
    }
    if (is_terraform(path)) {
      if (has_old) old_tf[key][path] = &committed->second;
      if (has_new) new_tf[key][path] = &generated->second;
    }
    if (is_bicep(path)) {
      if (has_old) old_bicep[key][path] = &committed->second;
      if (has_new) new_bicep[key][path] = &generated->second;
    }
    auto mark_changed = [&] {
      if (is_terraform(path)) tf_changed.insert(key);
      if (is_bicep(path)) bicep_changed.insert(key);
    };
    if (has_new && !has_old) {
      scope.files.push_back(
          {path, FileStatus::added, gen::unified_diff(path, "", generated->second)});
      if (manifest != input.manifest.end()) {
        scope.notes.push_back(fmt::format("{} was deleted from the committed output", path));
      }
      mark_changed();
    } else if (!has_new && has_old) {
      if (manifest == input.manifest.end()) {
        scope.notes.push_back(fmt::format(
            "{} was not written by iacgen (added by hand); `iacgen synth` keeps it", path));
        mark_changed();
        continue;
      }
      scope.files.push_back(
          {path, FileStatus::removed, gen::unified_diff(path, committed->second, "")});
      mark_changed();
    } else {
      std::string diff = gen::unified_diff(path, committed->second, generated->second);
      if (!diff.empty()) {
        scope.files.push_back({path, FileStatus::changed, std::move(diff)});
        mark_changed();
      }
    }
  }
  for (auto& [key, scope] : scopes) {
    if (scope.env.empty()) continue;
    if (old_tf[key].empty() && !new_tf[key].empty()) {
      scope.notes.push_back(fmt::format(
          "no committed Terraform for {}: every resource is new (never synthesized, or deleted)",
          scope.title()));
    }
    if (tf_changed.count(key) > 0) compare_terraform(scope, old_tf[key], new_tf[key], hand_edited);
    if (bicep_changed.count(key) > 0)
      compare_bicep(scope, old_bicep[key], new_bicep[key], hand_edited);
  }
  // Suppressions: the manifest records those of every environment written.
  auto old_exceptions = by_key(input.committed_exceptions);
  auto new_exceptions = by_key(input.current_exceptions);
  auto exception_scope = [&](const Exception& e) -> Scope& {
    auto first = e.path.find('/');
    auto second = e.path.find('/', first == std::string::npos ? first : first + 1);
    std::string app = e.path.substr(0, first);
    std::string env =
        first == std::string::npos
            ? ""
            : e.path.substr(first + 1,
                            second == std::string::npos ? std::string::npos : second - first - 1);
    Scope& scope = scopes[{app, env}];
    scope.app = app;
    scope.env = env;
    return scope;
  };
  // The construct path below its environment: `func` for `app/env/func`.
  auto local = [](const Exception& e) {
    auto first = e.path.find('/');
    auto second = first == std::string::npos ? first : e.path.find('/', first + 1);
    return second == std::string::npos ? e.path : e.path.substr(second + 1);
  };
  if (input.committed_manifest_present) {
    for (const auto& [key, after] : new_exceptions) {
      auto old = old_exceptions.find(key);
      if (old == old_exceptions.end()) {
        Scope& scope = exception_scope(after);
        scope.exceptions.push_back({ExceptionAction::added, {}, after});
        scope.security.push_back({"suppression", Effect::weakens, local(after),
                                  fmt::format("{} suppressed: {}", after.rule_id, after.reason)});
      } else if (old->second.reason != after.reason || old->second.owner != after.owner ||
                 old->second.expires != after.expires) {
        Scope& scope = exception_scope(after);
        scope.exceptions.push_back({ExceptionAction::changed, old->second, after});
        Effect effect = after.expires > old->second.expires ? Effect::weakens : Effect::changes;
        scope.security.push_back(
            {"suppression", effect, local(after),
             fmt::format("{} suppression changed: expires {}, owner {}, reason: {}", after.rule_id,
                         arrow(old->second.expires, after.expires),
                         arrow(old->second.owner, after.owner), after.reason)});
      }
    }
    for (const auto& [key, before] : old_exceptions) {
      if (new_exceptions.count(key) > 0) continue;
      Scope& scope = exception_scope(before);
      scope.exceptions.push_back({ExceptionAction::removed, before, {}});
      scope.security.push_back(
          {"suppression", Effect::tightens, local(before),
           fmt::format("{} no longer suppressed (was: {})", before.rule_id, before.reason)});
    }
  }
  // Policy findings, per environment: those the manifest recorded against those of the code.
  if (input.committed_manifest_present) {
    for (const auto& [env_key, current] : input.current_findings) {
      const auto slash = env_key.find('/');
      const std::string app = env_key.substr(0, slash);
      const std::string env = slash == std::string::npos ? "" : env_key.substr(slash + 1);
      Scope& scope = scopes[{app, env}];
      scope.app = app;
      scope.env = env;
      auto committed = input.committed_findings.find(env_key);
      if (committed == input.committed_findings.end()) {
        scope.notes.push_back(fmt::format(
            "the committed manifest records no policy findings for {} (written before iacgen "
            "recorded them): new and resolved findings cannot be listed; `iacgen synth` records "
            "them",
            scope.title()));
        continue;
      }
      compare_findings(scope, committed->second, current);
    }
  }
  for (auto& [key, scope] : scopes) {
    std::stable_sort(scope.security.begin(), scope.security.end(),
                     [](const SecurityChange& a, const SecurityChange& b) {
                       return effect_rank(a.effect) < effect_rank(b.effect);
                     });
    review.scopes.push_back(std::move(scope));
  }
  review.overrides = input.current_overrides;
  return review;
}

// ---------------------------------------------------------------------------------------------
// Rendering

namespace {

std::string_view effect_label(Effect effect) {
  switch (effect) {
    case Effect::weakens:
      return "WEAKENS";
    case Effect::tightens:
      return "tightens";
    case Effect::changes:
      return "changes";
  }
  return "changes";
}

std::string_view action_symbol(const ResourceChange& r) {
  if (r.action == Action::added) return r.imported_from.empty() ? "+" : "<=";
  if (r.action == Action::removed) return "-";
  if (r.replaces.empty()) return "~";
  return r.format == "bicep" ? "!" : "-/+";
}

std::string action_word(const ResourceChange& r, bool with_existing = true) {
  std::string word = r.action == Action::added     ? (r.imported_from.empty() ? "added"
                                                                             : "will be imported")
                     : r.action == Action::removed ? "removed"
                     : r.replaces.empty()          ? "changed"
                     : r.format == "bicep"         ? "not in place"
                                                   : "replaced";
  return r.existing && with_existing ? word + ", existing" : word;
}

/// The resources of one format, in order.
std::vector<const ResourceChange*> resources_of(const Scope& scope, std::string_view format) {
  std::vector<const ResourceChange*> out;
  for (const auto& r : scope.resources) {
    if (r.format == format) out.push_back(&r);
  }
  return out;
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kFormats = {{
    {"terraform", "Resources"},
    {"bicep", "Bicep resources"},
}};

std::string resource_counts(const std::vector<const ResourceChange*>& resources) {
  int added = 0, removed = 0, changed = 0, replaced = 0, imported = 0;
  for (const auto* r : resources) {
    if (r->action == Action::added) ++(r->imported_from.empty() ? added : imported);
    if (r->action == Action::removed) ++removed;
    if (r->action == Action::changed) ++(r->replaces.empty() ? changed : replaced);
  }
  const bool bicep = !resources.empty() && resources.front()->format == "bicep";
  std::string counts = fmt::format("{} added, {} changed, {} {}, {} removed", added, changed,
                                   replaced, bicep ? "not in place" : "replaced", removed);
  if (imported > 0) counts += fmt::format(", {} will be imported", imported);
  return counts;
}

std::vector<std::string> warnings_of(const ResourceChange& r) {
  std::vector<std::string> out;
  if (r.format == "bicep") {
    if (!r.replaces.empty()) out.push_back(std::string("not in place: ") + r.replaces);
    if (!r.data_loss.empty()) out.push_back(r.data_loss);
    if (!r.orphaned.empty()) out.push_back(std::string("removed from the template: ") + r.orphaned);
    if (!r.renamed_from.empty() && r.action == Action::changed) {
      out.push_back(fmt::format(
          "symbol renamed from {}: the same Azure resource (same type and name), updated in place",
          r.renamed_from));
    } else if (!r.renamed_from.empty()) {
      out.push_back(
          fmt::format("looks like a rename of {}: ARM deploys this one as a new resource and an "
                      "incremental deployment leaves {} in Azure",
                      r.renamed_from, r.renamed_from));
    }
    return out;
  }
  if (!r.replaces.empty()) out.push_back("replaced: " + r.replaces);
  if (!r.data_loss.empty()) out.push_back(r.data_loss);
  if (!r.renamed_from.empty()) {
    out.push_back(
        fmt::format("looks like a rename of {}.{}: Terraform destroys it and creates "
                    "this one",
                    r.type, r.renamed_from));
  }
  return out;
}

std::string_view file_status(FileStatus status) {
  switch (status) {
    case FileStatus::added:
      return "added";
    case FileStatus::removed:
      return "removed";
    case FileStatus::changed:
      return "changed";
  }
  return "changed";
}

std::string_view finding_word(FindingAction action) {
  switch (action) {
    case FindingAction::added:
      return "new";
    case FindingAction::removed:
      return "resolved";
    case FindingAction::changed:
      return "changed";
  }
  return "changed";
}

/// `terraform app/env/web: site_config.http2_enabled = false (setting http2)`.
std::string override_line(const RawEdit& edit) {
  return fmt::format(
      "{} {}: {} {}{}", edit.format, edit.path, edit.target,
      edit.value.empty() ? std::string("removed") : fmt::format("= {}", edit.value),
      edit.setting.empty() ? std::string() : fmt::format(" (setting {})", edit.setting));
}

bool show_text(const FileChange& file, const RenderOptions& options) {
  return options.unified || !file.summarized;
}

}  // namespace

std::string render_text(const Review& review, const RenderOptions& options) {
  std::string out;
  const int security = review.security_change_count();
  if (security > 0) {
    out += fmt::format("== Security changes ({}) ==\n", security);
    for (const auto& scope : review.scopes) {
      for (const auto& s : scope.security) {
        out += fmt::format("{} {:<8} [{}] {}: {}: {}\n", s.effect == Effect::weakens ? "!!" : "  ",
                           effect_label(s.effect), s.category, scope.title(), s.resource, s.detail);
      }
    }
    out += '\n';
  } else {
    out += "== Security changes: none ==\n\n";
  }
  if (!review.overrides.empty()) {
    out += fmt::format("== Overrides ({}): raw edits the typed model does not check ==\n",
                       review.overrides.size());
    for (const auto& o : review.overrides) out += fmt::format("   {}\n", override_line(o));
    out += '\n';
  }
  if (options.security_only) return out;
  for (const auto& scope : review.scopes) {
    if (!scope.drift() && scope.notes.empty()) continue;
    out += fmt::format("== {} ==\n", scope.title());
    for (const auto& note : scope.notes) out += fmt::format("  note: {}\n", note);
    for (const auto& [format, heading] : kFormats) {
      const auto resources = resources_of(scope, format);
      if (resources.empty()) continue;
      out += fmt::format("  {}: {}\n", heading, resource_counts(resources));
      for (const auto* r : resources) {
        out += fmt::format("  {:<3} {} ({})\n", action_symbol(*r), r->id(), action_word(*r));
        for (const auto& w : warnings_of(*r)) out += fmt::format("        WARNING {}\n", w);
        for (const auto& a : r->attributes) {
          out += fmt::format("        {}: {}{}{}\n", a.path, arrow(a.before, a.after),
                             a.meaning.category.empty() ? "" : "  [" + a.meaning.category + "]",
                             a.meaning.replaces.empty() ? ""
                             : format == "bicep"        ? "  [not in place]"
                                                        : "  [forces replacement]");
        }
      }
    }
    for (const auto& e : scope.exceptions) {
      const Exception& x = e.action == ExceptionAction::removed ? e.before : e.after;
      out += fmt::format("  suppression {} {} at {}: {}{}\n",
                         e.action == ExceptionAction::added     ? "added"
                         : e.action == ExceptionAction::removed ? "removed"
                                                                : "changed",
                         x.rule_id, x.path, x.reason,
                         x.expires.empty() ? "" : " (expires " + x.expires + ")");
    }
    for (const auto& f : scope.findings) {
      const Finding& x = f.action == FindingAction::removed ? f.before : f.after;
      out += fmt::format("  finding {} {} at {}: {}\n", finding_word(f.action), finding_label(x),
                         x.path, x.message);
    }
    if (!scope.files.empty()) {
      out += "  Files:\n";
      for (const auto& f : scope.files) {
        out += fmt::format("    {:<8} {}{}\n", file_status(f.status), f.path,
                           f.summarized && !options.unified
                               ? "  (summarized above; --unified shows the text)"
                               : "");
      }
    }
    for (const auto& f : scope.files) {
      if (show_text(f, options)) out += f.unified;
    }
    out += '\n';
  }
  return out;
}

std::string render_markdown(const Review& review, const RenderOptions& options) {
  auto cell = [](std::string text) {
    std::string out;
    for (char c : text) {
      if (c == '|') {
        out += "\\|";
      } else if (c == '\n') {
        out += "<br>";
      } else {
        out += c;
      }
    }
    return out;
  };
  auto code = [&](const std::string& text) {
    return text.empty() ? std::string("*(unset)*") : std::string("`") + cell(text) + "`";
  };
  std::string out = "## iacgen diff\n\n";
  if (!review.drift()) {
    out += fmt::format("No differences: the {} generated files match the committed output.\n",
                       review.files_compared);
    return out;
  }
  const int security = review.security_change_count();
  out += fmt::format("### Security changes ({})\n\n", security);
  if (security == 0) {
    out += "None.\n\n";
  } else {
    out += "| | Effect | Category | Where | Change |\n|---|---|---|---|---|\n";
    for (const auto& scope : review.scopes) {
      for (const auto& s : scope.security) {
        out += fmt::format("| {} | **{}** | {} | {} | `{}` {} |\n",
                           s.effect == Effect::weakens ? ":warning:" : "", effect_label(s.effect),
                           s.category, scope.title(), cell(s.resource), cell(s.detail));
      }
    }
    out += '\n';
  }
  if (!review.overrides.empty()) {
    out += fmt::format(
        "### Overrides ({})\n\nRaw edits of the output that the typed model does "
        "not check:\n\n",
        review.overrides.size());
    for (const auto& o : review.overrides) out += fmt::format("- {}\n", cell(override_line(o)));
    out += '\n';
  }
  if (options.security_only) return out;
  for (const auto& scope : review.scopes) {
    if (!scope.drift() && scope.notes.empty()) continue;
    out += fmt::format("### {}\n\n", scope.title());
    for (const auto& note : scope.notes) out += fmt::format("> **Note:** {}\n\n", cell(note));
    for (const auto& [format, heading] : kFormats) {
      const auto resources = resources_of(scope, format);
      if (resources.empty()) continue;
      out += fmt::format("{}: {}\n\n", heading, resource_counts(resources));
      out += "| | Resource | Change |\n|---|---|---|\n";
      for (const auto* r : resources) {
        std::string detail;
        for (const auto& w : warnings_of(*r))
          detail += std::string(":warning: **") + cell(w) + "**<br>";
        for (const auto& a : r->attributes) {
          detail += fmt::format("`{}`: {} → {}{}<br>", cell(a.path), code(a.before), code(a.after),
                                a.meaning.replaces.empty() ? ""
                                : format == "bicep"        ? " *(not in place)*"
                                                           : " *(forces replacement)*");
        }
        if (detail.size() >= 4) detail.resize(detail.size() - 4);
        out += fmt::format("| `{}` | `{}` | {} {} |\n", action_symbol(*r), cell(r->id()),
                           action_word(*r), detail.empty() ? "" : "<br>" + detail);
      }
      out += '\n';
    }
    for (const auto& e : scope.exceptions) {
      const Exception& x = e.action == ExceptionAction::removed ? e.before : e.after;
      out += fmt::format("- Suppression {}: `{}` at `{}`: {}\n",
                         e.action == ExceptionAction::added     ? "added"
                         : e.action == ExceptionAction::removed ? "removed"
                                                                : "changed",
                         x.rule_id, x.path, cell(x.reason));
    }
    if (!scope.exceptions.empty()) out += '\n';
    for (const auto& f : scope.findings) {
      const Finding& x = f.action == FindingAction::removed ? f.before : f.after;
      out += fmt::format("- Policy finding {}: `{}` at `{}`: {}\n", finding_word(f.action),
                         cell(finding_label(x)), x.path, cell(x.message));
    }
    if (!scope.findings.empty()) out += '\n';
    for (const auto& f : scope.files) {
      if (!show_text(f, options)) {
        out += fmt::format("- `{}` {} (summarized above)\n", f.path, file_status(f.status));
        continue;
      }
      // A fence longer than any backtick run in the diff keeps it from closing early.
      size_t longest = 0, run = 0;
      for (char c : f.unified) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
      }
      const std::string fence(std::max<size_t>(3, longest + 1), '`');
      out += fmt::format(
          "<details><summary><code>{}</code> {}</summary>\n\n{}diff\n{}{}\n\n</details>\n\n",
          f.path, file_status(f.status), fence, f.unified, fence);
    }
    out += '\n';
  }
  return out;
}

std::string render_json(const Review& review, const RenderOptions& options) {
  nlohmann::ordered_json root;
  root["drift"] = review.drift();
  root["files_compared"] = review.files_compared;
  root["security_changes"] = nlohmann::ordered_json::array();
  for (const auto& scope : review.scopes) {
    for (const auto& s : scope.security) {
      root["security_changes"].push_back({{"app", scope.app},
                                          {"env", scope.env},
                                          {"effect", effect_label(s.effect)},
                                          {"category", s.category},
                                          {"resource", s.resource},
                                          {"detail", s.detail}});
    }
  }
  if (!review.overrides.empty()) {
    root["overrides"] = nlohmann::ordered_json::array();
    for (const auto& o : review.overrides) {
      root["overrides"].push_back({{"path", o.path},
                                   {"format", o.format},
                                   {"target", o.target},
                                   {"value", o.value},
                                   {"removed", o.value.empty()},
                                   {"setting", o.setting}});
    }
  }
  if (!options.security_only) {
    root["scopes"] = nlohmann::ordered_json::array();
    for (const auto& scope : review.scopes) {
      if (!scope.drift() && scope.notes.empty()) continue;
      nlohmann::ordered_json s{{"app", scope.app}, {"env", scope.env}, {"notes", scope.notes}};
      s["resources"] = nlohmann::ordered_json::array();
      for (const auto& r : scope.resources) {
        nlohmann::ordered_json resource{{"action", action_word(r, false)},
                                        {"format", r.format},
                                        {"type", r.type},
                                        {"name", r.name},
                                        {"file", r.file}};
        if (r.existing) resource["existing"] = true;
        if (!r.orphaned.empty()) resource["orphaned"] = r.orphaned;
        if (!r.replaces.empty()) resource["replaces"] = r.replaces;
        if (!r.data_loss.empty()) resource["data_loss"] = r.data_loss;
        if (!r.renamed_from.empty()) resource["renamed_from"] = r.renamed_from;
        if (!r.imported_from.empty()) resource["import_id"] = r.imported_from;
        resource["attributes"] = nlohmann::ordered_json::array();
        for (const auto& a : r.attributes) {
          nlohmann::ordered_json attribute{
              {"path", a.path}, {"before", a.before}, {"after", a.after}};
          if (!a.meaning.category.empty()) attribute["security"] = a.meaning.category;
          if (!a.meaning.replaces.empty()) attribute["forces_replacement"] = true;
          if (a.meaning.sensitive) attribute["sensitive"] = true;
          resource["attributes"].push_back(std::move(attribute));
        }
        s["resources"].push_back(std::move(resource));
      }
      s["suppressions"] = nlohmann::ordered_json::array();
      for (const auto& e : scope.exceptions) {
        const Exception& x = e.action == ExceptionAction::removed ? e.before : e.after;
        s["suppressions"].push_back({{"action", e.action == ExceptionAction::added     ? "added"
                                                : e.action == ExceptionAction::removed ? "removed"
                                                                                       : "changed"},
                                     {"path", x.path},
                                     {"rule_id", x.rule_id},
                                     {"reason", x.reason},
                                     {"owner", x.owner},
                                     {"expires", x.expires}});
      }
      s["policy_findings"] = nlohmann::ordered_json::array();
      for (const auto& f : scope.findings) {
        const Finding& x = f.action == FindingAction::removed ? f.before : f.after;
        nlohmann::ordered_json finding{{"action", finding_word(f.action)},
                                       {"path", x.path},
                                       {"rule_id", x.rule_id},
                                       {"severity", x.severity},
                                       {"suppressed", x.suppressed},
                                       {"message", x.message}};
        if (f.action == FindingAction::changed) {
          finding["before"] = {{"severity", f.before.severity},
                               {"suppressed", f.before.suppressed},
                               {"message", f.before.message}};
        }
        s["policy_findings"].push_back(std::move(finding));
      }
      s["files"] = nlohmann::ordered_json::array();
      for (const auto& f : scope.files) {
        nlohmann::ordered_json file{{"path", f.path}, {"status", file_status(f.status)}};
        if (show_text(f, options)) file["unified"] = f.unified;
        s["files"].push_back(std::move(file));
      }
      root["scopes"].push_back(std::move(s));
    }
  }
  return root.dump(2) + "\n";
}

}  // namespace iac::review
