#include "storage/intervisie/prompt_posts.hpp"

namespace dialoog::intervisie {

namespace {
constexpr const char* kSelect =
    "SELECT id, team, room_id, prompt_id, cycle, posted_at, root_event_id, replies FROM "
    "intervisie_post ";

PromptPost read(const storage::Statement& st) {
    return PromptPost{st.column_int(0),
                      st.column_text(1),
                      st.column_text(2),
                      st.column_text(3),
                      static_cast<int>(st.column_int(4)),
                      st.column_int(5),
                      st.column_text_opt(6),
                      static_cast<int>(st.column_int(7))};
}
}  // namespace

std::int64_t PromptPosts::insert(const PromptPost& p) {
    auto st = db_.prepare(
        "INSERT INTO intervisie_post(team, room_id, prompt_id, cycle, posted_at) "
        "VALUES(?,?,?,?,?)");
    st.bind(1, p.team).bind(2, p.room_id).bind(3, p.prompt_id).bind(4, p.cycle);
    st.bind(5, p.posted_at).run();
    return db_.last_insert_rowid();
}

std::optional<PromptPost> PromptPosts::get(std::int64_t id) {
    auto st = db_.prepare(std::string(kSelect) + "WHERE id=?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read(st);
}

std::optional<PromptPost> PromptPosts::by_root(std::string_view root_event_id) {
    auto st = db_.prepare(std::string(kSelect) + "WHERE root_event_id=?");
    st.bind(1, root_event_id);
    if (!st.step()) return std::nullopt;
    return read(st);
}

void PromptPosts::set_root(std::int64_t id, std::string_view root_event_id) {
    auto st = db_.prepare(
        "UPDATE intervisie_post SET root_event_id=? WHERE id=? AND root_event_id IS NULL");
    st.bind(1, root_event_id).bind(2, id).run();
}

int PromptPosts::current_cycle(std::string_view team) {
    auto st = db_.prepare("SELECT COALESCE(MAX(cycle), 0) FROM intervisie_post WHERE team=?");
    st.bind(1, team);
    return st.step() ? static_cast<int>(st.column_int(0)) : 0;
}

std::set<std::string> PromptPosts::used_in_cycle(std::string_view team, int cycle) {
    auto st = db_.prepare("SELECT prompt_id FROM intervisie_post WHERE team=? AND cycle=?");
    st.bind(1, team).bind(2, cycle);
    std::set<std::string> out;
    while (st.step()) out.insert(st.column_text(0));
    return out;
}

int PromptPosts::add_replier(std::int64_t post_id, std::string_view sender_hash) {
    auto ins =
        db_.prepare("INSERT OR IGNORE INTO intervisie_replier(post_id, sender_hash) VALUES(?,?)");
    ins.bind(1, post_id).bind(2, sender_hash).run();
    if (db_.changes() > 0) {
        auto up = db_.prepare("UPDATE intervisie_post SET replies=replies+1 WHERE id=?");
        up.bind(1, post_id).run();
    }
    auto st = db_.prepare("SELECT replies FROM intervisie_post WHERE id=?");
    st.bind(1, post_id);
    return st.step() ? static_cast<int>(st.column_int(0)) : 0;
}

void PromptPosts::forget_repliers_before(std::int64_t cutoff) {
    auto st = db_.prepare(
        "DELETE FROM intervisie_replier WHERE post_id IN (SELECT id FROM intervisie_post WHERE "
        "posted_at<=?)");
    st.bind(1, cutoff).run();
}

std::vector<PromptPost> PromptPosts::between(std::string_view team, std::int64_t from,
                                             std::int64_t to) {
    auto st = db_.prepare(std::string(kSelect) +
                          "WHERE team=? AND posted_at>=? AND posted_at<? ORDER BY posted_at, id");
    st.bind(1, team).bind(2, from).bind(3, to);
    std::vector<PromptPost> out;
    while (st.step()) out.push_back(read(st));
    return out;
}

}  // namespace dialoog::intervisie
