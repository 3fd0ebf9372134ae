#pragma once
/// Shared by the azurerm and the Bicep (ARM) tables: how a value change reads as weaker or
/// stronger. Internal to generators/review.

#include <string>
#include <string_view>

#include "generators/review/azurerm_rules.h"

namespace iac::review::detail {

/// How to tell a weakening from a tightening.
enum class Direction {
  any,          ///< Any change is reported, without a direction.
  bad_true,     ///< `true` is the weaker setting (public access, local auth, ...).
  bad_false,    ///< `false` is the weaker setting (purge protection, HTTPS only, ...).
  lower,        ///< A lower number or version is weaker (TLS, retention days).
  redundancy,   ///< Storage replication: LRS < ZRS < GRS < RAGRS < GZRS < RAGZRS.
  enabled,      ///< `Enabled` is the weaker string value (`publicNetworkAccess`).
  disabled,     ///< `Disabled` is the weaker string value (`httpsRedirect`, WAF `enabledState`).
  allow,        ///< `Allow` is the weaker default action (`networkAcls.defaultAction`).
  list_widens,  ///< A list (IP rules, origins) gaining entries widens.
  waf_mode,     ///< WAF `Detection` is weaker than `Prevention`.
};

Effect effect_of(Direction direction, std::string_view before, std::string_view after);

/// A value without its `"..."` or `'...'` quotes.
std::string unquote(std::string_view text);

/// The number in a version or count (`"1.2"`, `'TLS1_2'`, `90`), or -1.
double number_in(std::string_view text);

}  // namespace iac::review::detail
