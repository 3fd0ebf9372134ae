#include "generators/graph/graph.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <type_traits>
#include <variant>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"

namespace iac::gen::graph {

namespace {

using namespace iac::azure;

template <class T, class... Kinds>
constexpr bool is_one_of = (std::is_same_v<T, Kinds> || ...);

/// The service family a resource is grouped under when no network boundary places it.
std::string category_of(const Resource& resource) {
  return std::visit(
      [&](const auto* r) -> std::string {
        using T = std::remove_cvref_t<decltype(*r)>;
        if constexpr (is_one_of<T, AppServicePlan, LinuxFunctionApp, LinuxWebApp,
                                AutoscaleSetting>) {
          return "Compute";
        } else if constexpr (is_one_of<T, StorageAccount, StorageContainer, CosmosAccount,
                                       CosmosSqlDatabase, CosmosSqlContainer, RedisCache,
                                       ManagedRedis, PostgresFlexibleServer, PostgresConfiguration,
                                       PostgresDatabase, PostgresReplica>) {
          return "Data";
        } else if constexpr (is_one_of<T, KeyVault, KeyVaultSecret, KeyVaultKey>) {
          return "Secrets";
        } else if constexpr (is_one_of<T, UserAssignedIdentity, RoleAssignment,
                                       CosmosSqlRoleAssignment, RedisAccessPolicyAssignment,
                                       PostgresAdministrator>) {
          return "Identity and access";
        } else if constexpr (is_one_of<T, CognitiveAccount, CognitiveDeployment>) {
          return "AI services";
        } else if constexpr (is_one_of<T, LogAnalyticsWorkspace, ApplicationInsights,
                                       DiagnosticSetting, ActionGroup, MetricAlert,
                                       ScheduledQueryAlert, ResourceGroupBudget>) {
          return "Monitoring";
        } else if constexpr (is_one_of<T, VirtualNetwork, Subnet, NetworkSecurityGroup>) {
          return "Network";
        } else if constexpr (is_one_of<T, PrivateDnsZone, PrivateDnsZoneVirtualNetworkLink>) {
          return "Private DNS";
        } else if constexpr (is_one_of<T, ResourceGroup>) {
          return "Resource group";
        } else {
          return std::string(resource.kind().name);
        }
      },
      resource.as_any());
}

bool is_front_door(const Resource& resource) {
  return std::visit(
      [](const auto* r) {
        using T = std::remove_cvref_t<decltype(*r)>;
        return is_one_of<T, FrontDoorProfile, FrontDoorEndpoint, FrontDoorOriginGroup,
                         FrontDoorOrigin, FrontDoorCustomDomain, FrontDoorRoute,
                         FrontDoorFirewallPolicy, FrontDoorSecurityPolicy>;
      },
      resource.as_any());
}

/// Whether the summary draws the resource itself (the others are represented by an ancestor,
/// or listed in the README only).
bool drawn_in_summary(const Resource& resource) {
  return std::visit(
      [](const auto* r) {
        using T = std::remove_cvref_t<decltype(*r)>;
        return !is_one_of<T, ResourceGroup, RoleAssignment, CosmosSqlRoleAssignment,
                          RedisAccessPolicyAssignment, PostgresAdministrator, DiagnosticSetting,
                          PrivateDnsZone, PrivateDnsZoneVirtualNetworkLink, VirtualNetwork, Subnet,
                          NetworkSecurityGroup, KeyVaultSecret, StorageContainer, CosmosSqlDatabase,
                          CosmosSqlContainer, PostgresConfiguration, PostgresDatabase,
                          CognitiveDeployment, FrontDoorEndpoint, FrontDoorOriginGroup,
                          FrontDoorOrigin, FrontDoorCustomDomain, FrontDoorRoute,
                          FrontDoorSecurityPolicy, ActionGroup, MetricAlert, ScheduledQueryAlert,
                          ResourceGroupBudget, AutoscaleSetting, KeyVaultKey>;
      },
      resource.as_any());
}

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += separator;
    text += item;
  }
  return text;
}

