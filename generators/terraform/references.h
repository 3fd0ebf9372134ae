#pragma once
/// Terraform for adoption and reference-only constructs: `import` blocks and data sources.

#include <string>

#include "generators/hcl/hcl_writer.h"

namespace iac {
class Stack;
}

namespace iac::gen::terraform {

/// Writes one `data` block per reference-only construct of the stack: the data source of the
/// same type, found by the name and resource group parsed from its id.
void write_data_sources(const Stack& stack, hcl::HclWriter& w);

/// imports.tf: one `import` block per adopted resource; empty when none is adopted.
std::string imports_tf(const Stack& stack, const char* header);

/// An id as an HCL string: `${subscription_id}` becomes `${var.subscription_id}`.
hcl::Value id_value(const std::string& id);

}  // namespace iac::gen::terraform
