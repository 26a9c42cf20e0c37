#pragma once
// Repository of case discussions (casus), their links, lessons, actions, participants,
// role proposals and pauses. Plain SQL on the caller's connection, inside the caller's
// transaction or savepoint. Instants are UTC ms.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace dialoog::casus {

struct Session {
    std::int64_t id = 0;
    std::string team;
    std::string room_id;
    std::string title;
    std::string method;
    std::int64_t start_at = 0;
    std::optional<std::string> inbrenger;
    std::string inbrenger_state = "none";  // none | proposed | confirmed
    std::optional<std::string> gespreksleider;
    std::string gespreksleider_state = "none";
    std::string status = "planned";  // planned | running | done | missed | cancelled
    std::optional<std::int64_t> reeks_id;
    std::string created_by;
    std::int64_t created_at = 0;
    std::optional<std::string> root_event_id;
    int current_step = 0;  // 0 = none posted yet; steps+1 = all steps done
    std::optional<std::int64_t> step_started_at;
    std::optional<std::int64_t> paused_remaining_ms;  // set while the clock is held
    std::optional<std::int64_t> started_at;
    std::optional<std::int64_t> ended_at;
    std::optional<std::int64_t> participants;
    std::optional<std::string> summary;
};

struct Lesson {
    std::int64_t id = 0;
    std::int64_t casus_id = 0;
    std::string text;
    std::int64_t created_at = 0;
};

struct Action {
    std::int64_t id = 0;
    std::int64_t casus_id = 0;
    std::string text;
    std::string owner;
    std::optional<std::int64_t> due_at;
    std::optional<std::int64_t> besluit_id;
    std::int64_t created_at = 0;
};

struct Proposal {
    std::int64_t casus_id = 0;
    std::string rol;  // inbrenger | gespreksleider
    std::string user_id;
    std::int64_t asked_at = 0;
    std::int64_t deadline_at = 0;
    std::string answer;  // open | ja | nee | timeout
};

class Sessions {
  public:
    explicit Sessions(storage::Database& db) : db_(db) {}

    /// Inserts `s` (id ignored) and returns the new id.
    std::int64_t insert(const Session& s);
    std::optional<Session> get(std::int64_t id);
    /// Writes every mutable column of `s` back.
    void update(const Session& s);

    /// Sessions of `team` that are planned or running, soonest first.
    std::vector<Session> upcoming(std::string_view team, int limit = 20);
    /// How many sessions of `team` are planned or running (all of them, beyond any limit).
    std::int64_t count_upcoming(std::string_view team);
    /// Running sessions in `room_id`, most recently started first.
    std::vector<Session> running_in_room(std::string_view room_id);
    std::optional<Session> by_root(std::string_view root_event_id);
    /// Sessions of `team` starting in [from, to), by start.
    std::vector<Session> between(std::string_view team, std::int64_t from, std::int64_t to);
    /// The planned session of a series, if any.
    std::optional<Session> planned_of_reeks(std::int64_t reeks_id);

    void link_inbreng(std::int64_t casus_id, std::int64_t inbreng_id);
    std::vector<std::int64_t> linked_inbreng(std::int64_t casus_id);

    void add_lesson(std::int64_t casus_id, std::string_view text, std::int64_t now);
    std::vector<Lesson> lessons(std::int64_t casus_id);
    /// Lessons of `team`'s sessions recorded in [from, to).
    std::vector<Lesson> lessons_between(std::string_view team, std::int64_t from, std::int64_t to);

    std::int64_t add_action(const Action& a);
    std::vector<Action> actions(std::int64_t casus_id);
    std::vector<Action> actions_between(std::string_view team, std::int64_t from, std::int64_t to);

    /// Records a keyed hash of someone who posted in the session thread; returns the count.
    std::int64_t add_participant(std::int64_t casus_id, std::string_view sender_hash);
    std::int64_t participant_count(std::int64_t casus_id);
    void forget_participants(std::int64_t casus_id);

    /// Latest start of a non-cancelled, non-missed session per user in `rol` for `team`.
    std::vector<std::pair<std::string, std::int64_t>> last_in_role(std::string_view team,
                                                                   std::string_view rol);

    void add_proposal(const Proposal& p);
    std::vector<Proposal> proposals(std::int64_t casus_id);
    void answer_proposal(std::int64_t casus_id, std::string_view rol, std::string_view user,
                         std::string_view answer);

    /// Pauses `user` in `team` (until_at nullopt = until further notice).
    void set_pause(std::string_view team, std::string_view user, std::optional<std::int64_t> until);
    /// Removes a pause; true when there was one.
    bool clear_pause(std::string_view team, std::string_view user);
    /// Users of `team` paused at `now`.
    std::vector<std::string> paused(std::string_view team, std::int64_t now);

  private:
    storage::Database& db_;
};

}  // namespace dialoog::casus
