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
        {2, R"sql(
-- The bot's cross-signing identity (Matrix spec, Client-Server API, "End-to-End Encryption" >
-- "Cross-signing"): at most one row. The master key's private part is never stored here: it
-- goes once to the admin's recovery file (recovery_file, mode 0600). Only the self-signing key
-- stays online, as a libolm pickle encrypted with the pickle key (self_signing_pickle).
-- master_key_json / self_signing_key_json: the CrossSigningKey objects as uploaded (the
-- self-signing key signed by the master key), so a retry sends the same bytes.
-- replace_on_server: made by `dialoogbot crypto reset-identity`; the upload replaces the keys
-- the server holds (the server asks for the password).
-- keys_uploaded: POST /keys/device_signing/upload accepted them; device_signed: POST
-- /keys/signatures/upload accepted the device's signature.
-- server_state / server_checked_ms: what the last POST /keys/query of the bot's own keys
-- showed (crypto/cross_signing.hpp, ServerView) and when (UTC ms).
CREATE TABLE crypto_cross_signing (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  user_id TEXT NOT NULL,
  master_key TEXT NOT NULL,
  self_signing_key TEXT NOT NULL,
  master_key_json TEXT NOT NULL,
  self_signing_key_json TEXT NOT NULL,
  self_signing_pickle TEXT NOT NULL,
  recovery_file TEXT NOT NULL,
  replace_on_server INTEGER NOT NULL DEFAULT 0,
  keys_uploaded INTEGER NOT NULL DEFAULT 0,
  device_signed INTEGER NOT NULL DEFAULT 0,
  server_state TEXT NOT NULL DEFAULT '',
  server_checked_ms INTEGER NOT NULL DEFAULT 0,
  created_ms INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL
);
)sql"},
    };
    return steps;
}

}  // namespace dialoog::crypto
