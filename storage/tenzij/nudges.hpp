#pragma once
// Nudges given ("alles kan, tenzij…") and the people who opted out of them. A nudge row keeps
// who was nudged, where, when and by which pattern, never the message text.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/database.hpp"

namespace dialoog::tenzij {

struct NewNudge {
    std::string team;
    std::string room_id;
    std::string user_id;
    std::string event_id;     // the nudged message
    std::string thread_root;  // the thread the nudge was posted in
    std::string pattern_id;
    std::int64_t created_ms = 0;
};

/// What nudge_tally counts.
struct NudgeTally {
    std::int64_t given = 0;
    std::int64_t with_besluit = 0;
};
/// Nudges given and opt-outs, in one database (tables nudge and nudge_optout).
class Nudges {
  public:
    explicit Nudges(storage::Database& db) : db_(db) {}

    /// Inserts a nudge; nullopt when this event was already nudged (a repeat delivery).
    std::optional<std::int64_t> insert(const NewNudge& n);

    /// True when `user_id` was nudged in `room_id` at or after `since_ms` (the rate limit).
    bool nudged_since(std::string_view room_id, std::string_view user_id, std::int64_t since_ms);

    /// The latest nudge posted in the thread with root `thread_root` in `room_id`.
    std::optional<std::int64_t> for_thread(std::string_view room_id, std::string_view thread_root);

    /// Number of nudges in `team` so far (rotates the question library deterministically).
    std::int64_t count(std::string_view team);

    /// Nudges of `team` in [from_ms, to_ms), and how many of those have a logged decision.
    NudgeTally tally(std::string_view team, std::int64_t from_ms, std::int64_t to_ms);

    /// !nudge uit / !nudge aan (per person, everywhere).
    void set_opt_out(std::string_view user_id, bool opted_out, std::int64_t now_ms);
    bool opted_out(std::string_view user_id);

  private:
    storage::Database& db_;
};

}  // namespace dialoog::tenzij
