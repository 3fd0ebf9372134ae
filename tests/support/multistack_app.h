#pragma once
/// A test-only application of two stacks per environment: `network` (the VNet, its NSGs and the
/// shared Log Analytics workspace, owned by the platform team) and `app` (a Key Vault and a
/// storage account behind private endpoints in the network's subnets, logging to the network
/// stack's workspace). The done-when fixture of cross-stack references: synthesized by the
/// tests and by `multistack_synth` for the conformance checks.

#include "dsl/core/app.h"

namespace iac::testing {

/// `netsplit` in dev, staging and prod, declared with define_stacks().
App multistack_app();

}  // namespace iac::testing
