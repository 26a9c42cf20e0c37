// `!overzicht` in the leader's DM: this week so far, last week, a given week, the CSV export
// with the k < 5 rule; members are refused; never in a team room.
#include <gtest/gtest.h>

#include "commands/digest/export_csv.hpp"
#include "digest_test_fakes.hpp"

using namespace dialoog;
using namespace dialoog::testing;
using namespace dialoog::testing::digest_fakes;

namespace {

const char* kTeams =
    "teams:\n"
    "  - name: Team Noord\n"
    "    room: \"!noord:hs\"\n"
    "    leaders: [\"@lea:hs\"]\n"
    "  - name: \"Team Zuid, West\"\n"
    "    room: \"!zuid:hs\"\n"
    "    leaders: [\"@lea:hs\"]\n"
    "  - name: Team Oost\n"
    "    room: \"!oost:hs\"\n"
    "    leaders: [\"@olga:hs\"]\n"
    "    language: en\n";

UtcMs wednesday() {
    return local_time("Europe/Amsterdam", 2026, 12, 2, 12, 0);
}

struct Fixture {
    std::unique_ptr<Harness> h;
    Fixture() {
        h = std::make_unique<Harness>(
            features(std::make_unique<digest::DigestFeature>(), std::make_unique<FakeSessions>(),
                     std::make_unique<FakeInput>()),
            base_config(kTeams), wednesday());
        h->make_dm("!dm-lea:hs", "@lea:hs");
        h->make_dm("!dm-anna:hs", "@anna:hs");
        h->make_dm("!dm-olga:hs", "@olga:hs");
        h->join_room("!noord:hs", {"@lea:hs", "@anna:hs"});
        h->take();
        auto session = [&](const std::string& team, UtcMs at, const std::string& title) {
            auto st = h->db().prepare(
                "INSERT INTO fake_sessions(team, at, title, participants) VALUES(?,?,?,5)");
            st.bind(1, team).bind(2, ms(at)).bind(3, title).run();
        };
        auto input = [&](const std::string& team, UtcMs at, int n) {
            for (int i = 0; i < n; ++i) {
                auto st = h->db().prepare("INSERT INTO fake_input(team, at, text) VALUES(?,?,?)");
                st.bind(1, team).bind(2, ms(at)).bind(3, "tekst " + std::to_string(i)).run();
            }
        };
        session("Team Noord", local_time("Europe/Amsterdam", 2026, 12, 1, 10, 0), "DEZE WEEK");
        session("Team Noord", local_time("Europe/Amsterdam", 2026, 11, 24, 10, 0), "VORIGE WEEK");
        session("Team Oost", local_time("Europe/Amsterdam", 2026, 12, 1, 10, 0), "OOST");
        input("Team Noord", local_time("Europe/Amsterdam", 2026, 11, 25, 10, 0), 3);  // W48
        input("Team Noord", local_time("Europe/Amsterdam", 2026, 11, 18, 10, 0), 6);  // W47
        input("Team Oost", local_time("Europe/Amsterdam", 2026, 11, 25, 10, 0), 2);
    }
    std::string ask(const std::string& room, const std::string& user, const std::string& text) {
        h->send(room, user, text);
        return h->last_body();
    }
};

}  // namespace

TEST(DigestCommand, ThisWeekSoFar) {
    Fixture f;
    auto body = f.ask("!dm-lea:hs", "@lea:hs", "!overzicht");
    EXPECT_NE(body.find("Weekoverzicht week 49, 2026 (tot nu toe)"), std::string::npos);
    EXPECT_NE(body.find("DEZE WEEK"), std::string::npos);
    EXPECT_EQ(body.find("VORIGE WEEK"), std::string::npos);
    EXPECT_NE(body.find("Team Zuid, West"), std::string::npos);
    EXPECT_EQ(body.find("OOST"), std::string::npos);
    // On demand sends nothing into the weekly record.
    EXPECT_EQ(f.h->db().scalar_int("SELECT COUNT(*) FROM digest_sent"), 0);
}

TEST(DigestCommand, LastWeekAndAGivenWeek) {
    Fixture f;
    auto body = f.ask("!dm-lea:hs", "@lea:hs", "!overzicht vorige");
    EXPECT_NE(body.find("Weekoverzicht week 48, 2026\n"), std::string::npos);
    EXPECT_NE(body.find("VORIGE WEEK"), std::string::npos);
    EXPECT_EQ(body.find("DEZE WEEK"), std::string::npos);
    body = f.ask("!dm-lea:hs", "@lea:hs", "!overview 2026-W48");
    EXPECT_NE(body.find("VORIGE WEEK"), std::string::npos);
    body = f.ask("!dm-lea:hs", "@lea:hs", "!overzicht 2026-W50");
    EXPECT_NE(body.find("nog niet begonnen"), std::string::npos);
    body = f.ask("!dm-lea:hs", "@lea:hs", "!overzicht gisteren");
    EXPECT_NE(body.find("Dat begreep ik niet"), std::string::npos);
}

TEST(DigestCommand, LeaderLanguageFromFirstTeam) {
    Fixture f;
    auto body = f.ask("!dm-olga:hs", "@olga:hs", "!overview previous");
    EXPECT_NE(body.find("Weekly overview, week 48 of 2026"), std::string::npos);
    EXPECT_EQ(body.find("Noord"), std::string::npos);
}