std::string describe_network(const Resource& resource) {
  const PublicNetwork* network = resource.public_network();
  if (network == nullptr) return {};
  std::string text;
  switch (network->mode()) {
    case PublicNetwork::Mode::disabled:
      text = "no public endpoint";
      break;
    case PublicNetwork::Mode::allow_listed:
      text = std::string("public, IP rules ") + join(network->ip_ranges());
      break;
    case PublicNetwork::Mode::open:
      text = "public, open to the internet";
      break;
  }
  const auto endpoints = private_endpoints_of(resource);
  if (!endpoints.empty()) {
    std::vector<std::string> subresources;
    for (const auto* pe : endpoints) subresources.push_back(pe->props().subresource);
    text += std::string("; private endpoint (") + join(subresources) + ")";
  }
  return text;
}

std::string redundancy_of(Replication replication) {
  switch (replication) {
    case Replication::lrs:
      return "locally redundant (LRS)";
    case Replication::zrs:
      return "zone-redundant (ZRS)";
    case Replication::grs:
      return "geo-redundant (GRS)";
    case Replication::gzrs:
      return "geo-zone-redundant (GZRS)";
    case Replication::ragrs:
      return "geo-redundant, read access (RA-GRS)";
    case Replication::ragzrs:
      return "geo-zone-redundant, read access (RA-GZRS)";
  }
  return std::string(to_string(replication));
}

/// What the props say about SKU, redundancy, regions and network, for the README's table and
/// the JSON output.
}  // namespace

