// A file effect (commands::Effects::file, outbox kind upload_send) against the fake
// homeserver: the data is uploaded to the content repository, then posted once as an m.file
// message carrying the content URI, in order with the room's other messages; a failed upload
// is retried, a lost send response does not post the file twice, a crash after the upload
// still posts it once.

#include <gtest/gtest.h>

#include "commands/effects.hpp"
#include "integration/support/bot_fixture.hpp"
#include "storage/database.hpp"

namespace dialoog::testing {
namespace {

const std::string kCsv = "team,week\nTeam Noord,2026-W49\n";

/// Writes a notice and then a file into the outbox of the stopped bot's database, as a handler
/// would (one cause, so one deterministic txn_id sequence).
void queue_notice_and_file(BotFixture& f, const std::string& room, const std::string& cause) {
    storage::Database db(f.db_path());
    SystemClock clock;
    commands::Effects fx(db, clock, "integration-key", cause);
    storage::Transaction tx(db);
    fx.notice(room, "Het bestand volgt.");
    fx.file(room, "cijfers.csv", "text/csv; charset=utf-8", kCsv);
    tx.commit();
}

/// A bot that joined a room, was stopped, and has a notice and a file queued for it.
struct Queued {
    FakeHomeserver hs;
    BotFixture f{hs};
    std::string room;
    explicit Queued(const std::string& cause) : room(f.start_in_room()) {
        f.stop();
        queue_notice_and_file(f, room, cause);
    }
};

std::vector<AcceptedEvent> files_in(const FakeHomeserver& hs, const std::string& room) {
    std::vector<AcceptedEvent> out;
    for (const auto& a : hs.accepted())
        if (a.room_id == room && a.content.value("msgtype", "") == "m.file") out.push_back(a);
    return out;
}

/// The file message is on the server and nothing is left to send.
bool file_posted_and_drained(BotFixture& f, const FakeHomeserver& hs, const std::string& room) {
    return !files_in(hs, room).empty() && f.outbox_counts().pending == 0;
}

TEST(Upload, FileIsUploadedThenPostedOnceAfterTheNotice) {
    Queued q("cause-1");
    auto& hs = q.hs;
    auto& f = q.f;
    const std::string& room = q.room;
    hs.fail_next(Endpoint::Upload, 2, 502);  // the first two uploads fail: retried
    f.start();
    ASSERT_TRUE(f.run_until([&] { return !files_in(hs, room).empty(); }));
    f.stop();

    auto uploads = hs.uploads();
    ASSERT_EQ(uploads.size(), 1u);
    EXPECT_EQ(uploads[0].filename, "cijfers.csv");
    EXPECT_EQ(uploads[0].content_type, "text/csv; charset=utf-8");
    EXPECT_EQ(uploads[0].data, kCsv);
    auto files = files_in(hs, room);
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0].content.value("url", ""), uploads[0].content_uri);
    EXPECT_EQ(files[0].content.value("body", ""), "cijfers.csv");
    EXPECT_EQ(files[0].content["info"].value("size", 0), static_cast<int>(kCsv.size()));
    EXPECT_EQ(hs.count_responses(Endpoint::Upload, 502), 2);

    // The notice came first: the file waits for its lane's head.
    std::size_t notice_at = 0, file_at = 0;
    auto all = hs.accepted();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].content.value("body", "") == "Het bestand volgt.") notice_at = i + 1;
        if (all[i].content.value("msgtype", "") == "m.file") file_at = i + 1;
    }
    ASSERT_GT(notice_at, 0u);
    EXPECT_LT(notice_at, file_at);
    auto counts = f.outbox_counts();
    EXPECT_EQ(counts.pending, 0);
    EXPECT_EQ(counts.failed, 0);
    // The uploaded data does not stay in the outbox once the row became a send.
    storage::Database db(f.db_path());
    EXPECT_EQ(db.scalar_int("SELECT COUNT(*) FROM outbox WHERE content LIKE '%Team Noord%'"), 0);
}

TEST(Upload, LostSendResponseDoesNotPostTheFileTwice) {
    Queued q("cause-2");
    auto& hs = q.hs;
    auto& f = q.f;
    const std::string& room = q.room;
    // The notice's send goes through; the file's send is stored but its response is lost.
    f.start();
    ASSERT_TRUE(f.run_until([&] { return hs.uploads().size() == 1; }));
    hs.drop_next(Endpoint::Send, 1, /*in_body=*/true, /*after_processing=*/true);
    ASSERT_TRUE(f.run_until([&] { return file_posted_and_drained(f, hs, room); }));
    f.stop();
    EXPECT_EQ(files_in(hs, room).size(), 1u);
    EXPECT_EQ(hs.uploads().size(), 1u);
}

TEST(Upload, CrashAfterUploadPostsTheFileOnce) {
    Queued q("cause-3");
    auto& hs = q.hs;
    auto& f = q.f;
    const std::string& room = q.room;
    // Every send stalls: the bot uploads, turns the row into a send and is killed before the
    // send is answered.
    hs.stall_next(Endpoint::Send, 10, 5s);
    f.start();
    ASSERT_TRUE(f.run_until([&] { return hs.uploads().size() == 1; }));
    f.run_for(200ms);
    f.crash();
    hs.clear_faults();
    f.start();
    ASSERT_TRUE(f.run_until([&] { return file_posted_and_drained(f, hs, room); }, 20s));
    f.stop();
    EXPECT_EQ(files_in(hs, room).size(), 1u) << "one m.file message, whatever was retried";
    EXPECT_LE(hs.uploads().size(), 2u);
}

TEST(Upload, RefusedUploadFailsForGoodWithoutPosting) {
    Queued q("cause-4");
    auto& hs = q.hs;
    auto& f = q.f;
    const std::string& room = q.room;
    hs.fail_next(Endpoint::Upload, 1, 413, "M_TOO_LARGE");
    f.start();
    ASSERT_TRUE(f.run_until([&] { return f.outbox_counts().failed == 1; }));
    f.stop();
    EXPECT_TRUE(files_in(hs, room).empty());
    EXPECT_TRUE(hs.uploads().empty());
}

}  // namespace
}  // namespace dialoog::testing
