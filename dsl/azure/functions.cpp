#include "dsl/azure/functions.h"

#include <array>
#include <cctype>

#include <fmt/format.h>

namespace iac::azure {

std::string_view to_string(LogLevel level) {
  switch (level) {
    case LogLevel::trace:
      return "Trace";
    case LogLevel::debug:
      return "Debug";
    case LogLevel::information:
      return "Information";
    case LogLevel::warning:
      return "Warning";
    case LogLevel::error:
      return "Error";
    case LogLevel::critical:
      return "Critical";
    case LogLevel::none:
      return "None";
  }
  return "Information";
}

std::string_view to_string(TelemetryType type) {
  switch (type) {
    case TelemetryType::dependency:
      return "Dependency";
    case TelemetryType::event:
      return "Event";
    case TelemetryType::exception:
      return "Exception";
    case TelemetryType::page_view:
      return "PageView";
    case TelemetryType::request:
      return "Request";
    case TelemetryType::trace:
      return "Trace";
  }
  return "Request";
}

HttpAuth HttpAuth::admin() {
  HttpAuth auth;
  auth.level_ = Level::admin;
  return auth;
}

HttpAuth HttpAuth::anonymous(std::string reason) {
  HttpAuth auth;
  auth.level_ = Level::anonymous;
  auth.reason_ = std::move(reason);
  return auth;
}

std::string_view to_string(HttpAuth::Level level) {
  switch (level) {
    case HttpAuth::Level::function:
      return "function";
    case HttpAuth::Level::admin:
      return "admin";
    case HttpAuth::Level::anonymous:
      return "anonymous";
  }
  return "function";
}

std::string_view to_string(HttpMethod method) {
  switch (method) {
    case HttpMethod::get:
      return "get";
    case HttpMethod::post:
      return "post";
    case HttpMethod::put:
      return "put";
    case HttpMethod::patch:
      return "patch";
    case HttpMethod::delete_:
      return "delete";
    case HttpMethod::head:
      return "head";
    case HttpMethod::options:
      return "options";
  }
  return "get";
}

namespace {

struct CronField {
  std::string_view name;
  int min;
  int max;
  std::array<std::string_view, 12> names;  ///< Month or day names, index + min; empty otherwise.
};

constexpr std::array<CronField, 6> kCronFields{{
    {"second", 0, 59, {}},
    {"minute", 0, 59, {}},
    {"hour", 0, 23, {}},
    {"day", 1, 31, {}},
    {"month",
     1,
     12,
     {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}},
    {"day-of-week", 0, 6, {"sun", "mon", "tue", "wed", "thu", "fri", "sat"}},
}};

/// A number or (for months and days) a three-letter name, or -1.
int cron_value(std::string_view text, const CronField& field) {
  if (text.empty()) return -1;
  if (std::isdigit(static_cast<unsigned char>(text.front()))) {
    int value = 0;
    for (char c : text) {
      if (!std::isdigit(static_cast<unsigned char>(c)) || value > 1000) return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  }
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::size_t i = 0; i < field.names.size(); ++i) {
    if (!field.names[i].empty() && field.names[i] == lower) return field.min + static_cast<int>(i);
  }
  return -1;
}

/// Checks one comma-separated element: `*`, `*/n`, `v`, `v-w` or `v-w/n`.
std::optional<std::string> cron_element(std::string_view element, const CronField& field) {
  std::string_view range = element;
  if (auto slash = element.find('/'); slash != std::string_view::npos) {
    range = element.substr(0, slash);
    const std::string_view step_text = element.substr(slash + 1);
    int step = -1;
    if (!step_text.empty() && std::isdigit(static_cast<unsigned char>(step_text.front()))) {
      step = cron_value(step_text, CronField{field.name, 0, 0, {}});
    }
    if (step < 1 || step > field.max) {
      return fmt::format("the step '/{}' must be a number from 1 to {}", step_text, field.max);
    }
  }
  if (range == "*") return {};
  std::string_view first = range;
  std::string_view last;
  if (auto dash = range.find('-'); dash != std::string_view::npos) {
    first = range.substr(0, dash);
    last = range.substr(dash + 1);
  }
  const int low = cron_value(first, field);
  const int high = last.empty() ? low : cron_value(last, field);
  if (low < 0 || high < 0) return fmt::format("'{}' is not a number or a range", element);
  if (low < field.min || high > field.max || low > high) {
    return fmt::format("'{}' is outside {}-{}", range, field.min, field.max);
  }
  return {};
}

}  // namespace

std::optional<std::string> ncrontab_error(std::string_view schedule) {
  std::vector<std::string_view> fields;
  std::size_t at = 0;
  while (at < schedule.size()) {
    if (schedule[at] == ' ') {
      ++at;
      continue;
    }
    std::size_t end = schedule.find(' ', at);
    if (end == std::string_view::npos) end = schedule.size();
    fields.push_back(schedule.substr(at, end - at));
    at = end;
  }
  if (fields.size() != kCronFields.size()) {
    return fmt::format(
        "has {} field{}; NCRONTAB takes 6: {{second}} {{minute}} {{hour}} {{day}} {{month}} "
        "{{day-of-week}}",
        fields.size(), fields.size() == 1 ? "" : "s");
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::string_view rest = fields[i];
    while (true) {
      const std::size_t comma = rest.find(',');
      if (auto error = cron_element(rest.substr(0, comma), kCronFields[i])) {
        return fmt::format("field {} ({}): {}", i + 1, kCronFields[i].name, *error);
      }
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return {};
}

std::string timespan(std::chrono::seconds duration) {
  const auto total = duration.count();
  return fmt::format("{:02}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
}

}  // namespace iac::azure
