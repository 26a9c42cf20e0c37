// Storage: migrations, outbox ordering and states, handled marks, jobs, rooms.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "storage/database.hpp"
#include "storage/handled_events.hpp"
#include "storage/jobs.hpp"
#include "storage/kv_store.hpp"
#include "storage/migrations.hpp"
#include "storage/outbox.hpp"
#include "storage/rooms.hpp"

using namespace dialoog::storage;

namespace {
OutboxItem send_item(const std::string& room, const std::string& txn) {
    OutboxItem i;
    i.kind = OutboxKind::Send;
    i.room_id = room;
    i.event_type = "m.room.message";
    i.txn_id = txn;
    i.content = "{}";
    return i;
}
}  // namespace

// The database holds personal data: created 0600 even with a permissive umask, and its WAL
// file gets the same mode.
TEST(Database, NewFileIsPrivate) {
    const auto path = (std::filesystem::temp_directory_path() /
                       ("dialoog_mode_" + std::to_string(::getpid()) + ".db"))
                          .string();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    const mode_t old = ::umask(0002);
    {
        dialoog::storage::Database db(path);
        db.exec("CREATE TABLE t(x)");
        db.exec("INSERT INTO t VALUES (1)");
        struct stat st {};
        ASSERT_EQ(::stat(path.c_str(), &st), 0);
        EXPECT_EQ(st.st_mode & 0777, 0600u);
        if (::stat((path + "-wal").c_str(), &st) == 0) {
            EXPECT_EQ(st.st_mode & 0777, 0600u);
        }
    }
    ::umask(old);
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

// Compiled statements are reused per SQL text: the same SQL twice prepares once; two live
// statements with the same SQL do not share state; a schema change recompiles a cached one.
TEST(Database, StatementCacheReusesAndStaysCorrect) {
    dialoog::storage::Database db(":memory:");
    db.exec("CREATE TABLE t(x INTEGER)");
    db.exec("INSERT INTO t VALUES (1), (2), (3)");
    const std::string sql = "SELECT x FROM t WHERE x >= ? ORDER BY x";
    EXPECT_EQ(db.cached_statements(), 0u);
    {
        auto a = db.prepare(sql);
        a.bind(1, 2);
        ASSERT_TRUE(a.step());
        EXPECT_EQ(a.column_int(0), 2);
        // The same SQL while `a` is mid-iteration: its own statement, its own bindings.
        auto b = db.prepare(sql);
        b.bind(1, 1);
        ASSERT_TRUE(b.step());
        EXPECT_EQ(b.column_int(0), 1);
        ASSERT_TRUE(a.step());
        EXPECT_EQ(a.column_int(0), 3);
    }
    EXPECT_EQ(db.cached_statements(), 2u);
    {
        auto c = db.prepare(sql);  // from the cache: reset, no old bindings
        EXPECT_EQ(db.cached_statements(), 1u);
        c.bind(1, 3);
        ASSERT_TRUE(c.step());
        EXPECT_EQ(c.column_int(0), 3);
        EXPECT_FALSE(c.step());
    }
    db.exec("ALTER TABLE t ADD COLUMN y TEXT");
    db.exec("UPDATE t SET y = 'v' || x");
    auto all = db.prepare("SELECT * FROM t ORDER BY x");
    ASSERT_TRUE(all.step());
    EXPECT_EQ(all.column_text(1), "v1");
    auto again = db.prepare(sql);
    again.bind(1, 1);
    int rows = 0;
    while (again.step()) ++rows;
    EXPECT_EQ(rows, 3);
}

TEST(Migrations, RunOnceAndSetUserVersion) {
    Database db(":memory:");
    EXPECT_EQ(db.user_version(), 0);
    migrate_core(db);
    int v = db.user_version();
    EXPECT_EQ(v, core_migrations().back().version);
    migrate_core(db);  // idempotent
    EXPECT_EQ(db.user_version(), v);
    EXPECT_EQ(db.scalar_int("SELECT COUNT(*) FROM sqlite_master WHERE name='outbox'"), 1);
}

TEST(Migrations, NewerDatabaseIsRefused) {
    Database db(":memory:");
    migrate_core(db);
    db.set_user_version(999);
    EXPECT_THROW(migrate_core(db), std::runtime_error);
}

TEST(Migrations, FeatureOwnersAreIndependent) {
    Database db(":memory:");
    migrate_core(db);
    std::vector<Migration> a = {{1, "CREATE TABLE a1(x)"}, {2, "CREATE TABLE a2(x)"}};
    migrate_owner(db, "a", a);
    migrate_owner(db, "a", a);
    migrate_owner(db, "b", {{1, "CREATE TABLE b1(x)"}});
    EXPECT_EQ(db.scalar_int("SELECT version FROM schema_versions WHERE owner='a'"), 2);
    EXPECT_EQ(db.scalar_int("SELECT version FROM schema_versions WHERE owner='b'"), 1);
}

TEST(Migrations, FailedStepRollsBack) {
    Database db(":memory:");
    migrate_core(db);
    EXPECT_THROW(migrate_owner(db, "c", {{1, "CREATE TABLE c1(x); SELECT * FROM nope;"}}), DbError);
    EXPECT_EQ(db.scalar_int("SELECT COUNT(*) FROM sqlite_master WHERE name='c1'"), 0);
}

TEST(Outbox, SameTxnIdIsStoredOnce) {
    Database db(":memory:");
    migrate_core(db);
    Outbox o(db);
    EXPECT_TRUE(o.enqueue(send_item("!a:hs", "t1"), 1000));
    EXPECT_FALSE(o.enqueue(send_item("!a:hs", "t1"), 1000));
    EXPECT_EQ(o.counts().pending, 1);
}

TEST(Outbox, LanesKeepOrderAndRetryBlocksOnlyItsLane) {
    Database db(":memory:");
    migrate_core(db);
    Outbox o(db);
    o.enqueue(send_item("!a:hs", "a1"), 1000);
    o.enqueue(send_item("!a:hs", "a2"), 1000);
    o.enqueue(send_item("!b:hs", "b1"), 1000);
    auto heads = o.due_heads(1000, 10);
    ASSERT_EQ(heads.size(), 2u);
    EXPECT_EQ(heads[0].txn_id, "a1");
    EXPECT_EQ(heads[1].txn_id, "b1");
    // a1 must wait (429): a2 may not overtake it, b1's lane goes on.
    o.mark_retry(heads[0].id, 5000, "rate limited");
    o.mark_sent(heads[1].id, 1001);
    EXPECT_TRUE(o.due_heads(2000, 10).empty());
    EXPECT_EQ(o.next_wake(), 5000);
    auto later = o.due_heads(5000, 10);
    ASSERT_EQ(later.size(), 1u);
    EXPECT_EQ(later[0].txn_id, "a1");
    EXPECT_EQ(later[0].attempts, 1);
}

TEST(Outbox, FailedRowsStayAndSentRowsArePruned) {
    Database db(":memory:");
    migrate_core(db);
    Outbox o(db);
    o.enqueue(send_item("!a:hs", "a1"), 1000);
    o.enqueue(send_item("!b:hs", "b1"), 1000);
    auto heads = o.due_heads(1000, 10);
    o.mark_failed(heads[0].id, "M_FORBIDDEN 403");
    o.mark_sent(heads[1].id, 2000);
    EXPECT_EQ(o.prune_sent(1500), 0);
    EXPECT_EQ(o.prune_sent(3000), 1);
    EXPECT_EQ(o.counts().failed, 1);
    EXPECT_EQ(o.failed_rows(10).size(), 1u);
    EXPECT_EQ(o.clear_failed(), 1);
}

TEST(Outbox, PurgeAfterSendDeletesTheRow) {
    Database db(":memory:");
    migrate_core(db);
    Outbox o(db);
    auto item = send_item("!dm:hs", "p1");
    item.purge_after_send = true;
    item.content = R"({"body":"client text"})";
    o.enqueue(item, 1000);
    o.mark_sent(o.due_heads(1000, 1)[0].id, 1001);
    EXPECT_EQ(db.scalar_int("SELECT COUNT(*) FROM outbox"), 0);
}

TEST(Outbox, FailRoomMarksPendingRowsFailed) {
    Database db(":memory:");
    migrate_core(db);
    Outbox o(db);
    o.enqueue(send_item("!a:hs", "a1"), 1000);
    o.enqueue(send_item("!b:hs", "b1"), 1000);
    EXPECT_EQ(o.fail_room("!a:hs", "left"), 1);
    EXPECT_EQ(o.counts().pending, 1);
}

// A DM row resolved to a room that then refused the send goes back to looking for a room:
// kind dm, no room, one more attempt, same txn_id and lane.
TEST(Outbox, ReopenDmUndoesResolveDm) {
    Database db(":memory:");
    migrate_core(db);
    Outbox o(db);
    OutboxItem dm;
    dm.kind = OutboxKind::Dm;
    dm.target_user = "@u:hs";
    dm.txn_id = "d1";
    dm.content = R"({"msgtype":"m.notice","body":"hi"})";
    o.enqueue(dm, 1000);
    auto id = o.due_heads(1000, 1).at(0).id;
    o.resolve_dm(id, "!dm:hs");
    auto sent = o.due_heads(1000, 1).at(0);
    EXPECT_EQ(sent.kind, OutboxKind::Send);
    EXPECT_EQ(sent.room_id, "!dm:hs");
    o.reopen_dm(id);
    auto again = o.due_heads(1000, 1);
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].kind, OutboxKind::Dm);
    EXPECT_FALSE(again[0].room_id.has_value());
    EXPECT_EQ(again[0].attempts, 1);
    EXPECT_EQ(again[0].txn_id, "d1");
    EXPECT_EQ(again[0].lane, "dm:@u:hs");
    EXPECT_EQ(again[0].target_user, "@u:hs");
}

