#include "storage/database.hpp"

#include <fcntl.h>
#include <unistd.h>

namespace dialoog::storage {

namespace {
[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what) {
    std::string msg(what);
    msg += ": ";
    msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw DbError(rc, msg);
}
}  // namespace

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
    auto it = db.cache_.find(std::string(sql));
    if (it == db.cache_.end() && db.cache_.size() < Database::kMaxCachedSql)
        it = db.cache_.emplace(std::string(sql), std::vector<sqlite3_stmt*>{}).first;
    if (it != db.cache_.end()) {
        pool_ = &it->second;  // element references survive rehashing
        if (!pool_->empty()) {
            stmt_ = pool_->back();
            pool_->pop_back();
            return;
        }
    }
    int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                pool_ ? SQLITE_PREPARE_PERSISTENT : 0, &stmt_, nullptr);
    if (rc != SQLITE_OK) fail(db.handle(), rc, "prepare");
}

Statement::~Statement() {
    if (!stmt_) return;
    if (pool_ && pool_->size() < Database::kMaxIdlePerSql) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        pool_->push_back(stmt_);
    } else {
        sqlite3_finalize(stmt_);
    }
}

Statement& Statement::bind(int index, std::int64_t v) {
    int rc = sqlite3_bind_int64(stmt_, index, v);
    if (rc != SQLITE_OK) fail(db_.handle(), rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view v) {
    int rc =
        sqlite3_bind_text(stmt_, index, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(db_.handle(), rc, "bind");
    return *this;
}

Statement& Statement::bind_blob(int index, const void* data, int bytes) {
    int rc = sqlite3_bind_blob(stmt_, index, data, bytes, SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(db_.handle(), rc, "bind");
    return *this;
}

Statement& Statement::bind_null(int index) {
    int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) fail(db_.handle(), rc, "bind");
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_.handle(), rc, "step");
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int(int index) const {
    return sqlite3_column_int64(stmt_, index);
}

std::string Statement::column_text(int index) const {
    const auto* p = sqlite3_column_text(stmt_, index);
    int n = sqlite3_column_bytes(stmt_, index);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n))
             : std::string();
}

std::optional<std::string> Statement::column_text_opt(int index) const {
    if (column_is_null(index)) return std::nullopt;
    return column_text(index);
}

std::optional<std::int64_t> Statement::column_int_opt(int index) const {
    if (column_is_null(index)) return std::nullopt;
    return column_int(index);
}

bool Statement::column_is_null(int index) const {
    return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

Database::Database(const std::string& path) : path_(path) {
    // The database holds personal data: a new file is created 0600 whatever the umask (SQLite
    // gives the -wal and -shm files the database file's mode).
    if (!path.empty() && path != ":memory:" && path.rfind("file:", 0) != 0) {
        int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) ::close(fd);
    }
    int rc =
        sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open database " + path + ": " +
                          (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
        if (db_) sqlite3_close(db_);
        db_ = nullptr;
        throw DbError(rc, msg);
    }
    sqlite3_busy_timeout(db_, 5000);
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
}

Database::~Database() {
    for (auto& [sql, idle] : cache_)
        for (auto* st : idle) sqlite3_finalize(st);
    if (db_) sqlite3_close_v2(db_);
}

std::size_t Database::cached_statements() const {
    std::size_t n = 0;
    for (const auto& [sql, idle] : cache_) n += idle.size();
    return n;
}

void Database::exec(std::string_view sql) {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw DbError(rc, "exec: " + msg);
    }
}

std::int64_t Database::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(db_);
}
int Database::changes() const {
    return sqlite3_changes(db_);
}

int Database::user_version() {
    return static_cast<int>(scalar_int("PRAGMA user_version"));
}
void Database::set_user_version(int v) {
    exec("PRAGMA user_version=" + std::to_string(v));
}

void Database::set_secure_delete(bool on) {
    exec(on ? "PRAGMA secure_delete=ON" : "PRAGMA secure_delete=OFF");
}

std::int64_t Database::scalar_int(std::string_view sql) {
    Statement st(*this, sql);
    return st.step() ? st.column_int(0) : 0;
}

Transaction::Transaction(Database& db) : db_(db) {
    db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!done_) {
        try {
            db_.exec("ROLLBACK");
        } catch (...) {
            // Already rolled back by SQLite (e.g. after SQLITE_FULL); nothing left to undo.
        }
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

Savepoint::Savepoint(Database& db, std::string name) : db_(db), name_(std::move(name)) {
    db_.exec("SAVEPOINT " + name_);
}

Savepoint::~Savepoint() {
    if (!done_) {
        try {
            rollback();
        } catch (...) {
        }
    }
}

void Savepoint::release() {
    db_.exec("RELEASE " + name_);
    done_ = true;
}

void Savepoint::rollback() {
    db_.exec("ROLLBACK TO " + name_);
    db_.exec("RELEASE " + name_);
    done_ = true;
}

}  // namespace dialoog::storage
