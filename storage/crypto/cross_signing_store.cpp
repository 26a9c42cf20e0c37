#include "storage/crypto/cross_signing_store.hpp"

#include "storage/crypto/migrations.hpp"

namespace dialoog::crypto {

std::optional<CrossSigningRow> CrossSigningStore::load() {
    if (storage::schema_version(db_, kCryptoSchemaOwner) < 2) return std::nullopt;
    auto st = db_.prepare(
        "SELECT user_id, master_key, self_signing_key, master_key_json, self_signing_key_json, "
        "self_signing_pickle, recovery_file, replace_on_server, keys_uploaded, device_signed, "
        "server_state, server_checked_ms, created_ms, updated_ms "
        "FROM crypto_cross_signing WHERE id = 1");
    if (!st.step()) return std::nullopt;
    CrossSigningRow r;
    r.user_id = st.column_text(0);
    r.master_key = st.column_text(1);
    r.self_signing_key = st.column_text(2);
    r.master_key_json = st.column_text(3);
    r.self_signing_key_json = st.column_text(4);
    r.self_signing_pickle = st.column_text(5);
    r.recovery_file = st.column_text(6);
    r.replace_on_server = st.column_int(7) != 0;
    r.keys_uploaded = st.column_int(8) != 0;
    r.device_signed = st.column_int(9) != 0;
    r.server_state = st.column_text(10);
    r.server_checked_ms = st.column_int(11);
    r.created_ms = st.column_int(12);
    r.updated_ms = st.column_int(13);
    return r;
}

void CrossSigningStore::save(const CrossSigningRow& r) {
    auto st = db_.prepare(
        "INSERT OR REPLACE INTO crypto_cross_signing(id, user_id, master_key, self_signing_key, "
        "master_key_json, self_signing_key_json, self_signing_pickle, recovery_file, "
        "replace_on_server, keys_uploaded, device_signed, server_state, server_checked_ms, "
        "created_ms, updated_ms) VALUES(1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, r.user_id)
        .bind(2, r.master_key)
        .bind(3, r.self_signing_key)
        .bind(4, r.master_key_json)
        .bind(5, r.self_signing_key_json)
        .bind(6, r.self_signing_pickle)
        .bind(7, r.recovery_file)
        .bind(8, r.replace_on_server ? 1 : 0)
        .bind(9, r.keys_uploaded ? 1 : 0)
        .bind(10, r.device_signed ? 1 : 0)
        .bind(11, r.server_state)
        .bind(12, r.server_checked_ms)
        .bind(13, r.created_ms)
        .bind(14, r.updated_ms)
        .run();
}

}  // namespace dialoog::crypto
