#include "storage/jobs.hpp"

namespace dialoog::storage {

void Jobs::upsert(std::string_view kind, std::string_view key, std::int64_t due_at,
                  std::string_view payload) {
    auto st = db_.prepare(
        "INSERT INTO jobs(kind, key, due_at, payload) VALUES(?,?,?,?) ON CONFLICT(key) DO "
        "UPDATE SET kind=excluded.kind, due_at=excluded.due_at, payload=excluded.payload");
    st.bind(1, kind).bind(2, key).bind(3, due_at).bind(4, payload).run();
}

void Jobs::remove(std::string_view key) {
    auto st = db_.prepare("DELETE FROM jobs WHERE key=?");
    st.bind(1, key).run();
}

int Jobs::remove_prefix(std::string_view prefix) {
    auto st = db_.prepare("DELETE FROM jobs WHERE substr(key, 1, ?) = ?");
    st.bind(1, static_cast<std::int64_t>(prefix.size())).bind(2, prefix).run();
    return db_.changes();
}

namespace {
Job read_job(Statement& st) {
    return Job{st.column_int(0), st.column_text(1), st.column_text(2), st.column_int(3),
               st.column_text(4)};
}
}  // namespace

std::optional<Job> Jobs::get(std::string_view key) {
    auto st = db_.prepare("SELECT id, kind, key, due_at, payload FROM jobs WHERE key=?");
    st.bind(1, key);
    if (st.step()) return read_job(st);
    return std::nullopt;
}

std::vector<Job> Jobs::due(std::int64_t now_ms, int limit) {
    auto st = db_.prepare(
        "SELECT id, kind, key, due_at, payload FROM jobs WHERE due_at <= ? ORDER BY due_at, id "
        "LIMIT ?");
    st.bind(1, now_ms).bind(2, limit);
    std::vector<Job> out;
    while (st.step()) out.push_back(read_job(st));
    return out;
}

std::optional<std::int64_t> Jobs::next_due_at() {
    auto st = db_.prepare("SELECT MIN(due_at) FROM jobs");
    if (st.step()) return st.column_int_opt(0);
    return std::nullopt;
}

std::vector<Job> Jobs::upcoming(int limit) {
    auto st =
        db_.prepare("SELECT id, kind, key, due_at, payload FROM jobs ORDER BY due_at, id LIMIT ?");
    st.bind(1, limit);
    std::vector<Job> out;
    while (st.step()) out.push_back(read_job(st));
    return out;
}

std::int64_t Jobs::count() {
    return db_.scalar_int("SELECT COUNT(*) FROM jobs");
}

std::vector<std::string> Jobs::keys_of_kind(std::string_view kind) {
    auto st = db_.prepare("SELECT key FROM jobs WHERE kind=? ORDER BY key");
    st.bind(1, kind);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.column_text(0));
    return out;
}

JobCounts Jobs::counts(std::int64_t now_ms) {
    JobCounts c;
    auto st = db_.prepare("SELECT COUNT(*), COALESCE(SUM(due_at<=?1),0) FROM jobs");
    st.bind(1, now_ms);
    if (st.step()) {
        c.total = st.column_int(0);
        c.due = st.column_int(1);
    }
    return c;
}

}  // namespace dialoog::storage
