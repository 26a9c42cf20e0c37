#pragma once
// The bot's counters, for /metrics, /healthz and tests. Each part of the bot (sync loop,
// outbox sender, token keeper) updates its own fields; Bot owns the one instance.

#include <cstdint>

namespace dialoog::net {

/// Counters for /metrics and tests. Only aggregate numbers: no ids, no names.
struct BotMetrics {
    std::int64_t events_handled = 0;
    std::int64_t sync_batches = 0;
    std::int64_t sync_errors = 0;
    std::int64_t sends_ok = 0;
    std::int64_t sends_failed = 0;
    std::int64_t rate_limited = 0;  // 429s received
    std::int64_t last_sync_ok_ms = 0;
    std::int64_t unreachable_since_ms = 0;  // 0 while the homeserver answers
    bool token_invalid = false;
};

}  // namespace dialoog::net
