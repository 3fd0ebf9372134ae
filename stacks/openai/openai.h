#pragma once
/// Azure OpenAI service: a Node.js (TypeScript) API in front of Azure OpenAI chat and
/// embeddings deployments, hardened for production (see the application's hardening report,
/// seed 003): Entra ID only, Key Vault through its identity, retries with exponential backoff,
/// Application Insights and 90 days of audit logs, in Australia East.

#include "dsl/core/app.h"

namespace iac::stacks {

/// The application with its dev, staging and prod environments.
App openai();

}  // namespace iac::stacks
