#include "storage/kv_store.hpp"

namespace dialoog::storage {

std::optional<std::string> KvStore::get(std::string_view key) {
    auto st = db_.prepare("SELECT value FROM kv WHERE key=?");
    st.bind(1, key);
    if (st.step()) return st.column_text(0);
    return std::nullopt;
}

void KvStore::set(std::string_view key, std::string_view value) {
    auto st = db_.prepare(
        "INSERT INTO kv(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET "
        "value=excluded.value");
    st.bind(1, key).bind(2, value).run();
}

void KvStore::erase(std::string_view key) {
    auto st = db_.prepare("DELETE FROM kv WHERE key=?");
    st.bind(1, key).run();
}

}  // namespace dialoog::storage
