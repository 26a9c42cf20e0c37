#include <gtest/gtest.h>

#include "commands/command_parser.hpp"

using namespace dialoog::commands;

TEST(CommandParser, BangAndSlashPrefixes) {
    auto a = parse_command("!ping");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->name, "ping");
    EXPECT_EQ(a->prefix, '!');
    auto b = parse_command("/ping");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->name, "ping");
    EXPECT_EQ(b->prefix, '/');
}

TEST(CommandParser, NameIsCaseInsensitive) {
    auto a = parse_command("!HeLP casus");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->name, "help");
    EXPECT_EQ(a->rest, "casus");
}

TEST(CommandParser, WordBoundary) {
    auto a = parse_command("!helpme");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->name, "helpme");  // a different (unknown) command, not !help
    EXPECT_FALSE(parse_command("!help,"));
    EXPECT_FALSE(parse_command("!ping!x"));
    EXPECT_FALSE(parse_command("!ping?x"));
}

// People end a command like a sentence: "!Hulp?", "!hulp!" and "!hulp." are `!hulp`.
TEST(CommandParser, SentencePunctuationAfterTheNameIsDropped) {
    for (const char* body : {"!Hulp?", "!hulp!", "!hulp.", "!hulp?!", "!hulp...", "/hulp?"}) {
        auto a = parse_command(body);
        ASSERT_TRUE(a) << body;
        EXPECT_EQ(a->name, "hulp") << body;
        EXPECT_EQ(a->rest, "") << body;
    }
    auto b = parse_command("!casus? lijst");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->name, "casus");
    EXPECT_EQ(b->rest, "lijst");
    EXPECT_FALSE(parse_command("!?"));
    EXPECT_FALSE(parse_command("!.hulp"));
}

TEST(CommandParser, NotCommands) {
    EXPECT_FALSE(parse_command(""));
    EXPECT_FALSE(parse_command("!"));
    EXPECT_FALSE(parse_command("! ping"));
    EXPECT_FALSE(parse_command("!!!"));
    EXPECT_FALSE(parse_command("/2"));
    EXPECT_FALSE(parse_command("ping"));
    EXPECT_FALSE(parse_command("hallo !ping"));
    EXPECT_FALSE(parse_command("!pïng"));
}

TEST(CommandParser, LeadingWhitespaceAndArgs) {
    auto a = parse_command("  !casus   plan morgen 14:00  ");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->name, "casus");
    EXPECT_EQ(a->rest, "plan morgen 14:00");
    ASSERT_EQ(a->args.size(), 3u);
    EXPECT_EQ(a->args[2], "14:00");
}

TEST(CommandParser, QuotedArguments) {
    auto t = tokenize_args("plan morgen \"De casus van Jan\" 'twee woorden' “slim” ‘enkel’");
    ASSERT_EQ(t.size(), 6u);
    EXPECT_EQ(t[2], "De casus van Jan");
    EXPECT_EQ(t[3], "twee woorden");
    EXPECT_EQ(t[4], "slim");
    EXPECT_EQ(t[5], "enkel");
    auto u = tokenize_args("\"niet gesloten");
    ASSERT_EQ(u.size(), 1u);
    EXPECT_EQ(u[0], "niet gesloten");
    auto v = tokenize_args("zo'n dag");
    ASSERT_EQ(v.size(), 2u);
    EXPECT_EQ(v[0], "zo'n");
}

TEST(CommandParser, UnicodeArgumentsKeptIntact) {
    auto a = parse_command("!les Cliënt wil zelf regie; één gesprek ‘telt’");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->rest, "Cliënt wil zelf regie; één gesprek ‘telt’");
}

TEST(ReplyFallback, StripsQuotedLinesAndBlankLine) {
    EXPECT_EQ(strip_reply_fallback("> <@a:hs> hallo\n> tweede\n\n!ping"), "!ping");
    EXPECT_EQ(strip_reply_fallback("> <@a:hs> !ping\n\nbedankt"), "bedankt");
    EXPECT_EQ(strip_reply_fallback("!ping"), "!ping");
    EXPECT_EQ(strip_reply_fallback("> alleen citaat"), "");
    // A quote that is not at the start is content, not a fallback.
    EXPECT_EQ(strip_reply_fallback("tekst\n> citaat"), "tekst\n> citaat");
}

TEST(ReplyFallback, QuotedCommandIsNotRun) {
    auto body = strip_reply_fallback("> <@a:hs> !ping\n\nDank je");
    EXPECT_FALSE(parse_command(body));
}

TEST(EditDistance, Basics) {
    EXPECT_EQ(edit_distance("casus", "casus"), 0);
    EXPECT_EQ(edit_distance("cassus", "casus"), 1);
    EXPECT_EQ(edit_distance("hlep", "help"), 2);
    EXPECT_GT(edit_distance("overzicht", "ping", 2), 2);
}

// One parser for the numbers of stored items (a casus, a decision, a story).
TEST(CommandParser, ItemIds) {
    EXPECT_EQ(parse_item_id("12"), 12);
    EXPECT_EQ(parse_item_id("#12"), 12);
    EXPECT_EQ(parse_item_id("#"), std::nullopt);
    EXPECT_EQ(parse_item_id(""), std::nullopt);
    EXPECT_EQ(parse_item_id("0"), std::nullopt);
    EXPECT_EQ(parse_item_id("12a"), std::nullopt);
    EXPECT_EQ(parse_item_id("-3"), std::nullopt);
    EXPECT_EQ(parse_item_id("999999999999"), 999999999999);
    EXPECT_EQ(parse_item_id("1234567890123"), std::nullopt);
}

// Found by a newcomer: a no-break space pasted from Word or typed on a Mac, a zero-width space
// and a full-width "！" made the bot stay silent in the team room.
TEST(CommandParser, InvisibleAndFullWidthCharactersArePlain) {
    auto nbsp = parse_command("!casus\xC2\xA0lijst");
    ASSERT_TRUE(nbsp);
    EXPECT_EQ(nbsp->name, "casus");
    EXPECT_EQ(nbsp->rest, "lijst");
    auto narrow = parse_command(
        "!casus\xE2\x80\xAFplan morgen\xC2\xA0"
        "14:00 Titel");
    ASSERT_TRUE(narrow);
    EXPECT_EQ(narrow->args, (std::vector<std::string>{"plan", "morgen", "14:00", "Titel"}));
    auto zw = parse_command("!ca\xE2\x80\x8Bsus lijst");
    ASSERT_TRUE(zw);
    EXPECT_EQ(zw->name, "casus");
    auto full = parse_command("\xEF\xBC\x81hulp");
    ASSERT_TRUE(full);
    EXPECT_EQ(full->name, "hulp");
    EXPECT_EQ(full->prefix, '!');
    // Only before the first visible character: a full-width "！" later is text.
    EXPECT_FALSE(parse_command("hallo \xEF\xBC\x81hulp"));
    EXPECT_EQ(normalise_command_text("a\xEF\xBC\x81"
                                     "b"),
              "a\xEF\xBC\x81"
              "b");
    // Other UTF-8 passes unchanged.
    EXPECT_EQ(normalise_command_text("cliënt — “citaat”"), "cliënt — “citaat”");
}
