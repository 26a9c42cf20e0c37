#pragma once
// The row of `crypto_cross_signing` (storage/crypto/migrations.cpp): the bot's cross-signing
// keys and their publish bookkeeping. All SQL of cross-signing lives here.

#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace dialoog::crypto {

/// The stored cross-signing identity. Public keys are unpadded base64 (43 characters); the
/// JSON fields hold the CrossSigningKey objects exactly as uploaded. `self_signing_pickle` is
/// libolm's encrypted pickle (a secret only together with the pickle key; never logged).
struct CrossSigningRow {
    std::string user_id;
    std::string master_key;
    std::string self_signing_key;
    std::string master_key_json;
    std::string self_signing_key_json;
    std::string self_signing_pickle;
    std::string recovery_file;  // where the master key's private part was written
    bool replace_on_server = false;
    bool keys_uploaded = false;
    bool device_signed = false;
    std::string server_state;            // crypto::to_string(ServerView), "" before the first check
    std::int64_t server_checked_ms = 0;  // UTC ms, 0 before the first check
    std::int64_t created_ms = 0;         // UTC ms
    std::int64_t updated_ms = 0;         // UTC ms
};

/// Reads and writes the single `crypto_cross_signing` row. The caller migrates first
/// (crypto_migrations()).
class CrossSigningStore {
  public:
    explicit CrossSigningStore(storage::Database& db) : db_(db) {}

    /// The stored row, or nullopt when none was made (also when the table does not exist yet:
    /// a database from before cross-signing, opened read-only). Does not write.
    std::optional<CrossSigningRow> load();
    /// Inserts or replaces the row. Throws storage::DbError on failure.
    void save(const CrossSigningRow& row);

  private:
    storage::Database& db_;
};

}  // namespace dialoog::crypto
