#include "storage/backup.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "storage/database.hpp"

namespace dialoog::storage {

void backup_database(const std::string& db_path, const std::string& out_path, int pages_per_step) {
    struct stat st {};
    if (db_path != ":memory:" && ::stat(db_path.c_str(), &st) != 0)
        throw DbError(SQLITE_CANTOPEN, "database " + db_path + " does not exist");
    if (out_path == db_path) throw DbError(SQLITE_MISUSE, "the backup must be another file");
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
    }
    Database src(db_path);
    // Create the output private before any page lands in it (and tighten an existing file).
    int fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throw DbError(SQLITE_CANTOPEN, "cannot create " + out_path + ": " + std::strerror(errno));
    ::fchmod(fd, 0600);
    ::close(fd);
    sqlite3* dst = nullptr;
    if (sqlite3_open_v2(out_path.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
        std::string msg = "cannot open " + out_path + ": " + (dst ? sqlite3_errmsg(dst) : "?");
        sqlite3_close(dst);
        throw DbError(SQLITE_CANTOPEN, msg);
    }
    sqlite3_backup* b = sqlite3_backup_init(dst, "main", src.handle(), "main");
    if (!b) {
        std::string msg = std::string("backup failed: ") + sqlite3_errmsg(dst);
        sqlite3_close(dst);
        throw DbError(SQLITE_ERROR, msg);
    }
    int rc;
    while ((rc = sqlite3_backup_step(b, pages_per_step)) == SQLITE_OK || rc == SQLITE_BUSY ||
           rc == SQLITE_LOCKED)
        if (rc != SQLITE_OK) sqlite3_sleep(10);
    sqlite3_backup_finish(b);
    sqlite3_close(dst);
    if (rc != SQLITE_DONE) throw DbError(rc, std::string("backup failed: ") + sqlite3_errstr(rc));
}

}  // namespace dialoog::storage
