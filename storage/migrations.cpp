#include "storage/migrations.hpp"

#include <stdexcept>

namespace dialoog::storage {

const std::vector<Migration>& core_migrations() {
    static const std::vector<Migration> steps = {
        {1, R"sql(
CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- Keyed hash (HMAC-SHA256, first 16 bytes) of each handled event id; pruned after 7 days.
CREATE TABLE handled_events (mark BLOB PRIMARY KEY, handled_at INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX handled_events_at ON handled_events(handled_at);
-- Rooms the bot knows. membership: invite | join | leave | ban (the bot's own membership).
CREATE TABLE rooms (
  room_id TEXT PRIMARY KEY,
  membership TEXT NOT NULL,
  inviter TEXT,
  encrypted INTEGER NOT NULL DEFAULT 0,
  encryption_notice_sent INTEGER NOT NULL DEFAULT 0,
  is_direct INTEGER NOT NULL DEFAULT 0,
  power_levels TEXT,
  creator TEXT,
  additional_creators TEXT,
  room_version TEXT,
  updated_at INTEGER NOT NULL
);
-- Joined members of rooms (for rotation and digests); membership as in m.room.member.
CREATE TABLE room_members (
  room_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  membership TEXT NOT NULL,
  PRIMARY KEY (room_id, user_id)
) WITHOUT ROWID;
-- Everything the bot does on the server goes through here. kind: send | redact | join |
-- leave | dm | account_data | upload_send. txn_id is fixed when the row is written.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  lane TEXT NOT NULL,
  room_id TEXT,
  target_user TEXT,
  event_type TEXT,
  txn_id TEXT NOT NULL UNIQUE,
  content TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  not_before INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  last_error TEXT,
  purge_after_send INTEGER NOT NULL DEFAULT 0
);
-- lane: rows of one lane (a room, a DM partner, account data) are sent strictly in id order.
CREATE INDEX outbox_lane ON outbox(state, lane, id);
-- Scheduled jobs; due_at in UTC ms. key is unique per logical job (e.g. "casus:12:start").
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  key TEXT NOT NULL UNIQUE,
  due_at INTEGER NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX jobs_due ON jobs(due_at);
-- Direct-message rooms per user, mirrored into the bot's m.direct account data.
CREATE TABLE dm_rooms (user_id TEXT PRIMARY KEY, room_id TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE schema_versions (owner TEXT PRIMARY KEY, version INTEGER NOT NULL);
)sql"},
    };
    return steps;
}

void migrate_core(Database& db) {
    const auto& steps = core_migrations();
    int current = db.user_version();
    int latest = steps.empty() ? 0 : steps.back().version;
    if (current > latest) {
        throw std::runtime_error("database schema version " + std::to_string(current) +
                                 " is newer than this dialoogbot (" + std::to_string(latest) +
                                 "); use a newer binary or restore a backup");
    }
    for (const auto& m : steps) {
        if (m.version <= current) continue;
        Transaction tx(db);
        db.exec(m.sql);
        db.set_user_version(m.version);
        tx.commit();
    }
}

int schema_version(Database& db, std::string_view owner) {
    if (db.scalar_int("SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND "
                      "name='schema_versions'") == 0)
        return 0;
    auto st = db.prepare("SELECT version FROM schema_versions WHERE owner=?");
    st.bind(1, owner);
    return st.step() ? static_cast<int>(st.column_int(0)) : 0;
}

void migrate_owner(Database& db, std::string_view owner, const std::vector<Migration>& steps) {
    const int current = schema_version(db, owner);
    for (const auto& m : steps) {
        if (m.version <= current) continue;
        Transaction tx(db);
        db.exec(m.sql);
        auto up = db.prepare(
            "INSERT INTO schema_versions(owner, version) VALUES(?, ?) "
            "ON CONFLICT(owner) DO UPDATE SET version=excluded.version");
        up.bind(1, owner).bind(2, m.version).run();
        tx.commit();
    }
}

}  // namespace dialoog::storage
