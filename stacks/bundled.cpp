#include "stacks/bundled.h"

#include "stacks/threatstream/threatstream.h"

namespace iac::stacks {

std::vector<App> bundled_apps() {
  std::vector<App> apps;
  apps.push_back(threatstream());
  return apps;
}

}  // namespace iac::stacks
