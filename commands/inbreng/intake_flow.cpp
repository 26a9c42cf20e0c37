#include "commands/inbreng/intake_flow.hpp"

#include <algorithm>
#include <initializer_list>

#include <nlohmann/json.hpp>

#include "commands/catalogue.hpp"
#include "commands/inbreng/anonymiser.hpp"
#include "commands/inbreng/intake_config.hpp"
#include "commands/inbreng/intake_room.hpp"
#include "commands/inbreng/local_calendar.hpp"
#include "commands/inbreng/md_quote.hpp"
#include "commands/inbreng/themes.hpp"
#include "commands/inbreng/withdrawal_code.hpp"
#include "common/utf8.hpp"
#include "matrix/content.hpp"
#include "storage/inbreng/flood_counter.hpp"
#include "storage/inbreng/inputs.hpp"
#include "storage/inbreng/pending_intakes.hpp"
#include "storage/jobs.hpp"
#include "storage/outbox.hpp"

namespace dialoog::inbreng {

using commands::md_escape;
using commands::TextArgs;

namespace {

/// Longest story accepted in one message (characters); longer ones are asked to be split.
constexpr std::size_t kMaxTextChars = 6000;
/// Shortest story accepted (characters): "🙂" or "ok" is an answer, not a story.
constexpr std::size_t kMinTextChars = 20;
/// Messages of one intake kept for redaction at its end (a bound on the stored row).
constexpr std::size_t kMaxTrackedEvents = 100;
/// A plain message this long from a representative, outside any intake, is probably a story
/// sent without `!inbreng`: the bot explains how to send it.
constexpr std::size_t kHintMinBytes = 120;

/// What every step needs, in a handler or in a job.
struct Env {
    commands::Services& s;
    commands::Effects& fx;
    std::string lang;
    const IntakeConfig& ic;  // of services.cfg(), which stays put while a handler runs

    Env(commands::Services& services, commands::Effects& effects, std::string language)
        : s(services),
          fx(effects),
          lang(std::move(language)),
          ic(services.cfg().section(kIntakeSection)) {}
    std::string text(std::string_view key, const TextArgs& args = {}) const {
        return s.texts.get(lang, key, args);
    }
    std::int64_t now() const { return s.now_ms(); }
};

/// Posts in the private chat. purge_after_send: the outbox row (it may hold the scrubbed text
/// and it names the chat) is deleted as soon as it is sent. No reply relation: it would put
/// the submitter's event id into the row, and that event is about to be redacted.
void say(Env& e, std::string_view room_id, std::string_view md) {
    e.fx.notice(room_id, md, {}, {}, 0, /*purge_after_send=*/true);
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& ch : out)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

/// The whole message lowercased, trimmed, without trailing punctuation ("Ja!" -> "ja").
std::string answer_of(std::string_view body) {
    auto t = lower_ascii(commands::trim(body));
    while (!t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == ',' ||
                          t.back() == '?' || t.back() == ' '))
        t.pop_back();
    return t;
}

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
    for (auto x : list)
        if (w == x) return true;
    return false;
}

bool is_yes(std::string_view a) {
    return one_of(a, {"ja", "yes", "j", "y", "jawel", "ja graag", "ja, graag", "ja hoor", "akkoord",
                      "ok", "oke", "oké", "okay", "prima", "yes please", "👍"}) ||
           a.rfind("👍", 0) == 0;
}
bool is_no(std::string_view a) {
    return one_of(a, {"nee", "no", "n", "neen", "nee dank je", "nee, dank je", "nee bedankt",
                      "no thanks", "no, thanks"});
}
bool is_stop(std::string_view a) {
    return one_of(a, {"stop", "stoppen", "annuleer", "annuleren", "afbreken", "cancel", "quit"});
}
bool is_skip(std::string_view a) {
    return one_of(a, {"overslaan", "sla over", "skip", "geen", "none", "-", "nvt", "n.v.t",
                      "weet niet", "weet ik niet", "geen idee", "don't know"});
}

/// Splits "team Noord" into ("team", "Noord").
std::pair<std::string, std::string> first_word(std::string_view text) {
    text = commands::trim(text);
    auto sp = text.find_first_of(" \t\n");
    if (sp == std::string_view::npos) return {lower_ascii(text), ""};
    return {lower_ascii(text.substr(0, sp)), std::string(commands::trim(text.substr(sp)))};
}

std::string job_key(std::int64_t pending_id) {
    return "inbreng:pending:" + std::to_string(pending_id);
}

