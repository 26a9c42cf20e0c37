#pragma once
// Schema migrations as ordered SQL steps. The core schema's version is PRAGMA user_version;
// each feature keeps its own version in schema_versions(owner, version), so adding a feature
// never renumbers the core.

#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace dialoog::storage {

/// One step: after it runs, the owner's schema is at `version` (1, 2, 3, ... without gaps).
struct Migration {
    int version;
    std::string sql;
};

/// The core tables: kv, handled_events, rooms, room_members, outbox, jobs, dm_rooms.
const std::vector<Migration>& core_migrations();

/// Brings the core schema up to date (user_version). Each step runs in its own transaction.
/// Throws DbError on failure, or std::runtime_error when the database is newer than this binary.
void migrate_core(Database& db);

/// Brings one feature's schema (`owner`, e.g. "casus") up to date, tracked in schema_versions.
void migrate_owner(Database& db, std::string_view owner, const std::vector<Migration>& steps);

/// The schema version of `owner` in `db`: 0 when its tables were never created (also in a
/// database the bot never migrated, e.g. one an offline tool opened). Does not write.
int schema_version(Database& db, std::string_view owner);

}  // namespace dialoog::storage
