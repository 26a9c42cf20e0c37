#include "storage/casus/sessions.hpp"

namespace dialoog::casus {

namespace {

constexpr const char* kColumns =
    "id, team, room_id, title, method, start_at, inbrenger, inbrenger_state, gespreksleider, "
    "gespreksleider_state, status, reeks_id, created_by, created_at, root_event_id, "
    "current_step, step_started_at, paused_remaining_ms, started_at, ended_at, participants, "
    "summary";

Session read_session(const storage::Statement& st) {
    Session s;
    s.id = st.column_int(0);
    s.team = st.column_text(1);
    s.room_id = st.column_text(2);
    s.title = st.column_text(3);
    s.method = st.column_text(4);
    s.start_at = st.column_int(5);
    s.inbrenger = st.column_text_opt(6);
    s.inbrenger_state = st.column_text(7);
    s.gespreksleider = st.column_text_opt(8);
    s.gespreksleider_state = st.column_text(9);
    s.status = st.column_text(10);
    s.reeks_id = st.column_int_opt(11);
    s.created_by = st.column_text(12);
    s.created_at = st.column_int(13);
    s.root_event_id = st.column_text_opt(14);
    s.current_step = static_cast<int>(st.column_int(15));
    s.step_started_at = st.column_int_opt(16);
    s.paused_remaining_ms = st.column_int_opt(17);
    s.started_at = st.column_int_opt(18);
    s.ended_at = st.column_int_opt(19);
    s.participants = st.column_int_opt(20);
    s.summary = st.column_text_opt(21);
    return s;
}

std::vector<Session> read_all(storage::Statement& st) {
    std::vector<Session> out;
    while (st.step()) out.push_back(read_session(st));
    return out;
}

std::string select_sql(std::string_view where) {
    return std::string("SELECT ") + kColumns + " FROM casus " + std::string(where);
}

}  // namespace

std::int64_t Sessions::insert(const Session& s) {
    auto st = db_.prepare(
        "INSERT INTO casus(team, room_id, title, method, start_at, inbrenger, inbrenger_state, "
        "gespreksleider, gespreksleider_state, status, reeks_id, created_by, created_at) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, s.team).bind(2, s.room_id).bind(3, s.title).bind(4, s.method).bind(5, s.start_at);
    st.bind(6, s.inbrenger).bind(7, s.inbrenger_state).bind(8, s.gespreksleider);
    st.bind(9, s.gespreksleider_state).bind(10, s.status).bind(11, s.reeks_id);
    st.bind(12, s.created_by).bind(13, s.created_at);
    st.run();
    return db_.last_insert_rowid();
}

std::optional<Session> Sessions::get(std::int64_t id) {
    auto st = db_.prepare(select_sql("WHERE id=?"));
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_session(st);
}

void Sessions::update(const Session& s) {
    auto st = db_.prepare(
        "UPDATE casus SET title=?, method=?, start_at=?, inbrenger=?, inbrenger_state=?, "
        "gespreksleider=?, gespreksleider_state=?, status=?, reeks_id=?, root_event_id=?, "
        "current_step=?, step_started_at=?, paused_remaining_ms=?, started_at=?, ended_at=?, "
        "participants=?, summary=? WHERE id=?");
    st.bind(1, s.title).bind(2, s.method).bind(3, s.start_at).bind(4, s.inbrenger);
    st.bind(5, s.inbrenger_state).bind(6, s.gespreksleider).bind(7, s.gespreksleider_state);
    st.bind(8, s.status).bind(9, s.reeks_id).bind(10, s.root_event_id);
    st.bind(11, s.current_step).bind(12, s.step_started_at).bind(13, s.paused_remaining_ms);
    st.bind(14, s.started_at).bind(15, s.ended_at).bind(16, s.participants);
    st.bind(17, s.summary).bind(18, s.id);
    st.run();
}

std::vector<Session> Sessions::upcoming(std::string_view team, int limit) {
    auto st = db_.prepare(select_sql(
        "WHERE team=? AND status IN ('planned','running') ORDER BY start_at, id LIMIT ?"));
    st.bind(1, team).bind(2, limit);
    return read_all(st);
}

std::int64_t Sessions::count_upcoming(std::string_view team) {
    auto st =
        db_.prepare("SELECT COUNT(*) FROM casus WHERE team=? AND status IN ('planned','running')");
    st.bind(1, team);
    return st.step() ? st.column_int(0) : 0;
}

std::vector<Session> Sessions::running_in_room(std::string_view room_id) {
    auto st = db_.prepare(select_sql(
        "WHERE room_id=? AND status='running' ORDER BY COALESCE(started_at, start_at) DESC, id "
        "DESC"));
    st.bind(1, room_id);
    return read_all(st);
}

std::optional<Session> Sessions::by_root(std::string_view root_event_id) {
    auto st = db_.prepare(select_sql("WHERE root_event_id=?"));
    st.bind(1, root_event_id);
    if (!st.step()) return std::nullopt;
    return read_session(st);
}

std::vector<Session> Sessions::between(std::string_view team, std::int64_t from, std::int64_t to) {
    auto st = db_.prepare(
        select_sql("WHERE team=? AND start_at>=? AND start_at<? ORDER BY start_at, id"));
    st.bind(1, team).bind(2, from).bind(3, to);
    return read_all(st);
}

std::optional<Session> Sessions::planned_of_reeks(std::int64_t reeks_id) {
    auto st = db_.prepare(
        select_sql("WHERE reeks_id=? AND status='planned' ORDER BY start_at DESC LIMIT 1"));
    st.bind(1, reeks_id);
    if (!st.step()) return std::nullopt;
    return read_session(st);
}

void Sessions::link_inbreng(std::int64_t casus_id, std::int64_t inbreng_id) {
    auto st = db_.prepare("INSERT OR IGNORE INTO casus_inbreng(casus_id, inbreng_id) VALUES(?,?)");
    st.bind(1, casus_id).bind(2, inbreng_id).run();
}

std::vector<std::int64_t> Sessions::linked_inbreng(std::int64_t casus_id) {
    auto st =
        db_.prepare("SELECT inbreng_id FROM casus_inbreng WHERE casus_id=? ORDER BY inbreng_id");
    st.bind(1, casus_id);
    std::vector<std::int64_t> out;
    while (st.step()) out.push_back(st.column_int(0));
    return out;
}

void Sessions::add_lesson(std::int64_t casus_id, std::string_view text, std::int64_t now) {
    auto st = db_.prepare("INSERT INTO casus_les(casus_id, text, created_at) VALUES(?,?,?)");
    st.bind(1, casus_id).bind(2, text).bind(3, now).run();
}

namespace {
std::vector<Lesson> read_lessons(storage::Statement& st) {
    std::vector<Lesson> out;
    while (st.step())
        out.push_back(
            Lesson{st.column_int(0), st.column_int(1), st.column_text(2), st.column_int(3)});
    return out;
}
std::vector<Action> read_actions(storage::Statement& st) {
    std::vector<Action> out;
    while (st.step())
        out.push_back(Action{st.column_int(0), st.column_int(1), st.column_text(2),
                             st.column_text(3), st.column_int_opt(4), st.column_int_opt(5),
                             st.column_int(6)});
    return out;
}
}  // namespace

std::vector<Lesson> Sessions::lessons(std::int64_t casus_id) {
    auto st = db_.prepare(
        "SELECT id, casus_id, text, created_at FROM casus_les WHERE casus_id=? ORDER BY id");
    st.bind(1, casus_id);
    return read_lessons(st);
}

std::vector<Lesson> Sessions::lessons_between(std::string_view team, std::int64_t from,
                                              std::int64_t to) {
    auto st = db_.prepare(
        "SELECT l.id, l.casus_id, l.text, l.created_at FROM casus_les l, casus c "
        "WHERE c.id=l.casus_id AND c.team=? AND l.created_at>=? AND l.created_at<? ORDER BY l.id");
    st.bind(1, team).bind(2, from).bind(3, to);
    return read_lessons(st);
}

std::int64_t Sessions::add_action(const Action& a) {
    auto st = db_.prepare(
        "INSERT INTO casus_actie(casus_id, text, owner, due_at, besluit_id, created_at) "
        "VALUES(?,?,?,?,?,?)");
    st.bind(1, a.casus_id).bind(2, a.text).bind(3, a.owner).bind(4, a.due_at);
    st.bind(5, a.besluit_id).bind(6, a.created_at).run();
    return db_.last_insert_rowid();
}

std::vector<Action> Sessions::actions(std::int64_t casus_id) {
    auto st = db_.prepare(
        "SELECT id, casus_id, text, owner, due_at, besluit_id, created_at FROM casus_actie "
        "WHERE casus_id=? ORDER BY id");
    st.bind(1, casus_id);
    return read_actions(st);
}

std::vector<Action> Sessions::actions_between(std::string_view team, std::int64_t from,
                                              std::int64_t to) {
    auto st = db_.prepare(
        "SELECT a.id, a.casus_id, a.text, a.owner, a.due_at, a.besluit_id, a.created_at "
        "FROM casus_actie a, casus c WHERE c.id=a.casus_id AND c.team=? AND a.created_at>=? "
        "AND a.created_at<? ORDER BY a.id");
    st.bind(1, team).bind(2, from).bind(3, to);
    return read_actions(st);
}

std::int64_t Sessions::add_participant(std::int64_t casus_id, std::string_view sender_hash) {
    auto st =
        db_.prepare("INSERT OR IGNORE INTO casus_deelnemer(casus_id, sender_hash) VALUES(?,?)");
    st.bind(1, casus_id).bind(2, sender_hash).run();
    return participant_count(casus_id);
}

std::int64_t Sessions::participant_count(std::int64_t casus_id) {
    auto st = db_.prepare("SELECT COUNT(*) FROM casus_deelnemer WHERE casus_id=?");
    st.bind(1, casus_id);
    return st.step() ? st.column_int(0) : 0;
}

void Sessions::forget_participants(std::int64_t casus_id) {
    auto st = db_.prepare("DELETE FROM casus_deelnemer WHERE casus_id=?");
    st.bind(1, casus_id).run();
}

std::vector<std::pair<std::string, std::int64_t>> Sessions::last_in_role(std::string_view team,
                                                                         std::string_view rol) {
    // Column names cannot be bound; `rol` picks one of two fixed statements.
    const bool leider = rol == "gespreksleider";
    auto st = db_.prepare(
        leider ? "SELECT gespreksleider, MAX(start_at) FROM casus WHERE team=? AND "
                 "gespreksleider IS NOT NULL AND gespreksleider_state!='none' AND status IN "
                 "('planned','running','done') GROUP BY gespreksleider"
               : "SELECT inbrenger, MAX(start_at) FROM casus WHERE team=? AND inbrenger IS NOT "
                 "NULL AND inbrenger_state!='none' AND status IN ('planned','running','done') "
                 "GROUP BY inbrenger");
    st.bind(1, team);
    std::vector<std::pair<std::string, std::int64_t>> out;
    while (st.step()) out.emplace_back(st.column_text(0), st.column_int(1));
    return out;
}

void Sessions::add_proposal(const Proposal& p) {
    auto st = db_.prepare(
        "INSERT INTO casus_voorstel(casus_id, rol, user_id, asked_at, deadline_at, answer) "
        "VALUES(?,?,?,?,?,?) ON CONFLICT(casus_id, rol, user_id) DO UPDATE SET "
        "asked_at=excluded.asked_at, deadline_at=excluded.deadline_at, answer=excluded.answer");
    st.bind(1, p.casus_id).bind(2, p.rol).bind(3, p.user_id).bind(4, p.asked_at);
    st.bind(5, p.deadline_at).bind(6, p.answer).run();
}

std::vector<Proposal> Sessions::proposals(std::int64_t casus_id) {
    auto st = db_.prepare(
        "SELECT casus_id, rol, user_id, asked_at, deadline_at, answer FROM casus_voorstel "
        "WHERE casus_id=? ORDER BY asked_at, user_id");
    st.bind(1, casus_id);
    std::vector<Proposal> out;
    while (st.step())
        out.push_back(Proposal{st.column_int(0), st.column_text(1), st.column_text(2),
                               st.column_int(3), st.column_int(4), st.column_text(5)});
    return out;
}

void Sessions::answer_proposal(std::int64_t casus_id, std::string_view rol, std::string_view user,
                               std::string_view answer) {
    auto st =
        db_.prepare("UPDATE casus_voorstel SET answer=? WHERE casus_id=? AND rol=? AND user_id=?");
    st.bind(1, answer).bind(2, casus_id).bind(3, rol).bind(4, user).run();
}

void Sessions::set_pause(std::string_view team, std::string_view user,
                         std::optional<std::int64_t> until) {
    auto st = db_.prepare(
        "INSERT INTO casus_pauze(team, user_id, until_at) VALUES(?,?,?) "
        "ON CONFLICT(team, user_id) DO UPDATE SET until_at=excluded.until_at");
    st.bind(1, team).bind(2, user).bind(3, until).run();
}

bool Sessions::clear_pause(std::string_view team, std::string_view user) {
    auto st = db_.prepare("DELETE FROM casus_pauze WHERE team=? AND user_id=?");
    st.bind(1, team).bind(2, user).run();
    return db_.changes() > 0;
}

std::vector<std::string> Sessions::paused(std::string_view team, std::int64_t now) {
    auto st = db_.prepare(
        "SELECT user_id FROM casus_pauze WHERE team=? AND (until_at IS NULL OR until_at>?) "
        "ORDER BY user_id");
    st.bind(1, team).bind(2, now);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.column_text(0));
    return out;
}

}  // namespace dialoog::casus