std::vector<std::pair<std::string, std::string>> facts(const Resource& resource) {
  std::vector<std::pair<std::string, std::string>> facts;
  auto add = [&](std::string key, std::string value) {
    if (!value.empty()) facts.emplace_back(std::move(key), std::move(value));
  };
  std::string regions = resource.location();
  std::visit(
      [&](const auto* r) {
        using T = std::remove_cvref_t<decltype(*r)>;
        if constexpr (std::is_same_v<T, StorageAccount>) {
          add("sku", fmt::format("Standard_{}, {}", to_string(r->props().replication),
                                 to_string(r->props().access_tier)));
          add("redundancy", redundancy_of(r->props().replication));
        } else if constexpr (std::is_same_v<T, KeyVault>) {
          add("sku", r->props().sku == KeyVaultSku::premium ? "premium" : "standard");
          add("redundancy", r->props().purge_protection.is_enforced()
                                ? fmt::format("purge protection, soft delete {} days",
                                              r->props().soft_delete_retention_days)
                                : fmt::format("soft delete {} days, no purge protection",
                                              r->props().soft_delete_retention_days));
        } else if constexpr (std::is_same_v<T, CosmosAccount>) {
          const auto& p = r->props();
          add("sku", p.capacity.is_serverless()
                         ? std::string("serverless")
                         : (p.capacity.total_limit() ? fmt::format("provisioned, up to {} RU/s",
                                                                   *p.capacity.total_limit())
                                                     : std::string("provisioned")));
          std::vector<std::string> redundancy;
          if (p.zone_redundant) redundancy.emplace_back("zone-redundant");
          if (p.regions.size() > 1) {
            redundancy.emplace_back(p.automatic_failover ? "multi-region, automatic failover"
                                                         : "multi-region");
          }
          redundancy.emplace_back(std::string(p.backup.kind() == CosmosBackup::Kind::periodic
                                                  ? "periodic backup"
                                                  : "continuous backup"));
          add("redundancy", join(redundancy));
          if (!p.regions.empty()) regions = join(p.regions);
        } else if constexpr (std::is_same_v<T, RedisCache>) {
          const auto& p = r->props();
          add("sku", fmt::format("{} {}{}", to_string(p.sku),
                                 p.sku == RedisSku::premium ? "P" : "C", p.capacity));
          add("redundancy", !p.zones.empty()
                                ? std::string("zones ") + join(p.zones)
                                : (p.sku == RedisSku::basic ? std::string("single node")
                                                            : std::string("replica")));
        } else if constexpr (std::is_same_v<T, ManagedRedis>) {
          add("sku", r->props().sku);
          add("redundancy", r->props().high_availability.is_enforced() ? "high availability"
                                                                       : "no high availability");
        } else if constexpr (std::is_same_v<T, AppServicePlan>) {
          const auto& p = r->props();
          add("sku", fmt::format("{} ({})", to_string(p.sku), tier(p.sku)));
          add("redundancy",
              p.zone_balancing
                  ? fmt::format("zone-redundant, {} workers", p.worker_count)
                  : fmt::format("{} worker{}", p.worker_count, p.worker_count == 1 ? "" : "s"));
        } else if constexpr (std::is_same_v<T, PostgresFlexibleServer>) {
          const auto& p = r->props();
          add("sku", fmt::format("{}, PostgreSQL {}, {} GB", p.sku_name, p.version, p.storage_gb));
          std::vector<std::string> redundancy;
          redundancy.push_back(p.high_availability == PostgresHighAvailability::disabled
                                   ? std::string("no high availability")
                                   : "high availability " +
                                         std::string(to_string(p.high_availability)));
          redundancy.push_back(fmt::format("{} backup, {} days",
                                           p.geo_redundant_backup ? "geo-redundant" : "local",
                                           p.backup_retention_days));
          add("redundancy", join(redundancy));
        } else if constexpr (std::is_same_v<T, CognitiveAccount>) {
          add("sku", fmt::format("{} {}", to_string(r->props().kind), r->props().sku_name));
        } else if constexpr (std::is_same_v<T, CognitiveDeployment>) {
          add("sku",
              fmt::format("{}, capacity {}", to_string(r->props().sku), r->props().capacity));
        } else if constexpr (std::is_same_v<T, LogAnalyticsWorkspace>) {
          add("sku", fmt::format("PerGB2018, {} days retention", r->props().retention_days));
        } else if constexpr (std::is_same_v<T, FrontDoorProfile>) {
          add("sku", std::string(to_string(r->props().sku)));
          regions = "global";
        } else if constexpr (std::is_same_v<T, FrontDoorFirewallPolicy>) {
          add("sku", fmt::format("WAF {}", r->mode()));
          regions = "global";
        } else if constexpr (is_one_of<T, FrontDoorEndpoint, FrontDoorOriginGroup, FrontDoorOrigin,
                                       FrontDoorCustomDomain, FrontDoorRoute,
                                       FrontDoorSecurityPolicy, PrivateDnsZone,
                                       PrivateDnsZoneVirtualNetworkLink>) {
          regions = "global";
        }
      },
      resource.as_any());
  add("regions", regions);
  add("network", describe_network(resource));
  return facts;
}

namespace {

std::string_view access_of(BuiltinRole role) {
  switch (role) {
    case BuiltinRole::key_vault_administrator:
      return "manage the vault and everything in it";
    case BuiltinRole::key_vault_secrets_officer:
      return "read and write secrets";
    case BuiltinRole::key_vault_secrets_user:
      return "read secrets";
    case BuiltinRole::storage_account_contributor:
      return "manage the account, list its keys";
    case BuiltinRole::storage_blob_data_owner:
      return "read, write and set ACLs on blobs";
    case BuiltinRole::storage_blob_data_contributor:
      return "read and write blobs";
    case BuiltinRole::storage_blob_data_reader:
      return "read blobs";
    case BuiltinRole::storage_queue_data_contributor:
      return "read and write queue messages";
    case BuiltinRole::storage_table_data_contributor:
      return "read and write table entities";
    case BuiltinRole::monitoring_metrics_publisher:
      return "publish metrics";
    case BuiltinRole::acr_pull:
      return "pull images";
    case BuiltinRole::website_contributor:
      return "manage the app (deploy, settings)";
    case BuiltinRole::cognitive_services_openai_user:
      return "call the deployed models";
    case BuiltinRole::cognitive_services_user:
      return "call the service";
    case BuiltinRole::key_vault_crypto_officer:
      return "create, rotate and delete keys";
    case BuiltinRole::key_vault_crypto_service_encryption_user:
      return "wrap and unwrap with keys (encryption at rest)";
  }
  return "";
}

}  // namespace

