#include "storage/tenzij/migrations.hpp"

namespace dialoog::tenzij {

const std::vector<storage::Migration>& tenzij_migrations() {
    static const std::vector<storage::Migration> steps = {
        {1, R"sql(
-- One row per nudge the bot gave. event_id is the nudged message; thread_root is the root of
-- the thread the nudge was posted in (the nudged message itself, or the root of the thread it
-- was already in): a !besluit typed in that thread links to the nudge through it. No message
-- text is stored (the digest only needs who, where, when and which pattern).
CREATE TABLE nudge (
  id INTEGER PRIMARY KEY,
  team TEXT NOT NULL,
  room_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  thread_root TEXT NOT NULL,
  pattern_id TEXT NOT NULL,
  created_ms INTEGER NOT NULL
);
CREATE UNIQUE INDEX nudge_event ON nudge(room_id, event_id);
CREATE INDEX nudge_thread ON nudge(room_id, thread_root);
CREATE INDEX nudge_rate ON nudge(room_id, user_id, created_ms);
CREATE INDEX nudge_team_time ON nudge(team, created_ms);
-- People who typed !nudge uit (everywhere, until !nudge aan).
CREATE TABLE nudge_optout (user_id TEXT PRIMARY KEY, created_ms INTEGER NOT NULL) WITHOUT ROWID;
-- The decision log. source: 'chat', 'nudge:<id>' or 'casus:<id>' (another feature's action).
-- due_ms: the follow-up date. last_reminded_ms: the last reminder sent to the owner.
CREATE TABLE besluit (
  id INTEGER PRIMARY KEY,
  team TEXT NOT NULL,
  description TEXT NOT NULL,
  tenzij TEXT,
  owner TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  due_ms INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'afgerond', 'herzien')),
  outcome TEXT,
  outcome_ms INTEGER,
  closed_ms INTEGER,
  source TEXT NOT NULL DEFAULT 'chat',
  nudge_id INTEGER REFERENCES nudge(id),
  last_reminded_ms INTEGER,
  reminders_sent INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX besluit_team ON besluit(team, status, due_ms);
CREATE INDEX besluit_nudge ON besluit(nudge_id);
-- Everything logged after a decision: kind 'notitie' (!opvolging), 'afgerond', 'herzien' or
-- 'uitkomst', with its author and time.
CREATE TABLE opvolging (
  id INTEGER PRIMARY KEY,
  besluit_id INTEGER NOT NULL REFERENCES besluit(id),
  kind TEXT NOT NULL CHECK (kind IN ('notitie', 'afgerond', 'herzien', 'uitkomst')),
  author TEXT NOT NULL,
  text TEXT NOT NULL,
  created_ms INTEGER NOT NULL
);
CREATE INDEX opvolging_besluit ON opvolging(besluit_id, created_ms);
)sql"},
    };
    return steps;
}

}  // namespace dialoog::tenzij
