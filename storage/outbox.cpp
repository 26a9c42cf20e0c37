#include "storage/outbox.hpp"

namespace dialoog::storage {

const char* to_string(OutboxKind k) {
    switch (k) {
        case OutboxKind::Send:
            return "send";
        case OutboxKind::Redact:
            return "redact";
        case OutboxKind::Join:
            return "join";
        case OutboxKind::Leave:
            return "leave";
        case OutboxKind::Dm:
            return "dm";
        case OutboxKind::AccountData:
            return "account_data";
        case OutboxKind::UploadSend:
            return "upload_send";
    }
    return "send";
}

std::optional<OutboxKind> outbox_kind_from(std::string_view s) {
    for (auto k : {OutboxKind::Send, OutboxKind::Redact, OutboxKind::Join, OutboxKind::Leave,
                   OutboxKind::Dm, OutboxKind::AccountData, OutboxKind::UploadSend})
        if (s == to_string(k)) return k;
    return std::nullopt;
}

bool Outbox::enqueue(const OutboxItem& item, std::int64_t now_ms) {
    std::string lane;
    if (item.kind == OutboxKind::Dm)
        lane = "dm:" + item.target_user.value_or("");
    else if (item.kind == OutboxKind::AccountData)
        lane = "account";
    else
        lane = item.room_id.value_or("");
    auto st = db_.prepare(
        "INSERT OR IGNORE INTO outbox(kind, lane, room_id, target_user, event_type, txn_id, "
        "content, not_before, created_at, purge_after_send) VALUES(?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, to_string(item.kind))
        .bind(2, lane)
        .bind(3, item.room_id)
        .bind(4, item.target_user)
        .bind(5, item.event_type)
        .bind(6, item.txn_id)
        .bind(7, item.content)
        .bind(8, item.not_before ? item.not_before : now_ms)
        .bind(9, now_ms)
        .bind(10, item.purge_after_send ? 1 : 0)
        .run();
    return db_.changes() > 0;
}

namespace {
OutboxRow read_row(Statement& st) {
    OutboxRow r;
    r.id = st.column_int(0);
    r.kind = outbox_kind_from(st.column_text(1)).value_or(OutboxKind::Send);
    r.lane = st.column_text(2);
    r.room_id = st.column_text_opt(3);
    r.target_user = st.column_text_opt(4);
    r.event_type = st.column_text_opt(5);
    r.txn_id = st.column_text(6);
    r.content = st.column_text(7);
    r.attempts = static_cast<int>(st.column_int(8));
    r.not_before = st.column_int(9);
    r.created_at = st.column_int(10);
    r.purge_after_send = st.column_int(11) != 0;
    return r;
}
constexpr const char* kColumns =
    "id, kind, lane, room_id, target_user, event_type, txn_id, content, attempts, not_before, "
    "created_at, purge_after_send";
}  // namespace

std::vector<OutboxRow> Outbox::due_heads(std::int64_t now_ms, int limit) {
    auto st = db_.prepare(std::string("SELECT ") + kColumns +
                          " FROM outbox WHERE id IN (SELECT MIN(id) FROM outbox WHERE "
                          "state='pending' GROUP BY lane) AND not_before <= ? ORDER BY id "
                          "LIMIT ?");
    st.bind(1, now_ms).bind(2, limit);
    std::vector<OutboxRow> out;
    while (st.step()) out.push_back(read_row(st));
    return out;
}

std::optional<std::int64_t> Outbox::next_wake() {
    auto st = db_.prepare(
        "SELECT MIN(not_before) FROM outbox WHERE id IN (SELECT MIN(id) FROM outbox WHERE "
        "state='pending' GROUP BY lane)");
    if (st.step()) return st.column_int_opt(0);
    return std::nullopt;
}

void Outbox::mark_sent(std::int64_t id, std::int64_t now_ms) {
    // Rows of a DM intake are deleted at once: the outbox must not keep client text.
    auto del = db_.prepare("DELETE FROM outbox WHERE id=? AND purge_after_send=1");
    del.bind(1, id).run();
    auto st = db_.prepare(
        "UPDATE outbox SET state='sent', sent_at=?, attempts=attempts+1, last_error=NULL "
        "WHERE id=?");
    st.bind(1, now_ms).bind(2, id).run();
}

void Outbox::mark_retry(std::int64_t id, std::int64_t not_before_ms, std::string_view error) {
    auto st =
        db_.prepare("UPDATE outbox SET attempts=attempts+1, not_before=?, last_error=? WHERE id=?");
    st.bind(1, not_before_ms).bind(2, error).bind(3, id).run();
}

void Outbox::mark_failed(std::int64_t id, std::string_view error) {
    auto st = db_.prepare(
        "UPDATE outbox SET state='failed', attempts=attempts+1, last_error=? WHERE id=?");
    st.bind(1, error).bind(2, id).run();
}

void Outbox::resolve_dm(std::int64_t id, std::string_view room_id) {
    auto st = db_.prepare(
        "UPDATE outbox SET kind='send', room_id=?, event_type=COALESCE(event_type, "
        "'m.room.message') WHERE id=?");
    st.bind(1, room_id).bind(2, id).run();
}

void Outbox::reopen_dm(std::int64_t id) {
    auto st =
        db_.prepare("UPDATE outbox SET kind='dm', room_id=NULL, attempts=attempts+1 WHERE id=?");
    st.bind(1, id).run();
}

void Outbox::resolve_upload(std::int64_t id, std::string_view message_json) {
    auto st = db_.prepare(
        "UPDATE outbox SET kind='send', content=?, event_type=COALESCE(event_type, "
        "'m.room.message') WHERE id=? AND kind='upload_send'");
    st.bind(1, message_json).bind(2, id).run();
}

int Outbox::fail_room(std::string_view room_id, std::string_view reason) {
    auto st = db_.prepare(
        "UPDATE outbox SET state='failed', last_error=? WHERE state='pending' AND room_id=? "
        "AND kind<>'leave'");
    st.bind(1, reason).bind(2, room_id).run();
    return db_.changes();
}

int Outbox::prune_sent(std::int64_t cutoff_ms) {
    auto st = db_.prepare("DELETE FROM outbox WHERE state='sent' AND sent_at < ?");
    st.bind(1, cutoff_ms).run();
    return db_.changes();
}

int Outbox::clear_failed() {
    db_.exec("DELETE FROM outbox WHERE state='failed'");
    return db_.changes();
}

OutboxCounts Outbox::counts() {
    OutboxCounts c;
    auto st = db_.prepare("SELECT state, COUNT(*) FROM outbox GROUP BY state");
    while (st.step()) {
        auto s = st.column_text(0);
        if (s == "pending") c.pending = st.column_int(1);
        if (s == "failed") c.failed = st.column_int(1);
        if (s == "sent") c.sent = st.column_int(1);
    }
    return c;
}

OutboxHealth Outbox::health(std::int64_t now_ms) {
    OutboxHealth h;
    auto st = db_.prepare(
        "SELECT COALESCE(SUM(state='pending'),0), COALESCE(SUM(state='failed'),0), "
        "MIN(CASE WHEN state='pending' AND not_before<=?1 THEN not_before END) FROM outbox");
    st.bind(1, now_ms);
    if (st.step()) {
        h.pending = st.column_int(0);
        h.failed = st.column_int(1);
        h.oldest_due_ms = st.column_int_opt(2);
    }
    return h;
}

std::vector<OutboxRow> Outbox::failed_rows(int limit) {
    auto st = db_.prepare(std::string("SELECT ") + kColumns +
                          " FROM outbox WHERE state='failed' ORDER BY id LIMIT ?");
    st.bind(1, limit);
    std::vector<OutboxRow> out;
    while (st.step()) out.push_back(read_row(st));
    return out;
}

}  // namespace dialoog::storage
