#include "generators/docs/docs_generator.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "dsl/azure/resources.h"
#include "dsl/core/app.h"
#include "dsl/core/stack.h"
#include "dsl/policy/engine.h"
#include "generators/graph/graph.h"
#include "generators/output/output_sink.h"

namespace iac::gen::docs {

namespace {

using Facts = std::vector<std::pair<std::string, std::string>>;

std::string fact(const Facts& facts, std::string_view key) {
  for (const auto& [k, v] : facts) {
    if (k == key) return v;
  }
  return {};
}

/// A construct path below the stack (`ingestion/identity`); the stack itself is `.`.
std::string relative_path(const Stack& stack, const std::string& path) {
  if (path == stack.path()) return ".";
  const std::string prefix = stack.path() + "/";
  return path.compare(0, prefix.size(), prefix) == 0 ? path.substr(prefix.size()) : path;
}

std::string relative(const Stack& stack, const Construct& construct) {
  return relative_path(stack, construct.path());
}

std::string code(std::string_view text) {
  // A code span cannot contain its own delimiter; paths and ids never hold a backtick, but a
  // hostile one falls back to escaped text.
  if (text.find('`') != std::string_view::npos || text.find('|') != std::string_view::npos ||
      text.find('\n') != std::string_view::npos) {
    return escape_markdown(text);
  }
  return std::string("`") + std::string(text) + "`";
}

std::string cell(std::string_view text) { return text.empty() ? "—" : escape_markdown(text); }

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += separator;
    text += item;
  }
  return text;
}

constexpr const char* kPresent = "present";
constexpr const char* kAbsent = "absent";

/// Settings of one environment, keyed so that the same setting of the same construct in another
/// environment has the same key; the values are compared to find the differences.
std::map<std::string, std::string> settings_of(const Stack& stack) {
  std::map<std::string, std::string> settings;
  const Environment& env = stack.env();
  settings["environment: regions"] = join(env.regions());
  settings["environment: tier"] = std::string(to_string(env.tier));
  for (const Resource* r : stack.resources()) {
    if (dynamic_cast<const azure::ResourceGroup*>(r) != nullptr) continue;
    const std::string path = relative(stack, *r);
    settings[fmt::format("{} ({})", path, r->kind().name)] = kPresent;
    for (const auto& [key, value] : graph::facts(*r)) {
      // A resource in the environment's region says nothing the environment row does not.
      if (key == "regions" && (value == r->location() || value == "global")) continue;
      settings[fmt::format("{} ({}): {}", path, r->kind().name, key)] = value;
    }
  }
  return settings;
}

/// The environment's posture in a few words per aspect, for the one-line comparison.
std::vector<std::pair<std::string, std::string>> traits_of(const Stack& stack) {
  std::vector<std::pair<std::string, std::string>> traits;
  int endpoints = 0;
  int public_endpoints = 0;
  int ip_rules = 0;
  int open = 0;
  int zone_redundant = 0;
  int geo = 0;
  std::set<std::string> waf;
  std::set<std::string> serverless;
  for (const Resource* r : stack.resources()) {
    if (dynamic_cast<const azure::PrivateEndpoint*>(r) != nullptr) ++endpoints;
    if (const auto* policy = dynamic_cast<const azure::FrontDoorFirewallPolicy*>(r)) {
      waf.insert(std::string("WAF ") + std::string(policy->mode()));
    }
    if (const PublicNetwork* network = r->public_network()) {
      if (network->mode() == PublicNetwork::Mode::allow_listed) ++ip_rules;
      if (network->mode() == PublicNetwork::Mode::open) ++open;
      if (network->public_endpoint()) ++public_endpoints;
    }
    const Facts facts = graph::facts(*r);
    const std::string redundancy = fact(facts, "redundancy");
    if (redundancy.find("zone-redundant") != std::string::npos) ++zone_redundant;
    if (redundancy.find("geo-") != std::string::npos ||
        redundancy.find("multi-region") != std::string::npos) {
      ++geo;
    }
    const std::string sku = fact(facts, "sku");
    if (sku.rfind("serverless", 0) == 0) serverless.insert(std::string(r->kind().name));
    if (const auto* plan = dynamic_cast<const azure::AppServicePlan*>(r)) {
      if (plan->props().sku == azure::PlanSku::Y1 || plan->props().sku == azure::PlanSku::FC1) {
        serverless.insert("Functions consumption plan");
      }
    }
  }
  traits.emplace_back("network",
                      azure::PrivateNetwork::of(stack) != nullptr
                          ? fmt::format("private network, {} private endpoints", endpoints)
                          : std::string("no private network"));
  traits.emplace_back(
      "public endpoints",
      public_endpoints == 0
          ? std::string("no public endpoints")
          : fmt::format("{} public endpoint{} ({} with IP rules, {} open)", public_endpoints,
                        public_endpoints == 1 ? "" : "s", ip_rules, open));
  traits.emplace_back("WAF", waf.empty() ? std::string("no WAF")
                                         : join(std::vector<std::string>(waf.begin(), waf.end())));
  traits.emplace_back("zones", fmt::format("{} zone-redundant service{}", zone_redundant,
                                           zone_redundant == 1 ? "" : "s"));
  traits.emplace_back("geo", fmt::format("{} geo-redundant or multi-region", geo));
  traits.emplace_back(
      "serverless",
      serverless.empty()
          ? std::string("no serverless capacity")
          : "serverless: " + join(std::vector<std::string>(serverless.begin(), serverless.end())));
  return traits;
}

