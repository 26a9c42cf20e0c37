#include "storage/digest/sent_log.hpp"

#include "common/keyed_hash.hpp"

namespace dialoog::digest {

std::string DigestSentLog::leader_hash(std::string_view leader) const {
    return hmac_hex(key_, "digest-leader:" + std::string(leader), 16);
}

bool DigestSentLog::was_sent(std::string_view leader, std::string_view iso_week) {
    auto st = db_.prepare("SELECT 1 FROM digest_sent WHERE leader_hash=? AND iso_week=?");
    st.bind(1, leader_hash(leader)).bind(2, iso_week);
    return st.step();
}

bool DigestSentLog::mark_sent(std::string_view leader, std::string_view iso_week,
                              std::int64_t now_ms) {
    auto st = db_.prepare(
        "INSERT INTO digest_sent(leader_hash, iso_week, sent_at) VALUES(?,?,?) "
        "ON CONFLICT DO NOTHING");
    st.bind(1, leader_hash(leader)).bind(2, iso_week).bind(3, now_ms).run();
    return db_.changes() > 0;
}

int DigestSentLog::prune(std::int64_t cutoff_ms) {
    auto st = db_.prepare("DELETE FROM digest_sent WHERE sent_at < ?");
    st.bind(1, cutoff_ms).run();
    return db_.changes();
}

}  // namespace dialoog::digest