std::string duration_text(const Env& e, std::int64_t ms) {
    constexpr std::int64_t kHour = 3'600'000, kDay = 24 * kHour;
    if (ms >= 2 * kDay && ms % kDay == 0)
        return e.text("inbreng.duration_days", {{"n", std::to_string(ms / kDay)}});
    if (ms % kHour == 0)
        return ms == kHour ? e.text("inbreng.duration_hour")
                           : e.text("inbreng.duration_hours", {{"n", std::to_string(ms / kHour)}});
    auto minutes = (ms + 59'999) / 60'000;
    return minutes == 1 ? e.text("inbreng.duration_minute")
                        : e.text("inbreng.duration_minutes", {{"n", std::to_string(minutes)}});
}

/// "1. Team Noord\n2. Team Zuid"
std::string team_menu(const Env& e) {
    std::string out;
    int i = 0;
    for (const auto& t : e.s.cfg().teams)
        out += std::to_string(++i) + ". " + md_escape(t.name) + "\n";
    if (!out.empty()) out.pop_back();
    return out;
}

/// "Team Noord, Team Zuid"
std::string team_names(const Env& e) {
    std::string out;
    for (const auto& t : e.s.cfg().teams) out += (out.empty() ? "" : ", ") + md_escape(t.name);
    return out;
}

/// The team meant by `typed`: its number in the menu, its name, or its name without "Team".
const config::TeamConfig* match_team(const config::Config& cfg, std::string_view typed) {
    auto t = answer_of(typed);
    if (t.empty()) return nullptr;
    bool digits = t.find_first_not_of("0123456789") == std::string::npos;
    if (digits && t.size() <= 3) {
        auto n = static_cast<std::size_t>(std::stoi(t));
        return n >= 1 && n <= cfg.teams.size() ? &cfg.teams[n - 1] : nullptr;
    }
    for (const auto& team : cfg.teams) {
        auto name = lower_ascii(team.name);
        if (t == name) return &team;
        if (name.rfind("team ", 0) == 0 && t == name.substr(5)) return &team;
        if (t.rfind("team ", 0) == 0 && t.substr(5) == name) return &team;
    }
    return nullptr;
}

/// "1. `drempels`: …" lines for the four structural themes.
std::string theme_menu(const Env& e) {
    std::string out;
    int i = 0;
    for (auto key : kThemeKeys)
        out += std::to_string(++i) + ". `" + std::string(key) +
               "`: " + e.text(theme_text_key(key)) + "\n";
    out.pop_back();
    return out;
}

std::string tags_text(const Env& e, const std::vector<std::string>& tags) {
    if (tags.empty()) return e.text("inbreng.theme_none");
    std::string out;
    for (const auto& t : tags) {
        if (!out.empty()) out += ", ";
        out += "`" + t + "`";
        if (is_structural_theme(t)) out += " (" + e.text(theme_text_key(t)) + ")";
    }
    return out;
}

TextArgs common_args(const Env& e) {
    return {{"timeout", duration_text(e, e.ic.confirm_timeout_ms)},
            {"max", std::to_string(e.ic.max_per_day)},
            {"teams", team_names(e)},
            {"menu", team_menu(e)},
            {"themes", theme_menu(e)}};
}

/// Saves the row and (re)arms its expiry: the timeout counts from the last answer.
void touch(Env& e, PendingIntake& p) {
    p.updated_at = e.now();
    PendingIntakes(e.s.db).save(p);
    storage::Jobs(e.s.db).upsert(kExpireJobKind, job_key(p.id),
                                 p.updated_at + e.ic.confirm_timeout_ms,
                                 nlohmann::json{{"id", p.id}}.dump());
}

/// Redacts the submitter's story messages. The first redaction carries an on_fail follow-up
/// (posted by the outbox sender when the server refuses it for good, e.g. for lack of power)
/// asking the submitter to delete the message themselves.
void redact_story(Env& e, std::string_view room_id, const std::vector<std::string>& event_ids) {
    storage::Outbox outbox(e.s.db);
    for (std::size_t i = 0; i < event_ids.size(); ++i) {
        nlohmann::json content = {{"event_id", event_ids[i]},
                                  {"reason", e.text("inbreng.redact_reason")}};
        if (i == 0) {
            auto md = e.text("inbreng.redact_failed");
            content["on_fail"] = {
                {"room_id", room_id},
                {"content", matrix::make_message(md, matrix::markdown_to_html(md), {}, {})}};
        }
        storage::OutboxItem item;
        item.kind = storage::OutboxKind::Redact;
        item.room_id = std::string(room_id);
        item.txn_id = e.fx.next_txn_id();
        item.content = content.dump();
        item.purge_after_send = true;
        outbox.enqueue(item, e.now());
    }
}

/// Ends an intake: the pending row (the only link of sender and text) and its job go.
void finish(Env& e, const PendingIntake& p) {
    if (p.id != 0) {
        PendingIntakes(e.s.db).remove(p.id);
        storage::Jobs(e.s.db).remove(job_key(p.id));
    }
}

/// Ends an intake without storing: redact, delete, and say `key` (or `key_empty` when no
/// story had been sent yet).
void discard(Env& e, const PendingIntake& p, std::string_view key, std::string_view key_empty) {
    redact_story(e, p.room_id, p.event_ids);
    finish(e, p);
    say(e, p.room_id, e.text(p.event_ids.empty() ? key_empty : key, common_args(e)));
}

void show_preview(Env& e, const PendingIntake& p) {
    auto args = common_args(e);
    args.emplace_back("text", md_quote(p.scrubbed));
    args.emplace_back(
        "team", p.team ? md_escape(*p.team) : e.text("inbreng.team_not_chosen", common_args(e)));
    args.emplace_back("tags", tags_text(e, p.tags));
    say(e, p.room_id, e.text("inbreng.preview", args));
}

void ask_team(Env& e, const PendingIntake& p) {
    auto args = common_args(e);
    const auto* def = default_team(e.s.cfg(), e.ic);
    args.emplace_back("default", def ? md_escape(def->name) : "");
    say(e, p.room_id, e.text(def ? "inbreng.ask_team" : "inbreng.ask_team_no_default", args));
}

void ask_theme(Env& e, const PendingIntake& p) {
    say(e, p.room_id, e.text("inbreng.ask_theme", common_args(e)));
}

/// Scrubs a story into `p` (the raw text stays in memory only). False, with an answer, when
/// the text is empty or too long; `p` is then unchanged.
bool receive_text(Env& e, PendingIntake& p, std::string_view raw, const std::string& event_id) {
    auto t = commands::trim(raw);
    if (utf8_length(t) > kMaxTextChars) {
        say(e, p.room_id, e.text("inbreng.too_long", {{"max", std::to_string(kMaxTextChars)}}));
        return false;
    }
    auto scrubbed = t.empty() ? std::string() : anonymise(*shared_scrubber(e.ic.keep_words), t);
    if (scrubbed.empty()) {
        say(e, p.room_id, e.text("inbreng.empty_text"));
        return false;
    }
    if (utf8_length(t) < kMinTextChars) {
        say(e, p.room_id, e.text("inbreng.too_short", {{"min", std::to_string(kMinTextChars)}}));
        return false;
    }
    p.scrubbed = std::move(scrubbed);
    p.event_ids.push_back(event_id);
    return true;
}

/// A message of the submitter in the intake chat that was not taken as the story (too long,
/// too short, an answer the bot did not understand) may still hold a client's details, e.g. a
/// story sent where the team was asked: it is redacted with the story when the intake ends
/// (stored, stopped or expired). Found by a newcomer's probe.
void track(PendingIntake& p, const std::string& event_id) {
    if (event_id.empty() || p.event_ids.size() >= kMaxTrackedEvents) return;
    if (std::find(p.event_ids.begin(), p.event_ids.end(), event_id) == p.event_ids.end())
        p.event_ids.push_back(event_id);
}

/// Sets the tags from `typed`; false, with an answer, when a word cannot be a tag.
bool apply_tags(Env& e, PendingIntake& p, std::string_view typed) {
    auto parsed = parse_tags(typed);
    auto args = common_args(e);
    args.emplace_back("n", std::to_string(kMaxTags));
    if (parsed.too_many) {
        say(e, p.room_id, e.text("inbreng.theme_too_many", args));
        return false;
    }
    std::optional<std::string> bad = parsed.bad;
    if (!bad && parsed.tags.empty()) bad = std::string(commands::trim(typed));
    // A free tag is user text too: one the scrubber would take out (a name, a place) is
    // refused. Checked as typed, inside a sentence, where capitals mean something.
    if (!bad) {
        auto scrubber = shared_scrubber(e.ic.keep_words);
        for (std::size_t i = 0; i < parsed.tags.size() && !bad; ++i) {
            if (is_structural_theme(parsed.tags[i])) continue;
            std::string sentence = "Het gaat over " + parsed.typed[i] + " en meer.";
            if (anonymise(*scrubber, sentence) != sentence) bad = parsed.typed[i];
        }
    }
    if (bad) {
        args.emplace_back("tag", md_escape(*bad));
        say(e, p.room_id, e.text("inbreng.theme_bad", args));
        return false;
    }
    p.tags = std::move(parsed.tags);
    return true;
}

void confirm(Env& e, PendingIntake& p) {
    const auto& cfg = e.s.cfg();
    const config::TeamConfig* team = p.team ? cfg.team_by_name(*p.team) : default_team(cfg, e.ic);
    if (!team) {
        // No team chosen, or the chosen one left the config (reload): ask, keep the intake.
        p.team.reset();
        touch(e, p);
        say(e, p.room_id, e.text("inbreng.need_team", common_args(e)));
        return;
    }
    auto now = e.s.clock.now();
    auto day = local_date(now, cfg.tz);
    FloodCounter flood(e.s.db);
    if (flood.count(day, p.sender) >= e.ic.max_per_day) {
        discard(e, p, "inbreng.flood", "inbreng.flood_start");
        return;
    }
    Inputs inputs(e.s.db);
    std::string code, hash;
    do {
        code = new_withdrawal_code();
        hash = withdrawal_code_hash(*normalise_withdrawal_code(code));
    } while (inputs.code_hash_exists(hash));
    auto week = week_of(now, team->tz);
    inputs.insert(NewInput{team->name, week.week, week.monday_days, p.tags, p.scrubbed, hash});
    flood.add(day, p.sender);
    redact_story(e, p.room_id, p.event_ids);
    finish(e, p);
    say(e, p.room_id, e.text("inbreng.stored", {{"team", md_escape(team->name)}, {"code", code}}));
}

/// A long plain message from a representative, with no intake running: explain `!inbreng`.
void maybe_hint(Env& e, commands::MessageContext& m) {
    if (commands::trim(m.body).size() < kHintMinBytes) return;
    if (!e.ic.allowed(m.event.sender)) return;
    if (!is_intake_room(m.s, m.room, m.event.sender)) return;
    say(e, m.room.room_id, e.text("inbreng.hint_start"));
}

}  // namespace