void section_diagram(std::string& out, const Stack& stack) {
  const graph::Graph summary = graph::build(stack, graph::Detail::summary);
  int diagnostic_settings = 0;
  std::set<std::string> workspaces;
  int dns_zones = 0;
  for (const Resource* r : stack.resources()) {
    if (const auto* ds = dynamic_cast<const azure::DiagnosticSetting*>(r)) {
      ++diagnostic_settings;
      if (ds->props().workspace) workspaces.insert(ds->props().workspace->name());
    }
    if (dynamic_cast<const azure::PrivateDnsZone*>(r) != nullptr) ++dns_zones;
  }
  out += "## Diagram\n\n";
  out += std::string("```mermaid\n") + graph::to_mermaid(summary) + "```\n\n";
  out +=
      "Thick red arrows are access grants (identity → resource, labelled with the role), thick "
      "blue ones Front Door → origin, dashed green ones private endpoint → resource, thin grey "
      "ones references (settings and dependencies). Boxes are network boundaries (VNet, "
      "subnet, the public edge) or, outside them, the kind of service.\n\n";
  std::vector<std::string> left_out = {
      "role assignment resources (drawn as the grant edges above)",
      "child resources (databases, containers, secrets, configurations, model deployments, "
      "Front Door endpoints, origin groups, origins, routes and security policies)"};
  if (std::any_of(stack.resources().begin(), stack.resources().end(), [](const Resource* r) {
        return dynamic_cast<const azure::ActionGroup*>(r) != nullptr ||
               dynamic_cast<const azure::MetricAlert*>(r) != nullptr ||
               dynamic_cast<const azure::ScheduledQueryAlert*>(r) != nullptr ||
               dynamic_cast<const azure::ResourceGroupBudget*>(r) != nullptr;
      })) {
    left_out.emplace_back("alerts, action groups and budgets");
  }
  if (diagnostic_settings > 0) {
    std::vector<std::string> names;
    for (const auto& w : workspaces) names.push_back(code(w));
    left_out.insert(left_out.begin(), fmt::format("{} diagnostic settings, all sending to {}",
                                                  diagnostic_settings, join(names)));
  }
  if (dns_zones > 0) {
    left_out.push_back(fmt::format("{} private DNS zones and their VNet links", dns_zones));
  }
  out += std::string("Not drawn, but listed below: ") + join(left_out, "; ") +
         ". `iacgen graph --app " + stack.app_name() + " --env " + stack.env().name +
         "` draws every resource and reference (DOT, Mermaid or JSON).\n\n";
}

