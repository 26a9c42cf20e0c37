#include "storage/handled_events.hpp"

#include "common/keyed_hash.hpp"
#include "storage/kv_store.hpp"

namespace dialoog::storage {

std::string HandledEvents::mark_of(std::string_view event_id) {
    if (!last_mark_.empty() && last_id_ == event_id) return last_mark_;
    auto mac = hmac_sha256(key_, event_id);
    // 16 bytes: a collision among even 10^9 marks has a chance far below 10^-20.
    last_id_.assign(event_id);
    last_mark_.assign(reinterpret_cast<const char*>(mac.data()), 16);
    return last_mark_;
}

bool HandledEvents::seen(std::string_view event_id) {
    auto mark = mark_of(event_id);
    auto st = db_.prepare("SELECT 1 FROM handled_events WHERE mark=?");
    st.bind_blob(1, mark.data(), static_cast<int>(mark.size()));
    return st.step();
}

void HandledEvents::mark(std::string_view event_id, std::int64_t now_ms) {
    auto mark = mark_of(event_id);
    auto st = db_.prepare("INSERT OR IGNORE INTO handled_events(mark, handled_at) VALUES(?, ?)");
    st.bind_blob(1, mark.data(), static_cast<int>(mark.size())).bind(2, now_ms).run();
}

int HandledEvents::prune(std::int64_t cutoff_ms) {
    auto st = db_.prepare("DELETE FROM handled_events WHERE handled_at < ?");
    st.bind(1, cutoff_ms).run();
    return db_.changes();
}

std::string HandledEvents::load_or_create_key(Database& db) {
    KvStore kv(db);
    if (auto hex = kv.get("event_mark_key")) {
        auto raw = from_hex(*hex);
        if (raw.size() == 32) return raw;
    }
    auto raw = random_bytes(32);
    kv.set("event_mark_key", to_hex(raw));
    return raw;
}

}  // namespace dialoog::storage
