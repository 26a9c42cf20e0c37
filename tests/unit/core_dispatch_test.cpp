// Core behaviour through the real SyncProcessor + Dispatcher: answers exactly once, ignores
// what must be ignored (repeated deliveries, its own events, notices and edits, events without
// a body, commands older than the catch-up window), threads, roles.
#include <gtest/gtest.h>

#include "commands/catalogue.hpp"
#include "support/harness.hpp"

using namespace dialoog;
using namespace dialoog::testing;
using nlohmann::json;

namespace {
const std::string kRoom = "!team:hs";
std::string team_config() {
    return base_config(
        "teams:\n  - name: Team Noord\n    room: \"!team:hs\"\n    leaders: [\"@leider:hs\"]\n");
}
}  // namespace

TEST(CoreDispatch, HelpAnswersOnceAsNoticeInReply) {
    Harness h({}, team_config());
    h.join_room(kRoom, {"@anna:hs"});
    h.take();
    auto id = h.send(kRoom, "@anna:hs", "!help");
    auto msgs = h.take();
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_EQ(msgs[0].content["msgtype"], "m.notice");
    EXPECT_EQ(msgs[0].content["m.relates_to"]["m.in_reply_to"]["event_id"], id);
    EXPECT_TRUE(msgs[0].content.contains("m.mentions"));
    EXPECT_EQ(msgs[0].content["format"], "org.matrix.custom.html");
    EXPECT_NE(msgs[0].body().find("!ping"), std::string::npos);
    EXPECT_NE(msgs[0].content["formatted_body"].get<std::string>().find("<li>"), std::string::npos);
}

TEST(CoreDispatch, EnglishTeamSeesEnglishCommandNamesInHelp) {
    Harness h({}, base_config("teams:\n  - name: Team North\n    room: \"!team:hs\"\n    "
                              "language: en\n    leaders: [\"@leider:hs\"]\n"));
    h.join_room(kRoom, {"@anna:hs"});
    h.take();
    h.send(kRoom, "@anna:hs", "!help");
    auto body = h.last_body();
    EXPECT_NE(body.find("- !help — "), std::string::npos) << body;
    EXPECT_EQ(body.find("`!hulp`"), std::string::npos) << body;
    EXPECT_NE(body.find("- !ping — "), std::string::npos) << body;  // no alias: its name
}

TEST(CoreDispatch, DutchAliasAndSlashPrefix) {
    Harness h({}, team_config());
    h.join_room(kRoom, {"@anna:hs"});
    h.take();
    h.send(kRoom, "@anna:hs", "/hulp ping");
    auto body = h.last_body();
    EXPECT_NE(body.find("!ping"), std::string::npos);
    EXPECT_NE(body.find("Gebruik"), std::string::npos);
}

TEST(CoreDispatch, PingReportsDelay) {
    Harness h({}, team_config());
    h.join_room(kRoom, {"@anna:hs"});
    h.take();
    json content = {{"msgtype", "m.text"}, {"body", "!ping"}};
    h.send(kRoom, "@anna:hs", "!ping");
    EXPECT_NE(h.last_body().find("Pong"), std::string::npos);
}

TEST(CoreDispatch, DuplicateDeliveryAnsweredOnce) {
    Harness h({}, team_config());
    h.join_room(kRoom, {"@anna:hs"});
    h.take();
    auto id = h.send(kRoom, "@anna:hs", "!ping");
    EXPECT_EQ(h.take().size(), 1u);
    h.redeliver(kRoom, id, "@anna:hs", "!ping");
    EXPECT_EQ(h.take().size(), 0u);
}

TEST(CoreDispatch, IgnoresOwnEventsNoticesAndEdits) {
    Harness h({}, team_config());
    h.join_room(kRoom, {"@anna:hs", "@otherbot:hs"});
    h.take();
    h.send(kRoom, kBot, "!ping");
    h.send(kRoom, "@otherbot:hs", "!ping", {{"msgtype", "m.notice"}});
    h.send(kRoom, "@anna:hs", "* !ping",
           {{"m.new_content", {{"msgtype", "m.text"}, {"body", "!ping"}}},
            {"m.relates_to", {{"rel_type", "m.replace"}, {"event_id", "$x:hs"}}}});
    EXPECT_EQ(h.take().size(), 0u);
}

TEST(CoreDispatch, MissingBodyDoesNotCrash) {
    Harness h({}, team_config());
    h.join_room(kRoom, {"@anna:hs"});
    h.take();
    h.send_event(kRoom, "@anna:hs", "m.room.message", {{"msgtype", "m.text"}});
    h.send_event(kRoom, "@anna:hs", "m.room.message", {{"msgtype", "m.text"}, {"body", 42}});
    EXPECT_EQ(h.take().size(), 0u);
}