// /healthz's view: pending and failed counts, and the oldest pending row that is due (rows not
// due yet and failed rows do not count as waiting).
TEST(Outbox, HealthCountsAndOldestDueRow) {
    Database db(":memory:");
    migrate_core(db);
    Outbox o(db);
    auto empty = o.health(1000);
    EXPECT_EQ(empty.pending, 0);
    EXPECT_EQ(empty.failed, 0);
    EXPECT_FALSE(empty.oldest_due_ms.has_value());
    auto later = send_item("!a:hs", "a1");
    later.not_before = 9000;
    o.enqueue(later, 1000);
    EXPECT_FALSE(o.health(1000).oldest_due_ms.has_value()) << "not due yet";
    o.enqueue(send_item("!b:hs", "b1"), 2000);
    o.enqueue(send_item("!c:hs", "c1"), 3000);
    o.mark_failed(o.due_heads(3000, 10).at(0).id, "M_FORBIDDEN 403");  // b1
    auto h = o.health(5000);
    EXPECT_EQ(h.pending, 2);
    EXPECT_EQ(h.failed, 1);
    EXPECT_EQ(h.oldest_due_ms, 3000);
    EXPECT_EQ(o.health(9000).oldest_due_ms, 3000);
}

TEST(Jobs, CountsAllAndDue) {
    Database db(":memory:");
    migrate_core(db);
    Jobs j(db);
    auto none = j.counts(1000);
    EXPECT_EQ(none.total, 0);
    EXPECT_EQ(none.due, 0);
    j.upsert("k", "a", 1000);
    j.upsert("k", "b", 2000);
    j.upsert("k", "c", 3000);
    auto c = j.counts(2000);
    EXPECT_EQ(c.total, 3);
    EXPECT_EQ(c.due, 2) << "due_at <= now counts as due";
}

