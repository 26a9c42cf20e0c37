#include "storage/tenzij/nudges.hpp"

namespace dialoog::tenzij {

std::optional<std::int64_t> Nudges::insert(const NewNudge& n) {
    auto st = db_.prepare(
        "INSERT OR IGNORE INTO nudge(team, room_id, user_id, event_id, thread_root, pattern_id, "
        "created_ms) VALUES(?,?,?,?,?,?,?)");
    st.bind(1, n.team)
        .bind(2, n.room_id)
        .bind(3, n.user_id)
        .bind(4, n.event_id)
        .bind(5, n.thread_root)
        .bind(6, n.pattern_id)
        .bind(7, n.created_ms)
        .run();
    if (db_.changes() == 0) return std::nullopt;
    return db_.last_insert_rowid();
}

bool Nudges::nudged_since(std::string_view room_id, std::string_view user_id,
                          std::int64_t since_ms) {
    auto st =
        db_.prepare("SELECT 1 FROM nudge WHERE room_id=? AND user_id=? AND created_ms>=? LIMIT 1");
    st.bind(1, room_id).bind(2, user_id).bind(3, since_ms);
    return st.step();
}

std::optional<std::int64_t> Nudges::for_thread(std::string_view room_id,
                                               std::string_view thread_root) {
    auto st = db_.prepare(
        "SELECT id FROM nudge WHERE room_id=? AND thread_root=? ORDER BY created_ms DESC, id DESC "
        "LIMIT 1");
    st.bind(1, room_id).bind(2, thread_root);
    if (st.step()) return st.column_int(0);
    return std::nullopt;
}

std::int64_t Nudges::count(std::string_view team) {
    auto st = db_.prepare("SELECT COUNT(*) FROM nudge WHERE team=?");
    st.bind(1, team);
    return st.step() ? st.column_int(0) : 0;
}

NudgeTally Nudges::tally(std::string_view team, std::int64_t from_ms, std::int64_t to_ms) {
    auto st = db_.prepare(
        "SELECT COUNT(*), COALESCE(SUM(EXISTS(SELECT 1 FROM besluit b WHERE b.nudge_id=n.id)), 0) "
        "FROM nudge n WHERE n.team=? AND n.created_ms>=? AND n.created_ms<?");
    st.bind(1, team).bind(2, from_ms).bind(3, to_ms);
    NudgeTally t;
    if (st.step()) {
        t.given = st.column_int(0);
        t.with_besluit = st.column_int(1);
    }
    return t;
}

void Nudges::set_opt_out(std::string_view user_id, bool opted_out, std::int64_t now_ms) {
    if (opted_out) {
        auto st = db_.prepare(
            "INSERT INTO nudge_optout(user_id, created_ms) VALUES(?,?) ON CONFLICT(user_id) DO "
            "NOTHING");
        st.bind(1, user_id).bind(2, now_ms).run();
    } else {
        auto st = db_.prepare("DELETE FROM nudge_optout WHERE user_id=?");
        st.bind(1, user_id).run();
    }
}

bool Nudges::opted_out(std::string_view user_id) {
    auto st = db_.prepare("SELECT 1 FROM nudge_optout WHERE user_id=?");
    st.bind(1, user_id);
    return st.step();
}

}  // namespace dialoog::tenzij
