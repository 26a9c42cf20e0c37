#pragma once
// The row of `crypto_account` (storage/crypto/migrations.cpp): the bot device's encrypted libolm
// account and its upload bookkeeping. All SQL of the account lives here.

#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace dialoog::crypto {

/// One device's stored account. `pickle` is libolm's encrypted pickle (base64 text): a secret
/// only together with the pickle key, but never logged either.
struct AccountRow {
    std::string user_id;         // e.g. "@dialoogbot:example.org"
    std::string device_id;       // the fixed `bot.device_id`, e.g. "DIALOOGBOT1"
    std::string ed25519_key;     // public, unpadded base64 (43 characters)
    std::string curve25519_key;  // public, unpadded base64 (43 characters)
    std::string pickle;
    bool device_keys_published = false;
    int unpublished_one_time_keys = 0;  // generated and saved, not yet marked published
    bool unpublished_fallback_key = false;
    std::int64_t created_ms = 0;  // UTC ms
    std::int64_t updated_ms = 0;  // UTC ms
};

/// Reads and writes the single `crypto_account` row. The caller migrates first
/// (crypto_migrations()) and wraps writes in a Transaction where it needs them committed
/// together with something else.
class AccountStore {
  public:
    explicit AccountStore(storage::Database& db) : db_(db) {}

    /// The stored account, or nullopt when none was created yet (also when the crypto tables
    /// do not exist: a database of a bot that never had `e2ee.enabled`). Does not write.
    std::optional<AccountRow> load();
    /// Inserts or replaces the row. Throws storage::DbError on failure.
    void save(const AccountRow& row);

  private:
    storage::Database& db_;
};

}  // namespace dialoog::crypto
