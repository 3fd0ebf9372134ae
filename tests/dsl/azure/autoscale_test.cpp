#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "dsl/azure/alerts.h"
#include "dsl/azure/app_service_plan.h"
#include "dsl/azure/autoscale.h"
#include "dsl/core/stack.h"
#include "tests/support/fixtures.h"

namespace iac::azure {
namespace {

testing::Synthesis synth_autoscale(AutoscaleProps props,
                                   AppServicePlanProps plan_props = {.sku = PlanSku::P1v3,
                                                                     .worker_count = 2}) {
  auto app = testing::make_app([=](Stack& s, const Environment&) {
    s.add<AppServicePlan>("plan", plan_props).autoscale(props);
  });
  return testing::synthesize(app);
}

TEST_CASE("autoscale defaults: 2 to 10 workers on CPU, scaling in slower than out") {
  AutoscaleProps props;
  CHECK(props.min == 2);
  CHECK(props.max == 10);
  CHECK_FALSE(props.default_count.has_value());
  CHECK(props.scale_out.metric == ScaleMetric::cpu);
  CHECK(props.scale_out.when == ScaleWhen::above);
  CHECK(props.scale_out.threshold == 70);
  CHECK(props.scale_out.window == "PT10M");
  CHECK(props.scale_out.cooldown == "PT5M");
  CHECK(props.scale_out.instances == 1);
  CHECK(props.scale_in.when == ScaleWhen::below);
  CHECK(props.scale_in.threshold == 30);
  CHECK(props.scale_in.window == "PT15M");
  CHECK(props.scale_in.cooldown == "PT10M");
  CHECK(props.scale_in.instances == 1);
  CHECK_FALSE(props.notify);
  CHECK(to_string(ScaleMetric::memory) == "MemoryPercentage");
  CHECK(http_queue_above(100).metric == ScaleMetric::http_queue);
  CHECK(memory_below(40).when == ScaleWhen::below);

  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::S1, .worker_count = 2});
    plan.autoscale({});
  });
  REQUIRE_FALSE(has_errors(app.synthesize()));
  const AutoscaleSetting* setting = nullptr;
  const AppServicePlan* plan = nullptr;
  for (const Resource* r : app.stacks().front()->resources()) {
    if (const auto* found = dynamic_cast<const AutoscaleSetting*>(r)) setting = found;
    if (const auto* found = dynamic_cast<const AppServicePlan*>(r)) plan = found;
  }
  REQUIRE(setting != nullptr);
  REQUIRE(plan != nullptr);
  CHECK(setting->name() == "autoscale-app-dev");
  CHECK(&setting->plan() == plan);
  CHECK(plan->autoscale_setting() == setting);
  CHECK(setting->effective_default() == 2);
}

TEST_CASE("a plan takes one autoscale setting") {
  auto app = testing::make_app([](Stack& s, const Environment&) {
    auto& plan = s.add<AppServicePlan>("plan", {.sku = PlanSku::S1, .worker_count = 2});
    plan.autoscale({});
    CHECK_THROWS_AS(plan.autoscale({}), std::logic_error);
  });
  CHECK_FALSE(has_errors(app.synthesize()));
}

