#pragma once
// The exactly-once guard: a keyed hash of every handled event id (the same event can arrive in
// more than one /sync response). Storing HMAC(key, event_id) instead of the id keeps the table
// free of event ids, so it cannot be joined to anything else (data minimisation).

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/database.hpp"

namespace dialoog::storage {

class HandledEvents {
  public:
    /// `key`: raw secret bytes (generated at first start and kept in kv "event_mark_key").
    HandledEvents(Database& db, std::string key) : db_(db), key_(std::move(key)) {}

    /// True when `event_id` was marked before (and not yet pruned).
    bool seen(std::string_view event_id);
    /// Records `event_id` as handled at `now_ms` (UTC ms). Idempotent.
    void mark(std::string_view event_id, std::int64_t now_ms);
    /// Deletes marks older than `cutoff_ms`; returns how many. Marks are kept 7 days.
    int prune(std::int64_t cutoff_ms);

    /// Loads the mark key from kv, creating a fresh random 32-byte key on first start.
    static std::string load_or_create_key(Database& db);

  private:
    std::string mark_of(std::string_view event_id);
    Database& db_;
    std::string key_;
    // seen() then mark() of the same event hash it once (the /sync path does both per event).
    std::string last_id_;
    std::string last_mark_;
};

}  // namespace dialoog::storage
