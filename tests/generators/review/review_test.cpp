// build_review on hand-made inputs: policy findings from the manifest against the code's, and
// Bicep compared per resource.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "generators/review/review.h"

namespace iac::review {
namespace {

const Finding kSharedKey{"shop/dev/st", "AZ-ST-003", "warning", "shared key access is on", false};
const Finding kOpenFirewall{"shop/dev/st", "AZ-ST-004", "error",
                            "the firewall allows every address", false};

Review findings_review(std::vector<Finding> before, std::vector<Finding> after) {
  Input input;
  input.committed_findings["shop/dev"] = std::move(before);
  input.current_findings["shop/dev"] = std::move(after);
  return build_review(input);
}

TEST_CASE("review: a policy finding that appears weakens, in text, json and markdown") {
  const Review review = findings_review({kSharedKey}, {kSharedKey, kOpenFirewall});
  CHECK(review.drift());
  REQUIRE(review.security_change_count() == 1);
  const auto& change = review.scopes.at(0).security.at(0);
  CHECK(change.category == "policy finding");
  CHECK(change.effect == Effect::weakens);
  CHECK(change.resource == "st");
  CHECK(change.detail == "new AZ-ST-004 (error): the firewall allows every address");

  const std::string text = render_text(review, {});
  CHECK(text.find("!! WEAKENS  [policy finding] shop/dev: st: new AZ-ST-004 (error): the "
                  "firewall allows every address") != std::string::npos);
  CHECK(text.find("  finding new AZ-ST-004 (error) at shop/dev/st: the firewall allows every "
                  "address") != std::string::npos);
  const auto json = nlohmann::json::parse(render_json(review, {}));
  CHECK(json["security_changes"][0]["category"] == "policy finding");
  const auto& finding = json["scopes"][0]["policy_findings"][0];
  CHECK(finding["action"] == "new");
  CHECK(finding["rule_id"] == "AZ-ST-004");
  CHECK(finding["severity"] == "error");
  CHECK(finding["suppressed"] == false);
  const std::string markdown = render_markdown(review, {});
  CHECK(markdown.find("| :warning: | **WEAKENS** | policy finding | shop/dev | `st` new AZ-ST-004 "
                      "(error): the firewall allows every address |") != std::string::npos);
  CHECK(markdown.find("- Policy finding new: `AZ-ST-004 (error)` at `shop/dev/st`") !=
        std::string::npos);
}

TEST_CASE("review: a policy finding that goes away tightens") {
  const Review review = findings_review({kSharedKey, kOpenFirewall}, {kSharedKey});
  REQUIRE(review.security_change_count() == 1);
  const auto& change = review.scopes.at(0).security.at(0);
  CHECK(change.effect == Effect::tightens);
  CHECK(change.detail == "resolved AZ-ST-004 (error) (was: the firewall allows every address)");
  CHECK(render_text(review, {}).find("finding resolved AZ-ST-004 (error) at shop/dev/st") !=
        std::string::npos);
  CHECK(nlohmann::json::parse(
            render_json(review, {}))["scopes"][0]["policy_findings"][0]["action"] == "resolved");
}

TEST_CASE(
    "review: a finding that becomes suppressed changes, one that loses its exception weakens") {
  Finding suppressed = kOpenFirewall;
  suppressed.suppressed = true;
  const Review covered = findings_review({kOpenFirewall}, {suppressed});
  REQUIRE(covered.security_change_count() == 1);
  CHECK(covered.scopes[0].security[0].effect == Effect::changes);
  const Review uncovered = findings_review({suppressed}, {kOpenFirewall});
  REQUIRE(uncovered.security_change_count() == 1);
  CHECK(uncovered.scopes[0].security[0].effect == Effect::weakens);
  CHECK(uncovered.scopes[0].security[0].detail ==
        "AZ-ST-004 (error, suppressed) → AZ-ST-004 (error): the firewall allows every address");
  // Unchanged findings are no drift.
  CHECK_FALSE(findings_review({kSharedKey}, {kSharedKey}).drift());
}

TEST_CASE("review: an old manifest without findings is a note, not a crash or a change") {
  Input input;
  input.current_findings["shop/dev"] = {kSharedKey};
  // committed_findings has no entry for shop/dev: the manifest predates findings.
  const Review review = build_review(input);
  CHECK_FALSE(review.drift());
  CHECK(review.security_change_count() == 0);
  REQUIRE(review.scopes.size() == 1);
  REQUIRE(review.scopes[0].notes.size() == 1);
  CHECK(review.scopes[0].notes[0].find("records no policy findings for shop/dev") !=
        std::string::npos);
  CHECK(render_text(review, {}).find("note: the committed manifest records no policy findings") !=
        std::string::npos);
  // No manifest at all: nothing to compare, nothing reported as new.
  input.committed_manifest_present = false;
  CHECK(build_review(input).scopes.empty());
}

const std::string kBicep = R"(resource st 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: 'stshopdev'
  location: 'eastus'
  properties: {
    publicNetworkAccess: 'Disabled'
    minimumTlsVersion: 'TLS1_2'
  }
}

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(st.id, 'reader')
  scope: st
  properties: {
    principalId: '00000000-0000-0000-0000-000000000001'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'x')
  }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: 'cosmos-shop-dev'
  location: 'eastus'
  properties: {
    disableLocalAuth: true
  }
}
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

