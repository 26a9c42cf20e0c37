// Intake of client input in a private chat, end to end through the real SyncProcessor: preview,
// "ja", 👍, "nee", expiry by job, redaction rows, refusals outside the bot's DM, withdrawal,
// the daily flood limit, and what a team sees in its room.
#include <gtest/gtest.h>

#include <date/date.h>

#include <set>

#include "commands/inbreng/inbreng_feature.hpp"
#include "storage/inbreng/inputs.hpp"
#include "support/harness.hpp"

using namespace dialoog;
using namespace dialoog::testing;
using nlohmann::json;

namespace {

const std::string kDm = "!dm_cv:hs";
const std::string kCv = "@cv_marieke:hs";
const std::string kNoord = "!noord:hs";
const std::string kZuid = "!zuid:hs";
const std::string kStory =
    "Mevrouw Jansen (43 jaar) uit Zwolle vertelde dat haar uitkering drie maanden werd "
    "stopgezet omdat een formulier zoek was. Haar BSN is 111222333.";

std::string intake_config(const std::string& intake_extra = "") {
    return base_config(
        "teams:\n"
        "  - name: Team Noord\n    room: \"!noord:hs\"\n    leaders: [\"@leider:hs\"]\n"
        "  - name: Team Zuid\n    room: \"!zuid:hs\"\n    leaders: []\n"
        "intake:\n  allow: [\"@cv_*:hs\", \"@*:raad.example\"]\n  default_team: Team Noord\n" +
        intake_extra);
}

std::vector<std::unique_ptr<commands::Feature>> inbreng_only() {
    std::vector<std::unique_ptr<commands::Feature>> v;
    v.push_back(std::make_unique<inbreng::InbrengFeature>());
    return v;
}

struct Fixture {
    Harness h;
    explicit Fixture(const std::string& intake_extra = "")
        : h(inbreng_only(), intake_config(intake_extra)) {
        h.make_dm(kDm, kCv);
        h.join_room(kNoord, {"@anna:hs"});
        h.join_room(kZuid, {"@bob:hs"});
        h.take();
    }
    std::int64_t inputs() { return h.db().scalar_int("SELECT COUNT(*) FROM inbreng_input"); }
    std::int64_t pending() { return h.db().scalar_int("SELECT COUNT(*) FROM inbreng_pending"); }
    std::vector<std::string> stored_texts() {
        std::vector<std::string> out;
        auto st = h.db().prepare("SELECT text FROM inbreng_input ORDER BY id");
        while (st.step()) out.push_back(st.column_text(0));
        return out;
    }
    /// Sends a one-shot intake and answers "ja"; returns the withdrawal code.
    std::string store(const std::string& text, const std::string& extra_answer = "") {
        h.send(kDm, kCv, "!inbreng " + text);
        if (!extra_answer.empty()) h.send(kDm, kCv, extra_answer);
        h.send(kDm, kCv, "ja");
        return code_in(h.take());
    }
    static std::string code_in(const std::vector<SentMessage>& msgs) {
        for (const auto& m : msgs) {
            auto b = m.body();
            auto at = b.find("intrekcode is ");
            if (at != std::string::npos) return b.substr(at + 14, 14);
        }
        return {};
    }
};

bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

std::vector<SentMessage> of_kind(const std::vector<SentMessage>& msgs, const std::string& kind) {
    std::vector<SentMessage> out;
    for (const auto& m : msgs)
        if (m.kind == kind) out.push_back(m);
    return out;
}

}  // namespace

