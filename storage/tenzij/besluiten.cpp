#include "storage/tenzij/besluiten.hpp"

namespace dialoog::tenzij {

namespace {

constexpr const char* kColumns =
    "id, team, description, tenzij, owner, created_ms, due_ms, status, outcome, outcome_ms, "
    "closed_ms, source, nudge_id, last_reminded_ms, reminders_sent";

Besluit read_besluit(storage::Statement& st) {
    Besluit b;
    b.id = st.column_int(0);
    b.team = st.column_text(1);
    b.description = st.column_text(2);
    b.tenzij = st.column_text_opt(3);
    b.owner = st.column_text(4);
    b.created_ms = st.column_int(5);
    b.due_ms = st.column_int(6);
    b.status = st.column_text(7);
    b.outcome = st.column_text_opt(8);
    b.outcome_ms = st.column_int_opt(9);
    b.closed_ms = st.column_int_opt(10);
    b.source = st.column_text(11);
    b.nudge_id = st.column_int_opt(12);
    b.last_reminded_ms = st.column_int_opt(13);
    b.reminders_sent = static_cast<int>(st.column_int(14));
    return b;
}

Opvolging read_opvolging(storage::Statement& st) {
    return Opvolging{st.column_int(0),  st.column_int(1),  st.column_text(2),
                     st.column_text(3), st.column_text(4), st.column_int(5)};
}

}  // namespace

std::int64_t Besluiten::insert(const NewBesluit& b) {
    auto st = db_.prepare(
        "INSERT INTO besluit(team, description, tenzij, owner, created_ms, due_ms, status, "
        "source, nudge_id) VALUES(?,?,?,?,?,?,'open',?,?)");
    st.bind(1, b.team)
        .bind(2, b.description)
        .bind(3, b.tenzij)
        .bind(4, b.owner)
        .bind(5, b.created_ms)
        .bind(6, b.due_ms)
        .bind(7, b.source.empty() ? std::string("chat") : b.source)
        .bind(8, b.nudge_id)
        .run();
    return db_.last_insert_rowid();
}

std::optional<Besluit> Besluiten::get(std::int64_t id) {
    auto st = db_.prepare(std::string("SELECT ") + kColumns + " FROM besluit WHERE id=?");
    st.bind(1, id);
    if (st.step()) return read_besluit(st);
    return std::nullopt;
}

std::vector<Besluit> Besluiten::list(std::string_view team, BesluitFilter filter,
                                     std::string_view user, int limit) {
    std::string sql = std::string("SELECT ") + kColumns + " FROM besluit WHERE team=?";
    switch (filter) {
        case BesluitFilter::Open:
            sql += " AND status='open' ORDER BY due_ms, id";
            break;
        case BesluitFilter::Mijn:
            sql += " AND status='open' AND owner=? ORDER BY due_ms, id";
            break;
        case BesluitFilter::Alle:
            sql += " ORDER BY (status='open') DESC, due_ms, id";
            break;
    }
    sql += " LIMIT ?";
    auto st = db_.prepare(sql);
    int i = 1;
    st.bind(i++, team);
    if (filter == BesluitFilter::Mijn) st.bind(i++, user);
    st.bind(i, limit);
    std::vector<Besluit> out;
    while (st.step()) out.push_back(read_besluit(st));
    return out;
}

std::vector<Opvolging> Besluiten::opvolgingen(std::int64_t besluit_id) {
    auto st = db_.prepare(
        "SELECT id, besluit_id, kind, author, text, created_ms FROM opvolging WHERE besluit_id=? "
        "ORDER BY created_ms, id");
    st.bind(1, besluit_id);
    std::vector<Opvolging> out;
    while (st.step()) out.push_back(read_opvolging(st));
    return out;
}

std::vector<Opvolging> Besluiten::opvolgingen_between(std::string_view team, std::int64_t from_ms,
                                                      std::int64_t to_ms) {
    auto st = db_.prepare(
        "SELECT o.id, o.besluit_id, o.kind, o.author, o.text, o.created_ms FROM opvolging o "
        "JOIN besluit b ON b.id=o.besluit_id WHERE b.team=? AND o.created_ms>=? AND "
        "o.created_ms<? ORDER BY o.created_ms, o.id");
    st.bind(1, team).bind(2, from_ms).bind(3, to_ms);
    std::vector<Opvolging> out;
    while (st.step()) out.push_back(read_opvolging(st));
    return out;
}

void Besluiten::add_opvolging(std::int64_t besluit_id, std::string_view kind,
                              std::string_view author, std::string_view text, std::int64_t now_ms) {
    auto st = db_.prepare(
        "INSERT INTO opvolging(besluit_id, kind, author, text, created_ms) VALUES(?,?,?,?,?)");
    st.bind(1, besluit_id).bind(2, kind).bind(3, author).bind(4, text).bind(5, now_ms).run();
}

void Besluiten::close(std::int64_t besluit_id, std::string_view status, std::int64_t now_ms) {
    auto st = db_.prepare("UPDATE besluit SET status=?, closed_ms=? WHERE id=?");
    st.bind(1, status).bind(2, now_ms).bind(3, besluit_id).run();
}

void Besluiten::set_outcome(std::int64_t besluit_id, std::string_view outcome,
                            std::int64_t now_ms) {
    auto st = db_.prepare("UPDATE besluit SET outcome=?, outcome_ms=? WHERE id=?");
    st.bind(1, outcome).bind(2, now_ms).bind(3, besluit_id).run();
}

void Besluiten::set_due(std::int64_t besluit_id, std::int64_t due_ms) {
    auto st = db_.prepare(
        "UPDATE besluit SET due_ms=?, last_reminded_ms=NULL, reminders_sent=0 WHERE id=?");
    st.bind(1, due_ms).bind(2, besluit_id).run();
}

void Besluiten::mark_reminded(std::int64_t besluit_id, std::int64_t now_ms) {
    auto st = db_.prepare(
        "UPDATE besluit SET last_reminded_ms=?, reminders_sent=reminders_sent+1 WHERE id=?");
    st.bind(1, now_ms).bind(2, besluit_id).run();
}

bool Besluiten::has_opvolging_since(std::int64_t besluit_id, std::int64_t since_ms) {
    auto st = db_.prepare("SELECT 1 FROM opvolging WHERE besluit_id=? AND created_ms>=? LIMIT 1");
    st.bind(1, besluit_id).bind(2, since_ms);
    return st.step();
}

}  // namespace dialoog::tenzij
