#include "commands/tenzij/besluit_commands.hpp"

#include <algorithm>
#include <chrono>

#include "commands/tenzij/besluit_args.hpp"
#include "commands/tenzij/besluit_format.hpp"
#include "commands/tenzij/besluit_log.hpp"
#include "common/utf8.hpp"
#include "lib/wanneer/wanneer.hpp"
#include "storage/rooms.hpp"
#include "storage/tenzij/besluiten.hpp"
#include "storage/tenzij/nudges.hpp"

namespace dialoog::tenzij {

namespace {

using commands::CommandContext;
using commands::md_echo;
using commands::md_escape;

// Long enough for any real decision, short enough that lists and digests stay readable.
constexpr std::size_t kMaxTextChars = 1000;

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& ch : out)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

bool is_space(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

// Splits off the first word: {word, rest (trimmed)}.
std::pair<std::string_view, std::string_view> first_word(std::string_view s) {
    std::size_t b = 0;
    while (b < s.size() && is_space(s[b])) ++b;
    std::size_t e = b;
    while (e < s.size() && !is_space(s[e])) ++e;
    std::size_t r = e;
    while (r < s.size() && is_space(s[r])) ++r;
    std::size_t re = s.size();
    while (re > r && is_space(s[re - 1])) --re;
    return {s.substr(b, e - b), s.substr(r, re - r)};
}

enum class Action { None, Afgerond, Herzien, Uitkomst, Opvolging };

Action action_of(std::string_view word) {
    std::string w = lower_ascii(word);
    if (w == "afgerond" || w == "done") return Action::Afgerond;
    if (w == "herzien" || w == "revised") return Action::Herzien;
    if (w == "uitkomst" || w == "outcome") return Action::Uitkomst;
    if (w == "opvolging" || w == "follow-up" || w == "followup") return Action::Opvolging;
    return Action::None;
}

std::string text_arg(std::string_view s) {
    return std::string(s);
}

/// Parses a <wanneer> for a follow-up; on failure answers and returns nullopt.
std::optional<std::int64_t> follow_up_at(CommandContext& c, std::string_view text) {
    wanneer::WanneerOptions opt;
    opt.default_time = std::chrono::hours{9};  // a date alone means that morning
    auto now = wanneer::UtcMs{std::chrono::milliseconds{c.s.now_ms()}};
    auto res = wanneer::parse_wanneer(text, team_zone(c.team, c.s.cfg()), now, opt);
    if (auto* ok = std::get_if<wanneer::WanneerOk>(&res))
        return ok->instant.time_since_epoch().count();
    const auto& fail = std::get<wanneer::WanneerFail>(res);
    std::string reason_key =
        "tenzij.when_reason_" + std::string(wanneer::error_code_name(fail.code));
    std::string reason = c.s.texts.has(c.lang, reason_key) ? c.text(reason_key) : "";
    std::string fragment = fail.fragment.empty() ? std::string(text) : fail.fragment;
    c.reply_text("tenzij.when_bad", {{"fragment", md_escape(fragment)}, {"reason", reason}});
    return std::nullopt;
}

/// The decision `id` of this team, or an answer that it is unknown.
std::optional<Besluit> team_besluit(CommandContext& c, std::int64_t id) {
    auto b = Besluiten(c.s.db).get(id);
    if (!b || !c.team || b->team != c.team->name) {
        c.reply_text("tenzij.not_found", {{"id", std::to_string(id)}});
        return std::nullopt;
    }
    return b;
}

std::string source_text(CommandContext& c, const std::string& source) {
    if (source.empty() || source == "chat") return "";
    if (source.rfind("nudge:", 0) == 0) return c.text("tenzij.source_nudge");
    if (source.rfind("casus:", 0) == 0)
        return c.text("tenzij.source_casus", {{"id", md_escape(source.substr(6))}});
    return c.text("tenzij.source_other", {{"source", md_escape(source)}});
}

void show(CommandContext& c, const Besluit& b) {
    const auto* tz = team_zone(c.team, c.s.cfg());
    auto args = besluit_args(b, tz, c.lang, c.s.texts, "tenzij.tenzij_line");
    args.push_back({"status", status_text(b.status, c.lang, c.s.texts)});
    args.push_back({"created", format_day(b.created_ms, tz, c.lang, c.s.texts)});
    args.push_back({"source", source_text(c, b.source)});
    args.push_back(
        {"outcome",
         b.outcome ? c.text("tenzij.detail_outcome", {{"outcome", md_escape(*b.outcome)}}) : ""});
    std::string md = c.text("tenzij.detail", args);
    auto notes = Besluiten(c.s.db).opvolgingen(b.id);
    if (notes.empty()) {
        md += "\n\n" + c.text("tenzij.detail_no_notes", {{"id", std::to_string(b.id)}});
    } else {
        md += "\n\n" + c.text("tenzij.detail_notes") + "\n";
        for (const auto& n : notes)
            md += "\n- " + c.text("tenzij.detail_note_item",
                                  {{"date", format_day(n.created_ms, tz, c.lang, c.s.texts)},
                                   {"author", user_md(n.author)},
                                   {"kind", c.text("tenzij.kind_" + n.kind)},
                                   {"text", md_escape(n.text)}});
    }
    c.reply(md);
}

bool too_long(CommandContext& c, std::string_view text) {
    if (utf8_length(text) <= kMaxTextChars) return false;
    c.reply_text("tenzij.too_long", {{"max", std::to_string(kMaxTextChars)}});
    return true;
}

void act(CommandContext& c, const Besluit& b, Action action, std::string_view word,
         std::string_view text) {
    const std::string id = std::to_string(b.id);
    const std::int64_t now = c.s.now_ms();
    if (action == Action::Opvolging) {
        if (b.status != "open") {
            c.reply_text("tenzij.already_closed",
                         {{"id", id}, {"status", status_text(b.status, c.lang, c.s.texts)}});
            return;
        }
        if (text.empty()) {
            c.reply_text("tenzij.when_needed", {{"id", id}});
            return;
        }
        auto due = follow_up_at(c, text);
        if (!due) return;
        move_opvolging(c.s.db, b.id, *due);
        c.reply_text("tenzij.due_moved",
                     {{"id", id},
                      {"due", format_day(*due, team_zone(c.team, c.s.cfg()), c.lang, c.s.texts)}});
        return;
    }
    if (text.empty()) {
        c.reply_text("tenzij.action_needs_text", {{"id", id}, {"action", md_echo(word)}});
        return;
    }
    if (too_long(c, text)) return;
    if (action == Action::Uitkomst) {
        Besluiten(c.s.db).set_outcome(b.id, text, now);
        Besluiten(c.s.db).add_opvolging(b.id, "uitkomst", c.event.sender, text, now);
        c.reply_text("tenzij.outcome_saved", {{"id", id}});
        return;
    }
    if (b.status != "open") {
        c.reply_text("tenzij.already_closed",
                     {{"id", id}, {"status", status_text(b.status, c.lang, c.s.texts)}});
        return;
    }
    const char* status = action == Action::Afgerond ? "afgerond" : "herzien";
    Besluiten(c.s.db).add_opvolging(b.id, status, c.event.sender, text, now);
    close_besluit(c.s.db, b.id, status, now);
    c.reply_text(std::string("tenzij.closed_") + status, {{"id", id}});
}

/// The first user mentioned through m.mentions other than the bot, if any.
std::optional<std::string> mentioned_user(const CommandContext& c) {
    auto m = c.event.content.find("m.mentions");
    if (m == c.event.content.end() || !m->is_object()) return std::nullopt;
    auto ids = m->find("user_ids");
    if (ids == m->end() || !ids->is_array()) return std::nullopt;
    for (const auto& u : *ids)
        if (u.is_string() && u.get<std::string>() != c.s.cfg().bot.user_id &&
            looks_like_user_id(u.get<std::string>()))
            return u.get<std::string>();
    return std::nullopt;
}

void record(CommandContext& c, std::string_view rest) {
    auto mention = mentioned_user(c);
    BesluitLine line = parse_besluit_line(rest, mention.has_value());
    if (line.description.empty()) {
        c.reply_text("tenzij.besluit_empty");
        return;
    }
    if (line.leading_clause) {
        c.reply_text("tenzij.besluit_starts_with_clause",
                     {{"word", md_echo(*line.leading_clause)}});
        return;
    }
    if (line.empty_clause) {
        c.reply_text("tenzij.clause_empty", {{"word", md_escape(*line.empty_clause)}});
        return;
    }
    if (too_long(c, line.description) || (line.tenzij && too_long(c, *line.tenzij))) return;
    std::string owner = c.event.sender;
    if (line.eigenaar) {
        if (looks_like_user_id(*line.eigenaar)) {
            owner = *line.eigenaar;
        } else if (mention && (*line.eigenaar)[0] != '@') {
            owner = *mention;  // a pill: the body shows the display name
        } else {
            c.reply_text("tenzij.owner_bad");
            return;
        }
        // The owner is mentioned at the follow-up and answers for it: someone in this team
        // room, not the bot and not a typo of a name (found by a newcomer's probe).
        if (owner == c.s.cfg().bot.user_id) {
            c.reply_text("tenzij.owner_is_bot");
            return;
        }
        auto members = storage::Rooms(c.s.db).joined_members(c.room.room_id);
        if (std::find(members.begin(), members.end(), owner) == members.end()) {
            c.reply_text("tenzij.owner_not_member", {{"user", md_echo(owner)}});
            return;
        }
    }
    const std::int64_t now = c.s.now_ms();
    const auto* tz = team_zone(c.team, c.s.cfg());
    std::int64_t due = default_due_ms(now, tz);
    if (line.opvolging) {
        auto at = follow_up_at(c, *line.opvolging);
        if (!at) return;
        due = *at;
    }
    std::optional<std::int64_t> nudge_id;
    if (auto root = c.event.thread_root())
        nudge_id = Nudges(c.s.db).for_thread(c.room.room_id, *root);
    NewBesluit nb;
    nb.team = c.team->name;
    nb.description = line.description;
    nb.tenzij = line.tenzij;
    nb.owner = owner;
    nb.due_ms = due;
    nb.source = nudge_id ? "nudge:" + std::to_string(*nudge_id) : "chat";
    nb.created_ms = now;
    nb.nudge_id = nudge_id;
    std::int64_t id = record_besluit(c.s.db, nb);
    auto b = Besluiten(c.s.db).get(id);
    auto args = besluit_args(*b, tz, c.lang, c.s.texts, "tenzij.tenzij_line");
    args.push_back({"linked", nudge_id ? c.text("tenzij.linked_to_nudge") : ""});
    c.reply_text("tenzij.besluit_saved", args);
}

}  // namespace

const date::time_zone* team_zone(const config::TeamConfig* team, const config::Config& cfg) {
    if (team && team->tz) return team->tz;
    return cfg.tz;
}

void cmd_besluit(CommandContext& c) {
    std::string_view rest = c.cmd.rest;
    auto [first, after] = first_word(rest);
    if (first.empty()) {
        c.reply_text("tenzij.besluit_empty");
        return;
    }
    if (auto id = commands::parse_item_id(first)) {
        auto [word, text] = first_word(after);
        Action action = action_of(word);
        // "!besluit 3 gesprekken plannen" is a new decision; "#3 iets" is a typo'd action.
        if (word.empty() || action != Action::None || first[0] == '#') {
            auto b = team_besluit(c, *id);
            if (!b) return;
            if (word.empty()) return show(c, *b);
            if (action == Action::None) {
                c.reply_text("tenzij.bad_action",
                             {{"id", std::to_string(*id)}, {"word", md_echo(word)}});
                return;
            }
            return act(c, *b, action, word, text);
        }
    }
    record(c, rest);
}

void cmd_besluiten(CommandContext& c) {
    BesluitFilter filter = BesluitFilter::Open;
    std::string which = "open";
    if (!c.cmd.args.empty()) {
        std::string a = lower_ascii(c.cmd.args[0]);
        if (a == "open") {
        } else if (a == "alle" || a == "all") {
            filter = BesluitFilter::Alle;
            which = "alle";
        } else if (a == "mijn" || a == "mine" || a == "my") {
            filter = BesluitFilter::Mijn;
            which = "mijn";
        } else {
            c.reply_text("tenzij.list_bad_filter", {{"arg", md_echo(c.cmd.args[0])}});
            return;
        }
    }
    constexpr int kShown = 30;
    auto rows = Besluiten(c.s.db).list(c.team->name, filter, c.event.sender, 1000);
    if (rows.empty()) {
        c.reply_text("tenzij.list_empty_" + which);
        return;
    }
    const auto* tz = team_zone(c.team, c.s.cfg());
    const std::int64_t now = c.s.now_ms();
    std::string md = c.text("tenzij.list_title_" + which) + "\n";
    int shown = 0;
    for (const auto& b : rows) {
        if (shown == kShown) break;
        auto args = besluit_args(b, tz, c.lang, c.s.texts);
        std::string flag;
        if (b.status != "open")
            flag = c.text("tenzij.flag_status",
                          {{"status", status_text(b.status, c.lang, c.s.texts)}});
        else if (b.due_ms < now)
            flag = c.text("tenzij.flag_overdue");
        args.push_back({"flag", flag});
        md += "\n- " + c.text("tenzij.list_item", args);
        ++shown;
    }
    if (rows.size() > static_cast<std::size_t>(kShown))
        md += "\n\n" + c.text("tenzij.list_more", {{"n", std::to_string(rows.size() - kShown)}});
    md += "\n\n" + c.text("tenzij.list_footer");
    c.reply(md);
}

void cmd_opvolging(CommandContext& c) {
    auto [first, note] = first_word(c.cmd.rest);
    auto id = commands::parse_item_id(first);
    if (!id || note.empty()) {
        c.reply_text("tenzij.opvolging_bad");
        return;
    }
    auto b = team_besluit(c, *id);
    if (!b) return;
    if (too_long(c, note)) return;
    Besluiten(c.s.db).add_opvolging(b->id, "notitie", c.event.sender, text_arg(note), c.s.now_ms());
    c.reply_text("tenzij.opvolging_saved", {{"id", std::to_string(b->id)}});
}

}  // namespace dialoog::tenzij
