#include "dsl/core/security.h"

#include <charconv>

#include <fmt/format.h>

#include "dsl/core/construct.h"

namespace iac {

Control Control::waived(std::string reason) {
  Control control;
  control.waived_ = true;
  control.reason_ = std::move(reason);
  return control;
}

PublicNetwork PublicNetwork::allow_from(std::vector<std::string> ip_ranges, std::string reason) {
  PublicNetwork network;
  network.mode_ = Mode::allow_listed;
  network.ip_ranges_ = std::move(ip_ranges);
  network.reason_ = std::move(reason);
  return network;
}

PublicNetwork PublicNetwork::open(std::string reason) {
  PublicNetwork network;
  network.mode_ = Mode::open;
  network.reason_ = std::move(reason);
  return network;
}

namespace {

bool parse_number(std::string_view text, int max, int& value) {
  if (text.empty() || text.size() > 3) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc{} && end == text.data() + text.size() && value >= 0 && value <= max;
}

}  // namespace

bool is_ipv4_range(std::string_view range) {
  std::string_view address = range;
  if (auto slash = range.find('/'); slash != std::string_view::npos) {
    int prefix = 0;
    if (!parse_number(range.substr(slash + 1), 32, prefix)) return false;
    address = range.substr(0, slash);
  }
  int octets = 0;
  while (true) {
    auto dot = address.find('.');
    int value = 0;
    if (!parse_number(address.substr(0, dot), 255, value)) return false;
    ++octets;
    if (dot == std::string_view::npos) break;
    address.remove_prefix(dot + 1);
  }
  return octets == 4;
}

void validate_control(const Construct& owner, std::string_view prop, const Control& control,
                      Diagnostics& out) {
  if (!control.is_enforced() && control.reason().empty()) {
    out.push_back(owner.diagnostic(
        "IAC-SEC-001", fmt::format("`{}` is waived without a reason", prop),
        fmt::format("write why: `.{} = Control::waived(\"<reason>\")`", prop)));
  }
}

void validate_public_network(const Construct& owner, std::string_view prop,
                             const PublicNetwork& network, Diagnostics& out) {
  if (network.public_endpoint() && network.reason().empty()) {
    out.push_back(owner.diagnostic(
        "IAC-SEC-002", fmt::format("`{}` opens the public endpoint without a reason", prop),
        "pass the reason to PublicNetwork::allow_from(...) or PublicNetwork::open(...)"));
  }
  if (network.mode() == PublicNetwork::Mode::allow_listed && network.ip_ranges().empty()) {
    out.push_back(owner.diagnostic(
        "IAC-SEC-003", fmt::format("`{}` allows a list of addresses but the list is empty", prop),
        "list the IPv4 ranges, or use PublicNetwork::disabled()"));
  }
  for (const auto& range : network.ip_ranges()) {
    if (!is_ipv4_range(range)) {
      out.push_back(owner.diagnostic(
          "IAC-SEC-004", fmt::format("`{}` has '{}', which is not an IPv4 address or CIDR range",
                                     prop, range),
          "write ranges like 203.0.113.0/24"));
    }
  }
}

}  // namespace iac