void sub_intake(commands::CommandContext& c) {
    Env e(c.s, c.fx, c.lang);
    const auto& cfg = c.s.cfg();
    const auto& sender = c.event.sender;
    const auto& room_id = c.room.room_id;
    const std::string& rest = c.cmd.rest;
    if (!e.ic.allowed(sender)) {
        say(e, room_id, e.text("inbreng.not_allowed"));
        return;
    }
    if (!is_intake_room(c.s, c.room, sender)) {
        // Others may read along here, or the bot could not redact the story afterwards: nothing
        // is taken in; the bot opens (or reuses) its own DM with the submitter.
        say(e, room_id, e.text(c.is_dm ? "inbreng.wrong_room_dm" : "inbreng.wrong_room_group"));
        c.fx.dm(sender, e.text("inbreng.dm_opened"), 0, /*purge_after_send=*/true);
        return;
    }
    if (cfg.teams.empty()) {
        say(e, room_id, e.text("inbreng.no_teams"));
        return;
    }
    PendingIntakes pending(c.s.db);
    auto old = pending.by_sender(sender);
    PendingIntake p = old ? *old : PendingIntake{};
    // Story messages of an earlier, unfinished intake in this chat are still on the server:
    // they are redacted when this one ends. In another chat they cannot be reached from here.
    if (p.room_id != room_id) p.event_ids.clear();
    p.sender = sender;
    p.room_id = room_id;

    if (FloodCounter(c.s.db).count(local_date(c.s.clock.now(), cfg.tz), sender) >=
        e.ic.max_per_day) {
        if (!rest.empty()) p.event_ids.push_back(c.event.event_id);
        discard(e, p, "inbreng.flood", "inbreng.flood_start");
        return;
    }
    PendingIntake next = p;
    next.scrubbed.clear();
    next.tags.clear();
    next.team.reset();
    if (const auto* def = default_team(cfg, e.ic)) next.team = def->name;
    if (rest.empty()) {
        next.stage = Stage::Text;
        touch(e, next);
        say(e, room_id, e.text("inbreng.ask_text", common_args(e)));
        return;
    }
    if (!receive_text(e, next, rest, c.event.event_id)) {
        // Not taken (too long or too short), but it may hold client details: it is redacted
        // when the intake ends. An earlier preview stays as it was; without one, the intake
        // goes on step by step.
        PendingIntake keep = old ? p : next;
        track(keep, c.event.event_id);
        touch(e, keep);
        return;
    }
    next.stage = Stage::Confirm;
    touch(e, next);
    show_preview(e, next);
}

