/// Synth benchmark: builds N copies of the ingestion architecture in three environments and
/// synthesizes every format, in memory or to disk, reporting time, output bytes and peak RSS.
///
/// A harness of its own rather than Google Benchmark: each N runs in a fresh process (peak RSS
/// is per process), and what matters is one whole synth, not a micro-operation in a loop.
///
/// Usage: synth_bench N [--runs R] [--disk DIR]

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bench/architecture.h"
#include "dsl/core/resource.h"
#include "dsl/core/stack.h"
#include "generators/generator.h"
#include "generators/output/output_sink.h"

namespace {

struct Run {
  double seconds = 0;
  std::size_t resources = 0;
  std::size_t bytes = 0;
  std::size_t files = 0;
};

Run synth_once(int copies, const char* disk) {
  auto start = std::chrono::steady_clock::now();
  iac::App app = iac::bench::ingestion_copies(copies);
  iac::gen::MemorySink sink;
  iac::Diagnostics diagnostics = iac::gen::synthesize(app, sink);
  if (iac::has_errors(diagnostics)) {
    for (const auto& d : diagnostics) {
      if (d.severity == iac::Severity::error)
        std::fprintf(stderr, "%s\n", iac::format_diagnostic(d).c_str());
    }
    std::exit(1);
  }
  if (disk != nullptr) {
    iac::gen::CommitReport report;
    if (!iac::gen::commit_to_directory(sink, disk, {"bench/"}, report).empty()) std::exit(1);
  }
  Run run;
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const auto& stack : app.stacks()) run.resources += stack->resources().size();
  for (const auto& [path, content] : sink.files()) run.bytes += content.size();
  run.files = sink.files().size();
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: synth_bench N [--runs R] [--disk DIR]\n");
    return 2;
  }
  const int copies = std::atoi(argv[1]);
  int runs = 1;
  const char* disk = nullptr;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--runs") runs = std::atoi(argv[i + 1]);
    if (flag == "--disk") disk = argv[i + 1];
  }
  std::vector<double> seconds;
  Run last;
  for (int i = 0; i < runs; ++i) {
    last = synth_once(copies, disk);
    seconds.push_back(last.seconds);
  }
  std::sort(seconds.begin(), seconds.end());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print(
      "copies={} resources={} files={} bytes={} median_s={:.4f} min_s={:.4f} "
      "peak_rss_mb={:.1f}{}\n",
      copies, last.resources, last.files, last.bytes, seconds[seconds.size() / 2], seconds.front(),
      usage.ru_maxrss / 1024.0, disk ? " (to disk)" : "");
  return 0;
}