TEST(DigestCommand, MemberIsRefusedPolitely) {
    Fixture f;
    auto body = f.ask("!dm-anna:hs", "@anna:hs", "!overzicht");
    EXPECT_NE(body.find("alleen voor leidinggevenden"), std::string::npos);
    EXPECT_EQ(body.find("Team Noord"), std::string::npos);
    body = f.ask("!dm-anna:hs", "@anna:hs", "!overzicht export");
    EXPECT_NE(body.find("alleen voor leidinggevenden"), std::string::npos);
    // An admin who leads no team is no leader either.
    f.h->make_dm("!dm-admin:hs", "@admin:hs");
    f.h->take();
    body = f.ask("!dm-admin:hs", "@admin:hs", "!overzicht");
    EXPECT_NE(body.find("alleen voor leidinggevenden"), std::string::npos);
}

TEST(DigestCommand, NotInATeamRoom) {
    Fixture f;
    auto body = f.ask("!noord:hs", "@lea:hs", "!overzicht");
    EXPECT_EQ(body.find("Weekoverzicht"), std::string::npos);
    EXPECT_EQ(body.find("DEZE WEEK"), std::string::npos);
}

TEST(DigestCommand, ExportIsAnUploadedCsvFileWithSmallCountRule) {
    Fixture f;
    const std::string cmd = f.h->send("!dm-lea:hs", "@lea:hs", "!overzicht export");
    auto rows = f.h->take();
    ASSERT_EQ(rows.size(), 2u);
    // First the explanation, then the file, both answering the command, in that order.
    EXPECT_EQ(rows[0].kind, "send");
    EXPECT_NE(rows[0].body().find("Cijfers 2026-K4"), std::string::npos);
    EXPECT_NE(rows[0].body().find("dialoogbot-cijfers-2026-K4.csv"), std::string::npos);
    ASSERT_EQ(rows[1].kind, "upload_send");
    EXPECT_EQ(rows[1].room_id, "!dm-lea:hs");
    const auto& up = rows[1].content["upload"];
    EXPECT_EQ(up["filename"], "dialoogbot-cijfers-2026-K4.csv");
    EXPECT_EQ(up["content_type"], "text/csv; charset=utf-8");
    const std::string csv = up["data"];
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBFteam,week,week_start,week_end,sessies,inbreng\n", 0), 0u);
    EXPECT_NE(csv.find("Team Noord,2026-W48,2026-11-23,2026-11-29,1,< 5\n"), std::string::npos);
    EXPECT_NE(csv.find("Team Noord,2026-W47,2026-11-16,2026-11-22,0,6\n"), std::string::npos);
    EXPECT_NE(csv.find("Team Noord,2026-W49,2026-11-30,2026-12-06,1,0\n"), std::string::npos);
    EXPECT_NE(csv.find("\"Team Zuid, West\",2026-W40,"), std::string::npos);
    EXPECT_EQ(csv.find("Oost"), std::string::npos);
    const auto& msg = rows[1].content["message"];
    EXPECT_EQ(msg["msgtype"], "m.file");
    EXPECT_EQ(msg["body"], "dialoogbot-cijfers-2026-K4.csv");
    EXPECT_EQ(msg["info"]["mimetype"], "text/csv; charset=utf-8");
    EXPECT_EQ(msg["info"]["size"], csv.size());
    EXPECT_EQ(msg["m.relates_to"]["m.in_reply_to"]["event_id"], cmd);
    EXPECT_FALSE(msg.contains("url"));  // set by the sender after the upload
}

TEST(DigestCommand, ExportFileNameInEnglish) {
    Fixture f;
    f.h->send("!dm-olga:hs", "@olga:hs", "!overview export");
    auto rows = f.h->take();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_NE(rows[0].body().find("Figures 2026-Q4"), std::string::npos);
    EXPECT_EQ(rows[1].content["upload"]["filename"], "dialoogbot-figures-2026-Q4.csv");
}

TEST(DigestCommand, ExportOtherQuarters) {
    Fixture f;
    auto csv = digest::digest_export_csv(f.h->services(), "@lea:hs", "2026-K3");
    // 2 teams x 13 weeks + header.
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 27);
    EXPECT_NE(csv.find("Team Noord,2026-W27,2026-06-29,2026-07-05"), std::string::npos);
    EXPECT_NE(csv.find("Team Noord,2026-W39,"), std::string::npos);
    EXPECT_EQ(digest::digest_export_csv(f.h->services(), "@anna:hs", ""), "");
    EXPECT_EQ(digest::digest_export_csv(f.h->services(), "@lea:hs", "2027-K1"), "");
    auto body = f.ask("!dm-lea:hs", "@lea:hs", "!overzicht export volgend jaar");
    EXPECT_NE(body.find("Welk kwartaal bedoel je"), std::string::npos);
    body = f.ask("!dm-lea:hs", "@lea:hs", "!overzicht export vorige");
    EXPECT_NE(body.find("Cijfers 2026-K3"), std::string::npos);
}

TEST(DigestCommand, HelpListsOverzichtInDmOnly) {
    Fixture f;
    auto body = f.ask("!dm-lea:hs", "@lea:hs", "!hulp");
    EXPECT_NE(body.find("!overzicht"), std::string::npos);
    body = f.ask("!noord:hs", "@anna:hs", "!hulp");
    EXPECT_EQ(body.find("!overzicht"), std::string::npos);
}

TEST(DigestCommand, TextsCompleteInBothLanguages) {
    Fixture f;
    for (const auto& key : f.h->services().texts.missing_translations())
        EXPECT_NE(key.rfind("digest.", 0), 0u) << key;
}
