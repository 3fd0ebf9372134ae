#pragma once
/// The iacgen command line, for a user's own `main`.

#include "cli/cli.h"  // IWYU pragma: export
