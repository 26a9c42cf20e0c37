// Running a case discussion with the injected clock: reminders, the root message and its
// echo, steps in the thread on time or on !volgende, !pauze/!verder, lessons and actions,
// the summary with the participant count, missed-while-down, and restart safety (jobs fire
// once, re-delivered events do not duplicate).
#include <gtest/gtest.h>

#include "casus_test_support.hpp"

using namespace casus_test;
using std::chrono::minutes;

namespace {

/// Plans #1 tomorrow 14:00 (vijfstappenmethode: 10, 20, 10, 20, 10 minutes) with anna and bob.
std::unique_ptr<Harness> planned(const std::string& method = "vijfstappenmethode",
                                 Others others = {}) {
    auto h = make_harness(team_config(), "2026-03-27T10:00", true, others);
    h->send(kRoom, kLeider,
            "!casus plan morgen 14:00 methode " + method +
                " inbrenger @anna:hs gespreksleider @bob:hs Klant zonder startkwalificatie");
    h->take();
    return h;
}

/// Starts #1 at 14:00 and echoes the root; returns the root's event id (step 1 is pending).
std::string start(Harness& h) {
    h.clock().set(utc("2026-03-28T14:00"));
    h.fire_jobs();
    auto echoed = echo(h);
    for (const auto& e : echoed)
        if (e.msg.content.value("nl.dialoogbot.ref", "") == "casus:1") return e.event_id;
    ADD_FAILURE() << "no root message";
    return {};
}

std::string status(Harness& h) {
    auto st = h.db().prepare("SELECT status FROM casus WHERE id=1");
    return st.step() ? st.column_text(0) : "";
}

}  // namespace

TEST(CasusSession, RemindersAtConfiguredTimes) {
    auto h = planned();
    h->clock().set(utc("2026-03-27T13:59"));
    h->fire_jobs();
    EXPECT_TRUE(h->take().empty());
    h->clock().set(utc("2026-03-27T14:00"));
    h->fire_jobs();
    auto msgs = h->take();
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_TRUE(has(msgs[0].body(), "Herinnering")) << msgs[0].body();
    EXPECT_TRUE(has(msgs[0].body(), "over 24 uur")) << msgs[0].body();
    auto mentions = msgs[0].content["m.mentions"]["user_ids"];
    EXPECT_EQ(mentions.size(), 2u);
    h->clock().set(utc("2026-03-28T13:00"));
    h->fire_jobs();
    auto b = bodies(*h);
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(has(b[0], "over 1 uur")) << b[0];
}

TEST(CasusSession, CustomRemindersFromYaml) {
    auto h = make_harness(team_config("    casus:\n      reminders: [2d, 30m]\n"));
    h->send(kRoom, "@anna:hs", "!casus plan 1 april 10:00 Titel");
    EXPECT_EQ(count(*h, "SELECT due_at FROM jobs WHERE key='casus:1:reminder:172800000'"),
              at("2026-03-30T10:00"));
    EXPECT_EQ(count(*h, "SELECT due_at FROM jobs WHERE key='casus:1:reminder:1800000'"),
              at("2026-04-01T09:30"));
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM jobs WHERE key LIKE 'casus:1:reminder:%'"), 2);
}

TEST(CasusSession, StartRootThenStepsInThread) {
    auto h = planned();
    const std::string root = start(*h);
    ASSERT_FALSE(root.empty());
    EXPECT_EQ(status(*h), "running");
    auto msgs = h->take();
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_TRUE(has(msgs[0].body(), "Stap 1 van 5: Vraag introduceren")) << msgs[0].body();
    EXPECT_TRUE(has(msgs[0].body(), "14:10")) << msgs[0].body();
    EXPECT_EQ(msgs[0].content["m.relates_to"]["rel_type"], "m.thread");
    EXPECT_EQ(msgs[0].content["m.relates_to"]["event_id"], root);
    // Step 1 is 10 minutes: nothing at 14:09, step 2 at 14:10.
    h->advance(minutes(9));
    EXPECT_TRUE(h->take().empty());
    h->advance(minutes(1));
    msgs = h->take();
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_TRUE(has(msgs[0].body(), "Stap 2 van 5: Probleem verkennen")) << msgs[0].body();
    EXPECT_TRUE(has(msgs[0].body(), "14:30")) << msgs[0].body();
    EXPECT_EQ(msgs[0].content["m.relates_to"]["event_id"], root);
    // !volgende moves on early.
    h->send_in_thread(kRoom, "@bob:hs", "!volgende", root);
    auto b = bodies(*h);
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(has(b[0], "Stap 3 van 5")) << b[0];
    EXPECT_EQ(count(*h, "SELECT due_at FROM jobs WHERE key='casus:1:step'"),
              at("2026-03-28T14:20"));
}

