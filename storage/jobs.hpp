#pragma once
// Scheduled jobs (reminders, session steps, prompts, digests) as rows with a due time in UTC
// (docs/architecture.md, "Scheduled jobs"). Firing a job is one transaction that writes its outbox
// rows and then reschedules or removes the job, so a job fires once even across a crash.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace dialoog::storage {

struct Job {
    std::int64_t id = 0;
    std::string kind;     // registered job kind, e.g. "casus.start"
    std::string key;      // unique per logical job, e.g. "casus:12:start"
    std::int64_t due_at;  // UTC ms
    std::string payload;  // JSON text
};

/// How many jobs there are, and how many of them are due (for /metrics).
struct JobCounts {
    std::int64_t total = 0;
    std::int64_t due = 0;  // due_at <= now
};

class Jobs {
  public:
    explicit Jobs(Database& db) : db_(db) {}
    /// Creates or replaces the job with `key`.
    void upsert(std::string_view kind, std::string_view key, std::int64_t due_at,
                std::string_view payload = "{}");
    void remove(std::string_view key);
    /// Removes every job whose key starts with `prefix` (e.g. all of one session).
    int remove_prefix(std::string_view prefix);
    std::optional<Job> get(std::string_view key);
    /// Jobs with due_at <= now_ms, earliest first, at most `limit`.
    std::vector<Job> due(std::int64_t now_ms, int limit);
    /// The earliest due_at of all jobs (what the single scheduler timer waits for).
    std::optional<std::int64_t> next_due_at();
    std::vector<Job> upcoming(int limit);
    std::int64_t count();
    /// Keys of every job of `kind` (e.g. "digest.send"), sorted.
    std::vector<std::string> keys_of_kind(std::string_view kind);
    /// All jobs and those due at `now_ms` (UTC ms), in one query.
    JobCounts counts(std::int64_t now_ms);

  private:
    Database& db_;
};

}  // namespace dialoog::storage
