#include "storage/intervisie/migrations.hpp"

namespace dialoog::intervisie {

const std::vector<storage::Migration>& intervisie_migrations() {
    static const std::vector<storage::Migration> steps = {
        {1, R"sql(
-- One posted intervision prompt. cycle: prompts do not repeat within a cycle of a team.
-- replies: distinct people who answered in its thread (only the number is kept).
CREATE TABLE intervisie_post (
  id INTEGER PRIMARY KEY,
  team TEXT NOT NULL,
  room_id TEXT NOT NULL,
  prompt_id TEXT NOT NULL,
  cycle INTEGER NOT NULL,
  posted_at INTEGER NOT NULL,
  root_event_id TEXT,
  replies INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX intervisie_post_team ON intervisie_post(team, posted_at);
CREATE INDEX intervisie_post_root ON intervisie_post(root_event_id);
-- Keyed hashes of repliers, only to count distinct people; deleted after a week.
CREATE TABLE intervisie_replier (
  post_id INTEGER NOT NULL,
  sender_hash TEXT NOT NULL,
  PRIMARY KEY (post_id, sender_hash)
) WITHOUT ROWID;
)sql"},
    };
    return steps;
}

}  // namespace dialoog::intervisie
