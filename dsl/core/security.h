#pragma once
/// Value types for security controls: on by default, weakened only with a stated reason.

#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/diagnostic.h"

namespace iac {

class Construct;

/// A security control that is enforced unless waived on purpose, with the reason written down:
/// `.purge_protection = Control::waived("sandbox vault, recreated daily")`.
class Control {
 public:
  Control() = default;
  static Control enforced() { return {}; }
  static Control waived(std::string reason);

  bool is_enforced() const { return !waived_; }
  const std::string& reason() const { return reason_; }

 private:
  bool waived_ = false;
  std::string reason_;
};

/// Inbound access to a PaaS endpoint from the public internet. The default is no public endpoint
/// at all (private endpoints only); opening it takes a reason.
class PublicNetwork {
 public:
  enum class Mode { disabled, allow_listed, open };

  PublicNetwork() = default;
  static PublicNetwork disabled() { return {}; }
  /// Public endpoint on, firewall denying everything but these IPv4 addresses or CIDR ranges.
  static PublicNetwork allow_from(std::vector<std::string> ip_ranges, std::string reason);
  /// Public endpoint on, firewall allowing every address.
  static PublicNetwork open(std::string reason);

  Mode mode() const { return mode_; }
  bool public_endpoint() const { return mode_ != Mode::disabled; }
  /// Whether the firewall's default action is Deny (always, except `open`).
  bool denies_by_default() const { return mode_ != Mode::open; }
  const std::vector<std::string>& ip_ranges() const { return ip_ranges_; }
  const std::string& reason() const { return reason_; }

 private:
  Mode mode_ = Mode::disabled;
  std::vector<std::string> ip_ranges_;
  std::string reason_;
};

/// Whether `range` is an IPv4 address or CIDR range such as `203.0.113.0/24`.
bool is_ipv4_range(std::string_view range);

/// Reports a waived control without a reason (`prop` names the props field).
void validate_control(const Construct& owner, std::string_view prop, const Control& control,
                      Diagnostics& out);
/// Reports an opened network without a reason, or an allow list with bad or no ranges.
void validate_public_network(const Construct& owner, std::string_view prop,
                             const PublicNetwork& network, Diagnostics& out);

}  // namespace iac