std::vector<Grant> grants(const Stack& stack) {
  std::vector<Grant> out;
  const auto& resources = stack.resources();
  std::set<const Resource*> in_stack(resources.begin(), resources.end());
  auto add = [&](const Resource& assignment, const Principal& principal, const Resource* target,
                 std::string role, std::string access) {
    Grant grant{.identity_resource = nullptr,
                .principal_id = {},
                .identity = principal.description,
                .principal_kind = std::string(to_string(principal.kind)),
                .role = std::move(role),
                .access = std::move(access),
                .assignment = &assignment,
                .target = target};
    for (const Ref& ref : principal.object_id.refs()) {
      if (ref.target != nullptr && in_stack.count(ref.target)) {
        grant.identity_resource = ref.target;
        break;
      }
    }
    if (grant.identity_resource == nullptr) {
      std::string key;
      for (const auto& part : principal.object_id.parts()) {
        if (const auto* parameter = std::get_if<ParameterRef>(&part)) {
          if (parameter->parameter != nullptr)
            key += std::string("param:") + parameter->parameter->name;
        } else if (const auto* literal = std::get_if<std::string>(&part)) {
          key += *literal;
        }
      }
      if (key.empty()) key = principal.description;
      grant.principal_id = std::string("p_") + encode_id(key);
      if (grant.identity.empty()) grant.identity = key;
    }
    out.push_back(std::move(grant));
  };
  for (const Resource* r : resources) {
    std::visit(
        [&](const auto* x) {
          using T = std::remove_cvref_t<decltype(*x)>;
          if constexpr (std::is_same_v<T, RoleAssignment>) {
            add(*x, x->props().principal, x->props().scope.get(),
                std::string(definition(x->props().role).name),
                std::string(access_of(x->props().role)));
          } else if constexpr (std::is_same_v<T, CosmosSqlRoleAssignment>) {
            bool contributor = x->props().role == CosmosDataRole::contributor;
            add(*x, x->props().principal, &x->account(),
                contributor ? "Cosmos DB Built-in Data Contributor"
                            : "Cosmos DB Built-in Data Reader",
                contributor ? "read and write items" : "read items");
          } else if constexpr (std::is_same_v<T, RedisAccessPolicyAssignment>) {
            auto policy = x->props().policy;
            add(*x, x->props().principal, &x->cache(),
                std::string("Redis ") + std::string(to_string(policy)),
                policy == RedisAccessPolicy::data_reader        ? "read keys"
                : policy == RedisAccessPolicy::data_contributor ? "read and write keys"
                                                                : "read and write keys, admin "
                                                                  "commands");
          } else if constexpr (std::is_same_v<T, PostgresAdministrator>) {
            add(*x, x->props().principal, &x->server(), "PostgreSQL Entra administrator",
                "administer the server and its databases");
          }
        },
        r->as_any());
  }
  return out;
}

namespace {

struct Builder {
  const Stack& stack;
  Detail detail;
  std::string prefix;  // the stack's path and '/'
  Graph graph;
  std::map<const Resource*, std::string> node_of;  // drawn resources → node id
  std::set<const Resource*> in_stack;
  std::map<std::string, Group> groups;  // by id
  std::map<std::string, Node> nodes;    // by id
  std::set<std::tuple<std::string, std::string, EdgeKind, std::string>> edges;

  std::string relative(const Construct& construct) const {
    const std::string& path = construct.path();
    return path.compare(0, prefix.size(), prefix) == 0 ? path.substr(prefix.size()) : path;
  }

  std::string add_group(const std::string& key, std::string label, std::string parent = {}) {
    std::string id = std::string("g_") + encode_id(key);
    groups.try_emplace(id, Group{.id = id, .label = std::move(label), .parent = std::move(parent)});
    return id;
  }

  std::string vnet_group(const VirtualNetwork& vnet) {
    return add_group(std::string("vnet/") + relative(vnet),
                     fmt::format("VNet {} ({})", vnet.name(), join(vnet.props().address_space)));
  }

