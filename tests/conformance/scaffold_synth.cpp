/// Synthesizes the scaffold of `iacgen init` (compiled as the app `starter`) into the folder
/// given, for the conformance checks: what `init` writes must deploy like the bundled apps.

#include <string>

#include "cli/cli.h"
#include "dsl/core/app.h"
#include "stacks/starter/starter.h"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  auto app = iac::stacks::starter();
  const std::string out = argv[1];
  const char* args[] = {"scaffold_synth", "synth", "--out", out.c_str()};
  return iac::cli::run(app, 4, args);
}
