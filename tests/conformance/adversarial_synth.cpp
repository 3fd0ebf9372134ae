/// adversarial_synth: synthesizes a stack whose every free-text field holds strings built to
/// break out of their quotes (`"`, `'`, `\`, `${`, `%{`, `'''`, a trailing `$`, YAML specials,
/// unicode, the longest values Azure accepts), and writes beside the output `expected.json`: the
/// values that must come back exactly when the real parsers read the files, and the exact sets
/// of blocks and keys, so that a value which escaped into a new key or block is caught.
/// `conformance/roundtrip.mjs` does the reading (see tests/conformance/README.md).
///
/// Usage: adversarial_synth <output-dir>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "dsl/azure/alerts.h"
#include "dsl/azure/application_insights.h"
#include "dsl/azure/key_vault.h"
#include "dsl/azure/log_analytics.h"
#include "dsl/azure/storage_account.h"
#include "dsl/core/app.h"
#include "dsl/core/aspect.h"
#include "dsl/core/resource.h"
#include "dsl/core/stack.h"
#include "generators/generator.h"
#include "generators/output/output_sink.h"

namespace {

using nlohmann::json;
using namespace iac;

/// Values Azure accepts in a tag (no control characters, at most 256 characters).
std::vector<std::string> tag_values() {
  return {
      R"(say "hi")",
      "it's",
      R"(back\slash\)",
      "${var.secret}",
      "%{ if true }x%{ endif }",
      "$${not}",
      "%%{not}",
      "'''",
      "end$",
      "end%",
      "$",
      "%",
      "é 中文 😀",
      "key: value",
      "a #comment",
      "*alias",
      "&anchor",
      "!tag",
      "yes",
      "no",
      "on",
      "null",
      "~",
      "0777",
      "1e3",
      "true",
      "}{",
      "{",
      "}",
      R"(\n is not a newline)",
      R"(\u0041)",
      "${",
      "$${",
      "$$${x}",
      "%%%{",
      "'${x}'",
      R"("${x}")",
      "- item",
      "? key",
      std::string(256, 'x'),
      std::string(60, '$') + "{" + std::string(60, '%') + "{" + std::string(60, '\'') +
          std::string(60, '"'),
  };
}

/// Keys Azure accepts (no `< > % & \ ? /`, no control characters, at most 512 characters).
std::vector<std::string> tag_keys() {
  return {
      "for",         "null",      "true",       "false", "if",    "in",
      R"("quoted")", "it's",      "${k}",       "$${k}", "a'''b", "clé 中文 😀",
      "key: colon",  "a #hash",   "*star",      "!bang", "~",     "0777",
      "{}",          "trailing$", "with space", "-dash", "1e3",   std::string(512, 'k'),
  };
}

/// Free text: descriptions and parameter values may hold anything, control characters included.
std::vector<std::string> free_texts() {
  std::vector<std::string> texts = tag_values();
  texts.push_back("line one\nline two ${x} 'q'\n");   // fits Bicep's ''' form
  texts.push_back("\nstarts with a newline\n\n");     // the first newline of ''' is dropped
  texts.push_back("tab\there\r\nand crlf");           // needs escapes everywhere
  texts.push_back("multi\nline ending in a quote'");  // ''' cannot end in '
  texts.push_back("multi\n''' inside\n");             // ''' cannot hold '''
  texts.push_back("bell\x07 and del\x7f");
  texts.push_back(std::string(4000, 'd') + "\n" + std::string(4000, '\''));
  return texts;
}

/// KQL queries of log alerts: quotes of both kinds, `${`, `%{`, backslashes, `'''`, newlines.
std::vector<std::string> queries() {
  return {
      R"(traces
| where message contains "Error fetching from"
| extend source = extract("from (\\w+):", 1, message))",
      R"(requests | where url has "${x}" and name == 'a\'b' and tag has "%{ if true }")",
      R"(print @'C:\temp\', "back\\slash\""
| where x == ''')",
      "let t = \"$\";\nprint strcat(t, \"{\")\n",
      "AppRequests\r\n| where\tSuccess == false",
      "print '''\n''' ending in a quote'",
  };
}

/// What the roundtrip must find in one file.
struct FileExpectation {
  std::string format;  // "hcl" or "bicep"
  std::map<std::string, std::vector<std::string>> blocks;
  json values = json::array();
  json keys = json::array();

  void value(json path, json expected) {
    values.push_back({{"path", std::move(path)}, {"value", std::move(expected)}});
  }
  void exact_keys(json path, std::vector<std::string> expected) {
    keys.push_back({{"path", std::move(path)}, {"keys", std::move(expected)}});
  }
  json to_json() const {
    return {{"format", format}, {"blocks", blocks}, {"values", values}, {"keys", keys}};
  }
};

/// An interpolated expected value: literals and expression texts, in order.
json tmpl(std::vector<json> parts) { return {{"template", std::move(parts)}}; }
json expr(std::string text) { return {{"expr", std::move(text)}}; }

struct Declared {
  std::string tf_type, tf_label, bicep_symbol;
  std::map<std::string, std::string> tags;
};

struct OutputCase {
  std::string name;
  std::string description;
  json tf_value, bicep_value;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: adversarial_synth <output-dir>\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];

  const auto values = tag_values();
  const auto keys = tag_keys();
  const auto texts = free_texts();

  // Azure allows 50 tags per resource: ten stack-wide tags (keys k0..k9) through the aspect,
  // and on each resource its own tags: every adversarial key, plus a quarter of the values.
  std::map<std::string, std::string> stack_tags;
  for (std::size_t i = 0; i < 10; ++i) stack_tags["k" + std::to_string(i)] = values[i];
  auto own_tags = [&](std::size_t offset) {
    std::map<std::string, std::string> tags;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      tags[keys[i]] = values[(i + offset * 7) % values.size()];
    }
    for (std::size_t i = 10; i < values.size(); ++i) {
      if (i % 4 == offset) tags["v" + std::to_string(i)] = values[i];
    }
    return tags;
  };

  std::vector<Declared> declared;
  std::vector<std::pair<std::string, ParameterProps>> parameters;
  std::vector<OutputCase> outputs;

  App app{"adv"};
  app.environments({Environment::dev("eastus")});
  app.define([&](Stack& s, const Environment&) {
    for (const auto& [key, value] : stack_tags) Tags::of(s).add(key, value);
    Tags::of(s).add("cost-center", "adversarial");  // the tagging policy wants one
    auto& log = s.add<azure::LogAnalyticsWorkspace>("log", {.tags = own_tags(0)});
    auto& appi = s.add<azure::ApplicationInsights>("appi", {.workspace = log, .tags = own_tags(1)});
    auto& st = s.add<azure::StorageAccount>("st", {.tags = own_tags(2)});
    auto& kv = s.add<azure::KeyVault>("kv", {.tags = own_tags(3)});
    for (std::size_t i = 0; i < queries().size(); ++i) {
      s.add<azure::ScheduledQueryAlert>("q" + std::to_string(i),
                                        {.scope = appi, .query = queries()[i]});
    }

    parameters.clear();
    outputs.clear();
    for (std::size_t i = 0; i < texts.size(); ++i) {
      ParameterProps props{.description = texts[i], .value = texts[(i + 1) % texts.size()]};
      parameters.emplace_back("p" + std::to_string(i), props);
      s.parameter("p" + std::to_string(i), props);
    }
    for (std::size_t i = 0; i < texts.size(); ++i) {
      outputs.push_back({.name = "o" + std::to_string(i), .description = texts[i]});
    }
    // Every output holds an interpolation whose literals touch the reference on both sides,
    // where a lone `$`, `%`, `\` or `'` next to `${` is most likely to go wrong.
    auto interpolate = [&](std::size_t i, const Expr& ref, const std::string& tf_ref,
                           const std::string& bicep_ref) {
      const std::string& before = texts[i];
      const std::string& after = texts[(i + 7) % texts.size()];
      s.output(outputs[i].name, before + ref + after, outputs[i].description);
      outputs[i].tf_value = tmpl({before, expr(tf_ref), after});
      outputs[i].bicep_value = tmpl({before, expr(bicep_ref), after});
    };
    for (std::size_t i = 0; i < texts.size(); ++i) {
      switch (i % 3) {
        case 0:
          interpolate(i, kv.uri(), "azurerm_key_vault.kv.vault_uri", "kv.properties.vaultUri");
          break;
        case 1:
          interpolate(i, st.primary_blob_endpoint(),
                      "azurerm_storage_account.st.primary_blob_endpoint",
                      "st.properties.primaryEndpoints.blob");
          break;
        default: {
          auto p = ParameterRef{&s.parameters().front()};
          interpolate(i, p, "var.p0", "p0");
          break;
        }
      }
    }
  });

  gen::MemorySink sink;
  Diagnostics diagnostics = gen::synthesize(app, sink);
  bool failed = false;
  for (const auto& d : diagnostics) {
    std::cerr << d.path << ": " << d.rule_id << ": " << d.message << "\n";
    failed = failed || d.severity == Severity::error;
  }
  if (failed) return 3;

  declared = {
      {"azurerm_resource_group", "rg", "rg", {}},
      {"azurerm_log_analytics_workspace", "log", "log", {}},
      {"azurerm_application_insights", "appi", "appi", {}},
      {"azurerm_storage_account", "st", "st", {}},
      {"azurerm_key_vault", "kv", "kv", {}},
  };
  // The tags each resource must carry are the model's (the aspect's, the resource's own and
  // the ones iacgen adds itself), not a copy of its merging rules.
  for (const Resource* resource : app.stacks().front()->resources()) {
    for (auto& d : declared) {
      if (d.tf_label == resource->construct_id()) d.tags = resource->tags();
    }
  }
  // The diagnostics aspect's settings (the workspace is their destination, not a source).
  const std::vector<std::string> diagnostic_settings = {
      "appi_diagnostics",     "st_diagnostics",      "st_diagnostics_blob", "st_diagnostics_queue",
      "st_diagnostics_table", "st_diagnostics_file", "kv_diagnostics"};
  auto tag_keys_of = [](const Declared& d) {
    std::vector<std::string> result;
    for (const auto& [key, value] : d.tags) result.push_back(key);
    return result;
  };

  const std::string base = "adv/dev/";
  std::map<std::string, FileExpectation> files;

  // Terraform: main.tf holds the resources and their tags.
  auto& main_tf = files[base + "terraform/main.tf"];
  main_tf.format = "hcl";
  main_tf.blocks["resource"] = {};
  for (const auto& d : declared) {
    main_tf.blocks["resource"].push_back(d.tf_type + "." + d.tf_label);
    json path = {"resource", d.tf_type, d.tf_label, "tags"};
    main_tf.exact_keys(path, tag_keys_of(d));
    for (const auto& [key, value] : d.tags) {
      json p = path;
      p.push_back(key);
      main_tf.value(p, value);
    }
  }
  for (const auto& label : diagnostic_settings) {
    main_tf.blocks["resource"].push_back("azurerm_monitor_diagnostic_setting." + label);
  }
  for (std::size_t i = 0; i < queries().size(); ++i) {
    const std::string label = "q" + std::to_string(i);
    main_tf.blocks["resource"].push_back("azurerm_monitor_scheduled_query_rules_alert_v2." + label);
    main_tf.value({"resource", "azurerm_monitor_scheduled_query_rules_alert_v2", label, "criteria",
                   "0", "query"},
                  queries()[i]);
  }
  auto& variables_tf = files[base + "terraform/variables.tf"];
  variables_tf.format = "hcl";
  variables_tf.blocks["variable"] = {"subscription_id"};
  for (const auto& [name, props] : parameters) {
    variables_tf.blocks["variable"].push_back(name);
    variables_tf.exact_keys({"variable", name}, {"default", "description", "type"});
    variables_tf.value({"variable", name, "description"}, props.description);
    variables_tf.value({"variable", name, "default"}, *props.value);
  }
  auto& outputs_tf = files[base + "terraform/outputs.tf"];
  outputs_tf.format = "hcl";
  outputs_tf.blocks["output"] = {};
  for (const auto& o : outputs) {
    outputs_tf.blocks["output"].push_back(o.name);
    outputs_tf.exact_keys({"output", o.name}, {"description", "value"});
    outputs_tf.value({"output", o.name, "description"}, o.description);
    outputs_tf.value({"output", o.name, "value"}, o.tf_value);
  }

  // Bicep: the resource group in main.bicep, the rest in resources.bicep; parameters are
  // declared in both, outputs are computed in resources.bicep and re-exported by main.bicep.
  auto& main_bicep = files[base + "bicep/main.bicep"];
  auto& resources_bicep = files[base + "bicep/resources.bicep"];
  auto& bicepparam = files[base + "bicep/main.bicepparam"];
  main_bicep.format = resources_bicep.format = bicepparam.format = "bicep";
  main_bicep.blocks = {
      {"resource", {"rg"}}, {"module", {"resources"}}, {"param", {}}, {"output", {}}};
  resources_bicep.blocks = {{"resource", {}}, {"param", {}}, {"output", {}}};
  bicepparam.blocks = {{"param", {}}};
  for (const auto& d : declared) {
    auto& file = d.tf_label == "rg" ? main_bicep : resources_bicep;
    if (&file == &resources_bicep) file.blocks["resource"].push_back(d.bicep_symbol);
    // The storage account's blob service settings are a child resource of their own.
    if (d.bicep_symbol == "st") file.blocks["resource"].push_back("stBlobService");
    json path = {"resource", d.bicep_symbol, "tags"};
    file.exact_keys(path, tag_keys_of(d));
    for (const auto& [key, value] : d.tags) {
      json p = path;
      p.push_back(key);
      file.value(p, value);
    }
  }
  for (const std::string symbol :
       {"appiDiagnostics", "stDiagnostics", "stDiagnosticsBlob", "stDiagnosticsQueue",
        "stDiagnosticsQueueTarget", "stDiagnosticsTable", "stDiagnosticsTableTarget",
        "stDiagnosticsFile", "stDiagnosticsFileTarget", "kvDiagnostics"}) {
    resources_bicep.blocks["resource"].push_back(symbol);
  }
  for (std::size_t i = 0; i < queries().size(); ++i) {
    const std::string symbol = "q" + std::to_string(i);
    resources_bicep.blocks["resource"].push_back(symbol);
    resources_bicep.value({"resource", symbol, "properties", "criteria", "allOf", "0", "query"},
                          queries()[i]);
  }
  for (const auto& [name, props] : parameters) {
    for (auto* file : {&main_bicep, &resources_bicep}) {
      file->blocks["param"].push_back(name);
      file->value({"param", name, "@description"}, props.description);
    }
    bicepparam.blocks["param"].push_back(name);
    bicepparam.value({"param", name, "value"}, *props.value);
  }
  for (const auto& o : outputs) {
    for (auto* file : {&main_bicep, &resources_bicep}) {
      file->blocks["output"].push_back(o.name);
      file->value({"output", o.name, "@description"}, o.description);
    }
    resources_bicep.value({"output", o.name, "value"}, o.bicep_value);
  }

  gen::CommitReport report;
  Diagnostics written = gen::commit_to_directory(sink, dir, {"adv/"}, report);
  for (const auto& d : written) std::cerr << d.rule_id << ": " << d.message << "\n";
  if (!written.empty()) return 4;

  json expected = {{"files", json::object()}};
  for (const auto& [path, file] : files) expected["files"][path] = file.to_json();
  std::ofstream(dir / "expected.json") << expected.dump(2) << "\n";
  std::cout << "adversarial_synth: " << sink.files().size() << " files, expected.json with "
            << files.size() << " file expectations in " << dir.string() << "\n";
  return 0;
}
