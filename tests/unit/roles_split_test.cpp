// Role rules (spec "Permissions", incl. room version 12 creators) and reply size splitting.
#include <gtest/gtest.h>

#include "commands/roles.hpp"
#include "matrix/content.hpp"
#include "matrix/events.hpp"

using namespace dialoog;
using namespace dialoog::commands;

TEST(PowerLevels, UsersThenDefaultThenZero) {
    storage::RoomRow r;
    r.room_version = "10";
    r.creator = "@c:hs";
    r.power_levels = R"({"users":{"@a:hs":50,"@s:hs":"75"},"users_default":10})";
    EXPECT_EQ(power_level(r, "@a:hs"), 50);
    EXPECT_EQ(power_level(r, "@s:hs"), 75);
    EXPECT_EQ(power_level(r, "@x:hs"), 10);
    r.power_levels = R"({"users":{}})";
    EXPECT_EQ(power_level(r, "@x:hs"), 0);
}

TEST(PowerLevels, NoPowerLevelsEventCreatorHas100) {
    storage::RoomRow r;
    r.room_version = "10";
    r.creator = "@c:hs";
    EXPECT_EQ(power_level(r, "@c:hs"), 100);
    EXPECT_EQ(power_level(r, "@x:hs"), 0);
}

TEST(PowerLevels, RoomVersion12CreatorsRankAboveEveryone) {
    storage::RoomRow r;
    r.room_version = "12";
    r.creator = "@c:hs";
    r.additional_creators = R"(["@c2:hs"])";
    r.power_levels = R"({"users":{"@a:hs":100}})";
    EXPECT_EQ(power_level(r, "@c:hs"), kCreatorPowerLevel);
    EXPECT_EQ(power_level(r, "@c2:hs"), kCreatorPowerLevel);
    EXPECT_GT(power_level(r, "@c:hs"), power_level(r, "@a:hs"));
    r.room_version = "11";
    EXPECT_EQ(power_level(r, "@c:hs"), 0);  // creators not in users: plain rules
    EXPECT_TRUE(creators_are_privileged("12"));
    EXPECT_TRUE(creators_are_privileged("13"));
    EXPECT_TRUE(creators_are_privileged("org.matrix.hydra.11"));
    EXPECT_FALSE(creators_are_privileged("9"));
    EXPECT_FALSE(creators_are_privileged(""));
}

TEST(Roles, LeaderByYamlOrPowerAdminByList) {
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "t", 1);
    auto res = config::load_config_text(
        "homeserver: http://127.0.0.1:8008\nbot:\n  user_id: \"@b:hs\"\nstorage: x\n"
        "admins: [\"@admin:hs\"]\nteams:\n  - name: T\n    room: \"!t:hs\"\n"
        "    leaders: [\"@l:hs\"]\n",
        {});
    ASSERT_TRUE(res.config);
    const auto& cfg = *res.config;
    const auto* team = cfg.team_for_room("!t:hs");
    storage::RoomRow room;
    room.room_version = "10";
    room.power_levels = R"({"users":{"@mod:hs":50,"@low:hs":49}})";
    EXPECT_EQ(role_of(cfg, team, &room, "@l:hs"), Role::Leader);
    EXPECT_EQ(role_of(cfg, team, &room, "@mod:hs"), Role::Leader);
    EXPECT_EQ(role_of(cfg, team, &room, "@low:hs"), Role::Member);
    EXPECT_EQ(role_of(cfg, team, &room, "@admin:hs"), Role::Admin);
    // Outside a team room power levels give no leader rights.
    EXPECT_EQ(role_of(cfg, nullptr, &room, "@mod:hs"), Role::Member);
    room.room_version = "12";
    room.creator = "@creator:hs";
    EXPECT_EQ(role_of(cfg, team, &room, "@creator:hs"), Role::Leader);
}

namespace {
std::string render(std::string_view md) {
    return matrix::markdown_to_html(md);
}
}  // namespace

TEST(Split, ShortTextIsOnePart) {
    auto parts = matrix::split_markdown("hallo", matrix::kMaxEventBytes, &render);
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0], "hallo");
}

