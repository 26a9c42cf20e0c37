#include "storage/inbreng/migrations.hpp"

namespace dialoog::inbreng {

const std::vector<storage::Migration>& inbreng_migrations() {
    static const std::vector<storage::Migration> steps = {
        {1, R"sql(
-- Stored client input (AVG data minimisation): the scrubbed text, the team, theme
-- tags and the ISO week of submission. On purpose nothing else: no user, room or event id, no
-- exact time, and no other table holds a key that joins to a row here. AUTOINCREMENT: an id
-- shown to a team never comes back for another story after a withdrawal or purge.
CREATE TABLE inbreng_input (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  team TEXT NOT NULL,
  week TEXT NOT NULL,            -- "2026-W49", in the team's time zone
  week_monday INTEGER NOT NULL,  -- that week's Monday as days since 1970-01-01 (retention)
  tags TEXT NOT NULL DEFAULT '', -- comma-separated theme keys and free tags, lowercase
  text TEXT NOT NULL,            -- scrubbed, exactly as the submitter confirmed it
  code_hash TEXT NOT NULL UNIQUE -- hash of the one-time withdrawal code (the code is never kept)
);
CREATE INDEX inbreng_input_team_week ON inbreng_input(team, week);
-- Intakes waiting for the submitter's "ja": the only place where the sender and the DM room
-- are stored together with a text. Rows are deleted on "ja", on "nee" and on expiry. The raw
-- text is never stored: only its scrubbed form (what the preview shows). event_ids: the
-- submitter's messages that carried the story, to redact when the intake ends.
CREATE TABLE inbreng_pending (
  id INTEGER PRIMARY KEY,
  sender TEXT NOT NULL UNIQUE,
  room_id TEXT NOT NULL,
  stage TEXT NOT NULL,           -- text | team | theme | confirm
  scrubbed TEXT NOT NULL DEFAULT '',
  team TEXT,
  tags TEXT NOT NULL DEFAULT '',
  event_ids TEXT NOT NULL DEFAULT '[]',
  updated_at INTEGER NOT NULL
);
-- Flood protection: a keyed hash of the sender under a key that is replaced (and so
-- forgotten) every day, with the number of inputs stored today. Nothing here joins to
-- inbreng_input.
CREATE TABLE inbreng_flood_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  day TEXT NOT NULL,             -- local date the key belongs to, "2026-11-19"
  key TEXT NOT NULL              -- hex; random, replaced daily
);
CREATE TABLE inbreng_flood (mark TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
)sql"},
    };
    return steps;
}

}  // namespace dialoog::inbreng
