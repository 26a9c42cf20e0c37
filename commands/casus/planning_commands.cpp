// !casus plan, lijst, info, verzet, annuleer and !methodes.
#include <algorithm>
#include <variant>

#include "commands/casus/casus_commands.hpp"
#include "commands/casus/casus_config.hpp"
#include "commands/casus/plan_args.hpp"
#include "commands/casus/session_ops.hpp"
#include "commands/command_parser.hpp"
#include "common/utf8.hpp"
#include "storage/casus/series.hpp"

namespace dialoog::casus {

namespace {

constexpr std::size_t kMaxTitleChars = 200;

std::string id_str(std::int64_t id) {
    return std::to_string(id);
}

/// True when stored client stories are there (a feature offers them) and `team` has no story
/// `id`. Without that feature the ids are kept as given.
bool unknown_inbreng(commands::Services& s, const std::string& team, std::int64_t id) {
    auto* voices = s.client_voices();
    return voices && !voices->story_text(s, id, team);
}

std::string method_list(const Scope& sc) {
    std::string out;
    for (const auto& m : sc.methods) out += (out.empty() ? "`" : ", `") + m.id + "`";
    return out;
}

void reply_option_fail(commands::CommandContext& c, const Scope& sc, const OptionFail& f) {
    switch (f.code) {
        case OptionError::MissingValue:
            c.reply_text("casus.opt.missing_value", {{"option", commands::md_echo(f.fragment)}});
            return;
        case OptionError::UnknownMethod:
            c.reply_text("casus.opt.unknown_method",
                         {{"name", commands::md_echo(f.fragment)}, {"methods", method_list(sc)}});
            return;
        case OptionError::NotAUser:
            c.reply_text("casus.opt.not_a_user", {{"value", commands::md_echo(f.fragment)}});
            return;
    }
}

}  // namespace

void sub_plan(commands::CommandContext& c, std::string_view args) {
    Scope sc = scope_of(c);
    if (args.empty()) {
        c.reply_text("casus.plan_usage");
        return;
    }
    const auto now = wanneer::UtcMs{std::chrono::milliseconds{sc.now}};
    auto parsed = wanneer::parse_wanneer_prefix(args, c.team->tz, now);
    if (auto* fail = std::get_if<wanneer::WanneerFail>(&parsed)) {
        c.reply(when_error_text(c.s.texts, c.lang, *fail));
        return;
    }
    const auto& when = std::get<wanneer::WanneerOk>(parsed);
    const std::int64_t start = when.instant.time_since_epoch().count();
    auto opt = parse_plan_options(wanneer::rest_after(args, when.consumed_bytes), sc.methods);
    if (auto* f = std::get_if<OptionFail>(&opt)) {
        reply_option_fail(c, sc, *f);
        return;
    }
    auto& o = std::get<PlanOptions>(opt);
    if (o.title.empty()) {
        c.reply_text("casus.plan_no_title", {{"when", sc.when(start)}});
        return;
    }
    if (utf8_length(o.title) > kMaxTitleChars) {
        c.reply_text("casus.title_too_long", {{"max", std::to_string(kMaxTitleChars)}});
        return;
    }
    const auto members = room_members(c);
    std::optional<std::string> inbrenger, leider;
    for (auto [token, out] : {std::pair{&o.inbrenger, &inbrenger}, {&o.gespreksleider, &leider}}) {
        if (!*token) continue;
        if (**token == c.s.cfg().bot.user_id) {
            c.reply_text("casus.not_the_bot");
            return;
        }
        *out = resolve_member(**token, members);
        if (!*out) {
            c.reply_text("casus.not_member", {{"user", commands::md_echo(**token)}});
            return;
        }
    }
    if (inbrenger && leider && *inbrenger == *leider) {
        c.reply_text("casus.same_person", {{"user", user_md(*inbrenger)}});
        return;
    }
    for (auto id : o.inbreng) {
        if (unknown_inbreng(c.s, c.team->name, id)) {
            c.reply_text("casus.inbreng_unknown", {{"id", id_str(id)}});
            return;
        }
    }
    // Everything is valid: store.
    Session s;
    s.team = c.team->name;
    s.room_id = c.room.room_id;
    s.title = o.title;
    s.method = o.method ? *o.method : sc.method(c.team->section(kCasusSection).method).id;
    s.start_at = start;
    s.created_by = c.event.sender;
    s.created_at = sc.now;
    Sessions repo(c.s.db);
    s.id = repo.insert(s);
    for (auto id : o.inbreng) repo.link_inbreng(s.id, id);
    std::vector<std::string> mentions;
    std::string lines;
    const bool leader = static_cast<int>(c.role) >= static_cast<int>(commands::Role::Leader);
    for (auto [rol, named] : {std::pair{kRolInbrenger, &inbrenger}, {kRolLeider, &leider}}) {
        if (*named && (leader || **named == c.event.sender)) {
            role_user(s, rol) = **named;
            role_state(s, rol) = "confirmed";
        }
    }
    for (auto [rol, named] : {std::pair{kRolInbrenger, &inbrenger}, {kRolLeider, &leider}}) {
        if (role_state(s, rol) == "confirmed") continue;
        std::string line =
            *named ? propose_user(sc, s, rol, **named, mentions) : propose(sc, s, rol, mentions);
        lines += (lines.empty() ? "" : "\n") + line;
    }
    repo.update(s);
    schedule_session(sc, s);
    std::string md = sc.t("casus.planned", {{"id", id_str(s.id)},
                                            {"title", commands::md_escape(s.title)},
                                            {"when", sc.when(s.start_at)},
                                            {"roles", roles_line(sc, s)}});
    if (!o.inbreng.empty()) {
        std::string ids;
        for (auto i : o.inbreng) ids += (ids.empty() ? "#" : ", #") + id_str(i);
        md += "\n\n" + sc.t("casus.root_inbreng", {{"ids", ids}});
    }
    if (!lines.empty()) md += "\n\n" + lines;
    c.reply(md, mentions);
}

void sub_lijst(commands::CommandContext& c, std::string_view) {
    Scope sc = scope_of(c);
    auto list = Sessions(c.s.db).upcoming(c.team->name);
    if (list.empty()) {
        c.reply_text("casus.list_empty");
        return;
    }
    std::string md = sc.t("casus.list_title") + "\n";
    for (const auto& s : list) {
        md += "\n- " + sc.t("casus.list_item", {{"id", id_str(s.id)},
                                                {"when", sc.when(s.start_at)},
                                                {"title", commands::md_escape(s.title)},
                                                {"method", sc.method_title(sc.method(s.method))}});
        if (s.status == "running") md += " " + sc.t("casus.list_running");
    }
    // The list shows the first sessions only; say how many more there are.
    const auto total = Sessions(c.s.db).count_upcoming(c.team->name);
    if (total > static_cast<std::int64_t>(list.size()))
        md +=
            "\n\n" + sc.t("casus.list_more",
                          {{"n", std::to_string(total - static_cast<std::int64_t>(list.size()))}});
    c.reply(md);
}

void sub_info(commands::CommandContext& c, std::string_view args) {
    Scope sc = scope_of(c);
    auto id = commands::parse_item_id(commands::trim(args));
    if (!id) {
        c.reply_text("casus.info_usage");
        return;
    }
    auto s = session_of_team(c, *id);
    if (!s) {
        c.reply_text("casus.not_found", {{"id", id_str(*id)}});
        return;
    }
    Sessions repo(c.s.db);
    std::string md = sc.t("casus.info", {{"id", id_str(s->id)},
                                         {"title", commands::md_escape(s->title)},
                                         {"when", sc.when(s->start_at)},
                                         {"status", sc.t("casus.status." + s->status)},
                                         {"roles", roles_line(sc, *s)}});
    auto linked = repo.linked_inbreng(s->id);
    if (!linked.empty()) {
        std::string ids;
        for (auto i : linked) ids += (ids.empty() ? "#" : ", #") + id_str(i);
        md += "\n\n" + sc.t("casus.root_inbreng", {{"ids", ids}});
    }
    if (s->reeks_id) md += "\n\n" + sc.t("casus.info_reeks", {{"reeks", id_str(*s->reeks_id)}});
    if (s->status == "running") {
        const int total = static_cast<int>(sc.method(s->method).steps.size());
        md += "\n\n" +
              sc.t("casus.info_step", {{"n", std::to_string(std::min(s->current_step, total))},
                                       {"total", std::to_string(total)}});
    }
    if (s->status == "done" && s->summary) md += "\n\n---\n\n" + *s->summary;
    c.reply(md);
}

void sub_verzet(commands::CommandContext& c, std::string_view args) {
    Scope sc = scope_of(c);
    auto words = split_words(args);
    auto id = words.empty() ? std::nullopt : commands::parse_item_id(words[0].text);
    std::string_view when_text =
        words.empty() ? std::string_view{} : commands::trim(args.substr(words[0].end));
    if (!id || when_text.empty()) {
        c.reply_text("casus.verzet_usage");
        return;
    }
    auto s = session_of_team(c, *id);
    if (!s) {
        c.reply_text("casus.not_found", {{"id", id_str(*id)}});
        return;
    }
    if (s->status != "planned" && s->status != "missed") {
        c.reply_text("casus.cannot_move",
                     {{"id", id_str(s->id)}, {"status", sc.t("casus.status." + s->status)}});
        return;
    }
    if (!may_change(c, *s)) {
        c.reply_text("casus.not_allowed", {{"id", id_str(s->id)}});
        return;
    }
    auto parsed = wanneer::parse_wanneer(when_text, c.team->tz,
                                         wanneer::UtcMs{std::chrono::milliseconds{sc.now}});
    if (auto* fail = std::get_if<wanneer::WanneerFail>(&parsed)) {
        c.reply(when_error_text(c.s.texts, c.lang, *fail));
        return;
    }
    s->start_at = std::get<wanneer::WanneerOk>(parsed).instant.time_since_epoch().count();
    s->status = "planned";
    Sessions(c.s.db).update(*s);
    schedule_session(sc, *s);
    c.reply_text("casus.moved", {{"id", id_str(s->id)},
                                 {"title", commands::md_escape(s->title)},
                                 {"when", sc.when(s->start_at)}});
}

void sub_annuleer(commands::CommandContext& c, std::string_view args) {
    Scope sc = scope_of(c);
    auto id = commands::parse_item_id(commands::trim(args));
    if (!id) {
        c.reply_text("casus.annuleer_usage");
        return;
    }
    auto s = session_of_team(c, *id);
    if (!s) {
        c.reply_text("casus.not_found", {{"id", id_str(*id)}});
        return;
    }
    if (s->status != "planned" && s->status != "running") {
        c.reply_text("casus.cannot_cancel",
                     {{"id", id_str(s->id)}, {"status", sc.t("casus.status." + s->status)}});
        return;
    }
    if (!may_change(c, *s)) {
        c.reply_text("casus.not_allowed", {{"id", id_str(s->id)}});
        return;
    }
    Sessions repo(c.s.db);
    s->status = "cancelled";
    s->paused_remaining_ms.reset();
    repo.update(*s);
    repo.forget_participants(s->id);
    unschedule_session(c.s, s->id);
    c.reply_text("casus.cancelled",
                 {{"id", id_str(s->id)}, {"title", commands::md_escape(s->title)}});
    if (s->reeks_id) plan_next_of_series(sc, *s->reeks_id, s->start_at);
}

void cmd_methodes(commands::CommandContext& c) {
    show_methods(c, c.cmd.rest);
}

void show_methods(commands::CommandContext& c, std::string_view name) {
    Scope sc = scope_of(c);
    name = commands::trim(name);
    if (!name.empty()) {
        const Method* m = find_method(sc.methods, name);
        if (!m) {
            c.reply_text("casus.opt.unknown_method",
                         {{"name", commands::md_escape(name)}, {"methods", method_list(sc)}});
            return;
        }
        std::string md = sc.t("casus.method_title",
                              {{"title", sc.method_title(*m)},
                               {"id", m->id},
                               {"duration", format_minutes(m->total_minutes(), sc.lang, c.s.texts)},
                               {"description", resolve(m->description, sc.lang, c.s.texts)}}) +
                         "\n";
        int n = 0;
        for (const auto& st : m->steps)
            md += "\n" + std::to_string(++n) + ". " +
                  sc.t("casus.method_step",
                       {{"name", resolve(st.name, sc.lang, c.s.texts)},
                        {"duration", format_minutes(st.minutes, sc.lang, c.s.texts)}});
        c.reply(md);
        return;
    }
    std::string md = sc.t("casus.methods_title") + "\n";
    for (const auto& m : sc.methods)
        md += "\n- " + sc.t("casus.methods_item",
                            {{"title", sc.method_title(m)},
                             {"id", m.id},
                             {"duration", format_minutes(m.total_minutes(), sc.lang, c.s.texts)},
                             {"description", resolve(m.description, sc.lang, c.s.texts)}});
    md += "\n\n" + sc.t("casus.methods_footer");
    c.reply(md);
}

}  // namespace dialoog::casus