// The bot's own membership: leave and ban close a room for effects; unknown rooms are open.
TEST(Rooms, BotLeftAfterLeaveOrBan) {
    Database db(":memory:");
    migrate_core(db);
    Rooms r(db);
    EXPECT_FALSE(r.bot_left("!unknown:hs"));
    r.set_membership("!a:hs", "join", 1000);
    r.set_membership("!b:hs", "leave", 1000);
    r.set_membership("!c:hs", "ban", 1000);
    r.set_membership("!d:hs", "invite", 1000);
    EXPECT_FALSE(r.bot_left("!a:hs"));
    EXPECT_TRUE(r.bot_left("!b:hs"));
    EXPECT_TRUE(r.bot_left("!c:hs"));
    EXPECT_FALSE(r.bot_left("!d:hs"));
}

// A DM partner's membership: gone after leave or ban, not while joined or invited, and not
// when nothing is recorded for that user in that room.
TEST(Rooms, MemberGoneAfterLeaveOrBan) {
    Database db(":memory:");
    migrate_core(db);
    Rooms r(db);
    r.set_membership("!dm:hs", "join", 1000);
    EXPECT_FALSE(r.member_gone("!dm:hs", "@u:hs"));
    r.set_member("!dm:hs", "@u:hs", "invite");
    EXPECT_FALSE(r.member_gone("!dm:hs", "@u:hs"));
    r.set_member("!dm:hs", "@u:hs", "join");
    EXPECT_FALSE(r.member_gone("!dm:hs", "@u:hs"));
    r.set_member("!dm:hs", "@u:hs", "leave");
    EXPECT_TRUE(r.member_gone("!dm:hs", "@u:hs"));
    EXPECT_FALSE(r.member_gone("!other:hs", "@u:hs")) << "per room";
    r.set_member("!dm:hs", "@v:hs", "ban");
    EXPECT_TRUE(r.member_gone("!dm:hs", "@v:hs"));
}

