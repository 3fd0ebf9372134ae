#pragma once
/// The architecture the benchmarks synthesize: N copies of the threat-intelligence ingestion
/// system (about 30 resources per copy and environment) in dev, staging and prod.

#include "dsl/core/app.h"

namespace iac::bench {

/// An app of `copies` copies of the ingestion architecture, each under its own construct.
App ingestion_copies(int copies);

}  // namespace iac::bench