Review bicep_review(const std::string& before, const std::string& after) {
  Input input;
  input.committed["shop/dev/bicep/resources.bicep"] = before;
  input.generated["shop/dev/bicep/resources.bicep"] = after;
  return build_review(input);
}

const ResourceChange* find_resource(const Review& review, const std::string& name) {
  for (const auto& scope : review.scopes) {
    for (const auto& r : scope.resources) {
      if (r.name == name) return &r;
    }
  }
  return nullptr;
}

TEST_CASE("review: a Bicep property that opens public access is a security change") {
  const Review review = bicep_review(
      kBicep, replace(kBicep, "publicNetworkAccess: 'Disabled'", "publicNetworkAccess: 'Enabled'"));
  REQUIRE(review.security_change_count() == 1);
  const auto& change = review.scopes[0].security[0];
  CHECK(change.category == "network exposure");
  CHECK(change.effect == Effect::weakens);
  CHECK(change.resource == "st (Microsoft.Storage/storageAccounts)");
  CHECK(change.detail == "properties.publicNetworkAccess: 'Disabled' → 'Enabled'");
  const auto* st = find_resource(review, "st");
  REQUIRE(st != nullptr);
  CHECK(st->format == "bicep");
  CHECK(st->action == Action::changed);
  CHECK(st->replaces.empty());

  const std::string text = render_text(review, {});
  CHECK(
      text.find("!! WEAKENS  [network exposure] shop/dev: st (Microsoft.Storage/storageAccounts): "
                "properties.publicNetworkAccess: 'Disabled' → 'Enabled'") != std::string::npos);
  CHECK(text.find("  Bicep resources: 0 added, 1 changed, 0 not in place, 0 removed") !=
        std::string::npos);
  CHECK(text.find("  ~   st (Microsoft.Storage/storageAccounts) (changed)") != std::string::npos);
  CHECK(text.find("(summarized above; --unified shows the text)") != std::string::npos);
  CHECK(text.find("+++ b/shop/dev/bicep/resources.bicep") == std::string::npos);
  const auto json = nlohmann::json::parse(render_json(review, {}));
  CHECK(json["scopes"][0]["resources"][0]["format"] == "bicep");
  CHECK(json["scopes"][0]["resources"][0]["attributes"][0]["security"] == "network exposure");
  CHECK(render_markdown(review, {}).find("`st (Microsoft.Storage/storageAccounts)`") !=
        std::string::npos);
}

TEST_CASE("review: a Bicep resource removed stays in Azure, and its grant is not revoked") {
  std::string without = kBicep;
  const auto reader = without.find("resource reader");
  const auto cosmos = without.find("resource cosmos");
  without.erase(reader, cosmos - reader);
  const auto cosmos_at = without.find("resource cosmos");
  without.erase(cosmos_at);
  const Review review = bicep_review(kBicep, without);
  const auto* removed = find_resource(review, "cosmos");
  REQUIRE(removed != nullptr);
  CHECK(removed->action == Action::removed);
  CHECK(removed->orphaned.find("leaves it in Azure") != std::string::npos);
  CHECK(removed->orphaned.find("with its data") != std::string::npos);
  bool grant = false;
  for (const auto& s : review.scopes[0].security) {
    if (s.category == "role assignment") {
      grant = true;
      CHECK(s.resource == "reader (Microsoft.Authorization/roleAssignments)");
      CHECK(s.detail.find("does not revoke it") != std::string::npos);
    }
  }
  CHECK(grant);
  const std::string text = render_text(review, {});
  CHECK(text.find("  -   cosmos (Microsoft.DocumentDB/databaseAccounts) (removed)") !=
        std::string::npos);
  CHECK(text.find("WARNING removed from the template: an incremental deployment leaves it in "
                  "Azure") != std::string::npos);
}

