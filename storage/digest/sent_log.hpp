#pragma once
// The record of weekly digests sent per (leader, ISO week): the guard that makes a digest
// exactly-once even when its job fires again (re-planned job, restored backup, clock jump).

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/database.hpp"

namespace dialoog::digest {

class DigestSentLog {
  public:
    /// `key`: the bot's secret mark key; leader ids are stored only as keyed hashes.
    DigestSentLog(storage::Database& db, std::string_view key) : db_(db), key_(key) {}

    bool was_sent(std::string_view leader, std::string_view iso_week);
    /// Records the digest; returns false when it was already recorded.
    bool mark_sent(std::string_view leader, std::string_view iso_week, std::int64_t now_ms);
    /// Deletes records older than `cutoff_ms` (data minimisation).
    int prune(std::int64_t cutoff_ms);

    /// The keyed hash stored for `leader`.
    std::string leader_hash(std::string_view leader) const;

  private:
    storage::Database& db_;
    std::string key_;
};

}  // namespace dialoog::digest
