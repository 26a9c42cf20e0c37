#include "commands/digest/overzicht_command.hpp"

#include <algorithm>
#include <cctype>

#include "commands/digest/compose.hpp"
#include "commands/digest/digest_config.hpp"
#include "commands/digest/export_csv.hpp"

namespace dialoog::digest {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool one_of(const std::string& w, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

void send_export(commands::CommandContext& c, const LeaderSchedule& ls, IsoWeek current) {
    std::string period;
    for (std::size_t i = 1; i < c.cmd.args.size(); ++i)
        period += (period.empty() ? "" : " ") + c.cmd.args[i];
    auto p = parse_export_period(period, current);
    if (!p) {
        c.reply_text("digest.export_bad_period", {{"period", commands::md_echo(period)}});
        return;
    }
    const std::string label = quarter_label(p->quarter, ls.lang);
    const std::string file = export_filename(label, ls.lang);
    c.reply_text("digest.export_title", {{"period", label},
                                         {"weeks", std::to_string(p->weeks.size())},
                                         {"teams", std::to_string(ls.teams.size())},
                                         {"file", file}});
    // A UTF-8 byte order mark, so spreadsheet programs read "ë" and "„" correctly.
    c.reply_file(file, "text/csv; charset=utf-8",
                 "\xEF\xBB\xBF" + digest_export_csv(c.s, ls.leader, period));
}

}  // namespace

void cmd_overzicht(commands::CommandContext& c) {
    auto ls = leader_schedule(c.s.cfg(), c.event.sender);
    if (!ls) {
        c.reply_text("digest.leaders_only");
        return;
    }
    c.lang = ls->lang;
    const IsoWeek current = wanneer::iso_week_of(c.s.clock.now(), ls->tz);
    std::string arg = c.cmd.args.empty() ? "" : lower(c.cmd.args[0]);

    if (one_of(arg, {"export", "csv", "exporteer"})) {
        send_export(c, *ls, current);
        return;
    }
    if (c.cmd.args.size() > 1) {
        c.reply_text("digest.bad_args", {{"arg", commands::md_echo(c.cmd.rest)}});
        return;
    }
    IsoWeek week = current;
    if (arg.empty() || one_of(arg, {"deze", "nu", "this", "now"})) {
        week = current;
    } else if (one_of(arg, {"vorige", "vorig", "previous", "last"})) {
        week = previous_week(current);
    } else if (auto w = wanneer::parse_iso_week(arg)) {
        if (*w > current) {
            c.reply_text("digest.future_week", {{"week", wanneer::format_iso_week(*w)}});
            return;
        }
        week = *w;
    } else {
        c.reply_text("digest.bad_args", {{"arg", commands::md_echo(c.cmd.rest)}});
        return;
    }
    c.reply(
        compose_digest(c.s, *ls, week, week == current ? DigestKind::SoFar : DigestKind::Weekly));
}

}  // namespace dialoog::digest
