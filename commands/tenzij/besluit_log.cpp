#include "commands/tenzij/besluit_log.hpp"

#include <nlohmann/json.hpp>

#include "storage/jobs.hpp"

namespace dialoog::tenzij {

std::string opvolging_job_key(std::int64_t besluit_id) {
    return "besluit:" + std::to_string(besluit_id) + ":opvolging";
}

std::int64_t record_besluit(storage::Database& db, const NewBesluit& b) {
    const std::int64_t id = Besluiten(db).insert(b);
    schedule_opvolging(db, id, b.due_ms, 1);
    return id;
}

void close_besluit(storage::Database& db, std::int64_t besluit_id, std::string_view status,
                   std::int64_t now_ms) {
    Besluiten(db).close(besluit_id, status, now_ms);
    storage::Jobs(db).remove(opvolging_job_key(besluit_id));
}

void move_opvolging(storage::Database& db, std::int64_t besluit_id, std::int64_t due_ms) {
    Besluiten(db).set_due(besluit_id, due_ms);
    schedule_opvolging(db, besluit_id, due_ms, 1);
}

void schedule_opvolging(storage::Database& db, std::int64_t besluit_id, std::int64_t due_ms,
                        int stage) {
    nlohmann::json payload = {{"besluit", besluit_id}, {"stage", stage}};
    storage::Jobs(db).upsert(kOpvolgingJobKind, opvolging_job_key(besluit_id), due_ms,
                             payload.dump());
}

}  // namespace dialoog::tenzij
