#pragma once
/// The rule families of the azure-baseline pack, one file each, gathered in rules.cpp.

#include <vector>

#include "dsl/policy/rule.h"

namespace iac::policy::rules {

std::vector<Rule> key_vault();
std::vector<Rule> cosmos();
std::vector<Rule> redis();
std::vector<Rule> storage_account();
std::vector<Rule> monitoring();
std::vector<Rule> tags();
std::vector<Rule> app_service();
std::vector<Rule> key_vault_secret();
std::vector<Rule> role_assignment();
std::vector<Rule> functions();
std::vector<Rule> diagnostics();
std::vector<Rule> network();
std::vector<Rule> front_door();
std::vector<Rule> postgres();
std::vector<Rule> cognitive();
std::vector<Rule> key_vault_key();
std::vector<Rule> overrides();

}  // namespace iac::policy::rules
