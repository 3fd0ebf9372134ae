#include <doctest/doctest.h>

#include "dsl/azure/resources.h"
#include "dsl/core/stack.h"

namespace iac {
namespace {

TEST_CASE("adjacent literals merge, references stay typed") {
  Stack stack("shop", Environment::dev("eastus"));
  auto& vault = stack.add<azure::KeyVault>("kv");
  Expr expr = "https://" + Expr("api") + vault.uri() + "/health";
  REQUIRE(expr.parts().size() == 3);
  CHECK(std::get<std::string>(expr.parts()[0]) == "https://api");
  CHECK(std::get<Ref>(expr.parts()[1]).attribute == "uri");
  CHECK(std::get<Ref>(expr.parts()[1]).target == &vault);
  CHECK(std::get<std::string>(expr.parts()[2]) == "/health");
  CHECK_FALSE(expr.is_literal());
  REQUIRE(expr.refs().size() == 1);
}

TEST_CASE("a literal expression is known now") {
  Expr expr = Expr("a") + "b";
  CHECK(expr.is_literal());
  CHECK(expr.literal() == "ab");
  CHECK(Expr().empty());
}

TEST_CASE("sensitive references and secure parameters make an expression sensitive") {
  Stack stack("shop", Environment::dev("eastus"));
  auto& monitoring_workspace = stack.add<azure::LogAnalyticsWorkspace>("log");
  auto& insights = stack.add<azure::ApplicationInsights>("appi", {.workspace = monitoring_workspace});
  CHECK(Expr(insights.connection_string()).sensitive());
  CHECK_FALSE(Expr(insights.app_id()).sensitive());
  CHECK(Expr(stack.parameter("token", {.secure = true})).sensitive());
  CHECK_FALSE(Expr(stack.parameter("region")).sensitive());
}

TEST_CASE("props links contribute references, so dependencies are derived") {
  Stack stack("shop", Environment::dev("eastus"));
  auto& logs = stack.add<azure::LogAnalyticsWorkspace>("log");
  auto& insights = stack.add<azure::ApplicationInsights>("appi", {.workspace = logs});
  auto refs = insights.references();
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].target == &logs);
  CHECK(refs[0].attribute == "id");
}

}  // namespace
}  // namespace iac
