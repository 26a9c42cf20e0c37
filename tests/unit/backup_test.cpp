// storage::backup_database (what `dialoogbot backup --config PATH OUT` runs): the copy opens,
// holds the same rows, is private (0600), is a consistent snapshot while another connection
// writes, and a missing source is an error that creates nothing.

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>
#include <fstream>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "storage/backup.hpp"
#include "storage/database.hpp"
#include "storage/jobs.hpp"
#include "storage/kv_store.hpp"
#include "storage/migrations.hpp"
#include "storage/outbox.hpp"

using namespace dialoog::storage;
namespace fs = std::filesystem;

namespace {

class Backup : public ::testing::Test {
  protected:
    std::string dir;
    void SetUp() override {
        std::string tmpl = "/tmp/dialoog-backup-XXXXXX";
        ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
        dir = tmpl;
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    std::string file(const std::string& name) const { return dir + "/" + name; }
};

// Every row of every table, quoted, in a stable order: equal dumps mean equal contents.
std::string dump(Database& db) {
    std::string out;
    std::vector<std::string> tables;
    auto st = db.prepare(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name");
    while (st.step()) tables.push_back(st.column_text(0));
    for (const auto& t : tables) {
        std::string expr;
        auto cols = db.prepare("SELECT name FROM pragma_table_info(?)");
        cols.bind(1, t);
        while (cols.step())
            expr += (expr.empty() ? "" : "||'|'||") + std::string("quote(\"") +
                    cols.column_text(0) + "\")";
        out += "[" + t + "]\n";
        auto rows = db.prepare("SELECT " + expr + " FROM \"" + t + "\" ORDER BY 1");
        while (rows.step()) out += rows.column_text(0) + "\n";
    }
    return out;
}

void fill(Database& db, int n) {
    migrate_core(db);
    db.exec("CREATE TABLE IF NOT EXISTS feature_rows (id INTEGER PRIMARY KEY, text TEXT, b BLOB)");
    Transaction tx(db);
    Outbox ob(db);
    for (int i = 0; i < n; ++i) {
        OutboxItem it;
        it.room_id = "!r" + std::to_string(i % 7) + ":hs";
        it.event_type = "m.room.message";
        it.txn_id = "txn" + std::to_string(i);
        it.content = R"({"body":"hallo ")" + std::to_string(i) + "\"}";
        ob.enqueue(it, 1000 + i);
        Jobs(db).upsert("core.test", "job:" + std::to_string(i), 5000 + i, "{}");
        auto ins = db.prepare("INSERT INTO feature_rows(text, b) VALUES (?, ?)");
        std::string blob(100, static_cast<char>(i));
        ins.bind(1, "rij " + std::to_string(i) + " met é en 🙂").bind_blob(2, blob.data(), 100);
        ins.run();
    }
    KvStore(db).set("last_sync_ms", "123456");
    tx.commit();
}

TEST_F(Backup, CopyOpensAndHoldsTheSameRows) {
    std::string src_path = file("bot.db"), out = file("backup.db");
    Database src(src_path);
    fill(src, 500);
    backup_database(src_path, out);
    Database copy(out);
    EXPECT_EQ(copy.user_version(), src.user_version());
    EXPECT_EQ(copy.scalar_int("SELECT COUNT(*) FROM outbox"), 500);
    EXPECT_EQ(copy.scalar_int("SELECT COUNT(*) FROM feature_rows"), 500);
    EXPECT_EQ(KvStore(copy).get("last_sync_ms").value_or(""), "123456");
    EXPECT_EQ(dump(copy), dump(src));
    EXPECT_EQ(copy.scalar_int("SELECT COUNT(*) FROM pragma_integrity_check WHERE "
                              "integrity_check != 'ok'"),
              0);
    struct stat st {};
    ASSERT_EQ(::stat(out.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << "a backup holds personal data: owner only";
}

TEST_F(Backup, ReplacesAnExistingFileAndTightensItsMode) {
    std::string src_path = file("bot.db"), out = file("backup.db");
    {
        Database old(out);
        old.exec("CREATE TABLE stale (x); INSERT INTO stale VALUES (1);");
    }
    ::chmod(out.c_str(), 0644);
    Database src(src_path);
    fill(src, 3);
    backup_database(src_path, out);
    Database copy(out);
    EXPECT_EQ(copy.scalar_int("SELECT COUNT(*) FROM sqlite_master WHERE name='stale'"), 0);
    EXPECT_EQ(dump(copy), dump(src));
    struct stat st {};
    ASSERT_EQ(::stat(out.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(Backup, SnapshotExcludesAnOpenTransaction) {
    // The running bot holds its own connection; a batch in flight is not in the copy.
    std::string src_path = file("bot.db"), out = file("backup.db");
    Database bot(src_path);
    fill(bot, 10);
    Transaction open(bot);
    bot.exec("INSERT INTO feature_rows(text) VALUES ('uncommitted')");
    backup_database(src_path, out, 1);  // one page per step: many steps
    Database copy(out);
    EXPECT_EQ(copy.scalar_int("SELECT COUNT(*) FROM feature_rows"), 10);
    EXPECT_EQ(copy.scalar_int("SELECT COUNT(*) FROM feature_rows WHERE text='uncommitted'"), 0);
}

TEST_F(Backup, MissingSourceIsAnErrorAndCreatesNothing) {
    std::string out = file("backup.db");
    EXPECT_THROW(backup_database(file("nope.db"), out), DbError);
    EXPECT_FALSE(fs::exists(file("nope.db")));
    EXPECT_FALSE(fs::exists(out));
    EXPECT_THROW(backup_database(file("nope.db"), file("no/such/dir/x.db")), DbError);
}

TEST_F(Backup, OutputDirectoryMissingOrSameFileIsAnError) {
    std::string src_path = file("bot.db");
    {
        Database src(src_path);
        fill(src, 1);
    }
    EXPECT_THROW(backup_database(src_path, file("no/such/dir/x.db")), DbError);
    EXPECT_THROW(backup_database(src_path, src_path), DbError);
    Database again(src_path);
    EXPECT_EQ(again.scalar_int("SELECT COUNT(*) FROM outbox"), 1);
}

// Found by a newcomer probe: `backup ... /dev/null` as root made /dev/null 0600, a link was
// followed and its target's mode changed, and the database under another name "succeeded".
TEST_F(Backup, LinksDevicesAndTheDatabaseUnderAnotherNameAreRefusedUntouched) {
    std::string src_path = file("bot.db");
    {
        Database src(src_path);
        fill(src, 1);
    }
    const std::string target = file("notes.txt");
    {
        std::FILE* f = std::fopen(target.c_str(), "w");
        ASSERT_NE(f, nullptr);
        std::fputs("x\n", f);
        std::fclose(f);
    }
    ::chmod(target.c_str(), 0644);
    fs::create_symlink(target, file("link.db"));
    EXPECT_THROW(backup_database(src_path, file("link.db")), DbError);
    struct stat st {};
    ASSERT_EQ(::stat(target.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0644u);                    // the link's target is left alone
    EXPECT_THROW(backup_database(src_path, dir), DbError);  // a directory
    fs::create_symlink(src_path, file("same.db"));
    EXPECT_THROW(backup_database(src_path, file("same.db")), DbError);
    EXPECT_THROW(backup_database(src_path, dir + "/./bot.db"), DbError);  // same inode
    Database again(src_path);
    EXPECT_EQ(again.scalar_int("SELECT COUNT(*) FROM outbox"), 1);
}

// Found by a newcomer probe: a config file given as the target by mistake was made 0600 (the
// service could no longer read it) and then the backup failed; a backup to "<db>-wal"
// reported success and was gone.
TEST_F(Backup, AFileThatIsNoBackupAndTheDatabasesOwnFilesAreRefusedUntouched) {
    std::string src_path = file("bot.db");
    {
        Database src(src_path);
        fill(src, 2);
    }
    const std::string config = file("dialoogbot.yaml");
    {
        std::ofstream out(config);
        out << "homeserver: https://example.org\n";
    }
    ::chmod(config.c_str(), 0640);
    try {
        backup_database(src_path, config);
        FAIL() << "a YAML file was overwritten";
    } catch (const DbError& e) {
        EXPECT_NE(std::string(e.what()).find("not an SQLite database"), std::string::npos);
        EXPECT_EQ(std::string(e.what()).find("backup failed"), std::string::npos);
    }
    struct stat st {};
    ASSERT_EQ(::stat(config.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0640u);
    std::ifstream in(config);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "homeserver: https://example.org");
    for (const char* side : {"-wal", "-shm", "-journal"})
        EXPECT_THROW(backup_database(src_path, src_path + side), DbError) << side;
    // Nothing half-written is left beside the targets.
    for (const auto& entry : fs::directory_iterator(dir))
        EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
}

TEST_F(Backup, AnEmptyFileMayBeTheTargetAndNoTemporaryFileStays) {
    std::string src_path = file("bot.db"), out = file("backup.db");
    Database src(src_path);
    fill(src, 4);
    { std::ofstream touch(out); }
    backup_database(src_path, out);
    Database copy(out);
    EXPECT_EQ(dump(copy), dump(src));
    for (const auto& entry : fs::directory_iterator(dir))
        EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
}

}  // namespace