  std::string subnet_group(const Subnet& subnet) {
    std::string parent = vnet_group(subnet.vnet());
    return add_group(std::string("subnet/") + relative(subnet),
                     fmt::format("subnet {} ({})", subnet.name(), subnet.props().address_prefix),
                     parent);
  }

  std::string group_of(const Resource& resource) {
    if (const auto* vnet = dynamic_cast<const VirtualNetwork*>(&resource)) return vnet_group(*vnet);
    if (const auto* subnet = dynamic_cast<const Subnet*>(&resource)) return subnet_group(*subnet);
    if (const auto* pe = dynamic_cast<const PrivateEndpoint*>(&resource)) {
      if (pe->props().subnet) return subnet_group(*pe->props().subnet);
    }
    if (const auto* site = dynamic_cast<const Site*>(&resource)) {
      if (const Subnet* subnet = site->vnet_integration()) return subnet_group(*subnet);
    }
    if (is_front_door(resource)) return add_group("edge", "public edge (Front Door)");
    std::string category = category_of(resource);
    return add_group(std::string("kind/") + category, category);
  }

  /// The drawn node standing for `resource`: itself, or in the summary its closest drawn
  /// ancestor (a container stands for its account). Empty when none is drawn.
  std::string representative(const Resource* resource) const {
    for (const Construct* c = resource; c != nullptr; c = c->scope()) {
      const auto* r = dynamic_cast<const Resource*>(c);
      if (r == nullptr) continue;
      auto it = node_of.find(r);
      if (it != node_of.end()) return it->second;
    }
    return {};
  }

  /// The node of a grant's principal: the node of the resource whose identity it is, else a
  /// principal node of its own (an Entra group or user given as a parameter).
  std::string principal_node(const Grant& grant) {
    if (grant.identity_resource != nullptr) return representative(grant.identity_resource);
    std::string group = add_group("principals", "Entra ID principals");
    nodes.try_emplace(grant.principal_id,
                      Node{.id = grant.principal_id,
                           .path = grant.identity,
                           .kind = std::string("Principal (") + grant.principal_kind + ")",
                           .name = grant.identity,
                           .group = group,
                           .facts = {}});
    return grant.principal_id;
  }

  void add_edge(std::string from, std::string to, EdgeKind kind, std::string label = {}) {
    if (from.empty() || to.empty() || from == to) return;
    edges.emplace(std::move(from), std::move(to), kind, std::move(label));
  }

  /// Identity → assignment → target in full detail; identity → target in the summary.
  void add_grant(const Grant& grant) {
    if (grant.target == nullptr) return;
    std::string who = principal_node(grant);
    if (detail == Detail::full) {
      add_edge(who, node_of.at(grant.assignment), EdgeKind::access, grant.role);
      add_edge(node_of.at(grant.assignment), representative(grant.target), EdgeKind::access,
               grant.role);
    } else {
      add_edge(who, representative(grant.target), EdgeKind::access, grant.role);
    }
  }