TEST_CASE("review: a Bicep rename or a new location is not in place") {
  const Review renamed =
      bicep_review(kBicep, replace(kBicep, "name: 'cosmos-shop-dev'", "name: 'cosmos-shop-dev2'"));
  const auto* cosmos = find_resource(renamed, "cosmos");
  REQUIRE(cosmos != nullptr);
  CHECK(cosmos->replaces.find("another resource") != std::string::npos);
  CHECK(render_text(renamed, {})
            .find("  !   cosmos (Microsoft.DocumentDB/databaseAccounts) (not "
                  "in place)") != std::string::npos);
  const Review moved = bicep_review(kBicep, replace(kBicep,
                                                    "location: 'eastus'\n  properties: {\n"
                                                    "    disableLocalAuth",
                                                    "location: 'westus'\n  properties: {\n"
                                                    "    disableLocalAuth"));
  CHECK(find_resource(moved, "cosmos")->replaces.find("deployment fails") != std::string::npos);
  // A symbol renamed with the same type and name is the same Azure resource.
  const Review symbol = bicep_review(kBicep, replace(kBicep, "resource cosmos ", "resource db "));
  const auto* db = find_resource(symbol, "db");
  REQUIRE(db != nullptr);
  CHECK(db->action == Action::changed);
  CHECK(db->renamed_from == "cosmos");
  CHECK(find_resource(symbol, "cosmos") == nullptr);
}

TEST_CASE("review: a hand edit of a committed Bicep file is named in its security change") {
  Input input;
  const std::string opened =
      replace(kBicep, "publicNetworkAccess: 'Disabled'", "publicNetworkAccess: 'Enabled'");
  input.committed["shop/dev/bicep/resources.bicep"] = opened;
  input.generated["shop/dev/bicep/resources.bicep"] = kBicep;
  input.manifest["shop/dev/bicep/resources.bicep"] = "digest-of-what-iacgen-wrote";
  const Review review = build_review(input);
  REQUIRE(review.security_change_count() == 1);
  const auto& change = review.scopes[0].security[0];
  CHECK(change.effect == Effect::tightens);
  CHECK(change.detail ==
        "properties.publicNetworkAccess: 'Enabled' → 'Disabled' (undoes a hand edit: the "
        "committed file has the old value)");
  CHECK(review.scopes[0].notes[0] ==
        "shop/dev/bicep/resources.bicep was edited by hand after iacgen wrote it");
}

TEST_CASE("review: switches named like secrets are shown, values are masked") {
  Input input;
  input.committed["app/dev/terraform/main.tf"] =
      "resource \"azurerm_redis_cache\" \"r\" {\n  access_keys_authentication_enabled = "
      "false\n}\n";
  input.generated["app/dev/terraform/main.tf"] =
      "resource \"azurerm_redis_cache\" \"r\" {\n  access_keys_authentication_enabled = "
      "true\n}\n";
  const std::string text = render_text(build_review(input), {});
  CHECK(text.find("!! WEAKENS  [authentication] app/dev: azurerm_redis_cache.r: "
                  "access_keys_authentication_enabled: false → true") != std::string::npos);
}

TEST_CASE("review: a change outside the resources keeps the Bicep text diff in view") {
  const std::string before = "@secure()\nparam key string\n\noutput a string = 'x'\n" + kBicep;
  const std::string after = "@secure()\nparam key string\n\noutput a string = 'y'\n" + kBicep;
  const Review review = bicep_review(before, after);
  REQUIRE(review.scopes.size() == 1);
  CHECK(review.scopes[0].resources.empty());
  REQUIRE(review.scopes[0].files.size() == 1);
  CHECK_FALSE(review.scopes[0].files[0].summarized);
  CHECK(render_text(review, {}).find("+output a string = 'y'") != std::string::npos);
}

TEST_CASE("review: a Bicep file with a syntax error falls back to its text diff") {
  const std::string broken =
      replace(kBicep, "minimumTlsVersion: 'TLS1_2'", "minimumTlsVersion: 'TLS1_0");
  const Review review = bicep_review(kBicep, broken);
  REQUIRE(review.scopes.size() == 1);
  CHECK(review.scopes[0].resources.empty());
  REQUIRE_FALSE(review.scopes[0].notes.empty());
  CHECK(review.scopes[0].notes[0] ==
        "the generated shop/dev/bicep/resources.bicep cannot be read as Bicep (line 6: "
        "unterminated string: a closing `'` is missing); its resources are compared as text only");
  const std::string text = render_text(review, {});
  CHECK(text.find("+++ b/shop/dev/bicep/resources.bicep") != std::string::npos);
  CHECK(text.find("(summarized above") == std::string::npos);
}

}  // namespace
}  // namespace iac::review
