#include "storage/casus/series.hpp"

namespace dialoog::casus {

namespace {

constexpr const char* kSelect =
    "SELECT id, team, room_id, weekday, minute_of_day, every_weeks, anchor_year, anchor_week, "
    "method, title, source, yaml_key, active, created_by, created_at FROM casus_reeks ";

Reeks read(const storage::Statement& st) {
    Reeks r;
    r.id = st.column_int(0);
    r.team = st.column_text(1);
    r.room_id = st.column_text(2);
    r.weekday = static_cast<int>(st.column_int(3));
    r.minute_of_day = static_cast<int>(st.column_int(4));
    r.every_weeks = static_cast<int>(st.column_int(5));
    r.anchor_year = static_cast<int>(st.column_int(6));
    r.anchor_week = static_cast<int>(st.column_int(7));
    r.method = st.column_text(8);
    r.title = st.column_text(9);
    r.source = st.column_text(10);
    r.yaml_key = st.column_text_opt(11);
    r.active = st.column_int(12) != 0;
    r.created_by = st.column_text(13);
    r.created_at = st.column_int(14);
    return r;
}

std::vector<Reeks> read_all(storage::Statement& st) {
    std::vector<Reeks> out;
    while (st.step()) out.push_back(read(st));
    return out;
}

}  // namespace

std::int64_t SeriesStore::insert(const Reeks& r) {
    auto st = db_.prepare(
        "INSERT INTO casus_reeks(team, room_id, weekday, minute_of_day, every_weeks, "
        "anchor_year, anchor_week, method, title, source, yaml_key, active, created_by, "
        "created_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, r.team).bind(2, r.room_id).bind(3, r.weekday).bind(4, r.minute_of_day);
    st.bind(5, r.every_weeks).bind(6, r.anchor_year).bind(7, r.anchor_week).bind(8, r.method);
    st.bind(9, r.title).bind(10, r.source).bind(11, r.yaml_key).bind(12, r.active ? 1 : 0);
    st.bind(13, r.created_by).bind(14, r.created_at).run();
    return db_.last_insert_rowid();
}

std::optional<Reeks> SeriesStore::get(std::int64_t id) {
    auto st = db_.prepare(std::string(kSelect) + "WHERE id=?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read(st);
}

std::vector<Reeks> SeriesStore::active(std::string_view team) {
    auto st = db_.prepare(std::string(kSelect) + "WHERE team=? AND active=1 ORDER BY id");
    st.bind(1, team);
    return read_all(st);
}

std::vector<Reeks> SeriesStore::all_active() {
    auto st = db_.prepare(std::string(kSelect) + "WHERE active=1 ORDER BY id");
    return read_all(st);
}

std::optional<Reeks> SeriesStore::by_yaml_key(std::string_view team, std::string_view yaml_key) {
    auto st = db_.prepare(std::string(kSelect) +
                          "WHERE team=? AND yaml_key=? AND source='yaml' ORDER BY id DESC");
    st.bind(1, team).bind(2, yaml_key);
    if (!st.step()) return std::nullopt;
    return read(st);
}

void SeriesStore::set_active(std::int64_t id, bool active) {
    auto st = db_.prepare("UPDATE casus_reeks SET active=? WHERE id=?");
    st.bind(1, active ? 1 : 0).bind(2, id).run();
}

}  // namespace dialoog::casus