  void build() {
    const auto& resources = stack.resources();
    in_stack.insert(resources.begin(), resources.end());
    for (const Resource* r : resources) {
      if (detail == Detail::summary && !drawn_in_summary(*r)) continue;
      std::string id = std::string("r_") + encode_id(relative(*r));
      node_of[r] = id;
      nodes.try_emplace(id, Node{.id = id,
                                 .path = relative(*r),
                                 .kind = std::string(r->kind().name),
                                 .name = r->name(),
                                 .group = group_of(*r),
                                 .facts = facts(*r)});
    }
    // The security-relevant edges.
    for (const Grant& grant : grants(stack)) add_grant(grant);
    for (const Resource* r : resources) {
      std::visit(
          [&](const auto* x) {
            using T = std::remove_cvref_t<decltype(*x)>;
            if constexpr (std::is_same_v<T, FrontDoorOrigin>) {
              if (x->props().app != nullptr) {
                add_edge(representative(x), representative(x->props().app), EdgeKind::origin,
                         x->props().private_link ? "origin (Private Link)" : "origin");
              }
            } else if constexpr (std::is_same_v<T, FrontDoorSecurityPolicy>) {
              // The summary leaves the security policy out; keep what it says: the WAF policy
              // protects the profile's endpoints.
              if (detail == Detail::summary && x->props().waf) {
                add_edge(representative(x->props().waf.get()), representative(&x->profile()),
                         EdgeKind::reference, "protects");
              }
            } else if constexpr (std::is_same_v<T, PrivateEndpoint>) {
              add_edge(representative(x), representative(&x->target()), EdgeKind::private_link,
                       x->props().subresource);
            } else if constexpr (std::is_same_v<T, DiagnosticSetting>) {
              if (detail == Detail::full && x->props().workspace) {
                add_edge(representative(x), representative(x->props().workspace.get()),
                         EdgeKind::diagnostics, "logs and metrics");
              }
            }
          },
          r->as_any());
    }
    // References, unless a security edge already joins the two nodes.
    std::set<std::pair<std::string, std::string>> joined;
    for (const auto& [from, to, kind, label] : edges) {
      joined.emplace(from, to);
      joined.emplace(to, from);
    }
    for (const Resource* r : resources) {
      auto from = node_of.find(r);
      if (from == node_of.end()) continue;  // in the summary, only drawn resources' references
      std::vector<const Resource*> targets;
      for (const Ref& ref : r->references()) {
        if (ref.target != nullptr && in_stack.count(ref.target)) targets.push_back(ref.target);
      }
      for (const Resource* dependency : r->explicit_dependencies()) targets.push_back(dependency);
      for (const Resource* target : targets) {
        std::string to = representative(target);
        if (to.empty() || joined.count({from->second, to})) continue;
        add_edge(from->second, to, EdgeKind::reference);
      }
      // Values read from another stack of the environment: its resource, in its stack's box.
      for (const Ref& ref : r->references()) {
        if (ref.target == nullptr || in_stack.count(ref.target) > 0) continue;
        const Stack& other = ref.target->stack();
        if (other.env().name != stack.env().name || other.stack_name().empty()) continue;
        const std::string below = ref.target->path().substr(other.path().size() + 1);
        std::string group = add_group("stack/" + other.stack_name(),
                                      "Stack " + other.stack_name() + " (deployed before)");
        std::string id = "x_" + encode_id(other.stack_name() + "/" + below);
        nodes.try_emplace(id, Node{.id = id,
                                   .path = other.stack_name() + ": " + below,
                                   .kind = std::string(ref.target->kind().name),
                                   .name = ref.target->name(),
                                   .group = group,
                                   .facts = {}});
        add_edge(from->second, id, EdgeKind::cross_stack, cross_stack_output_name(ref));
      }
    }
    finish();
  }

  void finish() {
    // Groups: parents before children, each level by label.
    std::vector<Group> all;
    for (auto& [id, group] : groups) all.push_back(group);
    std::function<void(const std::string&)> emit = [&](const std::string& parent) {
      std::vector<Group> level;
      for (const auto& g : all) {
        if (g.parent == parent) level.push_back(g);
      }
      std::sort(level.begin(), level.end(), [](const Group& a, const Group& b) {
        return std::tie(a.label, a.id) < std::tie(b.label, b.id);
      });
      for (const auto& g : level) {
        graph.groups.push_back(g);
        emit(g.id);
      }
    };
    emit({});
    std::map<std::string, std::size_t> group_order;
    for (std::size_t i = 0; i < graph.groups.size(); ++i) group_order[graph.groups[i].id] = i;
    for (auto& [id, node] : nodes) graph.nodes.push_back(node);
    std::sort(graph.nodes.begin(), graph.nodes.end(), [&](const Node& a, const Node& b) {
      return std::tie(group_order[a.group], a.kind, a.path, a.id) <
             std::tie(group_order[b.group], b.kind, b.path, b.id);
    });
    for (const auto& [from, to, kind, label] : edges) {
      graph.edges.push_back({.from = from, .to = to, .kind = kind, .label = label});
    }
  }
};

std::string_view edge_style_dot(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::reference:
      return "color=\"#808080\"";
    case EdgeKind::access:
      return "color=\"#c0392b\", penwidth=2, fontcolor=\"#c0392b\"";
    case EdgeKind::origin:
      return "color=\"#2471a3\", penwidth=2, fontcolor=\"#2471a3\"";
    case EdgeKind::private_link:
      return "color=\"#1e8449\", style=dashed, fontcolor=\"#1e8449\"";
    case EdgeKind::diagnostics:
      return "color=\"#7d3c98\", style=dotted, fontcolor=\"#7d3c98\"";
    case EdgeKind::cross_stack:
      return "color=\"#b9770e\", style=dashed, fontcolor=\"#b9770e\"";
  }
  return "";
}

