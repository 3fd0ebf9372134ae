/// The resource graph: grouping, security edges, determinism and escaping in every format.

#include <algorithm>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "dsl/azure/resources.h"
#include "dsl/core/app.h"
#include "dsl/core/stack.h"
#include "generators/graph/graph.h"
#include "stacks/bundled.h"
#include "tests/support/fixtures.h"

namespace iac::gen::graph {
namespace {

App& bundled(std::vector<App>& apps, const std::string& name) {
  auto it = std::find_if(apps.begin(), apps.end(), [&](const App& a) { return a.name() == name; });
  REQUIRE(it != apps.end());
  REQUIRE_FALSE(has_errors(it->synthesize()));
  return *it;
}

bool has_edge(const Graph& g, const std::string& from, const std::string& to, EdgeKind kind,
              const std::string& label = {}) {
  return std::any_of(g.edges.begin(), g.edges.end(), [&](const Edge& e) {
    return e.from == from && e.to == to && e.kind == kind && (label.empty() || e.label == label);
  });
}

TEST_CASE("ids encode construct paths injectively and labels are escaped for each format") {
  CHECK(encode_id("kv/secrets-user") == "kv_ssecrets_huser");
  CHECK(encode_id("a_b") != encode_id("a-b"));
  CHECK(encode_id("a/b") != encode_id("a_sb"));
  CHECK(encode_id("a_sb") == "a__sb");
  CHECK(encode_id("x y\"") == "x_x20y_x22");
  CHECK(escape_dot("say \"hi\" \\N\nnext") == "say \\\"hi\\\" \\\\N\\nnext");
  CHECK(escape_mermaid("a \"b\" #c <d> & `e`\nf") ==
        "a #quot;b#quot; #35;c #lt;d#gt; #amp; #96;e#96;<br/>f");
}

TEST_CASE("a private environment is grouped by VNet and subnet, with its security edges") {
  auto apps = stacks::bundled_apps();
  const Stack& prod = *bundled(apps, "threatstream").stack("prod");
  const Graph full = build(prod, Detail::full);
  const Group* vnet = full.group("g_vnet_svnet");
  REQUIRE(vnet != nullptr);
  CHECK(vnet->label.find("VNet vnet-threatstream-prod") == 0);
  const Group* endpoints = full.group("g_subnet_svnet_sendpoints");
  REQUIRE(endpoints != nullptr);
  CHECK(endpoints->parent == vnet->id);
  // Private endpoints sit in their subnet and point at their resource.
  const Node* pe = full.node("r_kv_skv_hvault");
  REQUIRE(pe != nullptr);
  CHECK(pe->group == endpoints->id);
  CHECK(has_edge(full, "r_kv_skv_hvault", "r_kv", EdgeKind::private_link, "vault"));
  // The function app (VNet-integrated) is in the apps subnet.
  CHECK(full.node("r_func")->group == "g_subnet_svnet_sapps");
  // Identity → role assignment → vault, and no plain reference doubling it.
  CHECK(has_edge(full, "r_func", "r_kv_ssecrets_huser_hfunc", EdgeKind::access,
                 "Key Vault Secrets User"));
  CHECK(has_edge(full, "r_kv_ssecrets_huser_hfunc", "r_kv", EdgeKind::access));
  CHECK_FALSE(has_edge(full, "r_kv_ssecrets_huser_hfunc", "r_kv", EdgeKind::reference));
  // Diagnostic settings → the workspace.
  CHECK(has_edge(full, "r_kv_sdiagnostics", "r_monitoring_slog", EdgeKind::diagnostics));
  // Data plane grants outside Azure RBAC.
  CHECK(has_edge(full, "r_func", "r_cosmos_sdata_hcontributor_h1", EdgeKind::access,
                 "Cosmos DB Built-in Data Contributor"));

  const Graph summary = build(prod, Detail::summary);
  CHECK(summary.node("r_kv_sdiagnostics") == nullptr);
  CHECK(summary.node("r_kv_ssecrets_huser_hfunc") == nullptr);
  CHECK(summary.node("r_rg") == nullptr);
  CHECK(has_edge(summary, "r_func", "r_kv", EdgeKind::access, "Key Vault Secrets User"));
  CHECK(has_edge(summary, "r_func", "r_cosmos", EdgeKind::access));
  CHECK(summary.nodes.size() < full.nodes.size() / 2);
}

TEST_CASE("Front Door is the public edge, with an edge to each origin app") {
  auto apps = stacks::bundled_apps();
  const Stack& prod = *bundled(apps, "clinic").stack("prod");
  const Graph summary = build(prod, Detail::summary);
  const Node* edge = summary.node("r_edge");
  REQUIRE(edge != nullptr);
  CHECK(summary.group(edge->group)->label == "public edge (Front Door)");
  CHECK(has_edge(summary, "r_edge", "r_api", EdgeKind::origin, "origin (Private Link)"));
  CHECK(has_edge(summary, "r_edge_swaf", "r_edge", EdgeKind::reference, "protects"));
  // A group given as a parameter is a principal node of its own.
  CHECK(std::any_of(summary.nodes.begin(), summary.nodes.end(), [](const Node& n) {
    return n.id.rfind("p_", 0) == 0 && n.kind == "Principal (Group)";
  }));
}

TEST_CASE("without a private network, resources are grouped by kind of service") {
  App app = testing::make_app([](Stack& s, const Environment&) {
    auto& kv = s.add<azure::KeyVault>("kv");
    s.add<azure::StorageAccount>("st");
    (void)kv;
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  const Graph g = build(*app.stacks().front(), Detail::full);
  CHECK(g.node("r_kv")->group == "g_kind_sSecrets");
  CHECK(g.node("r_st")->group == "g_kind_sData");
  CHECK(g.group("g_kind_sSecrets")->label == "Secrets");
}

TEST_CASE("the output is the same on every build and edges are sorted without duplicates") {
  auto first = stacks::bundled_apps();
  auto second = stacks::bundled_apps();
  const Stack& a = *bundled(first, "openai").stack("prod");
  const Stack& b = *bundled(second, "openai").stack("prod");
  CHECK(to_dot(build(a)) == to_dot(build(b)));
  CHECK(to_mermaid(build(a, Detail::summary)) == to_mermaid(build(b, Detail::summary)));
  const Graph g = build(a);
  for (std::size_t i = 1; i < g.edges.size(); ++i) {
    const auto& p = g.edges[i - 1];
    const auto& q = g.edges[i];
    CHECK(std::tie(p.from, p.to, p.kind, p.label) < std::tie(q.from, q.to, q.kind, q.label));
  }
}

TEST_CASE("a hostile principal description stays inside its label in every format") {
  const std::string hostile = "ops\"]; end\nsubgraph x [\"<b>&#35;</b>\"] -- \\N `md` %% c";
  App app = testing::make_app([&](Stack& s, const Environment&) {
    auto& kv = s.add<azure::KeyVault>("kv");
    kv.grant_secrets_read(Principal{.object_id = s.parameter("ops_group_id"),
                                    .kind = PrincipalKind::group,
                                    .description = hostile});
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  const Graph g = build(*app.stacks().front(), Detail::summary);
  const auto principal = std::find_if(g.nodes.begin(), g.nodes.end(),
                                      [](const Node& n) { return n.id.rfind("p_", 0) == 0; });
  REQUIRE(principal != g.nodes.end());
  CHECK(principal->name == hostile);
  CHECK(principal->id == "p_param_x3Aops__group__id");

  const std::string dot = to_dot(g);
  CHECK(dot.find("ops\\\"]; end\\nsubgraph x [\\\"<b>&#35;</b>\\\"] -- \\\\N `md` %% c") !=
        std::string::npos);
  const std::string mermaid = to_mermaid(g);
  CHECK(mermaid.find("ops#quot;]; end<br/>subgraph x [#quot;#lt;b#gt;#amp;#35;35;#lt;/b#gt;#quot;] "
                     "-- \\N #96;md#96; %% c") != std::string::npos);
  // No raw quote or line break of the description reaches the Mermaid text.
  CHECK(mermaid.find("ops\"") == std::string::npos);
  const auto json = nlohmann::json::parse(to_json(g));
  bool found = false;
  for (const auto& node : json["nodes"]) found = found || node["name"] == hostile;
  CHECK(found);
}

}  // namespace
}  // namespace iac::gen::graph