/// The environment's stacks in deployment order, and the values this one reads and exports.
void section_stacks(std::string& out, const App& app, const Stack& stack) {
  out += "## Stacks of this environment\n\n";
  out += fmt::format(
      "{} is deployed as several stacks, each with its own resource group, state and pipeline "
      "jobs, in this order (a stack after those it reads from):\n\n",
      escape_markdown(stack.env().name));
  int position = 0;
  for (const Stack* other : app.deployment_order(stack.env().name)) {
    std::vector<std::string> reads;
    for (const Stack* producer : stack_dependencies(*other, app.stacks())) {
      reads.push_back(code(producer->stack_name()));
    }
    out += fmt::format(
        "{}. {}{}{}\n", ++position,
        other == &stack
            ? "**" + code(other->stack_name()) + "** (this one)"
            : fmt::format("[{}](../{}/README.md)", code(other->stack_name()), other->stack_name()),
        fmt::format(", resource group {}", code(other->resource_group().name())),
        reads.empty() ? std::string() : ", reads " + join(reads));
  }
  out += "\n";
  const std::vector<Ref> reads = cross_stack_refs(stack);
  if (!reads.empty()) {
    out +=
        "Read from other stacks (Terraform: their state's outputs; Bicep: `existing` "
        "resources):\n\n";
    out += "| Stack | Resource | Attribute | Output | Read by |\n| --- | --- | --- | --- | --- |\n";
    for (const Ref& ref : reads) {
      std::vector<std::string> readers;
      for (const Resource* r : stack.resources()) {
        for (const Ref& own : r->references()) {
          if (own.target == ref.target && own.attribute == ref.attribute &&
              std::find(readers.begin(), readers.end(), code(relative(stack, *r))) ==
                  readers.end()) {
            readers.push_back(code(relative(stack, *r)));
          }
        }
      }
      out += fmt::format("| {} | {} | {} | {} | {} |\n", code(ref.target->stack().stack_name()),
                         code(relative(ref.target->stack(), *ref.target)), code(ref.attribute),
                         code(cross_stack_output_name(ref)),
                         readers.empty() ? std::string("outputs") : join(readers));
    }
    out += "\n";
  }
  const std::vector<Ref> exported = exported_refs(stack, app.stacks());
  if (!exported.empty()) {
    out += "Exported to other stacks (Terraform outputs; never secrets):\n\n";
    out += "| Output | Resource | Attribute |\n| --- | --- | --- |\n";
    for (const Ref& ref : exported) {
      out += fmt::format("| {} | {} | {} |\n", code(cross_stack_output_name(ref)),
                         code(relative(stack, *ref.target)), code(ref.attribute));
    }
    out += "\n";
  }
}

void section_resources(std::string& out, const Stack& stack) {
  out += "## Resources\n\n";
  out += "| Kind | Name | Construct | SKU / tier | Region(s) | Redundancy / recovery | Network |\n";
  out += "| --- | --- | --- | --- | --- | --- | --- |\n";
  for (const Resource* r : stack.resources()) {
    const Facts facts = graph::facts(*r);
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", cell(r->kind().name),
                       code(r->name()), code(relative(stack, *r)), cell(fact(facts, "sku")),
                       cell(fact(facts, "regions")), cell(fact(facts, "redundancy")),
                       cell(fact(facts, "network")));
  }
  out += "\n";
}

/// Adopted and reference-only resources; nothing when the stack has neither.
void section_existing(std::string& out, const Stack& stack) {
  std::vector<const Resource*> adopted;
  for (const Resource* r : stack.resources()) {
    if (r->adopted()) adopted.push_back(r);
  }
  if (adopted.empty() && stack.references().empty()) return;
  out += "## Existing resources\n\n";
  auto table = [&](const std::vector<const Resource*>& resources, bool adopt) {
    out += "| Kind | Name | Construct | Resource id |\n| --- | --- | --- | --- |\n";
    for (const Resource* r : resources) {
      out += fmt::format("| {} | {} | {} | {} |\n", cell(r->kind().name), code(r->name()),
                         code(relative(stack, *r)),
                         code(adopt ? *r->adopted_id() : *r->reference_id()));
    }
    out += "\n";
  };
  if (!adopted.empty()) {
    out += "Adopted: they exist in Azure and this stack manages them from now on. Terraform "
           "imports them on the next plan (`terraform/imports.tf`); Bicep deploys over them, "
           "so review the what-if of the first deployment.\n\n";
    table(adopted, true);
  }
  if (!stack.references().empty()) {
    out += "Referenced, owned elsewhere: read only (Terraform data sources, Bicep `existing`), "
           "never deployed, tagged or checked by this stack.\n\n";
    table(stack.references(), false);
  }
}

/// Raw edits of the output (Resource::terraform_override and friends), so a reader sees what
/// the typed model does not vouch for. Written only when the environment has any.
void section_overrides(std::string& out, const Stack& stack) {
  bool any = false;
  for (const Resource* r : stack.resources()) any = any || !r->overrides().empty();
  if (!any) return;
  out += "## Overrides\n\n";
  out +=
      "Raw edits of the rendered Terraform or Bicep that the typed props do not express (escape "
      "hatches). Policy rules AZ-OVR-001 and AZ-OVR-002 report those that touch security-relevant "
      "or unclassified attributes; the policy section below shows their findings or "
      "suppressions.\n\n";
  out += "| Construct | Format | Path | Value | Setting |\n| --- | --- | --- | --- | --- |\n";
  for (const Resource* r : stack.resources()) {
    for (const Override& edit : r->overrides()) {
      out += fmt::format("| {} | {} | {} | {} | {} |\n", code(relative(stack, *r)),
                         to_string(edit.format), code(edit.path),
                         edit.value ? code(edit.value->summary()) : std::string("(removed)"),
                         edit.setting.empty() ? std::string("—") : code(edit.setting));
    }
  }
  out += "\n";
}