std::string node_label(const Node& node) {
  return node.kind == node.name ? node.name : node.kind + "\n" + node.name;
}

}  // namespace

std::string_view to_string(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::reference:
      return "reference";
    case EdgeKind::access:
      return "access";
    case EdgeKind::origin:
      return "origin";
    case EdgeKind::private_link:
      return "private_link";
    case EdgeKind::diagnostics:
      return "diagnostics";
    case EdgeKind::cross_stack:
      return "cross_stack";
  }
  return "reference";
}

const Node* Graph::node(std::string_view id) const {
  for (const auto& n : nodes) {
    if (n.id == id) return &n;
  }
  return nullptr;
}

const Group* Graph::group(std::string_view id) const {
  for (const auto& g : groups) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

Graph build(const Stack& stack, Detail detail) {
  Builder builder{.stack = stack, .detail = detail, .prefix = stack.path() + "/"};
  builder.graph.title = stack.app_name() + " / " + stack.env().name;
  builder.build();
  return std::move(builder.graph);
}

std::string encode_id(std::string_view text) {
  std::string id;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      id += static_cast<char>(c);
    } else if (c == '_') {
      id += "__";
    } else if (c == '-') {
      id += "_h";
    } else if (c == '/') {
      id += "_s";
    } else if (c == '.') {
      id += "_o";
    } else {
      id += fmt::format("_x{:02X}", c);
    }
  }
  return id;
}

std::string escape_dot(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        // Other control characters are not printable in a label.
        out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
  }
  return out;
}

std::string escape_mermaid(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"':
        out += "#quot;";
        break;
      case '#':
        out += "#35;";
        break;
      case '<':
        out += "#lt;";
        break;
      case '>':
        out += "#gt;";
        break;
      case '&':
        out += "#amp;";
        break;
      case '`':
        out += "#96;";
        break;
      case '\n':
        out += "<br/>";
        break;
      case '\r':
        break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
  }
  return out;
}

std::string to_dot(const Graph& graph) {
  std::string out;
  out += "digraph iacgen {\n";
  out += fmt::format("  label=\"{}\";\n  labelloc=t;\n", escape_dot(graph.title));
  // newrank: ranks over the whole graph, not per cluster; Graphviz 2.43's default ranking fails
  // ("trouble in init_rank") on edges between nested clusters.
  out += "  rankdir=LR;\n  newrank=true;\n  fontname=\"Helvetica\";\n";
  out +=
      "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", "
      "fontsize=10];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  std::function<void(const std::string&, int)> emit = [&](const std::string& parent, int depth) {
    const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    for (const auto& node : graph.nodes) {
      if (node.group != parent) continue;
      std::string shape =
          node.id.rfind("p_", 0) == 0 ? ", shape=ellipse, fillcolor=\"#fdebd0\"" : "";
      out += fmt::format("{}{} [label=\"{}\"{}];\n", indent, node.id, escape_dot(node_label(node)),
                         shape);
    }
    for (const auto& group : graph.groups) {
      if (group.parent != parent) continue;
      out += fmt::format("{}subgraph cluster_{} {{\n", indent, group.id);
      out += fmt::format("{}  label=\"{}\";\n{}  style=\"rounded\";\n{}  color=\"#999999\";\n",
                         indent, escape_dot(group.label), indent, indent);
      emit(group.id, depth + 1);
      out += indent + "}\n";
    }
  };
  emit({}, 1);
  for (const auto& edge : graph.edges) {
    std::string label =
        edge.label.empty() ? "" : fmt::format("label=\"{}\", ", escape_dot(edge.label));
    out +=
        fmt::format("  {} -> {} [{}{}];\n", edge.from, edge.to, label, edge_style_dot(edge.kind));
  }
  out += "}\n";
  return out;
}

