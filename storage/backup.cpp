#include "storage/backup.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "storage/database.hpp"

namespace dialoog::storage {

namespace {

/// True when the file at `path` is empty or starts with SQLite's header ("SQLite format 3\0"):
/// an earlier backup (or a new empty file) that may be replaced.
bool empty_or_sqlite(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return false;
    char header[16] = {};
    ssize_t n = ::read(fd, header, sizeof header);
    ::close(fd);
    return n == 0 || (n == 16 && std::memcmp(header, "SQLite format 3", 16) == 0);
}

}  // namespace

void backup_database(const std::string& db_path, const std::string& out_path, int pages_per_step) {
    struct stat st {};
    if (db_path != ":memory:" && ::stat(db_path.c_str(), &st) != 0)
        throw DbError(SQLITE_CANTOPEN, "database " + db_path + " does not exist");
    if (out_path == db_path) throw DbError(SQLITE_MISUSE, "the backup must be another file");
    // SQLite's own files beside the database (write-ahead log, shared memory, journal): a copy
    // there would be deleted or overwritten by SQLite itself.
    for (const char* side : {"-wal", "-shm", "-journal"})
        if (out_path == db_path + side)
            throw DbError(SQLITE_MISUSE, "the backup target " + out_path +
                                             " is one of the database's own files; give "
                                             "another file name");
    struct stat out {};
    if (::lstat(out_path.c_str(), &out) == 0) {
        // Never follow a link or write into a device, and never "back up" onto the database
        // itself under another name (it would report success and leave no copy).
        if (!S_ISREG(out.st_mode))
            throw DbError(SQLITE_MISUSE, "the backup target " + out_path +
                                             " exists and is not a regular file (a link, "
                                             "device or directory); give a new file name");
        if (db_path != ":memory:" && out.st_dev == st.st_dev && out.st_ino == st.st_ino)
            throw DbError(SQLITE_MISUSE,
                          "the backup target " + out_path + " is the database itself");
        // Only an earlier backup is replaced: a config file or notes given by mistake are not.
        if (!empty_or_sqlite(out_path))
            throw DbError(SQLITE_MISUSE, "the backup target " + out_path +
                                             " exists and is not an SQLite database; it is "
                                             "left alone: give a new file name");
    }
    Database src(db_path);
    // The copy goes to a private temporary file beside the target and replaces it only when
    // complete: a failure leaves an existing target as it was (content and mode).
    std::string tmp = out_path + ".tmp-XXXXXX";
    int fd = ::mkstemp(tmp.data());
    if (fd < 0)
        throw DbError(SQLITE_CANTOPEN,
                      "cannot create a file beside " + out_path + ": " + std::strerror(errno));
    ::fchmod(fd, 0600);
    ::close(fd);
    auto fail = [&](int rc, const std::string& msg) {
        ::unlink(tmp.c_str());
        throw DbError(rc, msg);
    };
    sqlite3* dst = nullptr;
    if (sqlite3_open_v2(tmp.c_str(), &dst, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        std::string msg = "cannot open " + tmp + ": " + (dst ? sqlite3_errmsg(dst) : "?");
        sqlite3_close(dst);
        fail(SQLITE_CANTOPEN, msg);
    }
    sqlite3_backup* b = sqlite3_backup_init(dst, "main", src.handle(), "main");
    if (!b) {
        std::string msg = sqlite3_errmsg(dst);
        sqlite3_close(dst);
        fail(SQLITE_ERROR, msg);
    }
    int rc;
    while ((rc = sqlite3_backup_step(b, pages_per_step)) == SQLITE_OK || rc == SQLITE_BUSY ||
           rc == SQLITE_LOCKED)
        if (rc != SQLITE_OK) sqlite3_sleep(10);
    sqlite3_backup_finish(b);
    sqlite3_close(dst);
    if (rc != SQLITE_DONE) fail(rc, sqlite3_errstr(rc));
    if (::rename(tmp.c_str(), out_path.c_str()) != 0)
        fail(SQLITE_CANTOPEN, "cannot move the copy to " + out_path + ": " + std::strerror(errno));
}

}  // namespace dialoog::storage