TEST(InbrengIntake, OneShotShowsScrubbedPreviewAndStoresNothingYet) {
    Fixture f;
    f.h.send(kDm, kCv, "!inbreng " + kStory);
    // Every row in the DM may hold client text: all are deleted once sent.
    EXPECT_EQ(f.h.db().scalar_int("SELECT COUNT(*) FROM outbox WHERE purge_after_send=0"), 0);
    auto msgs = f.h.take();
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_EQ(msgs[0].room_id, kDm);
    EXPECT_FALSE(msgs[0].content.contains("m.relates_to"));  // no event id of the story
    auto body = msgs[0].body();
    EXPECT_TRUE(contains(body, "Dit is wat ik zou bewaren"));
    EXPECT_TRUE(contains(body, "[NAAM]"));
    EXPECT_TRUE(contains(body, "[BSN]"));
    EXPECT_FALSE(contains(body, "Jansen"));
    EXPECT_FALSE(contains(body, "111222333"));
    EXPECT_TRUE(contains(body, "Team Noord"));  // default_team
    EXPECT_TRUE(contains(body, "24 uur"));
    EXPECT_EQ(f.pending(), 1);
    EXPECT_EQ(f.inputs(), 0);
}

TEST(InbrengIntake, JaStoresScrubbedTextRedactsOriginalAndGivesCode) {
    Fixture f;
    auto story_id = f.h.send(kDm, kCv, "!inbreng " + kStory);
    f.h.take();
    f.h.send(kDm, kCv, "Ja!");
    EXPECT_EQ(f.h.db().scalar_int("SELECT COUNT(*) FROM outbox WHERE purge_after_send=0"), 0);
    auto msgs = f.h.take();
    auto redactions = of_kind(msgs, "redact");
    ASSERT_EQ(redactions.size(), 1u);
    EXPECT_EQ(redactions[0].room_id, kDm);
    EXPECT_EQ(redactions[0].content["event_id"], story_id);
    // When the server refuses the redaction for good, the sender posts this follow-up.
    ASSERT_TRUE(redactions[0].content.contains("on_fail"));
    EXPECT_EQ(redactions[0].content["on_fail"]["room_id"], kDm);
    EXPECT_TRUE(contains(redactions[0].content["on_fail"]["content"].value("body", ""),
                         "zelf verwijderen"));
    auto sends = of_kind(msgs, "send");
    ASSERT_EQ(sends.size(), 1u);
    EXPECT_TRUE(contains(sends[0].body(), "Bewaard"));
    EXPECT_TRUE(contains(sends[0].body(), "haal ik nu uit dit gesprek weg"));
    EXPECT_EQ(Fixture::code_in(msgs).size(), 14u);
    EXPECT_EQ(f.pending(), 0);
    ASSERT_EQ(f.inputs(), 1);
    auto text = f.stored_texts()[0];
    EXPECT_TRUE(contains(text, "[NAAM]"));
    EXPECT_TRUE(contains(text, "[BSN]"));
    EXPECT_FALSE(contains(text, "Jansen"));
    EXPECT_FALSE(contains(text, "Zwolle"));
    EXPECT_EQ(f.h.db().scalar_int("SELECT COUNT(*) FROM jobs WHERE key LIKE 'inbreng:pending:%'"),
              0);
}

TEST(InbrengIntake, ThumbsUpReactionConfirms) {
    Fixture f;
    f.h.send(kDm, kCv, "!inbreng " + kStory);
    f.h.take();
    f.h.send_event(
        kDm, kCv, "m.reaction",
        {{"m.relates_to",
          {{"rel_type", "m.annotation"}, {"event_id", "$preview:hs"}, {"key", "👍🏽"}}}});
    auto msgs = f.h.take();
    EXPECT_EQ(of_kind(msgs, "redact").size(), 1u);
    EXPECT_EQ(f.inputs(), 1);
    EXPECT_EQ(f.pending(), 0);
}

TEST(InbrengIntake, OtherReactionsAndOtherPeopleDoNotConfirm) {
    Fixture f;
    f.h.send(kDm, kCv, "!inbreng " + kStory);
    f.h.take();
    f.h.send_event(kDm, kCv, "m.reaction",
                   {{"m.relates_to",
                     {{"rel_type", "m.annotation"}, {"event_id", "$p:hs"}, {"key", "❤️"}}}});
    f.h.send_event(
        kNoord, "@anna:hs", "m.reaction",
        {{"m.relates_to", {{"rel_type", "m.annotation"}, {"event_id", "$p:hs"}, {"key", "👍"}}}});
    EXPECT_EQ(f.inputs(), 0);
    EXPECT_EQ(f.pending(), 1);
}

