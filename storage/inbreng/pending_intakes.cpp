#include "storage/inbreng/pending_intakes.hpp"

#include <nlohmann/json.hpp>

#include "storage/inbreng/inputs.hpp"

namespace dialoog::inbreng {

std::string_view to_string(Stage s) {
    switch (s) {
        case Stage::Text:
            return "text";
        case Stage::Team:
            return "team";
        case Stage::Theme:
            return "theme";
        case Stage::Confirm:
            return "confirm";
    }
    return "text";
}

Stage stage_from(std::string_view s) {
    if (s == "team") return Stage::Team;
    if (s == "theme") return Stage::Theme;
    if (s == "confirm") return Stage::Confirm;
    return Stage::Text;
}

namespace {

constexpr const char* kColumns =
    "SELECT id, sender, room_id, stage, scrubbed, team, tags, event_ids, updated_at "
    "FROM inbreng_pending ";

std::optional<PendingIntake> read_one(storage::Statement& st) {
    if (!st.step()) return std::nullopt;
    PendingIntake p;
    p.id = st.column_int(0);
    p.sender = st.column_text(1);
    p.room_id = st.column_text(2);
    p.stage = stage_from(st.column_text(3));
    p.scrubbed = st.column_text(4);
    p.team = st.column_text_opt(5);
    p.tags = split_tags(st.column_text(6));
    auto ids = nlohmann::json::parse(st.column_text(7), nullptr, false);
    if (ids.is_array())
        for (const auto& e : ids)
            if (e.is_string()) p.event_ids.push_back(e.get<std::string>());
    p.updated_at = st.column_int(8);
    return p;
}

}  // namespace

std::optional<PendingIntake> PendingIntakes::by_sender(std::string_view sender) {
    auto st = db_.prepare(std::string(kColumns) + "WHERE sender=?");
    st.bind(1, sender);
    return read_one(st);
}

std::optional<PendingIntake> PendingIntakes::by_id(std::int64_t id) {
    auto st = db_.prepare(std::string(kColumns) + "WHERE id=?");
    st.bind(1, id);
    return read_one(st);
}

std::int64_t PendingIntakes::save(PendingIntake& p) {
    nlohmann::json ids = p.event_ids;
    if (p.id == 0) {
        auto del = db_.prepare("DELETE FROM inbreng_pending WHERE sender=?");
        del.bind(1, p.sender).run();
        auto st = db_.prepare(
            "INSERT INTO inbreng_pending(sender, room_id, stage, scrubbed, team, tags, "
            "event_ids, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
        st.bind(1, p.sender)
            .bind(2, p.room_id)
            .bind(3, to_string(p.stage))
            .bind(4, p.scrubbed)
            .bind(5, p.team)
            .bind(6, join_tags(p.tags))
            .bind(7, ids.dump())
            .bind(8, p.updated_at)
            .run();
        p.id = db_.last_insert_rowid();
        return p.id;
    }
    auto st = db_.prepare(
        "UPDATE inbreng_pending SET room_id=?, stage=?, scrubbed=?, team=?, tags=?, event_ids=?, "
        "updated_at=? WHERE id=?");
    st.bind(1, p.room_id)
        .bind(2, to_string(p.stage))
        .bind(3, p.scrubbed)
        .bind(4, p.team)
        .bind(5, join_tags(p.tags))
        .bind(6, ids.dump())
        .bind(7, p.updated_at)
        .bind(8, p.id)
        .run();
    return p.id;
}

void PendingIntakes::remove(std::int64_t id) {
    auto st = db_.prepare("DELETE FROM inbreng_pending WHERE id=?");
    st.bind(1, id).run();
}

std::int64_t PendingIntakes::count() {
    return db_.scalar_int("SELECT COUNT(*) FROM inbreng_pending");
}

std::vector<std::int64_t> PendingIntakes::idle_since(std::int64_t cutoff_ms) {
    auto st = db_.prepare("SELECT id FROM inbreng_pending WHERE updated_at <= ? ORDER BY id");
    st.bind(1, cutoff_ms);
    std::vector<std::int64_t> ids;
    while (st.step()) ids.push_back(st.column_int(0));
    return ids;
}

}  // namespace dialoog::inbreng
