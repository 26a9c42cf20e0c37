#include "storage/tenzij/nudges.hpp"

namespace dialoog::tenzij {

std::optional<std::int64_t> insert_nudge(storage::Database& db, const NewNudge& n) {
    auto st = db.prepare(
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
    if (db.changes() == 0) return std::nullopt;
    return db.last_insert_rowid();
}

bool nudged_since(storage::Database& db, std::string_view room_id, std::string_view user_id,
                  std::int64_t since_ms) {
    auto st =
        db.prepare("SELECT 1 FROM nudge WHERE room_id=? AND user_id=? AND created_ms>=? LIMIT 1");
    st.bind(1, room_id).bind(2, user_id).bind(3, since_ms);
    return st.step();
}

std::optional<std::int64_t> nudge_for_thread(storage::Database& db, std::string_view room_id,
                                             std::string_view thread_root) {
    auto st = db.prepare(
        "SELECT id FROM nudge WHERE room_id=? AND thread_root=? ORDER BY created_ms DESC, id DESC "
        "LIMIT 1");
    st.bind(1, room_id).bind(2, thread_root);
    if (st.step()) return st.column_int(0);
    return std::nullopt;
}

std::int64_t nudge_count(storage::Database& db, std::string_view team) {
    auto st = db.prepare("SELECT COUNT(*) FROM nudge WHERE team=?");
    st.bind(1, team);
    return st.step() ? st.column_int(0) : 0;
}

NudgeTally nudge_tally(storage::Database& db, std::string_view team, std::int64_t from_ms,
                       std::int64_t to_ms) {
    auto st = db.prepare(
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

void set_nudge_opt_out(storage::Database& db, std::string_view user_id, bool opted_out,
                       std::int64_t now_ms) {
    if (opted_out) {
        auto st = db.prepare(
            "INSERT INTO nudge_optout(user_id, created_ms) VALUES(?,?) ON CONFLICT(user_id) DO "
            "NOTHING");
        st.bind(1, user_id).bind(2, now_ms).run();
    } else {
        auto st = db.prepare("DELETE FROM nudge_optout WHERE user_id=?");
        st.bind(1, user_id).run();
    }
}

bool nudge_opted_out(storage::Database& db, std::string_view user_id) {
    auto st = db.prepare("SELECT 1 FROM nudge_optout WHERE user_id=?");
    st.bind(1, user_id);
    return st.step();
}

}  // namespace dialoog::tenzij
