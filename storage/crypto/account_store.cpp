#include "storage/crypto/account_store.hpp"

#include "storage/crypto/migrations.hpp"

namespace dialoog::crypto {

std::optional<AccountRow> AccountStore::load() {
    if (storage::schema_version(db_, kCryptoSchemaOwner) == 0) return std::nullopt;
    auto st = db_.prepare(
        "SELECT user_id, device_id, ed25519_key, curve25519_key, pickle, device_keys_published, "
        "unpublished_one_time_keys, unpublished_fallback_key, created_ms, updated_ms "
        "FROM crypto_account WHERE id = 1");
    if (!st.step()) return std::nullopt;
    AccountRow r;
    r.user_id = st.column_text(0);
    r.device_id = st.column_text(1);
    r.ed25519_key = st.column_text(2);
    r.curve25519_key = st.column_text(3);
    r.pickle = st.column_text(4);
    r.device_keys_published = st.column_int(5) != 0;
    r.unpublished_one_time_keys = static_cast<int>(st.column_int(6));
    r.unpublished_fallback_key = st.column_int(7) != 0;
    r.created_ms = st.column_int(8);
    r.updated_ms = st.column_int(9);
    return r;
}

void AccountStore::save(const AccountRow& r) {
    auto st = db_.prepare(
        "INSERT INTO crypto_account(id, user_id, device_id, ed25519_key, curve25519_key, pickle, "
        "device_keys_published, unpublished_one_time_keys, unpublished_fallback_key, created_ms, "
        "updated_ms) VALUES(1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET user_id=excluded.user_id, device_id=excluded.device_id, "
        "ed25519_key=excluded.ed25519_key, curve25519_key=excluded.curve25519_key, "
        "pickle=excluded.pickle, device_keys_published=excluded.device_keys_published, "
        "unpublished_one_time_keys=excluded.unpublished_one_time_keys, "
        "unpublished_fallback_key=excluded.unpublished_fallback_key, "
        "updated_ms=excluded.updated_ms");
    st.bind(1, r.user_id)
        .bind(2, r.device_id)
        .bind(3, r.ed25519_key)
        .bind(4, r.curve25519_key)
        .bind(5, r.pickle)
        .bind(6, r.device_keys_published ? 1 : 0)
        .bind(7, r.unpublished_one_time_keys)
        .bind(8, r.unpublished_fallback_key ? 1 : 0)
        .bind(9, r.created_ms)
        .bind(10, r.updated_ms)
        .run();
}

}  // namespace dialoog::crypto