TEST(InbrengIntake, NeeDiscardsEverythingAndRedacts) {
    Fixture f;
    auto story_id = f.h.send(kDm, kCv, "!inbreng " + kStory);
    f.h.take();
    f.h.send(kDm, kCv, "nee");
    auto msgs = f.h.take();
    auto redactions = of_kind(msgs, "redact");
    ASSERT_EQ(redactions.size(), 1u);
    EXPECT_EQ(redactions[0].content["event_id"], story_id);
    ASSERT_EQ(of_kind(msgs, "send").size(), 1u);
    EXPECT_TRUE(contains(of_kind(msgs, "send")[0].body(), "niets bewaard"));
    EXPECT_EQ(f.inputs(), 0);
    EXPECT_EQ(f.pending(), 0);
    EXPECT_EQ(f.h.db().scalar_int("SELECT COUNT(*) FROM jobs WHERE key LIKE 'inbreng:pending:%'"),
              0);
}

TEST(InbrengIntake, NoAnswerWithinTimeoutDiscardsByJob) {
    Fixture f;
    auto story_id = f.h.send(kDm, kCv, "!inbreng " + kStory);
    f.h.take();
    f.h.advance(std::chrono::hours(23));
    EXPECT_EQ(f.pending(), 1);
    EXPECT_TRUE(f.h.take().empty());
    f.h.advance(std::chrono::hours(1) + std::chrono::minutes(1));
    EXPECT_EQ(f.pending(), 0);
    EXPECT_EQ(f.inputs(), 0);
    auto msgs = f.h.take();
    auto redactions = of_kind(msgs, "redact");
    ASSERT_EQ(redactions.size(), 1u);
    EXPECT_EQ(redactions[0].content["event_id"], story_id);
    auto sends = of_kind(msgs, "send");
    ASSERT_EQ(sends.size(), 1u);
    EXPECT_EQ(sends[0].room_id, kDm);
    EXPECT_TRUE(contains(sends[0].body(), "24 uur niets van je gehoord"));
    // A late "ja" finds nothing to store.
    f.h.send(kDm, kCv, "ja");
    EXPECT_EQ(f.inputs(), 0);
}

TEST(InbrengIntake, TimeoutCountsFromTheLastAnswerAndFollowsTheConfig) {
    Fixture f("  confirm_timeout: 2h\n");
    f.h.send(kDm, kCv, "!inbreng");
    f.h.take();
    f.h.advance(std::chrono::minutes(90));
    f.h.send(kDm, kCv, kStory);  // answer: the two hours start again
    f.h.take();
    f.h.advance(std::chrono::minutes(90));
    EXPECT_EQ(f.pending(), 1);
    f.h.advance(std::chrono::minutes(31));
    EXPECT_EQ(f.pending(), 0);
    EXPECT_TRUE(contains(f.h.last_body(), "2 uur"));
}