TEST(CasusSession, LessonsActionsAndSummary) {
    auto h = planned();
    const std::string root = start(*h);
    h->take();
    h->send_in_thread(kRoom, "@anna:hs", "Het gaat om een klant die steeds afzegt.", root);
    h->send_in_thread(kRoom, "@carla:hs", "Weet hij waarom hij moet komen?", root);
    h->send_in_thread(kRoom, "@anna:hs", "Nog een bericht van anna", root);
    h->send_in_thread(kRoom, "@anna:hs", "!les Vraag eerst wat de klant *zelf* wil", root);
    EXPECT_TRUE(has(h->last_body(), "Les vastgelegd (1 bij #1)"));
    h->send_in_thread(kRoom, "@bob:hs", "!actie Werkgever bellen over proefplaats @dirk:hs vrijdag",
                      root);
    auto body = h->last_body();
    EXPECT_TRUE(has(body, "@dirk:hs")) << body;
    EXPECT_TRUE(has(body, "vr 3 apr 09:00")) << body;
    h->send(kRoom, "@bob:hs", "!les");
    EXPECT_TRUE(has(h->last_body(), "!les Vraag eerst"));
    h->send(kRoom, "@bob:hs", "!actie");
    EXPECT_TRUE(has(h->last_body(), "!actie Werkgever bellen"));
    h->send(kRoom, "@bob:hs", "!actie Iets doen @zoe:hs");
    EXPECT_TRUE(has(h->last_body(), "zit niet in deze teamkamer"));
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus_actie"), 1);
    // Participants are counted as keyed hashes only.
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus_deelnemer"), 3);
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus_deelnemer WHERE sender_hash LIKE '%@%'"), 0);
    h->advance(minutes(50));
    h->take();
    h->send_in_thread(kRoom, "@bob:hs", "!casus afronden", root);
    auto msgs = h->take();
    ASSERT_EQ(msgs.size(), 1u);
    body = msgs[0].body();
    EXPECT_TRUE(has(body, "Samenvatting casusbespreking #1")) << body;
    EXPECT_TRUE(has(body, "Deelnemers: 3")) << body;
    EXPECT_TRUE(has(body, "Duur: 50 min")) << body;
    // User text is escaped in the Markdown: the plain body shows it as typed, the HTML has no
    // emphasis the user did not mean.
    EXPECT_TRUE(has(body, "Vraag eerst wat de klant *zelf* wil")) << body;
    EXPECT_FALSE(has(msgs[0].content.value("formatted_body", ""), "<em>zelf</em>"));
    EXPECT_TRUE(has(body, "Werkgever bellen over proefplaats")) << body;
    EXPECT_FALSE(msgs[0].content.contains("m.relates_to"));  // in the room, for everyone
    EXPECT_EQ(status(*h), "done");
    EXPECT_EQ(count(*h, "SELECT participants FROM casus WHERE id=1"), 3);
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus WHERE summary IS NOT NULL"), 1);
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus_deelnemer"), 0);
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM jobs WHERE key LIKE 'casus:1:%'"), 0);
    // After closing, in-session commands say so.
    h->send(kRoom, "@bob:hs", "!volgende");
    EXPECT_TRUE(has(h->last_body(), "geen casusbespreking"));
    h->send(kRoom, "@bob:hs", "!casus afronden 1");
    EXPECT_TRUE(has(h->last_body(), "afgerond"));
}

