#include "cli/check.h"

#include <algorithm>
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "dsl/core/app.h"
#include "dsl/policy/engine.h"

namespace iac::cli {

namespace {

using nlohmann::ordered_json;

bool selected(const std::vector<std::string>& filter, const std::string& value) {
  return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

std::string join(const std::vector<std::string_view>& items) {
  std::string text;
  for (auto item : items) text += (text.empty() ? "" : ", ") + std::string(item);
  return text.empty() ? "-" : text;
}

struct AppReport {
  std::string app;
  policy::Report report;
};

void print_text(const std::vector<AppReport>& reports) {
  for (const auto& [app, report] : reports) {
    std::map<std::string, std::vector<const policy::Finding*>> by_env;
    for (const auto& finding : report.findings) by_env[finding.environment].push_back(&finding);
    std::cout << app << '\n';
    if (by_env.empty()) std::cout << "  no findings\n";
    for (const auto& [env, findings] : by_env) {
      std::cout << "  " << env << '\n';
      std::string last_path;
      for (const auto* f : findings) {
        if (f->path != last_path) std::cout << "    " << f->path << '\n';
        last_path = f->path;
        std::string status = f->suppressed_by ? "suppressed" : std::string(to_string(f->severity));
        std::cout << fmt::format("      {:<10} {:<12} {}\n", status, f->rule_id, f->message);
        if (f->suppressed_by) {
          std::cout << fmt::format("                              reason: {}{}{}\n",
                                   f->suppressed_by->reason,
                                   f->suppressed_by->options.owner.empty()
                                       ? ""
                                       : "; owner: " + f->suppressed_by->options.owner,
                                   f->suppressed_by->options.expires.empty()
                                       ? ""
                                       : "; expires: " + f->suppressed_by->options.expires);
        } else if (!f->fix.empty()) {
          std::cout << fmt::format("                              fix: {}\n", f->fix);
        }
      }
    }
  }
}

ordered_json finding_json(const policy::Finding& f) {
  ordered_json json{{"rule", f.rule_id},
                    {"severity", to_string(f.severity)},
                    {"environment", f.environment},
                    {"path", f.path},
                    {"message", f.message},
                    {"fix", f.fix}};
  if (f.suppressed_by) {
    json["suppression"] = {{"reason", f.suppressed_by->reason},
                           {"owner", f.suppressed_by->options.owner},
                           {"expires", f.suppressed_by->options.expires}};
  }
  return json;
}

void print_json(const std::vector<AppReport>& reports) {
  ordered_json out = ordered_json::array();
  for (const auto& [app, report] : reports) {
    ordered_json findings = ordered_json::array();
    for (const auto& f : report.findings) findings.push_back(finding_json(f));
    out.push_back({{"app", app}, {"findings", findings}});
  }
  std::cout << out.dump(2) << '\n';
}

/// SARIF 2.1.0, as code-scanning views read it: one run, the rules that fired, one result per
/// finding, suppressed findings carrying their justification.
void print_sarif(const std::vector<AppReport>& reports) {
  ordered_json rules = ordered_json::array();
  std::map<std::string, int> rule_index;
  ordered_json results = ordered_json::array();
  for (const auto& [app, report] : reports) {
    for (const auto& f : report.findings) {
      if (!rule_index.count(f.rule_id)) {
        rule_index[f.rule_id] = static_cast<int>(rules.size());
        ordered_json rule{{"id", f.rule_id}};
        if (f.rule) {
          rule["shortDescription"] = {{"text", std::string(f.rule->title)}};
          rule["fullDescription"] = {{"text", std::string(f.rule->rationale)}};
          rule["help"] = {{"text", std::string(f.rule->fix)}};
          rule["properties"] = {{"checkov", f.rule->checkov}, {"psrule", f.rule->psrule}};
        } else {
          rule["shortDescription"] = {{"text", "Policy suppressions are valid and current"}};
        }
        rules.push_back(rule);
      }
      std::string env_dir = fmt::format("out/{}/{}/terraform/main.tf", app, f.environment);
      ordered_json result{
          {"ruleId", f.rule_id},
          {"ruleIndex", rule_index[f.rule_id]},
          {"level", f.severity == Severity::error ? "error" : "warning"},
          {"message", {{"text", fmt::format("{}: {}", f.path, f.message)}}},
          {"locations",
           ordered_json::array(
               {{{"physicalLocation",
                  {{"artifactLocation", {{"uri", env_dir}}}, {"region", {{"startLine", 1}}}}},
                 {"logicalLocations", ordered_json::array({{{"fullyQualifiedName", f.path},
                                                            {"kind", "resource"}}})}}})}};
      if (f.suppressed_by) {
        result["suppressions"] = ordered_json::array(
            {{{"kind", "inSource"}, {"justification", f.suppressed_by->reason}}});
      }
      results.push_back(result);
    }
  }
  ordered_json sarif{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", ordered_json::array({{{"tool",
                                      {{"driver",
                                        {{"name", "iacgen"},
                                         {"informationUri", "https://github.com/iacgen/iacgen"},
                                         {"rules", rules}}}}},
                                     {"results", results}}})}};
  std::cout << sarif.dump(2) << '\n';
}

}  // namespace

int run_check(std::vector<App>& apps, const CheckOptions& options) {
  std::vector<AppReport> reports;
  int status = kOk;
  const Severity threshold = options.fail_on == "warning" ? Severity::warning : Severity::error;
  for (App& app : apps) {
    if (!selected(options.apps, app.name())) continue;
    const Diagnostics& diagnostics = app.synthesize();
    if (has_errors(diagnostics)) {
      for (const auto& d : diagnostics) std::cerr << format_diagnostic(d) << '\n';
      status = kInvalidModel;
      continue;
    }
    policy::Report report = policy::evaluate(app);
    std::erase_if(report.findings,
                  [&](const policy::Finding& f) { return !selected(options.envs, f.environment); });
    if (!report.active(threshold).empty() && status == kOk) status = kDrift;
    reports.push_back({app.name(), std::move(report)});
  }
  if (options.format == "json") {
    print_json(reports);
  } else if (options.format == "sarif") {
    print_sarif(reports);
  } else {
    print_text(reports);
  }
  return status;
}

int run_explain(std::vector<App>& apps, const std::string& rule_id) {
  const policy::Rule* rule = policy::find_rule(rule_id);
  for (App& app : apps) {
    if (rule == nullptr) rule = policy::find_rule(rule_id, app.rules());
  }
  if (rule == nullptr) {
    std::cerr << fmt::format("iacgen: no rule {}; rules:\n", rule_id);
    for (const auto& r : policy::azure_baseline()) {
      std::cerr << fmt::format("  {:<12} {}\n", r.info.id, r.info.title);
    }
    return kUsage;
  }
  const auto& info = rule->info;
  std::cout << fmt::format(
      "{}: {}\n\n{}\n\nLevels:   dev {}, staging {}, prod {}\nCheckov:  {}\nPSRule:   {}\n"
      "Benchmark: {}\nFix:      {}\nSuppress: policy::suppress(construct, \"{}\", \"<why this is "
      "acceptable and what compensates>\", {{.owner = \"<team>\", .expires = \"YYYY-MM-DD\"}})\n",
      info.id, info.title, info.rationale, to_string(info.levels.dev),
      to_string(info.levels.staging), to_string(info.levels.prod), join(info.checkov),
      join(info.psrule), info.benchmark.empty() ? "-" : std::string(info.benchmark), info.fix,
      info.id);
  return kOk;
}

}  // namespace iac::cli
