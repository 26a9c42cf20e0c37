#pragma once
// The decision log as the tenzij feature keeps it: a decision's rows (storage/tenzij/
// besluiten.hpp) and its follow-up reminder job together. Every way a decision is added,
// closed or moved goes through here, so every decision gets its reminders; other features reach
// it through commands::DecisionLog (TenzijFeature offers it).

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/database.hpp"
#include "storage/tenzij/besluiten.hpp"

namespace dialoog::tenzij {

/// The job kind of follow-up reminders (fire_opvolging handles it).
inline constexpr std::string_view kOpvolgingJobKind = "tenzij.opvolging";

/// The reminder job key of one decision: "besluit:<id>:opvolging".
std::string opvolging_job_key(std::int64_t besluit_id);

/// Inserts the decision (status open) and plans its first follow-up reminder at b.due_ms.
/// Call it inside the caller's transaction or savepoint. Returns the new id ("#<id>").
std::int64_t record_besluit(storage::Database& db, const NewBesluit& b);

/// Closes a decision (status afgerond | herzien) and drops its pending reminder.
void close_besluit(storage::Database& db, std::int64_t besluit_id, std::string_view status,
                   std::int64_t now_ms);

/// Moves the follow-up date (UTC ms), forgets earlier reminders and plans the first anew.
void move_opvolging(storage::Database& db, std::int64_t besluit_id, std::int64_t due_ms);

/// (Re)plans the reminder job of a decision: `stage` 1 = on the date, 2 = the reminder three
/// days later.
void schedule_opvolging(storage::Database& db, std::int64_t besluit_id, std::int64_t due_ms,
                        int stage);

}  // namespace dialoog::tenzij
