#pragma once
// The decision log (besluitenlijst): decisions with their "tenzij" (the condition under which
// the answer becomes yes), owner, follow-up date, status and outcome, plus follow-up notes
// (opvolging). Other features (e.g. the case discussion's !actie) add rows with
// insert_besluit, which also schedules the follow-up reminder so every row gets reminders.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace dialoog::tenzij {

/// The job kind of follow-up reminders (handled by TenzijFeature).
inline constexpr std::string_view kOpvolgingJobKind = "tenzij.opvolging";
/// The reminder job key of one decision: "besluit:<id>:opvolging".
std::string opvolging_job_key(std::int64_t besluit_id);

/// A decision to record. `team` is the team name as in the YAML (TeamConfig::name);
/// `source` is "chat", "nudge:<id>" or "casus:<id>"; times are UTC ms.
struct NewBesluit {
    std::string team;
    std::string description;
    std::optional<std::string> tenzij;
    std::string owner;  // Matrix user id
    std::int64_t due_ms = 0;
    std::string source;
    std::int64_t created_ms = 0;
    std::optional<std::int64_t> nudge_id;
};

/// Inserts the decision (status open) and schedules its first follow-up reminder at due_ms
/// (job key opvolging_job_key(id)). Call it inside the caller's transaction or savepoint.
/// Returns the new id (shown to users as "#<id>").
std::int64_t insert_besluit(storage::Database& db, const NewBesluit& b);

struct Besluit {
    std::int64_t id = 0;
    std::string team;
    std::string description;
    std::optional<std::string> tenzij;
    std::string owner;
    std::int64_t created_ms = 0;
    std::int64_t due_ms = 0;
    std::string status;  // open | afgerond | herzien
    std::optional<std::string> outcome;
    std::optional<std::int64_t> outcome_ms;
    std::optional<std::int64_t> closed_ms;
    std::string source;
    std::optional<std::int64_t> nudge_id;
    std::optional<std::int64_t> last_reminded_ms;
    int reminders_sent = 0;
};

/// One follow-up entry. kind: notitie | afgerond | herzien | uitkomst.
struct Opvolging {
    std::int64_t id = 0;
    std::int64_t besluit_id = 0;
    std::string kind;
    std::string author;
    std::string text;
    std::int64_t created_ms = 0;
};

std::optional<Besluit> get_besluit(storage::Database& db, std::int64_t id);

/// Which decisions a list shows.
enum class BesluitFilter { Open, Alle, Mijn };
/// Decisions of `team`, open ones by follow-up date first; Mijn = open ones owned by `user`.
std::vector<Besluit> list_besluiten(storage::Database& db, std::string_view team,
                                    BesluitFilter filter, std::string_view user, int limit = 50);

/// Follow-up entries of one decision, oldest first.
std::vector<Opvolging> opvolgingen(storage::Database& db, std::int64_t besluit_id);
/// Follow-up entries of a team's decisions created in [from_ms, to_ms), oldest first.
std::vector<Opvolging> opvolgingen_between(storage::Database& db, std::string_view team,
                                           std::int64_t from_ms, std::int64_t to_ms);
/// Logs a follow-up entry (kind notitie | afgerond | herzien | uitkomst).
void add_opvolging(storage::Database& db, std::int64_t besluit_id, std::string_view kind,
                   std::string_view author, std::string_view text, std::int64_t now_ms);
/// Closes a decision (afgerond | herzien) and drops its pending reminder.
void close_besluit(storage::Database& db, std::int64_t besluit_id, std::string_view status,
                   std::int64_t now_ms);
void set_outcome(storage::Database& db, std::int64_t besluit_id, std::string_view outcome,
                 std::int64_t now_ms);
/// Moves the follow-up date, forgets earlier reminders and schedules the first one anew.
void set_due(storage::Database& db, std::int64_t besluit_id, std::int64_t due_ms);
void mark_reminded(storage::Database& db, std::int64_t besluit_id, std::int64_t now_ms);
/// True when any follow-up entry was logged at or after `since_ms`.
bool has_opvolging_since(storage::Database& db, std::int64_t besluit_id, std::int64_t since_ms);

/// (Re)schedules the reminder job of a decision; `stage` 1 = on the date, 2 = the reminder
/// three days later.
void schedule_opvolging(storage::Database& db, std::int64_t besluit_id, std::int64_t due_ms,
                        int stage);

}  // namespace dialoog::tenzij
