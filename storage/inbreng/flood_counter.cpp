#include "storage/inbreng/flood_counter.hpp"

#include "common/keyed_hash.hpp"

namespace dialoog::inbreng {

void FloodCounter::rotate(std::string_view day) {
    auto st = db_.prepare("SELECT day FROM inbreng_flood_key WHERE id=1");
    if (st.step() && st.column_text(0) == day) return;
    db_.exec("DELETE FROM inbreng_flood");
    auto up = db_.prepare(
        "INSERT INTO inbreng_flood_key(id, day, key) VALUES(1, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET day=excluded.day, key=excluded.key");
    up.bind(1, day).bind(2, to_hex(random_bytes(32))).run();
}

std::string FloodCounter::mark(std::string_view day, std::string_view sender) {
    rotate(day);
    auto st = db_.prepare("SELECT key FROM inbreng_flood_key WHERE id=1");
    st.step();
    return hmac_hex(from_hex(st.column_text(0)), sender, 16);
}

int FloodCounter::count(std::string_view day, std::string_view sender) {
    auto m = mark(day, sender);
    auto st = db_.prepare("SELECT count FROM inbreng_flood WHERE mark=?");
    st.bind(1, m);
    return st.step() ? static_cast<int>(st.column_int(0)) : 0;
}

void FloodCounter::add(std::string_view day, std::string_view sender) {
    auto m = mark(day, sender);
    auto st = db_.prepare(
        "INSERT INTO inbreng_flood(mark, count) VALUES(?, 1) "
        "ON CONFLICT(mark) DO UPDATE SET count=count+1");
    st.bind(1, m).run();
}

}  // namespace dialoog::inbreng
