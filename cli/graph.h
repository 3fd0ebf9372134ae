#pragma once
/// `iacgen graph`: the resource graph of one environment, as DOT, Mermaid or JSON.

#include <string>
#include <vector>

namespace iac {
class App;
}

namespace iac::cli {

struct GraphOptions {
  std::string app;              ///< Needed when there are several apps.
  std::string env;              ///< Needed when the app has several environments.
  std::string stack;            ///< Needed when the environment has several stacks.
  std::string format = "dot";   ///< dot | mermaid | json
  std::string detail = "full";  ///< full | summary (the README's view)
};

/// Prints the graph of the chosen environment on stdout; 2 when the choice is ambiguous or
/// unknown, 3 when the model is invalid.
int run_graph(std::vector<App>& apps, const GraphOptions& options);

}  // namespace iac::cli