TEST(InbrengIntake, DialogueAsksTextTeamAndTheme) {
    Fixture f;
    f.h.send(kDm, kCv, "!inbreng");
    EXPECT_TRUE(contains(f.h.last_body(), "één bericht"));
    auto story_id = f.h.send(kDm, kCv, kStory);
    auto ask_team = f.h.last_body();
    EXPECT_TRUE(contains(ask_team, "Voor welk team"));
    EXPECT_TRUE(contains(ask_team, "2.  Team Zuid"));
    // Not a team: perhaps the story itself (a newcomer sent it here), so it is redacted too.
    auto stray_id = f.h.send(kDm, kCv, "Team Vlieland");
    EXPECT_TRUE(contains(f.h.last_body(), "Dat team ken ik niet"));
    f.h.send(kDm, kCv, "2");
    auto ask_theme = f.h.last_body();
    EXPECT_TRUE(contains(ask_theme, "systeem"));
    EXPECT_TRUE(contains(ask_theme, "drempels"));
    f.h.send(kDm, kCv, "4, wachtlijst");
    auto preview = f.h.last_body();
    EXPECT_TRUE(contains(preview, "Team Zuid"));
    EXPECT_TRUE(contains(preview, "systeem"));
    EXPECT_TRUE(contains(preview, "wachtlijst"));
    EXPECT_TRUE(contains(preview, "[NAAM]"));
    f.h.send(kDm, kCv, "ja");
    auto msgs = f.h.take();
    auto redactions = of_kind(msgs, "redact");
    ASSERT_EQ(redactions.size(), 2u);
    EXPECT_EQ(redactions[0].content["event_id"], story_id);
    EXPECT_EQ(redactions[1].content["event_id"], stray_id);
    auto in = inbreng::Inputs(f.h.db()).recent("Team Zuid", 5);
    ASSERT_EQ(in.size(), 1u);
    EXPECT_EQ(in[0].tags, (std::vector<std::string>{"systeem", "wachtlijst"}));
    EXPECT_EQ(in[0].week, "2026-W47");
}

TEST(InbrengIntake, PreviewCanBeAdjustedBeforeJa) {
    Fixture f;
    f.h.send(kDm, kCv, "!inbreng " + kStory);
    f.h.take();
    f.h.send(kDm, kCv, "team zuid");
    EXPECT_TRUE(contains(f.h.last_body(), "Team: Team Zuid"));
    f.h.send(kDm, kCv, "thema 1 schuldhulp");
    EXPECT_TRUE(contains(f.h.last_body(), "drempels"));
    f.h.send(kDm, kCv, "thema Jansen");  // a name is no keyword
    EXPECT_TRUE(contains(f.h.last_body(), "kan ik niet gebruiken"));
    f.h.send(kDm, kCv, "misschien");
    EXPECT_TRUE(contains(f.h.last_body(), "wacht nog op je antwoord"));
    f.h.send(kDm, kCv, "yes");
    auto in = inbreng::Inputs(f.h.db()).recent("Team Zuid", 5);
    ASSERT_EQ(in.size(), 1u);
    EXPECT_EQ(in[0].tags, (std::vector<std::string>{"drempels", "schuldhulp"}));
}

TEST(InbrengIntake, StopEndsTheDialogue) {
    Fixture f;
    f.h.send(kDm, kCv, "!inbreng");
    f.h.take();
    f.h.send(kDm, kCv, "stop");
    EXPECT_TRUE(contains(f.h.last_body(), "Gestopt"));
    EXPECT_EQ(f.pending(), 0);
}

TEST(InbrengIntake, StoryWithoutTheCommandGetsAHintAndIsNotStored) {
    Fixture f;
    f.h.send(kDm, kCv, kStory + " " + kStory);
    EXPECT_TRUE(contains(f.h.last_body(), "Begin je bericht dan met !inbreng"));
    f.h.send(kDm, kCv, "dank je");  // short chat: no answer
    EXPECT_TRUE(f.h.take().empty());
    EXPECT_EQ(f.pending(), 0);
    EXPECT_EQ(f.inputs(), 0);
}

TEST(InbrengIntake, TooLongStoryIsRefusedAndTheEarlierPreviewStays) {
    Fixture f;
    f.h.send(kDm, kCv, "!inbreng " + kStory);
    f.h.take();
    auto long_id = f.h.send(kDm, kCv, "!inbreng " + std::string(7000, 'a'));
    EXPECT_TRUE(contains(f.h.last_body(), "lang verhaal"));
    f.h.send(kDm, kCv, "ja");
    ASSERT_EQ(f.inputs(), 1);
    EXPECT_TRUE(contains(f.stored_texts()[0], "[BSN]"));
    // The refused message may hold client details as well: redacted with the story.
    bool redacted = false;
    for (const auto& r : of_kind(f.h.take(), "redact"))
        redacted = redacted || r.content["event_id"] == long_id;
    EXPECT_TRUE(redacted);
}

