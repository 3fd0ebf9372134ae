#include "stacks/bundled.h"

#include "stacks/clinic/clinic.h"
#include "stacks/threatstream/threatstream.h"

namespace iac::stacks {

std::vector<App> bundled_apps() {
  std::vector<App> apps;
  apps.push_back(threatstream());
  apps.push_back(clinic());
  return apps;
}

}  // namespace iac::stacks
