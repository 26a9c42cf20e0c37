#pragma once
// Online backup of the bot's SQLite database with the SQLite backup API. Safe
// while the bot runs: the copy is a consistent snapshot (SQLite restarts the copy when another
// connection writes in between), taken in small steps so the bot is blocked only briefly.

#include <string>

namespace dialoog::storage {

/// Copies the database at `db_path` into `out_path`. The copy is written to a temporary file
/// (mode 0600: it holds the same personal data as the database) beside `out_path` and renamed
/// over it when complete, so a failure leaves an existing `out_path` untouched. An existing
/// `out_path` is replaced only when it is an SQLite database (an earlier backup) or empty.
/// Throws DbError (its message says what to do, without a "backup failed" prefix) when the
/// source does not exist or cannot be read; when `out_path` is the database itself, one of
/// its -wal/-shm/-journal files, a link, device or directory, or another kind of file; or when
/// the output cannot be written.
/// `pages_per_step`: pages copied per lock (smaller blocks a running bot for shorter).
void backup_database(const std::string& db_path, const std::string& out_path,
                     int pages_per_step = 256);

}  // namespace dialoog::storage