// Found by a newcomer: "🙂" after `!inbreng` was taken as the story, and the real story, sent
// when the team was asked, stayed readable in the chat. Now a story needs some length, and
// every message of the intake that was not taken is redacted when it ends.
TEST(InbrengIntake, TooShortStoryIsAskedAgainAndEveryStrayMessageIsRedacted) {
    Fixture f;
    f.h.send(kDm, kCv, "!inbreng");
    f.h.take();
    auto smiley = f.h.send(kDm, kCv, "🙂");
    EXPECT_TRUE(contains(f.h.last_body(), "Is dat het hele verhaal?"));
    auto long_one = f.h.send(kDm, kCv, std::string(6001, 'b'));
    EXPECT_TRUE(contains(f.h.last_body(), "lang verhaal"));
    EXPECT_EQ(f.inputs(), 0);
    auto story = f.h.send(kDm, kCv, kStory);
    EXPECT_TRUE(contains(f.h.last_body(), "Voor welk team"));
    f.h.send(kDm, kCv, "stop");
    std::set<std::string> redacted;
    for (const auto& r : of_kind(f.h.take(), "redact")) redacted.insert(r.content["event_id"]);
    EXPECT_EQ(redacted, (std::set<std::string>{smiley, long_one, story}));
    EXPECT_EQ(f.pending(), 0);
    EXPECT_EQ(f.inputs(), 0);
}

TEST(InbrengIntake, UnknownTeamWithoutDefaultSaysSkippingIsNotPossible) {
    Harness h(inbreng_only(),
              base_config("teams:\n"
                          "  - name: Team Noord\n    room: \"!noord:hs\"\n    leaders: []\n"
                          "  - name: Team Zuid\n    room: \"!zuid:hs\"\n    leaders: []\n"
                          "intake:\n  allow: [\"@cv_*:hs\"]\n"));
    h.make_dm(kDm, kCv);
    h.take();
    h.send(kDm, kCv, "!inbreng");
    EXPECT_TRUE(contains(h.last_body(), "één bericht"));
    h.send(kDm, kCv, kStory);
    EXPECT_TRUE(contains(h.last_body(), "Voor welk team"));
    h.send(kDm, kCv, "overslaan");
    EXPECT_TRUE(contains(h.last_body(), "Overslaan kan hier niet"));
}

TEST(InbrengIntake, TeamRoomRefusesStoriesAndStoresNothing) {
    Fixture f;
    f.h.send(kNoord, "@anna:hs", "!inbreng " + kStory);
    auto msgs = f.h.take();
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_EQ(msgs[0].room_id, kNoord);
    EXPECT_TRUE(contains(msgs[0].body(), "niet aan in een teamkamer"));
    EXPECT_TRUE(contains(msgs[0].body(), "verwijderen"));
    EXPECT_FALSE(contains(msgs[0].body(), "Jansen"));
    EXPECT_EQ(f.pending(), 0);
    EXPECT_EQ(f.inputs(), 0);
    EXPECT_TRUE(of_kind(msgs, "redact").empty());
}

TEST(InbrengIntake, GroupRoomIsRefusedAndTheBotOpensItsOwnDm) {
    Fixture f;
    f.h.join_room("!groep:hs", {kCv, "@buur:hs"});
    f.h.take();
    f.h.send("!groep:hs", kCv, "!inbreng " + kStory);
    auto msgs = f.h.take();
    ASSERT_EQ(msgs.size(), 2u);
    EXPECT_EQ(msgs[0].room_id, "!groep:hs");
    EXPECT_TRUE(contains(msgs[0].body(), "anderen kunnen hier meelezen"));
    EXPECT_EQ(msgs[1].kind, "dm");
    EXPECT_EQ(msgs[1].target_user, kCv);
    EXPECT_EQ(f.pending(), 0);
}

