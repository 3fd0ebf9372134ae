#pragma once
/// SHA-256, for the manifest of written files (FIPS 180-4).

#include <string>
#include <string_view>

namespace iac::gen {

/// Lowercase hex digest of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace iac::gen