void intake_message(commands::MessageContext& m) {
    if (m.team || !m.is_dm) return;
    Env e(m.s, m.fx, m.lang);
    auto p = PendingIntakes(m.s.db).by_sender(m.event.sender);
    if (!p || p->room_id != m.room.room_id) {
        maybe_hint(e, m);
        return;
    }
    const std::string answer = answer_of(m.body);
    if (is_stop(answer)) {
        discard(e, *p, "inbreng.stopped", "inbreng.stopped_empty");
        return;
    }
    const auto& cfg = m.s.cfg();
    switch (p->stage) {
        case Stage::Text: {
            if (!receive_text(e, *p, m.body, m.event.event_id)) {
                track(*p, m.event.event_id);
                touch(e, *p);
                return;
            }
            if (cfg.teams.size() > 1) {
                p->stage = Stage::Team;
                touch(e, *p);
                ask_team(e, *p);
            } else {
                p->stage = Stage::Theme;
                touch(e, *p);
                ask_theme(e, *p);
            }
            return;
        }
        case Stage::Team: {
            if (is_skip(answer) && default_team(cfg, e.ic)) {
                p->team = default_team(cfg, e.ic)->name;
            } else if (const auto* t = match_team(cfg, m.body)) {
                p->team = t->name;
            } else {
                track(*p, m.event.event_id);
                touch(e, *p);
                say(e, p->room_id,
                    e.text(default_team(cfg, e.ic) ? "inbreng.team_unknown"
                                                   : "inbreng.team_unknown_no_default",
                           common_args(e)));
                return;
            }
            p->stage = Stage::Theme;
            touch(e, *p);
            ask_theme(e, *p);
            return;
        }
        case Stage::Theme: {
            if (is_skip(answer)) {
                p->tags.clear();
            } else if (!apply_tags(e, *p, m.body)) {
                track(*p, m.event.event_id);
                touch(e, *p);
                return;
            }
            p->stage = Stage::Confirm;
            touch(e, *p);
            show_preview(e, *p);
            return;
        }
        case Stage::Confirm: {
            if (is_yes(answer)) {
                confirm(e, *p);
                return;
            }
            if (is_no(answer)) {
                discard(e, *p, "inbreng.discarded", "inbreng.discarded_empty");
                return;
            }
            auto [word, value] = first_word(m.body);
            if (word == "team" && !value.empty()) {
                const auto* t = match_team(cfg, value);
                if (!t) {
                    track(*p, m.event.event_id);
                    touch(e, *p);
                    say(e, p->room_id, e.text("inbreng.team_unknown", common_args(e)));
                    return;
                }
                p->team = t->name;
                touch(e, *p);
                show_preview(e, *p);
                return;
            }
            if (one_of(word, {"thema", "themas", "thema's", "theme", "themes"}) && !value.empty()) {
                bool ok = apply_tags(e, *p, value);
                if (!ok) track(*p, m.event.event_id);
                touch(e, *p);
                if (ok) show_preview(e, *p);
                return;
            }
            track(*p, m.event.event_id);
            touch(e, *p);
            say(e, p->room_id, e.text("inbreng.confirm_hint", common_args(e)));
            return;
        }
    }
}

