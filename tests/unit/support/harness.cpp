#include "support/harness.hpp"

#include <cstdlib>

#include "commands/core/core_feature.hpp"
#include "storage/kv_store.hpp"

namespace dialoog::testing {

using nlohmann::json;

Harness::Harness(std::vector<std::unique_ptr<commands::Feature>> features,
                 const std::string& config_yaml, UtcMs start)
    : clock_(start) {
    // The config needs a token source; tests never talk to a server.
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "test-token", 0);
    features_.push_back(std::make_unique<commands::CoreFeature>());
    for (auto& f : features) features_.push_back(std::move(f));
    std::vector<config::SectionSchema> sections;
    for (auto& f : features_) {
        f->add_texts(texts_);
        f->add_commands(registry_);
        f->add_jobs(jobs_);
        for (auto& s : f->config_sections()) sections.push_back(std::move(s));
    }
    auto res = config::load_config_text(config_yaml, sections, "<test>");
    if (!res.config) {
        std::string all;
        for (const auto& e : res.errors) all += e.to_string() + "\n";
        throw std::runtime_error("test config invalid:\n" + all);
    }
    cfg_ = res.config;
    db_ = std::make_unique<storage::Database>(":memory:");
    storage::migrate_core(*db_);
    std::vector<commands::Feature*> fs;
    for (auto& f : features_) {
        storage::migrate_owner(*db_, f->name(), f->migrations());
        fs.push_back(f.get());
    }
    services_.reset(new commands::Services{*db_, cfg_, texts_, registry_, jobs_, clock_,
                                           storage::HandledEvents::load_or_create_key(*db_), fs});
    dispatcher_ = std::make_unique<commands::Dispatcher>(*services_);
    processor_ = std::make_unique<engine::SyncProcessor>(*services_, *dispatcher_);
    storage::Transaction tx(*db_);
    for (auto* f : fs) f->on_start(*services_);
    tx.commit();
    // Not a first start: the backlog rule would swallow test events.
    storage::KvStore(*db_).set("next_batch", "s0");
}

std::string Harness::next_event_id() {
    return "$ev" + std::to_string(++event_seq_) + ":hs";
}

void Harness::push(matrix::SyncResponse resp) {
    resp.next_batch = "s" + std::to_string(++batch_seq_);
    processor_->process(resp, false);
}

void Harness::join_room(const std::string& room_id, const std::vector<std::string>& members,
                        const std::map<std::string, int>& power) {
    matrix::JoinedRoom jr;
    jr.room_id = room_id;
    auto state = [&](const std::string& type, const std::string& key, json content,
                     const std::string& sender) {
        matrix::Event ev;
        ev.event_id = next_event_id();
        ev.type = type;
        ev.sender = sender;
        ev.room_id = room_id;
        ev.state_key = key;
        ev.origin_server_ts = to_epoch_ms(clock_.now());
        ev.content = std::move(content);
        jr.state.push_back(std::move(ev));
    };
    std::string creator = members.empty() ? kBot : members.front();
    state("m.room.create", "", {{"room_version", "10"}}, creator);
    json users = json::object();
    for (const auto& [u, l] : power) users[u] = l;
    state("m.room.power_levels", "", {{"users", users}, {"users_default", 0}}, creator);
    state("m.room.member", kBot, {{"membership", "join"}}, kBot);
    for (const auto& m : members) state("m.room.member", m, {{"membership", "join"}}, m);
    matrix::SyncResponse resp;
    resp.join.push_back(std::move(jr));
    push(std::move(resp));
}

void Harness::make_dm(const std::string& room_id, const std::string& user) {
    join_room(room_id, {user});
    storage::Rooms(*db_).set_dm_room(user, room_id, to_epoch_ms(clock_.now()));
    storage::Rooms(*db_).set_direct(room_id, true);
}

std::string Harness::send_event(const std::string& room_id, const std::string& sender,
                                const std::string& type, const json& content,
                                std::optional<std::string> state_key) {
    matrix::Event ev;
    ev.event_id = next_event_id();
    ev.type = type;
    ev.sender = sender;
    ev.room_id = room_id;
    ev.state_key = std::move(state_key);
    ev.origin_server_ts = to_epoch_ms(clock_.now());
    ev.content = content;
    matrix::JoinedRoom jr;
    jr.room_id = room_id;
    jr.timeline.push_back(ev);
    matrix::SyncResponse resp;
    resp.join.push_back(std::move(jr));
    push(std::move(resp));
    return ev.event_id;
}

std::string Harness::send(const std::string& room_id, const std::string& sender,
                          const std::string& body, const json& content_extra) {
    json content = {{"msgtype", "m.text"}, {"body", body}};
    for (auto& [k, v] : content_extra.items()) content[k] = v;
    return send_event(room_id, sender, "m.room.message", content);
}

std::string Harness::send_in_thread(const std::string& room_id, const std::string& sender,
                                    const std::string& body, const std::string& thread_root) {
    return send(room_id, sender, body,
                {{"m.relates_to",
                  {{"rel_type", "m.thread"},
                   {"event_id", thread_root},
                   {"is_falling_back", true},
                   {"m.in_reply_to", {{"event_id", thread_root}}}}}});
}

void Harness::redeliver(const std::string& room_id, const std::string& event_id,
                        const std::string& sender, const std::string& body) {
    matrix::Event ev;
    ev.event_id = event_id;
    ev.type = "m.room.message";
    ev.sender = sender;
    ev.room_id = room_id;
    ev.origin_server_ts = to_epoch_ms(clock_.now());
    ev.content = {{"msgtype", "m.text"}, {"body", body}};
    matrix::JoinedRoom jr;
    jr.room_id = room_id;
    jr.timeline.push_back(ev);
    matrix::SyncResponse resp;
    resp.join.push_back(std::move(jr));
    push(std::move(resp));
}

engine::JobStats Harness::fire_jobs() {
    return engine::run_due_jobs(*services_, to_epoch_ms(clock_.now()));
}

void Harness::advance(std::chrono::milliseconds d) {
    clock_.advance(d);
    fire_jobs();
}

std::vector<SentMessage> Harness::pending() {
    std::vector<SentMessage> out;
    auto st = db_->prepare(
        "SELECT kind, COALESCE(room_id,''), COALESCE(target_user,''), content, txn_id FROM outbox "
        "WHERE state='pending' ORDER BY id");
    while (st.step()) {
        SentMessage m;
        m.kind = st.column_text(0);
        m.room_id = st.column_text(1);
        m.target_user = st.column_text(2);
        m.content = json::parse(st.column_text(3), nullptr, false);
        m.txn_id = st.column_text(4);
        out.push_back(std::move(m));
    }
    return out;
}

std::vector<SentMessage> Harness::take() {
    auto out = pending();
    db_->exec("UPDATE outbox SET state='sent', sent_at=0 WHERE state='pending'");
    db_->exec("DELETE FROM outbox WHERE purge_after_send=1 AND state='sent'");
    return out;
}

std::vector<std::string> Harness::take_bodies(const std::string& room_id) {
    std::vector<std::string> out;
    for (const auto& m : take())
        if (m.room_id == room_id && m.kind == "send") out.push_back(m.body());
    return out;
}

std::string Harness::last_body() {
    auto all = take();
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (it->kind == "send" || it->kind == "dm") return it->body();
    ADD_FAILURE() << "no message in the outbox";
    return {};
}

}  // namespace dialoog::testing