void section_access(std::string& out, const Stack& stack) {
  out += "## Identities and access\n\n";
  const auto grants = graph::grants(stack);
  if (grants.empty()) {
    out += "No identity is granted access to any resource.\n\n";
    return;
  }
  out += "| Identity | Principal | Role | On | Allows |\n| --- | --- | --- | --- | --- |\n";
  for (const auto& grant : grants) {
    std::string who = grant.identity_resource != nullptr
                          ? fmt::format("{} {}", cell(grant.identity_resource->kind().name),
                                        code(relative(stack, *grant.identity_resource)))
                          : cell(grant.identity);
    std::string on = grant.target != nullptr ? fmt::format("{} {}", cell(grant.target->kind().name),
                                                           code(grant.target->name()))
                                             : "—";
    out += fmt::format("| {} | {} | {} | {} | {} |\n", who, cell(grant.principal_kind),
                       cell(grant.role), on, cell(grant.access));
  }
  out +=
      "\nThese are the grants to identities and Entra ID principals. Access keys and local "
      "authentication are not grants: where a resource still accepts them, the policy section "
      "below shows the finding or its suppression.\n\n";
}

void section_policy(std::string& out, const App& app, const Stack& stack,
                    const policy::Report& report) {
  const Environment& env = stack.env();
  int evaluated = 0;
  int applicable = 0;
  std::set<const ResourceKind*> kinds;
  for (const Resource* r : stack.resources()) kinds.insert(&r->kind());
  for (std::span<const policy::Rule> pack :
       {policy::azure_baseline(), std::span<const policy::Rule>(app.rules())}) {
    for (const auto& rule : pack) {
      if (rule.info.levels.in(env.tier) == policy::Level::off) continue;
      ++evaluated;
      if (rule.kinds.empty() ||
          std::any_of(rule.kinds.begin(), rule.kinds.end(),
                      [&](const ResourceKind* k) { return kinds.count(k); })) {
        ++applicable;
      }
    }
  }
  std::vector<const policy::Finding*> active;
  std::vector<const policy::Finding*> suppressed;
  for (const auto& f : report.findings) {
    if (f.environment != env.name) continue;
    (f.suppressed_by ? suppressed : active).push_back(&f);
  }
  out += "## Policy\n\n";
  out += fmt::format(
      "{} rules evaluated: the rules of the azure-baseline pack and the app's own that are on "
      "at the {} levels, {} of which apply to the kinds of resource here. Findings: {} "
      "unsuppressed (synth refuses any error), {} suppressed. `iacgen check --app {} --env {}` "
      "prints them.\n\n",
      evaluated, to_string(env.tier), applicable, active.size(), suppressed.size(), app.name(),
      env.name);
  if (!active.empty()) {
    out += "| Severity | Rule | Construct | Finding |\n| --- | --- | --- | --- |\n";
    for (const auto* f : active) {
      out += fmt::format("| {} | {} | {} | {} |\n", to_string(f->severity), code(f->rule_id),
                         code(relative_path(stack, f->path)), cell(f->message));
    }
    out += "\n";
  }
  const auto& suppressions = stack.suppressions();
  if (suppressions.empty()) {
    out += "No suppressions.\n\n";
    return;
  }
  out += "Suppressions (every exception, with its reason, owner and expiry):\n\n";
  out += "| Rule | Scope | Reason | Owner | Expires | Findings excused |\n";
  out += "| --- | --- | --- | --- | --- | --- |\n";
  for (const auto& s : suppressions) {
    int excused = 0;
    for (const auto* f : suppressed) {
      if (f->suppressed_by->rule_id == s.rule_id && f->suppressed_by->path == s.path) ++excused;
    }
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", code(s.rule_id),
                       code(relative_path(stack, s.path)), cell(s.reason), cell(s.options.owner),
                       cell(s.options.expires), excused);
  }
  out += "\n";
}