TEST(InbrengIntake, DmCreatedByTheUserNeedsRedactionPower) {
    Fixture f;
    // A direct chat the representative created, where the bot has power level 0.
    f.h.join_room("!hun_dm:hs", {kCv});
    storage::Rooms(f.h.db()).set_direct("!hun_dm:hs", true);
    f.h.take();
    f.h.send("!hun_dm:hs", kCv, "!inbreng " + kStory);
    auto msgs = f.h.take();
    ASSERT_EQ(msgs.size(), 2u);
    EXPECT_TRUE(contains(msgs[0].body(), "niet weghalen"));
    EXPECT_EQ(msgs[1].kind, "dm");
    EXPECT_EQ(f.pending(), 0);
    // The same kind of chat where the bot may redact (Element's trusted_private_chat): fine.
    f.h.join_room("!hun_dm2:hs", {kCv}, {{kCv, 100}, {kBot, 100}});
    storage::Rooms(f.h.db()).set_direct("!hun_dm2:hs", true);
    f.h.take();
    f.h.send("!hun_dm2:hs", kCv, "!inbreng " + kStory);
    EXPECT_TRUE(contains(f.h.last_body(), "Dit is wat ik zou bewaren"));
    EXPECT_EQ(f.pending(), 1);
}

TEST(InbrengIntake, OnlyAllowedRepresentatives) {
    Fixture f;
    f.h.make_dm("!dm_anna:hs", "@anna:hs");
    f.h.take();
    f.h.send("!dm_anna:hs", "@anna:hs", "!inbreng " + kStory);
    EXPECT_TRUE(contains(f.h.last_body(), "alleen aan van cliëntvertegenwoordigers"));
    EXPECT_EQ(f.pending(), 0);
}

TEST(InbrengIntake, AcceptsDirectInvitesFromAllowedUsersOnly) {
    auto feature = std::make_unique<inbreng::InbrengFeature>();
    auto* f = feature.get();
    std::vector<std::unique_ptr<commands::Feature>> v;
    v.push_back(std::move(feature));
    Harness h(std::move(v), intake_config());
    EXPECT_TRUE(f->accepts_invite("@lid:raad.example", true));
    EXPECT_FALSE(f->accepts_invite("@lid:raad.example", false));  // a group room
    EXPECT_FALSE(f->accepts_invite("@iemand:elders.example", true));

    commands::Dispatcher d(h.services());
    engine::SyncProcessor p(h.services(), d);
    matrix::SyncResponse inv;
    matrix::InvitedRoom ir;
    ir.room_id = "!raad_dm:raad.example";
    matrix::Event me;
    me.type = "m.room.member";
    me.sender = "@lid:raad.example";
    me.state_key = kBot;
    me.content = {{"membership", "invite"}, {"is_direct", true}};
    ir.invite_state.push_back(me);
    inv.invite.push_back(ir);
    inv.next_batch = "i1";
    p.process(inv, false);
    auto msgs = h.take();
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_EQ(msgs[0].kind, "join");
}

TEST(InbrengIntake, WithdrawalWithTheOneTimeCode) {
    Fixture f;
    auto code = f.store(kStory);
    ASSERT_EQ(code.size(), 14u);
    ASSERT_EQ(f.inputs(), 1);
    // Not in a team room: the answer would show who sent it.
    f.h.send(kNoord, "@anna:hs", "!inbreng intrekken");
    EXPECT_TRUE(contains(f.h.last_body(), "alleen in een privégesprek"));
    EXPECT_EQ(f.inputs(), 1);
    f.h.send(kDm, kCv, "!inbreng intrekken ABCD-EFGH-JKMN");
    EXPECT_TRUE(contains(f.h.last_body(), "ken ik niet"));
    f.h.send(kDm, kCv, "!inbreng intrekken");
    EXPECT_TRUE(contains(f.h.last_body(), "Typ !inbreng intrekken"));
    // Lowercase and without dashes works too.
    std::string typed;
    for (char c : code)
        if (c != '-') typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    f.h.send(kDm, kCv, "!inbreng intrekken " + typed);
    EXPECT_TRUE(contains(f.h.last_body(), "is verwijderd"));
    EXPECT_EQ(f.inputs(), 0);
    f.h.send(kDm, kCv, "!inbreng intrekken " + code);
    EXPECT_TRUE(contains(f.h.last_body(), "ken ik niet"));
}

