#pragma once
// Fires due scheduled jobs: firing a job is one transaction that writes its outbox rows and
// the job's next due time (docs/architecture.md, "Exactly once"). Pure: the Asio scheduler
// only decides when to call it.

#include <cstdint>

#include "commands/context.hpp"

namespace dialoog::engine {

struct JobStats {
    int fired = 0;
    int failed = 0;
    int unknown = 0;
};

/// Runs every job due at `now_ms` (at most `limit`) in one transaction, a savepoint per job.
/// A job whose handler does not reschedule it is removed. A handler that throws is rolled
/// back, logged with an error id, and retried 15 minutes later (never dropped silently).
/// A job of a kind nobody registered is logged and removed.
JobStats run_due_jobs(commands::Services& s, std::int64_t now_ms, int limit = 200);

}  // namespace dialoog::engine
