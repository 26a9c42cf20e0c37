#include "storage/digest/migrations.hpp"

namespace dialoog::digest {

const std::vector<storage::Migration>& digest_migrations() {
    static const std::vector<storage::Migration> steps = {
        {1, R"sql(
-- One row per weekly digest sent: a keyed hash of the leader's user id (no Matrix id stored)
-- and the ISO week it covers ("2026-W49"). Written in the same transaction as the outbox rows
-- of the digest, so a digest is recorded exactly when it is queued. Pruned after ~400 days.
CREATE TABLE digest_sent (
  leader_hash TEXT NOT NULL,
  iso_week TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  PRIMARY KEY (leader_hash, iso_week)
) WITHOUT ROWID;
CREATE INDEX digest_sent_at ON digest_sent(sent_at);
)sql"},
    };
    return steps;
}

}  // namespace dialoog::digest