// Found by a newcomer: a code posted in the team room stayed valid, and a team member then
// withdrew the story with it from their own DM. An exposed code is used up at once, as its
// owner asked; the room hears only that codes belong in a private chat.
TEST(InbrengIntake, CodePostedInATeamRoomIsUsedUpAndItsMessageRedacted) {
    Fixture f;
    auto code = f.store(kStory);
    ASSERT_EQ(f.inputs(), 1);
    auto posted = f.h.send(kNoord, kCv, "!inbreng intrekken " + code);
    auto msgs = f.h.take();
    EXPECT_EQ(f.inputs(), 0);
    bool redacted = false, room_told = false, dm_told = false;
    for (const auto& m : msgs) {
        if (m.kind == "redact" && m.content["event_id"] == posted) redacted = true;
        if (m.kind == "send" && m.room_id == kNoord) {
            room_told = contains(m.body(), "hoort in een privégesprek");
            EXPECT_FALSE(contains(m.body(), "verwijderd")) << "the room learns nothing more";
        }
        if (m.kind == "dm" && m.target_user == kCv) dm_told = contains(m.body(), "verwijderd");
    }
    EXPECT_TRUE(redacted);
    EXPECT_TRUE(room_told);
    EXPECT_TRUE(dm_told);
    // Whoever read it along cannot use it any more.
    f.h.make_dm("!dm_anna:hs", "@anna:hs");
    f.h.send("!dm_anna:hs", "@anna:hs", "!inbreng intrekken " + code);
    EXPECT_TRUE(contains(f.h.last_body(), "ken ik niet"));
}

TEST(InbrengIntake, FloodLimitPerDayResetsAtLocalMidnight) {
    Fixture f("  max_per_day: 3\n");
    // 23:10 in Amsterdam (UTC+1 in November).
    using namespace std::chrono;
    f.h.clock().set(UtcMs{date::sys_days{date::year{2026} / 11 / 19}.time_since_epoch() +
                          hours(22) + minutes(10)});
    for (int i = 0; i < 3; ++i)
        EXPECT_FALSE(
            f.store("Verhaal nummer " + std::to_string(i) + " over de wachtlijst").empty());
    EXPECT_EQ(f.inputs(), 3);
    auto story = f.h.send(kDm, kCv, "!inbreng Nog een verhaal");
    auto msgs = f.h.take();
    auto sends = of_kind(msgs, "send");
    ASSERT_EQ(sends.size(), 1u);
    EXPECT_TRUE(contains(sends[0].body(), "al 3 verhalen"));
    // The story that could not be taken is not left on the server either.
    auto redactions = of_kind(msgs, "redact");
    ASSERT_EQ(redactions.size(), 1u);
    EXPECT_EQ(redactions[0].content["event_id"], story);
    EXPECT_EQ(f.pending(), 0);
    f.h.send(kDm, kCv, "!inbreng");
    EXPECT_TRUE(contains(f.h.last_body(), "al 3 verhalen"));
    // The counter is per submitter: someone else may still send.
    f.h.make_dm("!dm_cv2:hs", "@cv_piet:hs");
    f.h.take();
    f.h.send("!dm_cv2:hs", "@cv_piet:hs", "!inbreng Een ander verhaal over de wachtlijst");
    f.h.send("!dm_cv2:hs", "@cv_piet:hs", "ja");
    EXPECT_EQ(f.inputs(), 4);
    f.h.take();
    // After local midnight the limit starts again; yesterday's key and marks are gone.
    auto key_before = f.h.db().prepare("SELECT key FROM inbreng_flood_key");
    ASSERT_TRUE(key_before.step());
    auto old_key = key_before.column_text(0);
    f.h.advance(minutes(55));
    EXPECT_FALSE(f.store("Verhaal na middernacht over de wachtlijst").empty());
    EXPECT_EQ(f.inputs(), 5);
    auto key_after = f.h.db().prepare("SELECT key, day FROM inbreng_flood_key");
    ASSERT_TRUE(key_after.step());
    EXPECT_NE(key_after.column_text(0), old_key);
    EXPECT_EQ(key_after.column_text(1), "2026-11-20");
    EXPECT_EQ(f.h.db().scalar_int("SELECT COUNT(*) FROM inbreng_flood"), 1);
}

