/// The iacgen executable: the command line over the bundled applications.

#include "cli/cli.h"
#include "stacks/bundled.h"

int main(int argc, char** argv) {
  auto apps = iac::stacks::bundled_apps();
  return iac::cli::run(apps, argc, argv);
}
