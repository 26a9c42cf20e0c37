#pragma once
// Online backup of the bot's SQLite database with the SQLite backup API. Safe
// while the bot runs: the copy is a consistent snapshot (SQLite restarts the copy when another
// connection writes in between), taken in small steps so the bot is blocked only briefly.

#include <string>

namespace dialoog::storage {

/// Copies the database at `db_path` into `out_path` (replaced when it exists). The output file
/// is created with mode 0600: it holds the same personal data as the database. Throws DbError
/// when the source does not exist or cannot be read, or the output cannot be written.
/// `pages_per_step`: pages copied per lock (smaller blocks a running bot for shorter).
void backup_database(const std::string& db_path, const std::string& out_path,
                     int pages_per_step = 256);

}  // namespace dialoog::storage
