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
    for (auto& block : file.blocks) {
      if (block.kind != "resource" || block.labels.size() != 2) continue;
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

void compare_terraform(Scope& scope, const std::map<std::string, const std::string*>& before,
                       const std::map<std::string, const std::string*>& after) {
  std::map<std::pair<std::string, std::string>, Parsed> old_resources;
  std::map<std::pair<std::string, std::string>, Parsed> new_resources;
  if (!collect_resources(before, old_resources, scope.notes, "committed") ||
      !collect_resources(after, new_resources, scope.notes, "generated")) {
    return;
  }
  for (auto& file : scope.files) {
    if (is_terraform(file.path)) file.summarized = true;
  }
  for (const auto& [key, parsed] : new_resources) {
    const auto& [type, name] = key;
    auto old = old_resources.find(key);
    const std::string id = type + "." + name;
    const std::string_view type_category = security_category_of_type(type);
    if (old == old_resources.end()) {
      ResourceChange change{
          .action = Action::added, .type = type, .name = name, .file = parsed.file};
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
             fmt::format("{}: {}", path, arrow(attribute.before, attribute.after))});
      } else if (!type_category.empty()) {
        scope.security.push_back(
            {std::string(type_category), Effect::changes, id,
             fmt::format("{}: {}", path, arrow(attribute.before, attribute.after))});
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

std::map<std::pair<std::string, std::string>, Exception> by_key(
    const std::vector<Exception>& list) {
  std::map<std::pair<std::string, std::string>, Exception> out;
  for (const auto& e : list) out[{e.path, e.rule_id}] = e;
  return out;
}

int effect_rank(Effect effect) {
  return effect == Effect::weakens ? 0 : effect == Effect::changes ? 1 : 2;
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
    }
    if (is_terraform(path)) {
      if (has_old) old_tf[key][path] = &committed->second;
      if (has_new) new_tf[key][path] = &generated->second;
    }
    if (has_new && !has_old) {
      scope.files.push_back(
          {path, FileStatus::added, gen::unified_diff(path, "", generated->second)});
      if (manifest != input.manifest.end()) {
        scope.notes.push_back(fmt::format("{} was deleted from the committed output", path));
      }
      if (is_terraform(path)) tf_changed.insert(key);
    } else if (!has_new && has_old) {
      if (manifest == input.manifest.end()) {
        scope.notes.push_back(fmt::format(
            "{} was not written by iacgen (added by hand); `iacgen synth` keeps it", path));
        if (is_terraform(path)) tf_changed.insert(key);
        continue;
      }
      scope.files.push_back(
          {path, FileStatus::removed, gen::unified_diff(path, committed->second, "")});
      if (is_terraform(path)) tf_changed.insert(key);
    } else {
      std::string diff = gen::unified_diff(path, committed->second, generated->second);
      if (!diff.empty()) {
        scope.files.push_back({path, FileStatus::changed, std::move(diff)});
        if (is_terraform(path)) tf_changed.insert(key);
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
    if (tf_changed.count(key) > 0) compare_terraform(scope, old_tf[key], new_tf[key]);
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
  for (auto& [key, scope] : scopes) {
    std::stable_sort(scope.security.begin(), scope.security.end(),
                     [](const SecurityChange& a, const SecurityChange& b) {
                       return effect_rank(a.effect) < effect_rank(b.effect);
                     });
    review.scopes.push_back(std::move(scope));
  }
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
  if (r.action == Action::added) return "+";
  if (r.action == Action::removed) return "-";
  return r.replaces.empty() ? "~" : "-/+";
}

std::string_view action_word(const ResourceChange& r) {
  if (r.action == Action::added) return "added";
  if (r.action == Action::removed) return "removed";
  return r.replaces.empty() ? "changed" : "replaced";
}

std::string resource_counts(const Scope& scope) {
  int added = 0, removed = 0, changed = 0, replaced = 0;
  for (const auto& r : scope.resources) {
    if (r.action == Action::added) ++added;
    if (r.action == Action::removed) ++removed;
    if (r.action == Action::changed) ++(r.replaces.empty() ? changed : replaced);
  }
  return fmt::format("{} added, {} changed, {} replaced, {} removed", added, changed, replaced,
                     removed);
}

std::vector<std::string> warnings_of(const ResourceChange& r) {
  std::vector<std::string> out;
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
  if (options.security_only) return out;
  for (const auto& scope : review.scopes) {
    if (!scope.drift() && scope.notes.empty()) continue;
    out += fmt::format("== {} ==\n", scope.title());
    for (const auto& note : scope.notes) out += fmt::format("  note: {}\n", note);
    if (!scope.resources.empty()) {
      out += fmt::format("  Resources: {}\n", resource_counts(scope));
      for (const auto& r : scope.resources) {
        out +=
            fmt::format("  {:<3} {}.{} ({})\n", action_symbol(r), r.type, r.name, action_word(r));
        for (const auto& w : warnings_of(r)) out += fmt::format("        WARNING {}\n", w);
        for (const auto& a : r.attributes) {
          out += fmt::format("        {}: {}{}{}\n", a.path, arrow(a.before, a.after),
                             a.meaning.category.empty() ? "" : "  [" + a.meaning.category + "]",
                             a.meaning.replaces.empty() ? "" : "  [forces replacement]");
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
    return text.empty() ? std::string("*(unset)*") : "`" + cell(text) + "`";
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
  if (options.security_only) return out;
  for (const auto& scope : review.scopes) {
    if (!scope.drift() && scope.notes.empty()) continue;
    out += fmt::format("### {}\n\n", scope.title());
    for (const auto& note : scope.notes) out += fmt::format("> **Note:** {}\n\n", cell(note));
    if (!scope.resources.empty()) {
      out += fmt::format("Resources: {}\n\n", resource_counts(scope));
      out += "| | Resource | Change |\n|---|---|---|\n";
      for (const auto& r : scope.resources) {
        std::string detail;
        for (const auto& w : warnings_of(r)) detail += ":warning: **" + cell(w) + "**<br>";
        for (const auto& a : r.attributes) {
          detail += fmt::format("`{}`: {} → {}{}<br>", a.path, code(a.before), code(a.after),
                                a.meaning.replaces.empty() ? "" : " *(forces replacement)*");
        }
        if (detail.size() >= 4) detail.resize(detail.size() - 4);
        out += fmt::format("| `{}` | `{}.{}` | {} {} |\n", action_symbol(r), r.type, r.name,
                           action_word(r), detail.empty() ? "" : "<br>" + detail);
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
  if (!options.security_only) {
    root["scopes"] = nlohmann::ordered_json::array();
    for (const auto& scope : review.scopes) {
      if (!scope.drift() && scope.notes.empty()) continue;
      nlohmann::ordered_json s{{"app", scope.app}, {"env", scope.env}, {"notes", scope.notes}};
      s["resources"] = nlohmann::ordered_json::array();
      for (const auto& r : scope.resources) {
        nlohmann::ordered_json resource{
            {"action", action_word(r)}, {"type", r.type}, {"name", r.name}, {"file", r.file}};
        if (!r.replaces.empty()) resource["replaces"] = r.replaces;
        if (!r.data_loss.empty()) resource["data_loss"] = r.data_loss;
        if (!r.renamed_from.empty()) resource["renamed_from"] = r.renamed_from;
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