TEST(CasusSession, ActionGoesIntoTheDecisionLog) {
    auto h = planned("vijfstappenmethode", {.tenzij = true});
    const std::string root = start(*h);
    h->take();
    h->send_in_thread(kRoom, "@bob:hs", "!actie Werkgever bellen @dirk:hs over 3 dagen", root);
    auto body = h->last_body();
    EXPECT_TRUE(has(body, "besluitenlijst als #1")) << body;
    auto st = h->db().prepare("SELECT team, description, owner, source, due_ms FROM besluit");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.column_text(0), "Team Noord");
    EXPECT_EQ(st.column_text(1), "Werkgever bellen");
    EXPECT_EQ(st.column_text(2), "@dirk:hs");
    EXPECT_EQ(st.column_text(3), "casus:1");
    EXPECT_EQ(st.column_int(4), at("2026-03-31T14:00"));
    EXPECT_EQ(count(*h, "SELECT besluit_id FROM casus_actie"), 1);
}

TEST(CasusSession, ActionWithoutADecisionLogStaysInTheSession) {
    // No feature offers a decision log: the action is kept with the session only.
    auto h = planned();
    const std::string root = start(*h);
    h->take();
    h->send_in_thread(kRoom, "@bob:hs", "!actie Werkgever bellen @dirk:hs over 3 dagen", root);
    auto body = h->last_body();
    EXPECT_FALSE(has(body, "besluitenlijst")) << body;
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus_actie WHERE besluit_id IS NULL"), 1);
}

TEST(CasusSession, ActionWithoutOwnerOrDateDefaultsToCallerInTwoWeeksAtNine) {
    auto h = planned();
    start(*h);
    h->take();
    h->send(kRoom, "@carla:hs", "!actie Folder over jobcoaching maken");
    EXPECT_TRUE(has(h->last_body(), "@carla:hs"));
    // Typed on Saturday 28 March: two weeks later is Saturday 11 April, so the follow-up is
    // Monday 13 April at 09:00 Amsterdam (summer time by then: 07:00 UTC).
    EXPECT_EQ(count(*h, "SELECT due_at FROM casus_actie"), at("2026-04-13T07:00Z"));
}

// Found by a newcomer: "!actie Bellen 31 februari" was stored as the action "Bellen 31
// februari" with a made-up follow-up. An impossible date or time is an error now, and nothing
// is stored; an action that merely ends in "gisteren" is still an action.
TEST(CasusSession, ActionWithAnImpossibleDateIsRefusedAndNothingStored) {
    auto h = planned();
    start(*h);
    h->take();
    for (const char* bad : {"!actie Bellen 31 februari", "!actie Bellen 25:99",
                            "!actie Bellen gisteren 10:00", "!actie Bellen 29-03 02:30"}) {
        h->send(kRoom, "@carla:hs", bad);
        const std::string body = h->last_body();
        EXPECT_FALSE(has(body, "Actie vastgelegd")) << bad << ": " << body;
    }
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus_actie"), 0);
    h->send(kRoom, "@carla:hs", "!actie Verslag van gisteren rondsturen");
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus_actie"), 1);
}

TEST(CasusSession, PauseHoldsTheClock) {
    auto h = planned();
    const std::string root = start(*h);
    h->take();
    h->advance(minutes(4));
    h->send_in_thread(kRoom, "@bob:hs", "!pauze", root);
    EXPECT_TRUE(has(h->last_body(), "nog 6 min"));
    h->send_in_thread(kRoom, "@bob:hs", "!volgende", root);
    EXPECT_TRUE(has(h->last_body(), "Eerst !verder"));
    h->send_in_thread(kRoom, "@bob:hs", "!pauze", root);
    EXPECT_TRUE(has(h->last_body(), "stond al stil"));
    h->advance(minutes(30));
    EXPECT_TRUE(h->take().empty());
    h->send_in_thread(kRoom, "@bob:hs", "!verder", root);
    EXPECT_TRUE(has(h->last_body(), "14:40"));
    h->send_in_thread(kRoom, "@bob:hs", "!verder", root);
    EXPECT_TRUE(has(h->last_body(), "niets om te hervatten"));
    h->advance(minutes(5));
    EXPECT_TRUE(h->take().empty());
    h->advance(minutes(1));
    auto b = bodies(*h);
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(has(b[0], "Stap 2 van 5")) << b[0];
}