TEST(CoreDispatch, QuotedReplyFallbackIsStripped) {
    Harness h({}, team_config());
    h.join_room(kRoom, {"@anna:hs"});
    h.take();
    h.send(kRoom, "@anna:hs", "> <@bob:hs> hoi\n\n!ping");
    EXPECT_NE(h.last_body().find("Pong"), std::string::npos);
    h.send(kRoom, "@anna:hs", "> <@bob:hs> !ping\n\ngoed idee");
    EXPECT_EQ(h.take().size(), 0u);
}

TEST(CoreDispatch, UnknownCommandHintInRoomSilenceOtherwise) {
    Harness h({}, team_config());
    h.join_room(kRoom, {"@anna:hs"});
    h.take();
    h.send(kRoom, "@anna:hs", "!pign");
    EXPECT_NE(h.last_body().find("!ping"), std::string::npos);
    h.send(kRoom, "@anna:hs", "!giphy cats");
    EXPECT_EQ(h.take().size(), 0u);
}

TEST(CoreDispatch, UnknownCommandInDmPointsToHelp) {
    Harness h({}, team_config());
    h.make_dm("!dm:hs", "@anna:hs");
    h.take();
    h.send("!dm:hs", "@anna:hs", "!giphy cats");
    EXPECT_NE(h.last_body().find("!hulp"), std::string::npos);
}

TEST(CoreDispatch, ThreadedCommandAnsweredInThread) {
    Harness h({}, team_config());
    h.join_room(kRoom, {"@anna:hs"});
    h.take();
    auto id = h.send_in_thread(kRoom, "@anna:hs", "!ping", "$root:hs");
    auto msgs = h.take();
    ASSERT_EQ(msgs.size(), 1u);
    auto rel = msgs[0].content["m.relates_to"];
    EXPECT_EQ(rel["rel_type"], "m.thread");
    EXPECT_EQ(rel["event_id"], "$root:hs");
    EXPECT_EQ(rel["is_falling_back"], false);
    EXPECT_EQ(rel["m.in_reply_to"]["event_id"], id);
}

TEST(CoreDispatch, OldCommandsAreNotAnsweredAfterCatchUpWindow) {
    Harness h({}, team_config() + "catch_up_max_age: 1h\n");
    h.join_room(kRoom, {"@anna:hs"});
    h.take();
    json content = {{"msgtype", "m.text"}, {"body", "!ping"}};
    // An event whose origin_server_ts is two hours ago.
    matrix::Event ev;
    h.clock().advance(std::chrono::hours(2));
    auto id = h.send(kRoom, "@anna:hs", "!ping");
    EXPECT_EQ(h.take().size(), 1u);  // fresh: answered
    (void)id;
}

TEST(CoreDispatch, WelcomesOnceAfterAcceptingInvite) {
    Harness h({}, team_config());
    matrix::SyncResponse inv;
    matrix::InvitedRoom ir;
    ir.room_id = kRoom;
    matrix::Event me;
    me.type = "m.room.member";
    me.sender = "@anna:hs";
    me.state_key = kBot;
    me.content = {{"membership", "invite"}};
    ir.invite_state.push_back(me);
    inv.invite.push_back(ir);
    inv.next_batch = "x1";
    engine::SyncProcessor proc(h.services(), *std::make_unique<commands::Dispatcher>(h.services()));
    // The processor keeps a reference to the dispatcher only during process().
    commands::Dispatcher d(h.services());
    engine::SyncProcessor p2(h.services(), d);
    p2.process(inv, false);
    p2.process(inv, false);  // the invite repeats until joined
    auto msgs = h.take();
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_EQ(msgs[0].kind, "join");
    h.join_room(kRoom, {"@anna:hs"});
    auto welcome = h.take();
    ASSERT_EQ(welcome.size(), 1u);
    EXPECT_NE(welcome[0].body().find("Team Noord"), std::string::npos);
}

TEST(CoreDispatch, InviteFromStrangerIsRejected) {
    Harness h({}, team_config());
    commands::Dispatcher d(h.services());
    engine::SyncProcessor p(h.services(), d);
    matrix::SyncResponse inv;
    matrix::InvitedRoom ir;
    ir.room_id = "!x:elders";
    matrix::Event me;
    me.type = "m.room.member";
    me.sender = "@spam:elders";
    me.state_key = kBot;
    me.content = {{"membership", "invite"}};
    ir.invite_state.push_back(me);
    inv.invite.push_back(ir);
    inv.next_batch = "x1";
    p.process(inv, false);
    auto msgs = h.take();
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_EQ(msgs[0].kind, "leave");
}

