#include "storage/inbreng/inputs.hpp"

namespace dialoog::inbreng {

std::string join_tags(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& t : tags) {
        if (t.empty()) continue;
        if (!out.empty()) out += ',';
        out += t;
    }
    return out;
}

std::vector<std::string> split_tags(std::string_view joined) {
    std::vector<std::string> out;
    while (!joined.empty()) {
        auto comma = joined.find(',');
        auto part = joined.substr(0, comma);
        if (!part.empty()) out.emplace_back(part);
        if (comma == std::string_view::npos) break;
        joined.remove_prefix(comma + 1);
    }
    return out;
}

namespace {

constexpr const char* kColumns = "SELECT id, team, week, tags, text FROM inbreng_input ";

Input read_row(storage::Statement& st) {
    Input in;
    in.id = st.column_int(0);
    in.team = st.column_text(1);
    in.week = st.column_text(2);
    in.tags = split_tags(st.column_text(3));
    in.text = st.column_text(4);
    return in;
}

std::vector<Input> read_all(storage::Statement& st) {
    std::vector<Input> out;
    while (st.step()) out.push_back(read_row(st));
    return out;
}

}  // namespace

std::int64_t Inputs::insert(const NewInput& in) {
    auto st = db_.prepare(
        "INSERT INTO inbreng_input(team, week, week_monday, tags, text, code_hash) "
        "VALUES(?, ?, ?, ?, ?, ?)");
    st.bind(1, in.team)
        .bind(2, in.week)
        .bind(3, in.week_monday_days)
        .bind(4, join_tags(in.tags))
        .bind(5, in.text)
        .bind(6, in.code_hash)
        .run();
    return db_.last_insert_rowid();
}

std::optional<Input> Inputs::get(std::int64_t id, std::string_view team) {
    auto st = db_.prepare(std::string(kColumns) + "WHERE id=? AND team=?");
    st.bind(1, id).bind(2, team);
    if (!st.step()) return std::nullopt;
    return read_row(st);
}

std::vector<Input> Inputs::recent(std::string_view team, int limit,
                                  std::optional<std::string_view> tag) {
    if (tag) {
        // Tags are stored "a,b": wrap in commas so "werk" does not match "werkgever".
        auto st = db_.prepare(std::string(kColumns) +
                              "WHERE team=? AND instr(',' || tags || ',', ',' || ? || ',') > 0 "
                              "ORDER BY id DESC LIMIT ?");
        st.bind(1, team).bind(2, *tag).bind(3, limit);
        return read_all(st);
    }
    auto st = db_.prepare(std::string(kColumns) + "WHERE team=? ORDER BY id DESC LIMIT ?");
    st.bind(1, team).bind(2, limit);
    return read_all(st);
}

std::vector<Input> Inputs::of_week(std::string_view team, std::string_view week) {
    auto st = db_.prepare(std::string(kColumns) + "WHERE team=? AND week=? ORDER BY id");
    st.bind(1, team).bind(2, week);
    return read_all(st);
}

std::vector<Input> Inputs::all_of_team(std::string_view team) {
    auto st = db_.prepare(std::string(kColumns) + "WHERE team=? ORDER BY id");
    st.bind(1, team);
    return read_all(st);
}

bool Inputs::code_hash_exists(std::string_view code_hash) {
    auto st = db_.prepare("SELECT 1 FROM inbreng_input WHERE code_hash=?");
    st.bind(1, code_hash);
    return st.step();
}

bool Inputs::remove_by_code_hash(std::string_view code_hash) {
    auto st = db_.prepare("DELETE FROM inbreng_input WHERE code_hash=?");
    st.bind(1, code_hash).run();
    return db_.changes() > 0;
}

int Inputs::purge_older_than(std::int64_t today_days, int retention_days) {
    auto st = db_.prepare("DELETE FROM inbreng_input WHERE week_monday + ? <= ?");
    st.bind(1, static_cast<std::int64_t>(retention_days)).bind(2, today_days).run();
    return db_.changes();
}

}  // namespace dialoog::inbreng