std::string to_mermaid(const Graph& graph) {
  std::string out = "flowchart LR\n";
  std::function<void(const std::string&, int)> emit = [&](const std::string& parent, int depth) {
    const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    for (const auto& node : graph.nodes) {
      if (node.group != parent) continue;
      bool principal = node.id.rfind("p_", 0) == 0;
      out += fmt::format("{}{}{}\"{}\"{}\n", indent, node.id, principal ? "([" : "[",
                         escape_mermaid(node_label(node)), principal ? "])" : "]");
    }
    for (const auto& group : graph.groups) {
      if (group.parent != parent) continue;
      out += fmt::format("{}subgraph {} [\"{}\"]\n", indent, group.id, escape_mermaid(group.label));
      emit(group.id, depth + 1);
      out += indent + "end\n";
    }
  };
  emit({}, 1);
  // Edge styles by kind; linkStyle needs each edge's index.
  std::map<EdgeKind, std::vector<std::size_t>> by_kind;
  for (std::size_t i = 0; i < graph.edges.size(); ++i) {
    const auto& edge = graph.edges[i];
    std::string_view arrow = edge.kind == EdgeKind::reference      ? "-->"
                             : edge.kind == EdgeKind::private_link ? "-.->"
                             : edge.kind == EdgeKind::diagnostics  ? "-.->"
                             : edge.kind == EdgeKind::cross_stack  ? "-.->"
                                                                   : "==>";
    if (edge.label.empty()) {
      out += fmt::format("  {} {} {}\n", edge.from, arrow, edge.to);
    } else {
      out += fmt::format("  {} {}|\"{}\"| {}\n", edge.from, arrow, escape_mermaid(edge.label),
                         edge.to);
    }
    by_kind[edge.kind].push_back(i);
  }
  for (const auto& [kind, indexes] : by_kind) {
    std::string color = kind == EdgeKind::reference      ? "#808080"
                        : kind == EdgeKind::access       ? "#c0392b"
                        : kind == EdgeKind::origin       ? "#2471a3"
                        : kind == EdgeKind::private_link ? "#1e8449"
                        : kind == EdgeKind::cross_stack  ? "#b9770e"
                                                         : "#7d3c98";
    std::vector<std::string> numbers;
    for (auto i : indexes) numbers.push_back(std::to_string(i));
    out += fmt::format("  linkStyle {} stroke:{}\n", join(numbers, ","), color);
  }
  return out;
}

std::string to_json(const Graph& graph) {
  using nlohmann::ordered_json;
  ordered_json groups = ordered_json::array();
  for (const auto& g : graph.groups) {
    groups.push_back({{"id", g.id}, {"label", g.label}, {"parent", g.parent}});
  }
  ordered_json nodes = ordered_json::array();
  for (const auto& n : graph.nodes) {
    ordered_json facts = ordered_json::object();
    for (const auto& [key, value] : n.facts) facts[key] = value;
    nodes.push_back({{"id", n.id},
                     {"path", n.path},
                     {"kind", n.kind},
                     {"name", n.name},
                     {"label", node_label(n)},
                     {"group", n.group},
                     {"facts", facts}});
  }
  ordered_json edges = ordered_json::array();
  for (const auto& e : graph.edges) {
    edges.push_back(
        {{"from", e.from}, {"to", e.to}, {"kind", to_string(e.kind)}, {"label", e.label}});
  }
  ordered_json document{
      {"title", graph.title}, {"groups", groups}, {"nodes", nodes}, {"edges", edges}};
  return document.dump(2) + "\n";
}

}  // namespace iac::gen::graph
