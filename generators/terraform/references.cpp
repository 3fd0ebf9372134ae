#include "generators/terraform/references.h"

#include <fmt/format.h>

#include "dsl/azure/adoption.h"
#include "dsl/azure/network.h"
#include "dsl/azure/resource_group.h"
#include "dsl/core/resource.h"
#include "dsl/core/resource_id.h"
#include "dsl/core/stack.h"
#include "generators/terraform/azure/emitters.h"
#include "generators/terraform/context.h"

namespace iac::gen::terraform {

hcl::Value id_value(const std::string& id) {
  std::vector<std::variant<std::string, hcl::Traversal>> parts;
  std::size_t start = 0;
  for (std::size_t at = id.find(kSubscriptionPlaceholder); at != std::string::npos;
       at = id.find(kSubscriptionPlaceholder, start)) {
    if (at > start) parts.emplace_back(id.substr(start, at - start));
    parts.emplace_back(hcl::Traversal{{"var", "subscription_id"}});
    start = at + kSubscriptionPlaceholder.size();
  }
  if (start < id.size()) parts.emplace_back(id.substr(start));
  if (parts.size() == 1 && std::holds_alternative<std::string>(parts.front())) {
    return std::get<std::string>(parts.front());
  }
  return hcl::Template{std::move(parts)};
}

void write_data_sources(const Stack& stack, hcl::HclWriter& w) {
  for (const Resource* reference : stack.references()) {
    // validate_reference() has refused ids that do not parse.
    const auto id = parse_resource_id(*reference->reference_id());
    if (!id) continue;
    const std::string type = std::visit(
        [](const auto* r) { return std::string(resource_type(*r)); }, reference->as_any());
    w.comment(fmt::format("Owned elsewhere, read only: {}", *reference->reference_id()));
    auto block = w.block("data", {type, Context::label(*reference)});
    w.attribute("name", reference->name());
    if (const auto* subnet = dynamic_cast<const azure::Subnet*>(reference)) {
      w.attribute("virtual_network_name", subnet->vnet().name());
    }
    if (dynamic_cast<const azure::ResourceGroup*>(reference) == nullptr) {
      w.attribute("resource_group_name", id->resource_group);
    }
  }
}

std::string imports_tf(const Stack& stack, const char* header) {
  hcl::HclWriter w;
  w.comment(header);
  w.comment(
      "Resources that exist already: `terraform plan` imports them into the state instead of "
      "creating them, and shows every attribute the configuration changes (Terraform >= 1.5).");
  bool any = false;
  for (const Resource* resource : stack.resources()) {
    if (!resource->adopted()) continue;
    any = true;
    const std::string type = std::visit(
        [](const auto* r) { return std::string(resource_type(*r)); }, resource->as_any());
    auto block = w.block("import");
    w.attribute("to", hcl::Traversal{{type, Context::label(*resource)}});
    w.attribute("id", id_value(azure::terraform_import_id(*resource)));
  }
  return any ? w.str() : std::string();
}

}  // namespace iac::gen::terraform
