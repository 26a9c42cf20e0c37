#pragma once
// The decision log (besluitenlijst): decisions with their "tenzij" (the condition under which
// the answer becomes yes), owner, follow-up date, status and outcome, plus follow-up notes
// (opvolging). Rows only: the follow-up reminders are jobs, planned by the tenzij feature
// (commands/tenzij/besluit_log.hpp), which is also how other features add a decision.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace dialoog::tenzij {

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

/// Which decisions a list shows.
enum class BesluitFilter { Open, Alle, Mijn };
/// The decision log's rows in one database (tables besluit and opvolging).
class Besluiten {
  public:
    explicit Besluiten(storage::Database& db) : db_(db) {}

    /// Inserts the decision with status open; returns its id (shown to users as "#<id>").
    std::int64_t insert(const NewBesluit& b);
    std::optional<Besluit> get(std::int64_t id);

    /// Decisions of `team`, open ones by follow-up date first; Mijn = open ones owned by `user`.
    std::vector<Besluit> list(std::string_view team, BesluitFilter filter, std::string_view user,
                              int limit = 50);

    /// Follow-up entries of one decision, oldest first.
    std::vector<Opvolging> opvolgingen(std::int64_t besluit_id);
    /// Follow-up entries of a team's decisions created in [from_ms, to_ms), oldest first.
    std::vector<Opvolging> opvolgingen_between(std::string_view team, std::int64_t from_ms,
                                               std::int64_t to_ms);
    /// Logs a follow-up entry (kind notitie | afgerond | herzien | uitkomst).
    void add_opvolging(std::int64_t besluit_id, std::string_view kind, std::string_view author,
                       std::string_view text, std::int64_t now_ms);
    /// Closes a decision (afgerond | herzien). The caller drops its pending reminder.
    void close(std::int64_t besluit_id, std::string_view status, std::int64_t now_ms);
    void set_outcome(std::int64_t besluit_id, std::string_view outcome, std::int64_t now_ms);
    /// Moves the follow-up date and forgets earlier reminders (the caller plans the first anew).
    void set_due(std::int64_t besluit_id, std::int64_t due_ms);
    void mark_reminded(std::int64_t besluit_id, std::int64_t now_ms);
    /// True when any follow-up entry was logged at or after `since_ms`.
    bool has_opvolging_since(std::int64_t besluit_id, std::int64_t since_ms);

  private:
    storage::Database& db_;
};

}  // namespace dialoog::tenzij
