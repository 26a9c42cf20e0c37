// After confirmed intakes whose replies were sent, nothing in the database points back to the
// representative: every table and every column is searched for the submitter's user ID, the
// DM room ID, the event IDs and the raw personal data of the story.
#include <gtest/gtest.h>

#include <set>

#include "commands/inbreng/inbreng_feature.hpp"
#include "support/harness.hpp"

using namespace dialoog;
using namespace dialoog::testing;

namespace {

const std::string kDm = "!dm_vertegenwoordiger:hs";
const std::string kCv = "@cv_marieke_de_boer:hs";
const std::string kStory =
    "Mevrouw Jansen (43 jaar) uit Zwolle vertelde dat haar uitkering drie maanden werd "
    "stopgezet. Haar BSN is 111222333 en haar telefoon 06-12345678.";
const std::string kStory2 =
    "Meneer Pietersen, geboren op 3 maart 1961, kreeg bij het UWV geen uitleg over zijn "
    "re-integratietraject. Hij woont aan de Kerkstraat 12 in Deventer.";

struct Hit {
    std::string table, column, needle;
};

std::vector<Hit> search_everywhere(storage::Database& db, const std::vector<std::string>& needles) {
    std::vector<std::string> tables;
    {
        auto st = db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name");
        while (st.step()) tables.push_back(st.column_text(0));
    }
    std::vector<Hit> hits;
    for (const auto& t : tables) {
        std::vector<std::string> cols;
        auto info = db.prepare("PRAGMA table_info(\"" + t + "\")");
        while (info.step()) cols.push_back(info.column_text(1));
        EXPECT_FALSE(cols.empty()) << t;
        for (const auto& c : cols)
            for (const auto& n : needles) {
                auto st = db.prepare("SELECT COUNT(*) FROM \"" + t + "\" WHERE instr(CAST(\"" + c +
                                     "\" AS TEXT), ?) > 0");
                st.bind(1, n);
                st.step();
                if (st.column_int(0) > 0) hits.push_back({t, c, n});
            }
    }
    return hits;
}

}  // namespace

TEST(InbrengPrivacy, NothingStoredPointsBackToTheSubmitter) {
    std::vector<std::unique_ptr<commands::Feature>> features;
    features.push_back(std::make_unique<inbreng::InbrengFeature>());
    Harness h(std::move(features),
              base_config("teams:\n"
                          "  - name: Team Noord\n    room: \"!noord:hs\"\n    leaders: []\n"
                          "  - name: Team Zuid\n    room: \"!zuid:hs\"\n    leaders: []\n"
                          "intake:\n  allow: [\"@cv_*:hs\"]\n  default_team: Team Noord\n"));
    h.make_dm(kDm, kCv);
    h.join_room("!noord:hs", {"@anna:hs"});
    h.take();

    std::vector<std::string> events;
    // One intake in one message, confirmed with "ja".
    events.push_back(h.send(kDm, kCv, "!inbreng " + kStory));
    events.push_back(h.send(kDm, kCv, "ja"));
    h.take();
    // One through the dialogue, confirmed with a 👍.
    events.push_back(h.send(kDm, kCv, "!inbreng"));
    events.push_back(h.send(kDm, kCv, kStory2));
    events.push_back(h.send(kDm, kCv, "2"));
    events.push_back(h.send(kDm, kCv, "systeem, traject"));
    events.push_back(h.send_event(
        kDm, kCv, "m.reaction",
        {{"m.relates_to", {{"rel_type", "m.annotation"}, {"event_id", "$x:hs"}, {"key", "👍"}}}}));
    // The replies were sent (and the purge_after_send rows deleted).
    auto sent = h.take();
    ASSERT_FALSE(sent.empty());
    // And the team read them.
    h.send("!noord:hs", "@anna:hs", "!inbreng lijst");
    h.take();

    auto& db = h.db();
    ASSERT_EQ(db.scalar_int("SELECT COUNT(*) FROM inbreng_input"), 2);
    EXPECT_EQ(db.scalar_int("SELECT COUNT(*) FROM inbreng_pending"), 0);

    const std::vector<std::string> identity = {kCv, "cv_marieke_de_boer", kDm,
                                               "dm_vertegenwoordiger"};
    const std::vector<std::string> personal = {"Jansen",    "Zwolle",     "111222333",  "12345678",
                                               "Pietersen", "maart 1961", "Kerkstraat", "Deventer"};
    std::vector<std::string> needles = identity;
    needles.insert(needles.end(), personal.begin(), personal.end());
    needles.insert(needles.end(), events.begin(), events.end());

    // The core's record of the DM itself (which room is the DM with whom, its members and
    // power levels) is allowed, like any DM; it holds nothing about inputs.
    const std::set<std::string> dm_bookkeeping = {"rooms", "room_members", "dm_rooms"};
    int dm_hits = 0;
    for (const auto& hit : search_everywhere(db, needles)) {
        bool is_identity =
            std::find(identity.begin(), identity.end(), hit.needle) != identity.end();
        if (is_identity && dm_bookkeeping.count(hit.table)) {
            ++dm_hits;
            continue;
        }
        ADD_FAILURE() << "found \"" << hit.needle << "\" in " << hit.table << "." << hit.column;
    }
    EXPECT_GT(dm_hits, 0);  // the search itself works

    // The DM bookkeeping has no column that could join to an input.
    for (const auto& t : dm_bookkeeping) {
        auto info = db.prepare("PRAGMA table_info(\"" + t + "\")");
        while (info.step()) {
            auto col = info.column_text(1);
            EXPECT_EQ(col.find("inbreng"), std::string::npos) << t << "." << col;
            EXPECT_EQ(col.find("input"), std::string::npos) << t << "." << col;
        }
    }
    // The input row holds exactly the allowed facts: no user, room, event or exact time.
    std::vector<std::string> cols;
    auto info = db.prepare("PRAGMA table_info(inbreng_input)");
    while (info.step()) cols.push_back(info.column_text(1));
    EXPECT_EQ(cols, (std::vector<std::string>{"id", "team", "week", "week_monday", "tags", "text",
                                              "code_hash"}));
    // No foreign key or index elsewhere refers to inbreng_input.
    EXPECT_EQ(db.scalar_int("SELECT COUNT(*) FROM sqlite_master WHERE sql LIKE '%REFERENCES "
                            "inbreng_input%'"),
              0);
    // Only the housekeeping job is left: no expiry job names a finished intake.
    EXPECT_EQ(db.scalar_int("SELECT COUNT(*) FROM jobs WHERE kind LIKE 'inbreng.%'"), 1);
    EXPECT_EQ(db.scalar_int("SELECT COUNT(*) FROM jobs WHERE key='inbreng:daily'"), 1);
    // Week only: the day number of that week's Monday, not a timestamp.
    EXPECT_EQ(db.scalar_int("SELECT COUNT(*) FROM inbreng_input WHERE week_monday > 100000"), 0);
    // Deleted rows are overwritten on disk too.
    EXPECT_EQ(db.scalar_int("PRAGMA secure_delete"), 1);
}
