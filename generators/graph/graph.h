#pragma once
/// The resource graph of one environment: the one model behind `iacgen graph` (DOT, Mermaid,
/// JSON) and the diagram of the generated environment README.
///
/// Nodes are the stack's resources (and the principals that receive access but are not
/// resources, such as an Entra group given as a parameter), placed in groups by network boundary:
/// the VNet and its subnets when the environment has a PrivateNetwork, "public edge" for Front
/// Door, otherwise by kind of service. Edges are the references between resources
/// (Resource::references()) and, drawn distinctly, the security-relevant relations: identity →
/// role → target, Front Door → origin, private endpoint → resource, diagnostic setting →
/// workspace. Everything is sorted and every id is derived from construct paths, so the output is
/// the same on every run and a change to the model is a small diff.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iac {
class Resource;
class Stack;
}  // namespace iac

namespace iac::gen::graph {

/// What an edge means; the renderers draw each kind in its own style.
enum class EdgeKind {
  reference,     ///< A reference in the props (a dependency).
  access,        ///< Identity → role assignment → target, or identity → target in summaries.
  origin,        ///< Front Door → the origin it serves.
  private_link,  ///< Private endpoint → the resource it connects to.
  diagnostics,   ///< Diagnostic setting → Log Analytics workspace.
  /// A reference to a resource of another stack of the environment, read from that stack's
  /// output (the label): drawn dashed, to a node in the other stack's group.
  cross_stack,
};
std::string_view to_string(EdgeKind kind);  ///< "reference", "access", ...

/// How much to draw.
enum class Detail {
  /// Every resource is a node and every reference an edge.
  full,
  /// For reading: role grants become one edge from the identity to the target (labelled with the
  /// role), Front Door is one node with an edge per origin, diagnostic settings, private DNS
  /// zones and their links are left out (the README lists them), and only edges that say
  /// something about access, exposure or data flow are kept.
  summary,
};

/// A boundary the diagram draws as a box: a VNet, a subnet, the public edge, or a kind of service.
struct Group {
  std::string id;      ///< Stable: `g_` and the encoded key.
  std::string label;   ///< e.g. "VNet vnet-shop-prod (10.0.0.0/16)".
  std::string parent;  ///< Id of the enclosing group, empty at the top.
};

/// A resource or a principal.
struct Node {
  std::string id;     ///< Stable: `r_` + encoded construct path below the stack, or `p_` + ...
  std::string path;   ///< Construct path below the stack (`ingestion/identity`), or description.
  std::string kind;   ///< Resource kind ("Key Vault"), or "Principal".
  std::string name;   ///< Azure name, or the principal's description.
  std::string group;  ///< Id of its group, empty for none.
  /// What the props say about the resource, in a fixed order: "sku", "redundancy", "regions",
  /// "network" (only those that apply).
  std::vector<std::pair<std::string, std::string>> facts;
};

struct Edge {
  std::string from;  ///< Node id.
  std::string to;    ///< Node id.
  EdgeKind kind = EdgeKind::reference;
  std::string label;  ///< e.g. the role name; empty for plain references.
};

struct Graph {
  std::string title;          ///< "<app> / <env>".
  std::vector<Group> groups;  ///< Parents before children, then by label.
  std::vector<Node> nodes;    ///< Sorted by group, then kind, then path.
  std::vector<Edge> edges;    ///< Sorted by (from, to, kind, label), without duplicates.

  const Node* node(std::string_view id) const;
  const Group* group(std::string_view id) const;
};

/// One grant of access: a principal (an identity of the stack, or a group or user given as a
/// parameter) holds a role on a resource, through an assignment resource.
struct Grant {
  /// The resource whose managed identity it is; nullptr for a group or user given otherwise.
  const Resource* identity_resource = nullptr;
  std::string principal_id;    ///< Node id of a principal that is no resource (`p_...`).
  std::string identity;        ///< Who, in words: the principal's description.
  std::string principal_kind;  ///< "ServicePrincipal", "Group", "User".
  std::string role;            ///< e.g. "Key Vault Secrets User".
  std::string access;          ///< What it allows, in words: "read secrets".
  const Resource* assignment = nullptr;
  const Resource* target = nullptr;
};
/// Every grant of a locked stack, in declaration order: RoleAssignment, CosmosSqlRoleAssignment,
/// RedisAccessPolicyAssignment and PostgresAdministrator (Key Vault grants are role assignments
/// scoped to the vault).
std::vector<Grant> grants(const Stack& stack);

/// What the props say about a resource, keys in a fixed order: "sku", "redundancy", "regions",
/// "network" (only those that apply).
std::vector<std::pair<std::string, std::string>> facts(const Resource& resource);

/// Builds the graph of one locked stack.
Graph build(const Stack& stack, Detail detail = Detail::full);

/// Graphviz DOT: a `digraph` with one `cluster_` subgraph per group; labels quoted and escaped
/// (`\` and `"`, newlines as `\n`), so no name can end a string or inject a DOT escape.
std::string to_dot(const Graph& graph);
/// A Mermaid `flowchart LR` with one `subgraph` per group; labels are quoted and every character
/// Mermaid reads specially (`"`, `#`, `<`, `>`, `&`, backtick, newline) is an entity code.
std::string to_mermaid(const Graph& graph);
/// JSON: `{"title", "groups", "nodes", "edges"}` with the fields above, 2-space indent.
std::string to_json(const Graph& graph);

/// `text` as a node or group id fragment: letters and digits kept, every other byte encoded
/// (`_` → `__`, `-` → `_h`, `/` → `_s`, `.` → `_o`, others `_xHH`), so distinct paths give
/// distinct ids that every format accepts unquoted.
std::string encode_id(std::string_view text);
/// `text` inside a double-quoted DOT string.
std::string escape_dot(std::string_view text);
/// `text` inside a double-quoted Mermaid label.
std::string escape_mermaid(std::string_view text);

}  // namespace iac::gen::graph
