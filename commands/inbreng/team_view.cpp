#include "commands/inbreng/team_view.hpp"

#include "commands/catalogue.hpp"
#include "commands/inbreng/md_quote.hpp"
#include "commands/inbreng/themes.hpp"
#include "storage/inbreng/inputs.hpp"

namespace dialoog::inbreng {

using commands::md_escape;

namespace {

std::string tag_list(const Input& in, const commands::CommandContext& c) {
    if (in.tags.empty()) return c.text("inbreng.theme_none");
    std::string out;
    for (const auto& t : in.tags) out += (out.empty() ? "`" : ", `") + t + "`";
    return out;
}

void list(commands::CommandContext& c) {
    const auto& team = c.team->name;
    std::optional<std::string> tag;
    if (c.cmd.args.size() > 1) {
        tag = normalise_tag(c.cmd.args[1]);
        if (!tag) {
            c.reply_text("inbreng.list_theme_unknown",
                         {{"theme", commands::md_echo(c.cmd.args[1])}});
            return;
        }
    }
    auto inputs = Inputs(c.s.db).recent(team, kListLimit,
                                        tag ? std::optional<std::string_view>(*tag) : std::nullopt);
    commands::TextArgs args = {{"team", md_escape(team)}, {"theme", tag ? *tag : ""}};
    if (inputs.empty()) {
        c.reply_text(tag ? "inbreng.list_empty_theme" : "inbreng.list_empty", args);
        return;
    }
    std::string md = c.text(tag ? "inbreng.list_title_theme" : "inbreng.list_title", args) + "\n\n";
    for (const auto& in : inputs) {
        md += "**#" + std::to_string(in.id) + "** · " + in.week + " · " + tag_list(in, c) + "\n\n";
        md += md_quote(shorten(in.text, kListTextBytes)) + "\n\n";
    }
    md += c.text("inbreng.list_footer");
    c.reply(md);
}

void show(commands::CommandContext& c, std::int64_t id) {
    auto in = Inputs(c.s.db).get(id, c.team->name);
    if (!in) {
        // The same answer whether the input belongs to another team or does not exist.
        c.reply_text("inbreng.not_found", {{"id", std::to_string(id)}});
        return;
    }
    c.reply(c.text("inbreng.show", {{"id", std::to_string(in->id)},
                                    {"week", in->week},
                                    {"tags", tag_list(*in, c)},
                                    {"text", md_quote(in->text)}}));
}

}  // namespace

void sub_team_view(commands::CommandContext& c) {
    std::string sub = c.cmd.args.empty() ? "" : c.cmd.args[0];
    for (auto& ch : sub)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    if (sub == "lijst" || sub == "list") {
        list(c);
        return;
    }
    if (c.cmd.args.size() == 1) {
        if (auto id = commands::parse_item_id(c.cmd.args[0])) {
            show(c, *id);
            return;
        }
    }
    if (c.cmd.rest.empty()) {
        c.reply_text("inbreng.team_usage");
        return;
    }
    // A story typed in the team room: everyone here reads along. Store nothing.
    c.reply_text("inbreng.team_room_refused");
}

}  // namespace dialoog::inbreng
