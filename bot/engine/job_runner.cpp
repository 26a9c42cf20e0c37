#include "bot/engine/job_runner.hpp"

#include <spdlog/spdlog.h>

#include "bot/engine/sync_processor.hpp"
#include "common/error_id.hpp"
#include "storage/jobs.hpp"

namespace dialoog::engine {

JobStats run_due_jobs(commands::Services& s, std::int64_t now_ms, int limit) {
    JobStats st;
    storage::Jobs jobs(s.db);
    auto due = jobs.due(now_ms, limit);
    if (due.empty()) return st;
    storage::Transaction tx(s.db);
    for (const auto& job : due) {
        const auto* handler = s.jobs.find(job.kind);
        if (!handler) {
            spdlog::warn("scheduled job {} has unknown kind {}: removed", job.key, job.kind);
            jobs.remove(job.key);
            ++st.unknown;
            continue;
        }
        storage::Savepoint sp(s.db, "job");
        try {
            // The cause includes the due instant, so a recurring job gets fresh txn_ids each
            // time, and a re-run of the same firing (after a crash) reuses them.
            commands::Effects fx(s.db, s.clock, s.mark_key,
                                 "job:" + job.key + ":" + std::to_string(job.due_at));
            auto payload = nlohmann::json::parse(job.payload, nullptr, false);
            if (payload.is_discarded()) payload = nlohmann::json::object();
            commands::JobContext jc{s, fx, job, payload};
            (*handler)(jc);
            if (!jc.rescheduled) {
                auto now_row = jobs.get(job.key);
                // Remove only if the handler did not replace the job with a new due time.
                if (now_row && now_row->due_at == job.due_at) jobs.remove(job.key);
            }
            sp.release();
            ++st.fired;
        } catch (const std::exception& e) {
            sp.rollback();
            auto error_id = new_error_id();
            spdlog::error("error {}: scheduled job {} ({}) failed: {}; retrying in 15 minutes",
                          error_id, job.key, job.kind, e.what());
            jobs.upsert(job.kind, job.key, now_ms + 15 * 60 * 1000, job.payload);
            ++st.failed;
        }
    }
    tx.commit();
    return st;
}

}  // namespace dialoog::engine