void section_differences(std::string& out, const App& app, const Stack& stack) {
  std::vector<const Stack*> others;
  // A named stack is compared with the stack of the same name in the other environments.
  for (const auto& other : app.stacks()) {
    if (other.get() != &stack && other->stack_name() == stack.stack_name()) {
      others.push_back(other.get());
    }
  }
  out += "## Differences from the other environments\n\n";
  if (others.empty()) {
    out += fmt::format("{} is the only environment of {}.\n", stack.env().name, app.name());
    return;
  }
  // In short: the traits whose value is not the same everywhere.
  std::vector<const Stack*> all = {&stack};
  all.insert(all.end(), others.begin(), others.end());
  std::vector<std::vector<std::pair<std::string, std::string>>> traits;
  for (const Stack* s : all) traits.push_back(traits_of(*s));
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::vector<std::string> differing;
    for (std::size_t t = 0; t < traits[i].size(); ++t) {
      bool same = std::all_of(traits.begin(), traits.end(), [&](const auto& other) {
        return other[t].second == traits[i][t].second;
      });
      if (!same) differing.push_back(traits[i][t].second);
    }
    lines.push_back(fmt::format(
        "- **{}**: {}", escape_markdown(all[i]->env().name),
        differing.empty() ? std::string("as the others") : escape_markdown(join(differing, "; "))));
  }
  out += std::string("In short:\n\n") + join(lines, "\n") + "\n\n";

  std::vector<std::map<std::string, std::string>> settings;
  std::set<std::string> keys;
  for (const Stack* s : all) {
    settings.push_back(settings_of(*s));
    for (const auto& [key, value] : settings.back()) keys.insert(key);
  }
  std::string header = std::string("| Setting | **") + escape_markdown(stack.env().name) + "** |";
  std::string rule = "| --- | --- |";
  for (const Stack* s : others) {
    header += std::string(" ") + escape_markdown(s->env().name) + " |";
    rule += " --- |";
  }
  std::string rows;
  for (const auto& key : keys) {
    std::vector<std::string> values;
    for (const auto& m : settings) {
      auto it = m.find(key);
      values.push_back(it == m.end() ? std::string(kAbsent) : it->second);
    }
    // A resource missing somewhere is one row; its settings are compared where it exists.
    std::vector<std::string> present;
    for (const auto& v : values) {
      if (v != kAbsent) present.push_back(v);
    }
    const bool presence_row =
        present.size() == values.size() || key.find("): ") == std::string::npos;
    const auto& compared = presence_row ? values : present;
    if (std::all_of(compared.begin(), compared.end(),
                    [&](const auto& v) { return v == compared.front(); })) {
      continue;
    }
    rows += std::string("| ") + escape_markdown(key) + " |";
    for (const auto& v : values) rows += std::string(" ") + cell(v) + " |";
    rows += "\n";
  }
  if (rows.empty()) {
    out += "Every setting is the same in every environment.\n";
    return;
  }
  out +=
      "Every setting that is not the same in all environments (`absent`: the resource is not "
      "declared there):\n\n" +
      header + "\n" + rule + "\n" + rows;
}

class DocsGenerator final : public Generator {
 public:
  Diagnostics generate(const App& app, OutputSink& sink) const override {
    for (const auto& stack : app.stacks()) {
      sink.write(stack->output_dir() + "/README.md", environment_readme(app, *stack));
    }
    return {};
  }
};

}  // namespace

std::string escape_markdown(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
        out += '\\';
        out += c;
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string environment_readme(const App& app, const Stack& stack) {
  const Environment& env = stack.env();
  std::string out;
  if (stack.named()) {
    out += fmt::format("# {} / {} / {}\n\n", escape_markdown(app.name()), escape_markdown(env.name),
                       escape_markdown(stack.stack_name()));
  } else {
    out += fmt::format("# {} / {}\n\n", escape_markdown(app.name()), escape_markdown(env.name));
  }
  out += fmt::format(
      "Generated by `iacgen synth` from the {} application's code: do not edit, change the stack "
      "and synthesize again. Tier **{}**, region {}{}; {} resources, deployed with "
      "`terraform/` or `bicep/` beside this file.\n\n",
      escape_markdown(app.name()), to_string(env.tier), code(env.location),
      env.secondary_location ? std::string(", DR region ") + code(*env.secondary_location)
                             : std::string(),
      stack.resources().size());
  if (stack.named()) section_stacks(out, app, stack);
  section_diagram(out, stack);
  section_resources(out, stack);
  section_existing(out, stack);
  section_overrides(out, stack);
  section_access(out, stack);
  section_policy(out, app, stack, policy::evaluate(app));
  section_differences(out, app, stack);
  return out;
}

std::unique_ptr<Generator> make_generator() { return std::make_unique<DocsGenerator>(); }

}  // namespace iac::gen::docs