void intake_reaction(commands::ReactionContext& r) {
    if (r.team || !r.is_dm) return;
    if (r.key.rfind("👍", 0) != 0) return;  // also 👍🏽 and friends (skin tones follow)
    auto p = PendingIntakes(r.s.db).by_sender(r.event.sender);
    if (!p || p->room_id != r.room.room_id || p->stage != Stage::Confirm) return;
    Env e(r.s, r.fx, r.lang);
    confirm(e, *p);
}

void intake_expire_job(commands::JobContext& jc) {
    auto id = jc.payload.is_object() ? jc.payload.value("id", std::int64_t{0}) : 0;
    auto p = PendingIntakes(jc.s.db).by_id(id);
    if (!p) return;
    Env e(jc.s, jc.fx, jc.s.cfg().language);
    auto due = p->updated_at + e.ic.confirm_timeout_ms;
    if (due > e.now()) {
        jc.reschedule(due);
        return;
    }
    discard(e, *p, "inbreng.expired", "inbreng.expired_empty");
}

int discard_expired_intakes(commands::Services& s, commands::Effects& fx) {
    Env e(s, fx, s.cfg().language);
    PendingIntakes pending(s.db);
    const auto ids = pending.idle_since(e.now() - e.ic.confirm_timeout_ms);
    for (auto id : ids)
        if (auto p = pending.by_id(id)) discard(e, *p, "inbreng.expired", "inbreng.expired_empty");
    return static_cast<int>(ids.size());
}

}  // namespace dialoog::inbreng