TEST(Split, LongTextSplitsUnderLimitInOrder) {
    std::string md;
    for (int i = 0; i < 3000; ++i) md += "- regel " + std::to_string(i) + " met wat tekst én ë\n";
    auto parts = matrix::split_markdown(md, matrix::kMaxEventBytes, &render);
    ASSERT_GT(parts.size(), 1u);
    std::string joined;
    for (const auto& p : parts) {
        EXPECT_LE(matrix::message_bytes(p, render(p)), matrix::kMaxEventBytes);
        auto content = matrix::make_message(p, render(p), {}, {});
        EXPECT_LE(content.dump().size() + matrix::kEnvelopeAllowance, 65536u);
        joined += (joined.empty() ? "" : "\n") + p;
    }
    EXPECT_NE(joined.find("regel 0 "), std::string::npos);
    EXPECT_LT(joined.find("regel 10 "), joined.find("regel 2999 "));
}

TEST(Split, OneHugeLineSplitsAtCharacterBoundaries) {
    std::string md;
    for (int i = 0; i < 40000; ++i) md += "é";  // 80,000 bytes, no line breaks
    auto parts = matrix::split_markdown(md, matrix::kMaxEventBytes, &render);
    ASSERT_GT(parts.size(), 1u);
    std::size_t total = 0;
    for (const auto& p : parts) {
        EXPECT_EQ(p.size() % 2, 0u) << "split inside a UTF-8 character";
        total += p.size();
    }
    EXPECT_EQ(total, md.size());
}

TEST(Content, NoticeWithMentionsAndThread) {
    matrix::Relation rel;
    rel.in_reply_to = "$cmd:hs";
    rel.thread_root = "$root:hs";
    auto c = matrix::make_message("hoi **jij**", render("hoi **jij**"), {"@a:hs"}, rel);
    EXPECT_EQ(c["msgtype"], "m.notice");
    EXPECT_EQ(c["m.mentions"]["user_ids"][0], "@a:hs");
    EXPECT_EQ(c["m.relates_to"]["rel_type"], "m.thread");
    EXPECT_EQ(c["m.relates_to"]["m.in_reply_to"]["event_id"], "$cmd:hs");
    EXPECT_NE(c["formatted_body"].get<std::string>().find("<strong>jij</strong>"),
              std::string::npos);
    auto plain = matrix::make_message("x", "", {}, {});
    EXPECT_TRUE(plain["m.mentions"].is_object());
    EXPECT_TRUE(plain["m.mentions"].empty());
    EXPECT_FALSE(plain.contains("m.relates_to"));
}

TEST(Markdown, TablesRenderAndRawHtmlIsNotPassedThrough) {
    auto html = render("| a | b |\n|---|---|\n| 1 | 2 |\n");
    EXPECT_NE(html.find("<table>"), std::string::npos);
    auto unsafe = render("<script>alert(1)</script>");
    EXPECT_EQ(unsafe.find("<script>"), std::string::npos);
}

TEST(SyncParsing, ToleratesMissingAndMalformedParts) {
    EXPECT_FALSE(matrix::parse_sync_response("not json").ok());
    EXPECT_FALSE(matrix::parse_sync_response("{}").ok());
    EXPECT_FALSE(matrix::parse_sync_response("[1,2]").ok());
    auto minimal = matrix::parse_sync_response(R"({"next_batch":"s1"})");
    ASSERT_TRUE(minimal.ok());
    EXPECT_EQ(minimal->next_batch, "s1");
    auto odd = matrix::parse_sync_response(R"({"next_batch":"s2","rooms":{"join":{
        "!a:hs":{"timeline":{"events":[
            {"type":"m.room.message","sender":"@a:hs","event_id":"$1","content":{"body":"!ping"}},
            {"type":"m.room.message","sender":"@a:hs","content":{"body":"no id"}},
            {"sender":"@a:hs","event_id":"$3"},
            "garbage",
            {"type":"m.room.message","sender":"@a:hs","event_id":"$4","content":"not an object"}
        ],"limited":true,"prev_batch":"p1"}},
        "!b:hs":"not an object"},
        "invite":{"!c:hs":{"invite_state":{"events":[{"type":"m.room.member","sender":"@x:hs",
            "state_key":"@bot:hs","content":{"membership":"invite"}}]}}},
        "leave":[]}})");
    ASSERT_TRUE(odd.ok());
    ASSERT_EQ(odd->join.size(), 1u);
    EXPECT_EQ(odd->join[0].timeline.size(), 2u);
    EXPECT_TRUE(odd->join[0].limited);
    EXPECT_EQ(odd->join[0].prev_batch, "p1");
    EXPECT_EQ(odd->dropped_events, 3);
    EXPECT_TRUE(odd->join[0].timeline[1].content.is_object());
    ASSERT_EQ(odd->invite.size(), 1u);
    EXPECT_EQ(odd->invite[0].invite_state.size(), 1u);
}