TEST(Rooms, IsDmRoomFollowsDmRooms) {
    Database db(":memory:");
    migrate_core(db);
    Rooms r(db);
    EXPECT_FALSE(r.is_dm_room("!dm:hs"));
    r.set_dm_room("@u:hs", "!dm:hs", 1000);
    EXPECT_TRUE(r.is_dm_room("!dm:hs"));
    EXPECT_FALSE(r.is_dm_room("!team:hs"));
    r.forget_dm_room("!dm:hs");
    EXPECT_FALSE(r.is_dm_room("!dm:hs"));
}

TEST(HandledEvents, MarksAreKeyedAndPruned) {
    Database db(":memory:");
    migrate_core(db);
    auto key = HandledEvents::load_or_create_key(db);
    EXPECT_EQ(key.size(), 32u);
    EXPECT_EQ(HandledEvents::load_or_create_key(db), key);  // stable across starts
    HandledEvents h(db, key);
    EXPECT_FALSE(h.seen("$a:hs"));
    h.mark("$a:hs", 1000);
    h.mark("$a:hs", 1000);
    EXPECT_TRUE(h.seen("$a:hs"));
    // The table holds no event id in clear.
    EXPECT_EQ(db.scalar_int("SELECT COUNT(*) FROM handled_events WHERE instr(mark, '$a:hs') > 0"),
              0);
    h.mark("$b:hs", 5000);
    EXPECT_EQ(h.prune(2000), 1);
    EXPECT_FALSE(h.seen("$a:hs"));
    EXPECT_TRUE(h.seen("$b:hs"));
}

TEST(Jobs, DueOrderUpsertAndPrefixRemoval) {
    Database db(":memory:");
    migrate_core(db);
    Jobs j(db);
    j.upsert("k", "casus:1:start", 3000);
    j.upsert("k", "casus:1:remind", 1000);
    j.upsert("k", "casus:2:start", 2000);
    EXPECT_EQ(j.next_due_at(), 1000);
    auto due = j.due(2500, 10);
    ASSERT_EQ(due.size(), 2u);
    EXPECT_EQ(due[0].key, "casus:1:remind");
    j.upsert("k", "casus:1:remind", 4000);  // moved, not duplicated
    EXPECT_EQ(j.count(), 3);
    EXPECT_EQ(j.remove_prefix("casus:1:"), 2);
    EXPECT_EQ(j.count(), 1);
}

TEST(KvStore, SetGetErase) {
    Database db(":memory:");
    migrate_core(db);
    KvStore kv(db);
    EXPECT_FALSE(kv.get("next_batch"));
    kv.set("next_batch", "s1");
    kv.set("next_batch", "s2");
    EXPECT_EQ(kv.get("next_batch"), "s2");
    kv.erase("next_batch");
    EXPECT_FALSE(kv.get("next_batch"));
}

TEST(Savepoints, RollbackUndoesOnlyTheEvent) {
    Database db(":memory:");
    migrate_core(db);
    Transaction tx(db);
    KvStore kv(db);
    kv.set("a", "1");
    {
        Savepoint sp(db, "ev1");
        kv.set("b", "2");
        sp.rollback();
    }
    {
        Savepoint sp(db, "ev2");
        kv.set("c", "3");
        sp.release();
    }
    tx.commit();
    EXPECT_EQ(kv.get("a"), "1");
    EXPECT_FALSE(kv.get("b"));
    EXPECT_EQ(kv.get("c"), "3");
}
