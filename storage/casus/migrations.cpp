#include "storage/casus/migrations.hpp"

namespace dialoog::casus {

const std::vector<storage::Migration>& casus_migrations() {
    static const std::vector<storage::Migration> steps = {
        {1, R"sql(
-- One case discussion (casusbespreking). Instants in UTC ms. status: planned | running |
-- done | missed | cancelled. *_state: none | proposed | confirmed.
CREATE TABLE casus (
  id INTEGER PRIMARY KEY,
  team TEXT NOT NULL,
  room_id TEXT NOT NULL,
  title TEXT NOT NULL,
  method TEXT NOT NULL,
  start_at INTEGER NOT NULL,
  inbrenger TEXT,
  inbrenger_state TEXT NOT NULL DEFAULT 'none',
  gespreksleider TEXT,
  gespreksleider_state TEXT NOT NULL DEFAULT 'none',
  status TEXT NOT NULL DEFAULT 'planned',
  reeks_id INTEGER,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  root_event_id TEXT,
  current_step INTEGER NOT NULL DEFAULT 0,
  step_started_at INTEGER,
  paused_remaining_ms INTEGER,
  started_at INTEGER,
  ended_at INTEGER,
  participants INTEGER,
  summary TEXT
);
CREATE INDEX casus_team_start ON casus(team, start_at);
CREATE INDEX casus_room_status ON casus(room_id, status);
CREATE INDEX casus_root ON casus(root_event_id);
-- Linked client inputs: only ids of the inbreng feature's rows (that feature owns the data).
CREATE TABLE casus_inbreng (
  casus_id INTEGER NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
  inbreng_id INTEGER NOT NULL,
  PRIMARY KEY (casus_id, inbreng_id)
) WITHOUT ROWID;
CREATE TABLE casus_les (
  id INTEGER PRIMARY KEY,
  casus_id INTEGER NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX casus_les_casus ON casus_les(casus_id);
-- Actions of a session; besluit_id links the row in the shared decision log when present.
CREATE TABLE casus_actie (
  id INTEGER PRIMARY KEY,
  casus_id INTEGER NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  owner TEXT NOT NULL,
  due_at INTEGER,
  besluit_id INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX casus_actie_casus ON casus_actie(casus_id);
-- Keyed hashes of who posted in a running session's thread, only to count distinct people;
-- deleted when the session closes (the count stays in casus.participants).
CREATE TABLE casus_deelnemer (
  casus_id INTEGER NOT NULL,
  sender_hash TEXT NOT NULL,
  PRIMARY KEY (casus_id, sender_hash)
) WITHOUT ROWID;
-- Who was asked to take a role (rol: inbrenger | gespreksleider) and the answer:
-- open | ja | nee | timeout. deadline_at: when no answer counts as no.
CREATE TABLE casus_voorstel (
  casus_id INTEGER NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
  rol TEXT NOT NULL,
  user_id TEXT NOT NULL,
  asked_at INTEGER NOT NULL,
  deadline_at INTEGER NOT NULL,
  answer TEXT NOT NULL DEFAULT 'open',
  PRIMARY KEY (casus_id, rol, user_id)
) WITHOUT ROWID;
-- Members who are not proposed for a while; until_at NULL = until they say !casus terug.
CREATE TABLE casus_pauze (
  team TEXT NOT NULL,
  user_id TEXT NOT NULL,
  until_at INTEGER,
  PRIMARY KEY (team, user_id)
) WITHOUT ROWID;
-- Recurring series (reeks): a weekly rule in the team's local time. source: chat | yaml.
CREATE TABLE casus_reeks (
  id INTEGER PRIMARY KEY,
  team TEXT NOT NULL,
  room_id TEXT NOT NULL,
  weekday INTEGER NOT NULL,
  minute_of_day INTEGER NOT NULL,
  every_weeks INTEGER NOT NULL,
  anchor_year INTEGER NOT NULL,
  anchor_week INTEGER NOT NULL,
  method TEXT NOT NULL,
  title TEXT NOT NULL,
  source TEXT NOT NULL,
  yaml_key TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX casus_reeks_team ON casus_reeks(team, active);
)sql"},
    };
    return steps;
}

}  // namespace dialoog::casus