TEST_CASE("autoscale validation") {
  SUBCASE("only Standard and Premium v3 plans autoscale") {
    for (PlanSku sku : {PlanSku::Y1, PlanSku::FC1, PlanSku::EP1, PlanSku::B1}) {
      CAPTURE(to_string(sku));
      CHECK(synth_autoscale({.min = 1, .max = 3}, {.sku = sku, .worker_count = 1})
                .has_rule("IAC-SCALE-001"));
    }
    CHECK(synth_autoscale({.min = 1, .max = 3}, {.sku = PlanSku::EP1, .worker_count = 1})
              .diagnostic("IAC-SCALE-001")
              .fix.find("add workers themselves") != std::string::npos);
    CHECK(synth_autoscale({.min = 1, .max = 3}, {.sku = PlanSku::B1, .worker_count = 1})
              .diagnostic("IAC-SCALE-001")
              .fix.find("Basic plans scale by hand") != std::string::npos);
    CHECK_FALSE(
        synth_autoscale({}, {.sku = PlanSku::S1, .worker_count = 2}).has_rule("IAC-SCALE-001"));
  }
  SUBCASE("min <= default <= max <= the SKU's limit") {
    CHECK(synth_autoscale({.min = 3, .max = 2}).has_rule("IAC-SCALE-002"));
    CHECK(synth_autoscale({.min = 2, .max = 5, .default_count = 6}).has_rule("IAC-SCALE-002"));
    CHECK(synth_autoscale({.min = 0, .max = 5}).has_rule("IAC-SCALE-002"));
    CHECK(synth_autoscale({.min = 2, .max = 11}, {.sku = PlanSku::S1, .worker_count = 2})
              .diagnostic("IAC-SCALE-002")
              .fix == "keep 1 <= min <= default <= max <= 10 (the most workers a S1 plan runs)");
    CHECK_FALSE(synth_autoscale({.min = 2, .max = 30}).has_rule("IAC-SCALE-002"));
    CHECK(synth_autoscale({.min = 2, .max = 31}).has_rule("IAC-SCALE-002"));
  }
  SUBCASE("the plan's worker count lies in the range") {
    CHECK(synth_autoscale({.min = 3, .max = 5}).diagnostic("IAC-SCALE-003").message ==
          "the plan's `worker_count` 2 is outside the autoscale range 3-5");
  }
  SUBCASE("a zone-balanced plan keeps two workers") {
    CHECK(synth_autoscale({.min = 1, .max = 5},
                          {.sku = PlanSku::P1v3, .worker_count = 2, .zone_balancing = true})
              .has_rule("IAC-SCALE-004"));
  }
  SUBCASE("scale-out above, scale-in below, with a gap") {
    CHECK(synth_autoscale({.scale_out = cpu_below(70)}).has_rule("IAC-SCALE-005"));
    CHECK(synth_autoscale({.scale_out = cpu_above(50), .scale_in = cpu_below(50)})
              .diagnostic("IAC-SCALE-005")
              .fix.find("gap") != std::string::npos);
    CHECK_FALSE(synth_autoscale({.scale_out = memory_above(80), .scale_in = cpu_below(90)})
                    .has_rule("IAC-SCALE-005"));
  }
  SUBCASE("thresholds, windows, cooldowns and steps") {
    CHECK(synth_autoscale({.scale_out = cpu_above(120)}).has_rule("IAC-SCALE-006"));
    ScaleTrigger short_window = cpu_above(70);
    short_window.window = "PT1M";
    CHECK(synth_autoscale({.scale_out = short_window}).has_rule("IAC-SCALE-007"));
    ScaleTrigger bad_cooldown = cpu_below(30);
    bad_cooldown.cooldown = "5 minutes";
    CHECK(synth_autoscale({.scale_in = bad_cooldown}).has_rule("IAC-SCALE-007"));
    ScaleTrigger big_step = cpu_below(30);
    big_step.instances = 2;
    CHECK(synth_autoscale({.scale_in = big_step}).diagnostic("IAC-SCALE-008").message ==
          "`scale_in` removes 2 workers per step, more than `scale_out` adds (1)");
    ScaleTrigger hour_window = cpu_above(70);
    hour_window.window = "PT1H";
    CHECK_FALSE(synth_autoscale({.scale_out = hour_window}).has_rule("IAC-SCALE-007"));
  }
  SUBCASE("the notified action group has someone to tell") {
    auto app = testing::make_app([](Stack& s, const Environment&) {
      auto& ops = s.add<ActionGroup>(
          "ops",
          {.short_name = "ops",
           .webhooks = {{.name = "pager", .service_uri = s.parameter("pager", {.secure = true})}}});
      auto& silent = s.add<ActionGroup>("silent", {.short_name = "silent"});
      s.add<AppServicePlan>("plan", {.sku = PlanSku::S1, .worker_count = 2})
          .autoscale({.notify = silent});
      s.add<AppServicePlan>("other", {.sku = PlanSku::S1, .worker_count = 2})
          .autoscale({.notify = ops});
    });
    const auto result = testing::synthesize(app);
    CHECK(result.diagnostic("IAC-SCALE-009").message ==
          "`notify` action group 'silent' has no email or webhook receiver");
  }
}

}  // namespace
}  // namespace iac::azure
