#include "stacks/bundled.h"

#include "stacks/clinic/clinic.h"
#include "stacks/docextract/docextract.h"
#include "stacks/openai/openai.h"
#include "stacks/platform/platform.h"
#include "stacks/threatstream/threatstream.h"

namespace iac::stacks {

std::vector<App> bundled_apps() {
  std::vector<App> apps;
  apps.push_back(threatstream());
  apps.push_back(clinic());
  apps.push_back(openai());
  apps.push_back(docextract());
  apps.push_back(platform());
  return apps;
}

}  // namespace iac::stacks