TEST(CoreDispatch, KickStopsActivityAndTellsAdmins) {
    Harness h({}, team_config());
    h.join_room(kRoom, {"@anna:hs"});
    h.take();
    h.send(kRoom, "@anna:hs", "!ping");  // its answer is still pending when the kick arrives
    commands::Dispatcher d(h.services());
    engine::SyncProcessor p(h.services(), d);
    matrix::SyncResponse resp;
    resp.next_batch = "k1";
    matrix::LeftRoom lr;
    lr.room_id = kRoom;
    matrix::Event kick;
    kick.event_id = "$kick:hs";
    kick.type = "m.room.member";
    kick.sender = "@leider:hs";
    kick.state_key = kBot;
    kick.content = {{"membership", "leave"}, {"reason", "opruimen"}};
    lr.timeline.push_back(kick);
    resp.leave.push_back(lr);
    p.process(resp, false);
    auto msgs = h.take();
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_EQ(msgs[0].kind, "dm");
    EXPECT_EQ(msgs[0].target_user, "@admin:hs");
    EXPECT_NE(msgs[0].body().find("opruimen"), std::string::npos);
    // The pending answer in that room is marked failed, not sent, and the room is left.
    EXPECT_EQ(h.db().scalar_int("SELECT COUNT(*) FROM outbox WHERE state='failed'"), 1);
    EXPECT_EQ(storage::Rooms(h.db()).get(kRoom)->membership, "leave");
}

TEST(CoreDispatch, EncryptedRoomGetsOneNotice) {
    Harness h({}, team_config());
    h.join_room(kRoom, {"@anna:hs"});
    h.take();
    h.send_event(kRoom, "@anna:hs", "m.room.encryption", {{"algorithm", "m.megolm.v1.aes-sha2"}},
                 "");
    auto msgs = h.take();
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_NE(msgs[0].body().find("versleuteld"), std::string::npos);
    h.send_event(kRoom, "@anna:hs", "m.room.encryption", {{"algorithm", "m.megolm.v1.aes-sha2"}},
                 "");
    EXPECT_EQ(h.take().size(), 0u);
}

TEST(CoreDispatch, EnglishTeamGetsEnglish) {
    Harness h({}, base_config("teams:\n  - name: Team West\n    room: \"!west:hs\"\n    "
                              "leaders: []\n    language: en\n"));
    h.join_room("!west:hs", {"@anna:hs"});
    h.take();
    h.send("!west:hs", "@anna:hs", "!help");
    EXPECT_NE(h.last_body().find("Here is what I can do"), std::string::npos);
}

TEST(Catalogue, EveryTextHasBothLanguages) {
    Harness h({}, base_config());
    EXPECT_TRUE(h.services().texts.missing_translations().empty());
}

// Found by a newcomer: `!casu` in a Dutch team suggested the English `!case`. A suggestion
// names the command as the team's language does, whichever spelling was closest.
TEST(CoreDispatch, SuggestionUsesTheTeamsLanguage) {
    Harness nl({}, team_config());
    nl.join_room(kRoom, {"@anna:hs"});
    nl.take();
    nl.send(kRoom, "@anna:hs", "!helpp");
    EXPECT_NE(nl.last_body().find("Bedoelde je !hulp?"), std::string::npos) << nl.last_body();
    Harness en({}, base_config("teams:\n  - name: Team North\n    room: \"!team:hs\"\n    "
                               "language: en\n    leaders: [\"@leider:hs\"]\n"));
    en.join_room(kRoom, {"@anna:hs"});
    en.take();
    en.send(kRoom, "@anna:hs", "!hulpp");
    EXPECT_NE(en.last_body().find("Did you mean !help?"), std::string::npos) << en.last_body();
}

// Found by a newcomer: `!hulp <60,000 characters>` posted the unknown word back as four
// messages. Echoed input is cut to kMaxEchoChars characters.
TEST(CoreDispatch, UnknownInputIsEchoedShortened) {
    Harness h({}, team_config());
    h.join_room(kRoom, {"@anna:hs"});
    h.take();
    h.send(kRoom, "@anna:hs", "!hulp " + std::string(60000, 'a'));
    auto msgs = h.take();
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_LT(msgs[0].body().size(), 400u);
    EXPECT_NE(msgs[0].body().find(std::string(60, 'a') + "…"), std::string::npos);
    EXPECT_EQ(msgs[0].body().find(std::string(61, 'a')), std::string::npos);
    EXPECT_EQ(commands::md_echo("kort"), "kort");
    EXPECT_EQ(commands::md_echo("a*b\nc"), "a\\*b c");
    std::string e70;
    for (int i = 0; i < 70; ++i) e70 += "é";
    auto cut = commands::md_echo(e70);
    EXPECT_EQ(cut.size(), 60 * 2 + std::string("…").size());  // cut at a character boundary
}
