#pragma once
// Thin RAII wrapper over the SQLite C API: one connection, prepared statements, transactions
// and savepoints. Errors are exceptions of type DbError: a failing SQL statement is a
// programming or disk error, and callers (the batch processor) turn it into a rolled-back
// savepoint plus a logged error id.

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dialoog::storage {

/// SQLite failure: carries the SQLite result code and the message.
class DbError : public std::runtime_error {
  public:
    DbError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
    int code() const { return code_; }

  private:
    int code_;
};

class Database;

/// A prepared statement. Bind parameters are 1-based (SQLite convention). The compiled
/// statement comes from the connection's cache when the same SQL ran before, and goes back to
/// it (reset, bindings cleared) when this object is destroyed.
class Statement {
  public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_), pool_(o.pool_) {
        o.stmt_ = nullptr;
    }

    Statement& bind(int index, std::int64_t v);
    Statement& bind(int index, int v) { return bind(index, static_cast<std::int64_t>(v)); }
    Statement& bind(int index, std::string_view v);
    Statement& bind(int index, const char* v) { return bind(index, std::string_view(v)); }
    Statement& bind(int index, const std::string& v) { return bind(index, std::string_view(v)); }
    Statement& bind_blob(int index, const void* data, int bytes);
    Statement& bind_null(int index);
    Statement& bind(int index, const std::optional<std::string>& v) {
        return v ? bind(index, *v) : bind_null(index);
    }
    Statement& bind(int index, const std::optional<std::int64_t>& v) {
        return v ? bind(index, *v) : bind_null(index);
    }

    /// Advances one row. Returns true while a row is available; false when done.
    bool step();
    /// Runs a statement that returns no rows (or ignores them) and resets it.
    void run();
    void reset();

    std::int64_t column_int(int index) const;
    std::string column_text(int index) const;
    std::optional<std::string> column_text_opt(int index) const;
    std::optional<std::int64_t> column_int_opt(int index) const;
    bool column_is_null(int index) const;

  private:
    Database& db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::vector<sqlite3_stmt*>* pool_ = nullptr;  // where stmt_ returns; null = finalize
};

/// One SQLite connection, opened with the pragmas the design asks for: WAL,
/// synchronous=FULL (a committed batch, including its next_batch, survives a power cut: the
/// cost is one fsync per batch, not per event), busy_timeout 5000 ms, foreign keys on.
class Database {
  public:
    /// Opens (creating if needed, mode 0600) the database at `path` (":memory:" for tests).
    /// Throws DbError when the file cannot be opened.
    explicit Database(const std::string& path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Runs one or more SQL statements without parameters.
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(*this, sql); }
    std::int64_t last_insert_rowid() const;
    int changes() const;
    sqlite3* handle() { return db_; }
    const std::string& path() const { return path_; }

    int user_version();
    void set_user_version(int v);
    /// PRAGMA secure_delete: deleted rows are overwritten on disk, not only unlinked, so free
    /// pages do not keep what the tables no longer hold (for client text; SQLite docs).
    void set_secure_delete(bool on);

    /// Convenience: the first column of the first row of `sql` as integer (0 when no row).
    std::int64_t scalar_int(std::string_view sql);

    /// Compiled statements kept for reuse, per SQL text (see Statement).
    std::size_t cached_statements() const;

  private:
    friend class Statement;
    /// Most distinct SQL texts cached, and idle statements kept per text: a bound, in case a
    /// caller builds SQL text from data.
    static constexpr std::size_t kMaxCachedSql = 512;
    static constexpr std::size_t kMaxIdlePerSql = 4;
    sqlite3* db_ = nullptr;
    std::string path_;
    std::unordered_map<std::string, std::vector<sqlite3_stmt*>> cache_;
};

/// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless committed.
class Transaction {
  public:
    explicit Transaction(Database& db);
    ~Transaction();
    void commit();

  private:
    Database& db_;
    bool done_ = false;
};

/// SAVEPOINT name ... RELEASE; rolls back to the savepoint in the destructor unless released.
class Savepoint {
  public:
    Savepoint(Database& db, std::string name);
    ~Savepoint();
    void release();
    void rollback();

  private:
    Database& db_;
    std::string name_;
    bool done_ = false;
};

}  // namespace dialoog::storage
