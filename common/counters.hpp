#pragma once
// Process-wide named counters for GET /metrics, for code that cannot see the bot's BotMetrics
// (pure feature code such as the inbreng scrubber, the command dispatcher wrapper). Each family
// has one label; the health server prints every family as a Prometheus counter
// `dialoogbot_<name>_total{<label>="<value>"}`.
//
// Privacy: label values must be fixed vocabulary (a command name, a placeholder type), never a
// user id, room id or text. As a safety net, add() keeps only [a-z0-9_.-] of a value (others
// become '_') and at most kMaxLabels distinct values per family (the rest count as "other").
//
// Thread-safe (one mutex); cheap enough for per-command and per-input increments.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dialoog::counters {

constexpr std::size_t kMaxLabels = 200;

struct Family {
    std::string name;   // e.g. "scrubber_replaced" (printed as dialoogbot_<name>_total)
    std::string help;   // one line
    std::string label;  // label name, e.g. "type"
    std::map<std::string, std::int64_t> values;  // label value -> count
};

/// Declares a family (idempotent; a later call may add `initial` values, which start at 0 so
/// they appear in /metrics before the first increment).
void describe(std::string_view name, std::string_view help, std::string_view label,
              const std::vector<std::string>& initial = {});
/// Adds `n` to the value `label_value` of family `name` (declared on first use when needed).
void add(std::string_view name, std::string_view label_value, std::int64_t n = 1);
/// The current value, 0 when absent.
std::int64_t get(std::string_view name, std::string_view label_value);
/// A copy of every family, ordered by name.
std::vector<Family> snapshot();

}  // namespace dialoog::counters
