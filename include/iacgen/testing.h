#pragma once
/// Assertions for your own stack tests: `iac::testing::Synthesized::of(app, "prod")`.

#include "testing/assertions.h"  // IWYU pragma: export