TEST(InbrengTeam, ListAndShowOnlyTheTeamsOwnInput) {
    Fixture f;
    f.store("Een cliënt in Noord wachtte lang op een antwoord.");
    f.store("Een cliënt in Zuid kreeg geen uitleg over de regels.", "team zuid");
    auto zuid = inbreng::Inputs(f.h.db()).recent("Team Zuid", 5);
    ASSERT_EQ(zuid.size(), 1u);
    auto noord = inbreng::Inputs(f.h.db()).recent("Team Noord", 5);
    ASSERT_EQ(noord.size(), 1u);

    f.h.send(kNoord, "@anna:hs", "!inbreng lijst");
    auto list = f.h.last_body();
    EXPECT_TRUE(contains(list, "Verhalen van cliënten voor Team Noord"));
    EXPECT_TRUE(contains(list, "wachtte lang"));
    EXPECT_TRUE(contains(list, "#" + std::to_string(noord[0].id)));
    EXPECT_TRUE(contains(list, "2026-W47"));
    EXPECT_FALSE(contains(list, "geen uitleg"));

    f.h.send(kNoord, "@anna:hs", "!inbreng " + std::to_string(zuid[0].id));
    EXPECT_TRUE(contains(f.h.last_body(), "vind ik niet"));
    f.h.send(kZuid, "@bob:hs", "!inbreng #" + std::to_string(zuid[0].id));
    auto shown = f.h.last_body();
    EXPECT_TRUE(contains(shown, "geen uitleg"));
    EXPECT_TRUE(contains(shown, "week 2026-W47"));

    auto own = inbreng::Inputs(f.h.db()).get(zuid[0].id, "Team Zuid");
    ASSERT_TRUE(own);
    EXPECT_EQ(own->text, zuid[0].text);
    EXPECT_FALSE(inbreng::Inputs(f.h.db()).get(zuid[0].id, "Team Noord"));
}

TEST(InbrengTeam, ListByTheme) {
    Fixture f;
    f.store("Het systeem maakte het haar moeilijk.", "thema systeem");
    f.store("Er was geen passend werk te vinden.", "thema 3");
    f.h.send(kNoord, "@anna:hs", "!inbreng lijst systeem");
    auto list = f.h.last_body();
    EXPECT_TRUE(contains(list, "moeilijk"));
    EXPECT_FALSE(contains(list, "passend werk"));
    f.h.send(kNoord, "@anna:hs", "!inbreng list labour-market");
    EXPECT_TRUE(contains(f.h.last_body(), "passend werk"));
    f.h.send(kNoord, "@anna:hs", "!inbreng lijst wonen");
    EXPECT_TRUE(contains(f.h.last_body(), "geen verhalen"));
    f.h.send(kZuid, "@bob:hs", "!inbreng lijst");
    EXPECT_TRUE(contains(f.h.last_body(), "nog geen verhalen"));
}

TEST(InbrengTeam, ListWordsOutsideTeamRoomsPointThere) {
    Fixture f;
    f.h.send(kDm, kCv, "!inbreng lijst");
    EXPECT_TRUE(contains(f.h.last_body(), "teamkamer"));
    EXPECT_EQ(f.pending(), 0);
}

TEST(InbrengTeam, RetentionPurgeRunsDaily) {
    Fixture f("  retention_days: 30\n");
    f.store("Een verhaal dat na een maand weg moet.");
    f.h.advance(std::chrono::hours(24 * 20));
    EXPECT_EQ(f.inputs(), 1);
    f.h.advance(std::chrono::hours(24 * 11));
    EXPECT_EQ(f.inputs(), 0);
}
