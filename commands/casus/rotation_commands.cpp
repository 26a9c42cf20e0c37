// !casus ja / nee (answers to a role proposal) and !casus pauze / terug (out of the rotation).
#include <variant>

#include "commands/casus/casus_commands.hpp"
#include "commands/casus/plan_args.hpp"
#include "commands/casus/session_ops.hpp"
#include "commands/command_parser.hpp"
#include "storage/jobs.hpp"

namespace dialoog::casus {

namespace {

std::string id_str(std::int64_t id) {
    return std::to_string(id);
}

/// The session of a ja/nee answer, or an answer to the user explaining why not.
std::optional<Session> answerable(commands::CommandContext& c, std::string_view args,
                                  const char* usage_key) {
    auto id = commands::parse_item_id(commands::trim(args));
    if (!id) {
        c.reply_text(usage_key);
        return std::nullopt;
    }
    auto s = session_of_team(c, *id);
    if (!s) {
        c.reply_text("casus.not_found", {{"id", id_str(*id)}});
        return std::nullopt;
    }
    if (s->status != "planned") {
        c.reply_text("casus.answer_too_late", {{"id", id_str(s->id)}});
        return std::nullopt;
    }
    return s;
}

/// The role `user` holds in `s` (proposed or confirmed), if any.
std::optional<std::string_view> role_of_user(const Session& s, const std::string& user) {
    if (s.inbrenger == user && s.inbrenger_state != "none") return kRolInbrenger;
    if (s.gespreksleider == user && s.gespreksleider_state != "none") return kRolLeider;
    return std::nullopt;
}

}  // namespace

void sub_ja(commands::CommandContext& c, std::string_view args) {
    auto s = answerable(c, args, "casus.ja_usage");
    if (!s) return;
    Scope sc = scope_of(c);
    Sessions repo(c.s.db);
    const std::string& me = c.event.sender;
    auto rol = role_of_user(*s, me);
    if (!rol) {
        // Volunteering for a role nobody holds.
        if (s->inbrenger_state == "none")
            rol = kRolInbrenger;
        else if (s->gespreksleider_state == "none")
            rol = kRolLeider;
        else {
            c.reply_text("casus.no_question", {{"id", id_str(s->id)}});
            return;
        }
    }
    if (role_state(*s, *rol) == "confirmed") {
        c.reply_text("casus.already_confirmed",
                     {{"id", id_str(s->id)}, {"role", sc.t("casus.role." + std::string(*rol))}});
        return;
    }
    repo.answer_proposal(s->id, *rol, me, "ja");
    storage::Jobs(c.s.db).remove(job_prefix(s->id) + "voorstel:" + std::string(*rol));
    role_user(*s, *rol) = me;
    role_state(*s, *rol) = "confirmed";
    repo.update(*s);
    c.reply_text("casus.ja_thanks", {{"id", id_str(s->id)},
                                     {"role", sc.t("casus.role." + std::string(*rol))},
                                     {"title", commands::md_escape(s->title)},
                                     {"when", sc.when(s->start_at)}});
}

void sub_nee(commands::CommandContext& c, std::string_view args) {
    auto s = answerable(c, args, "casus.nee_usage");
    if (!s) return;
    Scope sc = scope_of(c);
    Sessions repo(c.s.db);
    const std::string& me = c.event.sender;
    auto rol = role_of_user(*s, me);
    if (!rol) {
        c.reply_text("casus.no_question", {{"id", id_str(s->id)}});
        return;
    }
    // Record the no (also when a confirmed holder steps back), then ask the next in line.
    bool found = false;
    for (const auto& p : repo.proposals(s->id)) found = found || (p.rol == *rol && p.user_id == me);
    if (found)
        repo.answer_proposal(s->id, *rol, me, "nee");
    else
        repo.add_proposal(Proposal{s->id, std::string(*rol), me, sc.now, sc.now, "nee"});
    storage::Jobs(c.s.db).remove(job_prefix(s->id) + "voorstel:" + std::string(*rol));
    std::vector<std::string> mentions;
    std::string next = propose(sc, *s, *rol, mentions);
    repo.update(*s);
    c.reply(sc.t("casus.nee_noted", {{"id", id_str(s->id)},
                                     {"role", sc.t("casus.role." + std::string(*rol))},
                                     {"next", next}}),
            mentions);
}

void sub_pauze(commands::CommandContext& c, std::string_view args) {
    Scope sc = scope_of(c);
    Sessions repo(c.s.db);
    args = commands::trim(args);
    if (args.empty()) {
        repo.set_pause(c.team->name, c.event.sender, std::nullopt);
        c.reply_text("casus.pause_set");
        return;
    }
    auto words = split_words(args);
    std::string first = words.empty() ? "" : words[0].text;
    for (auto& ch : first) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (first != "tot" && first != "until" && first != "t/m") {
        c.reply_text("casus.pause_usage");
        return;
    }
    std::string_view date_text = commands::trim(args.substr(words[0].end));
    if (date_text.empty()) {
        c.reply_text("casus.pause_usage");
        return;
    }
    wanneer::WanneerOptions opts;
    opts.default_time = std::chrono::minutes{0};  // "tot 1 mei": back from the start of that day
    auto parsed = wanneer::parse_wanneer(date_text, c.team->tz,
                                         wanneer::UtcMs{std::chrono::milliseconds{sc.now}}, opts);
    if (auto* fail = std::get_if<wanneer::WanneerFail>(&parsed)) {
        c.reply(when_error_text(c.s.texts, c.lang, *fail));
        return;
    }
    const std::int64_t until =
        std::get<wanneer::WanneerOk>(parsed).instant.time_since_epoch().count();
    repo.set_pause(c.team->name, c.event.sender, until);
    c.reply_text("casus.pause_until", {{"when", sc.when(until)}});
}

void sub_terug(commands::CommandContext& c, std::string_view) {
    bool had = Sessions(c.s.db).clear_pause(c.team->name, c.event.sender);
    c.reply_text(had ? "casus.pause_cleared" : "casus.pause_none");
}

}  // namespace dialoog::casus
