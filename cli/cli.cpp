#include "cli/cli.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/check.h"
#include "cli/diff.h"
#include "cli/graph.h"
#include "cli/init.h"
#include "dsl/core/app.h"
#include "dsl/core/resource.h"
#include "dsl/core/stack.h"
#include "generators/generator.h"
#include "generators/output/output_sink.h"
#include "generators/text/unified_diff.h"

namespace iac::cli {

namespace fs = std::filesystem;

namespace {

struct Selection {
  std::vector<std::string> apps;
  std::vector<std::string> envs;
  std::vector<std::string> formats;
  std::string out = "out";
};

bool selected(const std::vector<std::string>& filter, const std::string& value) {
  return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

/// The output folders this run is responsible for: `<app>/<env>/<format>/`, and `<app>/<format>/`
/// for formats written once per app (pipelines), which only a run over every environment owns.
std::vector<std::string> scopes_of(std::vector<App>& apps, const Selection& selection) {
  std::vector<std::string> scopes;
  for (App& app : apps) {
    if (!selected(selection.apps, app.name())) continue;
    // The stacks' folders: `<app>/<env>` for an app's only stack, `<app>/<env>/<stack>` for
    // each of several (known once the stack function has run; synthesize() runs it once).
    app.synthesize();
    for (const Environment& env : app.environment_list()) {
      if (!selected(selection.envs, env.name)) continue;
      std::vector<std::string> dirs;
      for (const auto& stack : app.stacks()) {
        if (stack->env().name == env.name) dirs.push_back(stack->output_dir());
      }
      if (dirs.empty()) dirs.push_back(fmt::format("{}/{}", app.name(), env.name));
      for (const std::string& dir : dirs) {
        for (const auto& info : gen::generator_registry()) {
          if (!info.per_app && selected(selection.formats, std::string(info.name))) {
            scopes.push_back(info.env_file.empty() ? fmt::format("{}/{}/", dir, info.name)
                                                   : fmt::format("{}/{}", dir, info.env_file));
          }
        }
      }
    }
    for (const auto& info : gen::generator_registry()) {
      if (info.per_app && selection.envs.empty() &&
          selected(selection.formats, std::string(info.name))) {
        scopes.push_back(fmt::format("{}/{}/", app.name(), info.name));
      }
    }
  }
  return scopes;
}

bool in_scopes(const std::string& path, const std::vector<std::string>& scopes) {
  return std::any_of(scopes.begin(), scopes.end(), [&](const std::string& scope) {
    return path.compare(0, scope.size(), scope) == 0;
  });
}

/// Synthesizes the selected apps into memory; prints diagnostics; false on errors.
bool synthesize_selected(std::vector<App>& apps, const Selection& selection,
                         gen::MemorySink& files) {
  const auto scopes = scopes_of(apps, selection);
  bool ok = true;
  for (App& app : apps) {
    if (!selected(selection.apps, app.name())) continue;
    gen::MemorySink all;
    Diagnostics diagnostics = gen::synthesize(app, all, selection.formats);
    for (const auto& d : diagnostics) std::cerr << format_diagnostic(d) << '\n';
    if (has_errors(diagnostics)) {
      ok = false;
      continue;
    }
    for (const auto& [path, content] : all.files()) {
      if (in_scopes(path, scopes)) files.write(path, content);
    }
  }
  return ok;
}

bool check_selection(std::vector<App>& apps, const Selection& selection) {
  for (const auto& name : selection.apps) {
    if (std::none_of(apps.begin(), apps.end(), [&](const App& a) { return a.name() == name; })) {
      std::cerr << fmt::format("iacgen: no app named '{}' (see `iacgen list`)\n", name);
      return false;
    }
  }
  for (const auto& name : selection.envs) {
    bool known = std::any_of(apps.begin(), apps.end(), [&](const App& app) {
      const auto& envs = app.environment_list();
      return std::any_of(envs.begin(), envs.end(),
                         [&](const Environment& e) { return e.name == name; });
    });
    if (!known) {
      std::cerr << fmt::format("iacgen: no environment named '{}' (see `iacgen list`)\n", name);
      return false;
    }
  }
  return true;
}

int run_list(std::vector<App>& apps) {
  int status = kOk;
  for (App& app : apps) {
    const Diagnostics& diagnostics = app.synthesize();
    std::cout << app.name() << '\n';
    for (const auto& stack : app.stacks()) {
      const Environment& env = stack->env();
      std::cout << fmt::format("  {:<8} {:<8} {:<12} {:>3} resources{}\n", env.name,
                               to_string(env.tier), env.location, stack->resources().size(),
                               env.secondary_location ? "  dr: " + *env.secondary_location : "");
    }
    if (has_errors(diagnostics)) {
      for (const auto& d : diagnostics) std::cerr << format_diagnostic(d) << '\n';
      status = kInvalidModel;
    }
  }
  return status;
}

int run_synth(std::vector<App>& apps, const Selection& selection) {
  gen::MemorySink files;
  if (!synthesize_selected(apps, selection, files)) {
    std::cerr << "iacgen: synth failed; nothing was written\n";
    return kInvalidModel;
  }
  // Every exception and finding of the environments written goes into the manifest, for review.
  const gen::ManifestPolicy policy = policy_record(apps, selection.apps, selection.envs);
  gen::CommitReport report;
  Diagnostics errors =
      gen::commit_to_directory(files, selection.out, scopes_of(apps, selection), report, policy);
  for (const auto& d : errors) std::cerr << format_diagnostic(d) << '\n';
  if (!errors.empty()) return kWriteFailed;
  for (const auto& path : report.kept) {
    std::cerr << fmt::format("iacgen: kept '{}': no longer generated, but edited by hand\n", path);
  }
  std::cout << fmt::format("synthesized {} files into {}: {} written, {} unchanged, {} removed\n",
                           files.files().size(), selection.out, report.written, report.unchanged,
                           report.removed);
  return kOk;
}

int run_diff(std::vector<App>& apps, Selection selection, DiffOptions options) {
  // `--format` takes output formats (a filter) and report formats (text, json, markdown).
  const auto& reports = diff_report_formats();
  for (auto it = selection.formats.begin(); it != selection.formats.end();) {
    if (std::find(reports.begin(), reports.end(), *it) != reports.end()) {
      options.report_format = *it;
      it = selection.formats.erase(it);
    } else {
      ++it;
    }
  }
  gen::MemorySink files;
  if (!synthesize_selected(apps, selection, files)) return kInvalidModel;
  return run_review(apps, selection.apps, selection.envs, files, selection.out,
                    scopes_of(apps, selection), options);
}

void add_selection_options(CLI::App& command, Selection& selection,
                           const std::vector<std::string>& extra_formats = {}) {
  std::vector<std::string> formats;
  for (const auto& info : gen::generator_registry()) formats.emplace_back(info.name);
  formats.insert(formats.end(), extra_formats.begin(), extra_formats.end());
  command.add_option("--app", selection.apps, "Only these applications (repeatable)");
  command.add_option("--env", selection.envs, "Only these environments (repeatable)");
  command
      .add_option("--format", selection.formats,
                  extra_formats.empty()
                      ? "Only these output formats (repeatable)"
                      : "Only these output formats (repeatable); text, json or markdown: the "
                        "review's format")
      ->check(CLI::IsMember(formats));
  command.add_option("--out", selection.out, "Output directory")->capture_default_str();
}

std::string formats_help() {
  std::string text = "Formats:\n";
  for (const auto& info : gen::generator_registry()) {
    text += fmt::format("  {:<10} {}\n", info.name, info.description);
  }
  return text;
}

}  // namespace

int run(std::vector<App>& apps, int argc, const char* const* argv) {
  CLI::App cli{"iacgen: typed Azure environments, synthesized to Terraform and Bicep", "iacgen"};
  cli.require_subcommand(1);
  cli.footer(formats_help() +
             "\nExamples:\n"
             "  iacgen list                              apps, environments, resource counts\n"
             "  iacgen synth                             write every app and environment to out/\n"
             "  iacgen synth --env prod --format bicep   only prod, only Bicep\n"
             "  iacgen diff                              compare out/ with the code (CI)\n"
             "  iacgen diff --format markdown --no-fail  the review as a pull-request comment\n"
             "  iacgen check --format sarif              policy findings for code scanning\n"
             "  iacgen explain AZ-KV-001                 why a rule exists, how to fix it\n"
             "  iacgen graph --app A --env prod | dot -Tsvg > prod.svg   draw an environment\n"
             "  iacgen init orders                       scaffold stacks/orders/ (then rebuild)\n"
             "\nExit codes: 0 ok, 1 diff found drift or check found findings, 2 usage error, "
             "3 the model has errors "
             "(nothing written), 4 the output could not be written (previous output intact).");

  Selection selection;
  auto* list = cli.add_subcommand("list", "List applications, environments and resource counts");
  auto* synth = cli.add_subcommand("synth", "Synthesize the output files (atomically)");
  add_selection_options(*synth, selection);
  auto* diff = cli.add_subcommand("diff", "Compare a fresh synth with the committed output");
  add_selection_options(*diff, selection, diff_report_formats());
  DiffOptions diff_options;
  diff->add_flag("--unified", diff_options.unified,
                 "Also print the text diff of files the resource summary covers");
  diff->add_flag("--security-only", diff_options.security_only,
                 "Only security changes (with --fail: exit 1 only on those)");
  diff->add_flag("--fail,!--no-fail", diff_options.fail,
                 "Exit 1 on drift (the default); --no-fail exits 0, e.g. for a PR comment");
  CheckOptions check_options;
  auto* check = cli.add_subcommand("check", "Evaluate the policy rules; exit 1 on findings");
  check->add_option("--app", check_options.apps, "Only these applications (repeatable)");
  check->add_option("--env", check_options.envs, "Only these environments (repeatable)");
  check->add_option("--format", check_options.format, "text, json or sarif")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->capture_default_str();
  check->add_option("--fail-on", check_options.fail_on, "Lowest severity that fails the check")
      ->check(CLI::IsMember({"warning", "error"}))
      ->capture_default_str();
  GraphOptions graph_options;
  auto* graph =
      cli.add_subcommand("graph", "Draw one environment's resources, references and access");
  graph->add_option("--app", graph_options.app, "The application (needed when there are several)");
  graph->add_option("--env", graph_options.env, "The environment (needed when there are several)");
  graph->add_option("--stack", graph_options.stack,
                    "The stack (needed when the environment has several)");
  graph->add_option("--format", graph_options.format, "dot, mermaid or json")
      ->check(CLI::IsMember({"dot", "mermaid", "json"}))
      ->capture_default_str();
  graph
      ->add_option("--detail", graph_options.detail,
                   "full: every resource and reference; summary: the README's view")
      ->check(CLI::IsMember({"full", "summary"}))
      ->capture_default_str();
  std::string init_name;
  std::string init_root = ".";
  auto* init = cli.add_subcommand(
      "init",
      "Scaffold a new application in stacks/ (dev, staging, prod), registered in the build");
  init->add_option("app", init_name, "The application's name, e.g. orders")->required();
  init->add_option("--root", init_root, "The iacgen project's root folder")->capture_default_str();
  std::string rule_id;
  auto* explain = cli.add_subcommand("explain", "Explain a policy rule and how to fix it");
  explain->add_option("rule", rule_id, "Rule id, e.g. AZ-KV-001")->required();

  try {
    cli.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return cli.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return cli.exit(help);
  } catch (const CLI::ParseError& error) {
    cli.exit(error);
    return kUsage;
  }
  if (init->parsed()) return run_init(init_root, init_name);
  if (explain->parsed()) return run_explain(apps, rule_id);
  if (graph->parsed()) return run_graph(apps, graph_options);
  if (check->parsed()) {
    Selection check_selection_only{.apps = check_options.apps, .envs = check_options.envs};
    if (!check_selection(apps, check_selection_only)) return kUsage;
    return run_check(apps, check_options);
  }
  if (!check_selection(apps, selection)) return kUsage;
  if (list->parsed()) return run_list(apps);
  if (synth->parsed()) return run_synth(apps, selection);
  if (diff->parsed()) return run_diff(apps, selection, diff_options);
  return kUsage;
}

int run(App& app, int argc, const char* const* argv) {
  std::vector<App> apps;
  apps.push_back(std::move(app));
  int status = run(apps, argc, argv);
  app = std::move(apps.front());
  return status;
}

}  // namespace iac::cli