TEST(CasusSession, AllStepsThenDoneNote) {
    auto h = planned("roddelmethode");  // 10, 15, 20, 10, 5 minutes
    start(*h);
    h->take();
    h->advance(minutes(10));
    h->advance(minutes(15));
    h->advance(minutes(20));
    h->advance(minutes(10));
    auto b = bodies(*h);
    ASSERT_EQ(b.size(), 4u);
    EXPECT_TRUE(has(b[3], "Stap 5 van 5: Evaluatie")) << b[3];
    EXPECT_TRUE(has(b[3], "laatste stap")) << b[3];
    h->advance(minutes(5));
    b = bodies(*h);
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(has(b[0], "!casus afronden")) << b[0];
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM jobs WHERE key LIKE 'casus:1:%'"), 0);
    h->send(kRoom, "@bob:hs", "!volgende");
    EXPECT_TRUE(h->take().empty());  // nothing more to post
    h->send(kRoom, "@bob:hs", "!pauze");
    EXPECT_TRUE(has(h->last_body(), "Alle stappen zijn al geweest"));
}

TEST(CasusSession, WithoutEchoStepsFollowUnthreaded) {
    auto h = planned();
    h->clock().set(utc("2026-03-28T14:00"));
    h->fire_jobs();
    auto root_msgs = h->take();  // the root is sent, but /sync never echoes it
    ASSERT_EQ(root_msgs.size(), 1u);
    h->advance(minutes(2));
    auto msgs = h->take();
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_TRUE(has(msgs[0].body(), "Stap 1 van 5")) << msgs[0].body();
    EXPECT_FALSE(msgs[0].content.contains("m.relates_to"));
    // A late echo records the thread root but does not repeat step 1.
    h->send_event(kRoom, kBot, "m.room.message", root_msgs[0].content);
    EXPECT_TRUE(h->take().empty());
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus WHERE root_event_id IS NOT NULL"), 1);
}

TEST(CasusSession, LessThanAnHourLateStartsLate) {
    auto h = planned();
    h->clock().set(utc("2026-03-28T14:35"));  // the bot was down from 13:50 to 14:35
    h->fire_jobs();
    auto b = bodies(*h);
    ASSERT_EQ(b.size(), 1u);  // the overdue 1 h reminder is not sent after the start
    EXPECT_TRUE(has(b[0], "35 minuten later")) << b[0];
    EXPECT_EQ(status(*h), "running");
}

TEST(CasusSession, MoreThanAnHourLateIsMissedAndReported) {
    auto h = planned();
    h->clock().set(utc("2026-03-28T15:01"));
    h->fire_jobs();
    auto b = bodies(*h);
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(has(b[0], "niet doorgegaan")) << b[0];
    EXPECT_TRUE(has(b[0], "!casus verzet 1")) << b[0];
    EXPECT_EQ(status(*h), "missed");
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM jobs WHERE key LIKE 'casus:1:%'"), 0);
    h->send(kRoom, "@anna:hs", "!casus verzet 1 maandag 14:00");
    EXPECT_EQ(status(*h), "planned");
    EXPECT_EQ(count(*h, "SELECT due_at FROM jobs WHERE key='casus:1:start'"),
              at("2026-03-30T14:00"));
}

TEST(CasusSession, JobsFireOnce) {
    auto h = planned();
    h->clock().set(utc("2026-03-28T14:00"));
    h->fire_jobs();
    h->fire_jobs();
    h->clock().advance(minutes(1));
    h->fire_jobs();
    auto b = bodies(*h);
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(has(b[0], "begint nu")) << b[0];
}

TEST(CasusSession, RedeliveredEventsDoNotDuplicate) {
    auto h = planned();
    const std::string root = start(*h);
    h->take();
    auto id = h->send(kRoom, "@anna:hs", "!les Luister langer");
    h->take();
    h->redeliver(kRoom, id, "@anna:hs", "!les Luister langer");
    EXPECT_TRUE(h->take().empty());
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus_les"), 1);
    // The root's echo delivered again (same event id) changes nothing either.
    h->redeliver(kRoom, root, kBot, "root");
    EXPECT_TRUE(h->take().empty());
    EXPECT_EQ(count(*h, "SELECT current_step FROM casus WHERE id=1"), 1);
}

