// In-session commands: !volgende, !pauze, !verder, !les, !actie and !casus afronden.
#include <algorithm>
#include <variant>

#include <nlohmann/json.hpp>

#include "commands/casus/casus_commands.hpp"
#include "commands/casus/plan_args.hpp"
#include "commands/casus/session_ops.hpp"
#include "commands/command_parser.hpp"
#include "common/utf8.hpp"
#include "lib/wanneer/wanneer.hpp"
#include "storage/jobs.hpp"

namespace dialoog::casus {

namespace {

constexpr std::size_t kMaxTextChars = 1000;

std::string id_str(std::int64_t id) {
    return std::to_string(id);
}

/// The running session for an in-session command; answers the user when there is none.
std::optional<Session> running_session(commands::CommandContext& c) {
    auto s = current_session(c);
    if (!s || s->status != "running") {
        c.reply_text("casus.no_running");
        return std::nullopt;
    }
    if (c.event.thread_root() && s->root_event_id == c.event.thread_root())
        note_participant(c.s, *s, c.event.sender);
    return s;
}

}  // namespace

void cmd_volgende(commands::CommandContext& c) {
    auto s = running_session(c);
    if (!s) return;
    if (s->paused_remaining_ms) {
        c.reply_text("casus.paused_first");
        return;
    }
    Scope sc = scope_of(c);
    advance_step(sc, *s);
}

void cmd_pauze(commands::CommandContext& c) {
    auto s = running_session(c);
    if (!s) return;
    Scope sc = scope_of(c);
    if (s->paused_remaining_ms) {
        c.reply_text("casus.already_paused");
        return;
    }
    storage::Jobs jobs(c.s.db);
    const std::string key = job_prefix(s->id) + "step";
    auto job = jobs.get(key);
    if (!job) {  // all steps done: nothing runs
        c.reply_text("casus.nothing_to_pause");
        return;
    }
    s->paused_remaining_ms = std::max<std::int64_t>(0, job->due_at - sc.now);
    jobs.remove(key);
    Sessions(c.s.db).update(*s);
    c.reply_text("casus.paused",
                 {{"remaining", format_minutes((*s->paused_remaining_ms + 59'999) / 60'000, c.lang,
                                               c.s.texts)}});
}

void cmd_verder(commands::CommandContext& c) {
    auto s = running_session(c);
    if (!s) return;
    Scope sc = scope_of(c);
    if (!s->paused_remaining_ms) {
        c.reply_text("casus.not_paused");
        return;
    }
    const std::int64_t due = sc.now + *s->paused_remaining_ms;
    storage::Jobs(c.s.db).upsert("casus.step", job_prefix(s->id) + "step", due,
                                 nlohmann::json{{"id", s->id}}.dump());
    s->paused_remaining_ms.reset();
    Sessions(c.s.db).update(*s);
    c.reply_text("casus.resumed", {{"time", format_clock(due, c.team->tz)}});
}

void cmd_les(commands::CommandContext& c) {
    std::string_view text = commands::trim(c.cmd.rest);
    if (text.empty()) {
        c.reply_text("casus.les_usage");
        return;
    }
    if (utf8_length(text) > kMaxTextChars) {
        c.reply_text("casus.text_too_long", {{"max", std::to_string(kMaxTextChars)}});
        return;
    }
    auto s = running_session(c);
    if (!s) return;
    Sessions repo(c.s.db);
    repo.add_lesson(s->id, text, c.s.now_ms());
    c.reply_text("casus.les_saved",
                 {{"id", id_str(s->id)}, {"n", std::to_string(repo.lessons(s->id).size())}});
}

void cmd_actie(commands::CommandContext& c) {
    Scope sc = scope_of(c);
    auto args = parse_action_args(c.cmd.rest, c.team->tz,
                                  wanneer::UtcMs{std::chrono::milliseconds{sc.now}});
    if (args.text.empty()) {
        c.reply_text("casus.actie_usage");
        return;
    }
    if (utf8_length(args.text) > kMaxTextChars) {
        c.reply_text("casus.text_too_long", {{"max", std::to_string(kMaxTextChars)}});
        return;
    }
    if (args.when_fail) {
        c.reply(when_error_text(c.s.texts, c.lang, *args.when_fail));
        return;
    }
    std::string owner = c.event.sender;
    if (args.owner) {
        auto m = resolve_member(*args.owner, room_members(c));
        if (!m) {
            c.reply_text("casus.not_member", {{"user", commands::md_echo(*args.owner)}});
            return;
        }
        owner = *m;
    }
    auto s = running_session(c);
    if (!s) return;
    Action a;
    a.casus_id = s->id;
    a.text = args.text;
    a.owner = owner;
    a.due_at = args.due_ms ? *args.due_ms
                           : wanneer::default_follow_up(
                                 wanneer::UtcMs{std::chrono::milliseconds{sc.now}}, c.team->tz)
                                 .time_since_epoch()
                                 .count();
    a.created_at = sc.now;
    // Actions belong in the team's shared decision log (besluitenlijst) when it is there.
    if (auto* log = c.s.decision_log()) {
        commands::DecisionDraft d;
        d.team = c.team->name;
        d.description = a.text;
        d.owner = owner;
        d.due_ms = *a.due_at;
        d.source = root_ref(s->id);
        d.created_ms = sc.now;
        a.besluit_id = log->record(c.s, d);
    }
    Sessions(c.s.db).add_action(a);
    std::string md =
        sc.t("casus.actie_saved", {{"owner", user_md(owner)}, {"due", sc.when(*a.due_at)}});
    if (a.besluit_id) md += " " + sc.t("casus.actie_in_log", {{"besluit", id_str(*a.besluit_id)}});
    c.reply(md,
            owner == c.event.sender ? std::vector<std::string>{} : std::vector<std::string>{owner});
}

void sub_afronden(commands::CommandContext& c, std::string_view args) {
    std::optional<Session> s;
    if (auto id = commands::parse_item_id(commands::trim(args))) {
        s = session_of_team(c, *id);
        if (!s) {
            c.reply_text("casus.not_found", {{"id", id_str(*id)}});
            return;
        }
        if (s->status != "running") {
            Scope sc = scope_of(c);
            c.reply_text("casus.not_running",
                         {{"id", id_str(s->id)}, {"status", sc.t("casus.status." + s->status)}});
            return;
        }
        if (c.event.thread_root() && s->root_event_id == c.event.thread_root())
            note_participant(c.s, *s, c.event.sender);
    } else if (!commands::trim(args).empty()) {
        c.reply_text("casus.afronden_usage");
        return;
    } else {
        s = running_session(c);
        if (!s) return;
    }
    Scope sc = scope_of(c);
    close_session(sc, *s);
}

}  // namespace dialoog::casus
