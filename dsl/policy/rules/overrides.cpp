/// Override rules: raw edits of the rendered output (Resource::terraform_override and friends)
/// bypass the typed props that every other rule reads, so the edits themselves are checked.
///
/// Security relevance comes from the review's table of azurerm attributes
/// (generators/review/azurerm_rules.cpp), the same one `iacgen diff` uses; the Terraform type
/// comes from the kind's emitter. Bicep has no such table: a Bicep path is matched against it
/// by its azurerm-style spelling (`properties.minimumTlsVersion` → `minimum_tls_version`), and
/// a raw Bicep edit that matches nothing cannot be told apart from a weakening one (AZ-OVR-002).

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "dsl/azure/resources.h"
#include "dsl/policy/rules/families.h"
#include "generators/review/azurerm_rules.h"
#include "generators/terraform/azure/emitters.h"

namespace iac::policy::rules {

namespace {

/// The value as the review's table reads expression texts: `true`, `"1.2"`, `["a", "b"]`.
std::string expression_text(const OverrideValue& value) {
  if (const auto* list = std::get_if<OverrideValue::List>(&value.data())) {
    std::string text = "[";
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (i > 0) text += ", ";
      text += expression_text((*list)[i]);
    }
    return text + "]";
  }
  return value.summary();
}

/// `properties.siteConfig.minTlsVersion` → `site_config.min_tls_version`.
std::string azurerm_spelling(std::string_view bicep_path) {
  constexpr std::string_view kProperties = "properties.";
  if (bicep_path.substr(0, kProperties.size()) == kProperties) {
    bicep_path.remove_prefix(kProperties.size());
  }
  std::string out;
  for (char c : bicep_path) {
    if (c >= 'A' && c <= 'Z') {
      if (!out.empty() && out.back() != '.') out += '_';
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view effect_text(review::Effect effect) {
  switch (effect) {
    case review::Effect::weakens:
      return "weakens";
    case review::Effect::tightens:
      return "tightens";
    case review::Effect::changes:
      break;
  }
  return "changes";
}

struct Classified {
  const Override* edit;
  review::AttributeMeaning meaning;
};

/// Every override of `resource` with its meaning; the Bicep twin of a typed setting is left out
/// (its Terraform path classifies the setting).
std::vector<Classified> classify(const Resource& resource) {
  std::vector<Classified> out;
  if (resource.overrides().empty()) return out;
  const std::string type(std::visit([](const auto* r) { return gen::terraform::resource_type(*r); },
                                    resource.as_any()));
  for (const Override& edit : resource.overrides()) {
    if (edit.format == OverrideFormat::bicep && !edit.setting.empty()) continue;
    const std::string path =
        edit.format == OverrideFormat::terraform ? edit.path : azurerm_spelling(edit.path);
    // The value the model writes is not known here: "(model)" stands for it, so a value that
    // can only tighten (`false` where `true` weakens) reads as tightening and the rest as a
    // change.
    const std::string after = edit.value ? expression_text(*edit.value) : std::string();
    out.push_back({&edit, review::classify_attribute(type, path, "(model)", after)});
  }
  return out;
}

std::string describe(const Override& edit) {
  std::string text = fmt::format("{} `{}`", to_string(edit.format), edit.path);
  if (!edit.setting.empty()) text = fmt::format("setting `{}` ({})", edit.setting, text);
  return edit.value ? fmt::format("{} = {}", text, edit.value->summary()) : text + " removed";
}

}  // namespace

std::vector<Rule> overrides() {
  return {
      Rule{
          .info = {.id = "AZ-OVR-001",
                   .title = "Overrides do not touch security-relevant attributes",
                   .rationale =
                       "An override writes past the typed props that the other rules check: "
                       "a raw edit of network exposure, TLS, authentication, Key Vault access, "
                       "data protection or logging could weaken what the model guarantees. "
                       "Edits that can only tighten pass.",
                   .fix = "model the setting in the props, or keep the override and suppress "
                          "this rule on the resource with the reason: "
                          "policy::suppress(resource, \"AZ-OVR-001\", \"<why>\")",
                   .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
                   .checkov = {},
                   .psrule = {},
                   .benchmark = "PV-2"},
          .kinds = {},
          .check = [](const Resource& resource, const Environment&) -> Problem {
            std::vector<std::string> touched;
            for (const auto& [edit, meaning] : classify(resource)) {
              if (meaning.category.empty() || meaning.effect == review::Effect::tightens) continue;
              touched.push_back(fmt::format("{} ({}, {})", describe(*edit), meaning.category,
                                            effect_text(meaning.effect)));
            }
            if (touched.empty()) return {};
            return fmt::format("override{} of security-relevant attributes: {}",
                               touched.size() == 1 ? "" : "s", fmt::join(touched, "; "));
          }},
      Rule{
          .info = {.id = "AZ-OVR-002",
                   .title = "Raw Bicep overrides are ones iacgen can classify",
                   .rationale =
                       "iacgen classifies attributes by their azurerm names; a raw Bicep edit "
                       "whose path matches none could weaken a security setting unseen. It is "
                       "treated as one until a reviewer says otherwise.",
                   .fix = "use a typed setting (`override(Setting::..., value)`, classified "
                          "through its Terraform path), or suppress this rule on the resource "
                          "with the reason the edit is harmless",
                   .levels = {.dev = Level::warning, .staging = Level::error, .prod = Level::error},
                   .checkov = {},
                   .psrule = {},
                   .benchmark = "PV-2"},
          .kinds = {},
          .check = [](const Resource& resource, const Environment&) -> Problem {
            std::vector<std::string> unknown;
            for (const auto& [edit, meaning] : classify(resource)) {
              if (edit->format != OverrideFormat::bicep || !meaning.category.empty()) continue;
              unknown.push_back(describe(*edit));
            }
            if (unknown.empty()) return {};
            return fmt::format("raw Bicep override{} iacgen cannot classify: {}",
                               unknown.size() == 1 ? "" : "s", fmt::join(unknown, "; "));
          }},
  };
}

}  // namespace iac::policy::rules
