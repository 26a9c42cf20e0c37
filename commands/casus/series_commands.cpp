// !casus reeks: recurring case discussions in the team's local time.
#include <variant>

#include "commands/casus/casus_commands.hpp"
#include "commands/casus/plan_args.hpp"
#include "commands/casus/series_ops.hpp"
#include "commands/casus/session_ops.hpp"
#include "commands/command_parser.hpp"
#include "storage/casus/series.hpp"

namespace dialoog::casus {

namespace {

std::string id_str(std::int64_t id) {
    return std::to_string(id);
}

void list_series(commands::CommandContext& c, Scope& sc) {
    auto all = SeriesStore(c.s.db).active(c.team->name);
    if (all.empty()) {
        c.reply_text("casus.reeks_list_empty");
        return;
    }
    std::string md = sc.t("casus.reeks_list_title") + "\n";
    Sessions repo(c.s.db);
    for (const auto& r : all) {
        std::string next;
        if (auto s = repo.planned_of_reeks(r.id))
            next = sc.t("casus.reeks_list_next",
                        {{"id", id_str(s->id)}, {"when", sc.when(s->start_at)}});
        md += "\n- " +
              sc.t("casus.reeks_list_item",
                   {{"reeks", id_str(r.id)},
                    {"rule", format_rule(rule_of(r), sc.lang, c.s.texts)},
                    {"title",
                     commands::md_escape(r.title.empty() ? sc.t("casus.default_title") : r.title)},
                    {"method", sc.method_title(sc.method(r.method))},
                    {"next", next}});
    }
    c.reply(md);
}

void stop_series(commands::CommandContext& c, Scope& sc, std::string_view args) {
    auto id = commands::parse_item_id(commands::trim(args));
    if (!id) {
        c.reply_text("casus.reeks_stop_usage");
        return;
    }
    SeriesStore store(c.s.db);
    auto r = store.get(*id);
    if (!r || r->team != c.team->name || !r->active) {
        c.reply_text("casus.reeks_not_found", {{"reeks", id_str(*id)}});
        return;
    }
    if (r->source == "yaml") {
        c.reply_text("casus.reeks_is_yaml", {{"reeks", id_str(*id)}});
        return;
    }
    // As for moving or cancelling one session: whoever started the series, or a leader.
    if (static_cast<int>(c.role) < static_cast<int>(commands::Role::Leader) &&
        c.event.sender != r->created_by) {
        c.reply_text("casus.reeks_stop_not_allowed", {{"reeks", id_str(r->id)}});
        return;
    }
    store.set_active(r->id, false);
    std::string md = sc.t("casus.reeks_stopped", {{"reeks", id_str(r->id)}});
    if (auto s = Sessions(c.s.db).planned_of_reeks(r->id))
        md += " " + sc.t("casus.reeks_stopped_planned", {{"id", id_str(s->id)}});
    c.reply(md);
}

}  // namespace

void sub_reeks(commands::CommandContext& c, std::string_view args) {
    Scope sc = scope_of(c);
    args = commands::trim(args);
    if (args.empty()) {
        list_series(c, sc);
        return;
    }
    auto words = split_words(args);
    std::string first = words[0].text;
    for (auto& ch : first) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (first == "stop" || first == "stoppen") {
        stop_series(c, sc, args.substr(words[0].end));
        return;
    }
    if (first == "lijst" || first == "list") {
        list_series(c, sc);
        return;
    }
    auto split = split_rule_prefix(args, words, {});
    if (auto* fail = std::get_if<wanneer::RuleFail>(&split.rule)) {
        c.reply_text("casus.rule." + std::string(wanneer::rule_error_name(fail->code)),
                     {{"fragment", commands::md_echo(fail->fragment)}});
        return;
    }
    const auto rule = std::get<wanneer::WeeklyRule>(split.rule);
    const auto anchor = first_week(rule, c.team->tz, sc.now);
    auto opt = parse_plan_options(split.rest, sc.methods);
    if (auto* f = std::get_if<OptionFail>(&opt)) {
        if (f->code == OptionError::UnknownMethod) {
            std::string list;
            for (const auto& m : sc.methods) list += (list.empty() ? "`" : ", `") + m.id + "`";
            c.reply_text("casus.opt.unknown_method",
                         {{"name", commands::md_echo(f->fragment)}, {"methods", list}});
        } else {
            c.reply_text("casus.reeks_usage");
        }
        return;
    }
    auto& o = std::get<PlanOptions>(opt);
    if (o.inbrenger || o.gespreksleider || !o.inbreng.empty()) {
        c.reply_text("casus.reeks_no_roles");
        return;
    }
    if (o.title.size() > 200) {
        c.reply_text("casus.title_too_long", {{"max", "200"}});
        return;
    }
    Reeks r;
    r.team = c.team->name;
    r.room_id = c.room.room_id;
    r.weekday = static_cast<int>(rule.weekday.c_encoding());
    r.minute_of_day = static_cast<int>(rule.time_of_day.count());
    r.every_weeks = static_cast<int>(rule.every_weeks);
    r.anchor_year = anchor.year;
    r.anchor_week = static_cast<int>(anchor.week);
    r.method = o.method ? *o.method : sc.method(casus_method_default(*c.team)).id;
    r.title = o.title.empty() ? sc.t("casus.default_title") : o.title;
    r.source = "chat";
    r.created_by = c.event.sender;
    r.created_at = sc.now;
    r.id = SeriesStore(c.s.db).insert(r);
    c.reply_text("casus.reeks_created", {{"reeks", id_str(r.id)},
                                         {"rule", format_rule(rule, sc.lang, c.s.texts)},
                                         {"title", commands::md_escape(r.title)}});
    // The first session is announced in the room (with its role proposals).
    plan_next_of_series(sc, r.id, sc.now);
}

}  // namespace dialoog::casus
