#include "storage/crypto/migrations.hpp"

namespace dialoog::crypto {

const std::vector<storage::Migration>& crypto_migrations() {
    static const std::vector<storage::Migration> steps = {
        {1, R"sql(
-- The bot's one device (Matrix spec, Client-Server API, "End-to-End Encryption" > "Device
-- keys"): at most one row. pickle is the libolm account (identity keys, one-time keys, fallback
-- keys) encrypted by libolm with the 32-byte pickle key, which never enters the database.
-- ed25519_key / curve25519_key repeat the public identity keys, so status tools need no key.
-- device_keys_published: POST /keys/upload accepted `device_keys` once.
-- unpublished_one_time_keys / unpublished_fallback_key: keys generated and saved in the pickle
-- but not yet marked published (persist before upload, mark after: a crash in between uploads
-- the same keys again).
CREATE TABLE crypto_account (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  user_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  ed25519_key TEXT NOT NULL,
  curve25519_key TEXT NOT NULL,
  pickle TEXT NOT NULL,
  device_keys_published INTEGER NOT NULL DEFAULT 0,
  unpublished_one_time_keys INTEGER NOT NULL DEFAULT 0,
  unpublished_fallback_key INTEGER NOT NULL DEFAULT 0,
  created_ms INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL
);
)sql"},
    };
    return steps;
}

}  // namespace dialoog::crypto