TEST(CasusSession, NoRunningSessionAnswers) {
    auto h = make_harness(team_config());
    for (const char* cmd :
         {"!volgende", "!pauze", "!verder", "!les x", "!actie x", "!casus afronden"}) {
        h->send(kRoom, "@anna:hs", cmd);
        EXPECT_TRUE(has(h->last_body(), "geen casusbespreking")) << cmd;
    }
    h->send(kRoom, "@anna:hs", "!casus afronden abc");
    EXPECT_TRUE(has(h->last_body(), "!casus afronden 12"));
}

TEST(CasusSession, CancelRunningSession) {
    auto h = planned();
    start(*h);
    h->take();
    h->send(kRoom, "@anna:hs", "!casus annuleer 1");
    EXPECT_EQ(status(*h), "cancelled");
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM jobs WHERE key LIKE 'casus:1:%'"), 0);
    h->advance(minutes(30));
    EXPECT_EQ(h->take().size(), 1u);  // only the cancel answer above
}

TEST(CasusSession, SpiegelgesprekReadsLinkedInputsOneByOneInTheThread) {
    auto h = make_harness(team_config(), "2026-03-27T10:00", true, {.inbreng = true});
    add_input(*h, "Team Noord", "Ik wil gewoon werken.\nMaar niemand vraagt wat ik kan.");
    add_input(*h, "Team Noord", "Mijn consulent wisselt steeds.");
    h->send(kRoom, kLeider,
            "!casus plan morgen 14:00 methode spiegelgesprek inbreng 2,1 inbrenger @anna:hs "
            "gespreksleider @bob:hs Stemmen");
    h->take();
    const std::string root = start(*h);
    ASSERT_FALSE(root.empty());
    h->take();  // step 1, the introduction
    // Input 2 is withdrawn before the session reaches it.
    h->db().exec("DELETE FROM inbreng_input WHERE id=2");
    h->send_in_thread(kRoom, "@bob:hs", "!volgende", root);
    auto msgs = h->take();
    ASSERT_EQ(msgs.size(), 3u);
    EXPECT_TRUE(has(msgs[0].body(), "Stap 2 van 5: Stemmen van cliënten")) << msgs[0].body();
    EXPECT_TRUE(has(msgs[1].body(), "Stem 1 van 2")) << msgs[1].body();
    EXPECT_TRUE(has(msgs[1].body(), "#1")) << msgs[1].body();
    EXPECT_TRUE(has(msgs[1].body(), "Ik wil gewoon werken.\nMaar niemand vraagt wat ik kan."))
        << msgs[1].body();
    EXPECT_TRUE(has(msgs[1].content.value("formatted_body", ""), "<blockquote>"));
    EXPECT_TRUE(has(msgs[2].body(), "#2 is er niet meer")) << msgs[2].body();
    for (const auto& m : msgs) EXPECT_EQ(m.content["m.relates_to"]["event_id"], root);
    // Other steps and methods post no client input.
    h->send_in_thread(kRoom, "@bob:hs", "!volgende", root);
    EXPECT_EQ(h->take().size(), 1u);
}

TEST(CasusSession, SpiegelgesprekWithoutLinkedInputSaysHowToLink) {
    auto h = make_harness(team_config());
    h->send(kRoom, kLeider, "!casus plan morgen 14:00 methode spiegelgesprek Stemmen");
    h->take();
    const std::string root = start(*h);
    h->take();
    h->send_in_thread(kRoom, "@bob:hs", "!volgende", root);
    auto b = bodies(*h);
    ASSERT_EQ(b.size(), 2u) << joined(b);
    EXPECT_TRUE(has(b[1], "Er is geen cliëntinbreng gekoppeld aan casusbespreking #1")) << b[1];
    EXPECT_TRUE(has(b[1], "inbreng 12")) << b[1];
}
