#include "commands/core/core_feature.hpp"

#include <algorithm>

#include "commands/catalogue.hpp"
#include "commands/context.hpp"
#include "commands/registry.hpp"

namespace dialoog::commands {

std::vector<TextEntry> core_texts();

void CoreFeature::add_texts(Catalogue& c) const {
    c.add(core_texts());
}

namespace {

bool usable_here(const CommandSpec& spec, const CommandContext& c) {
    return spec.listed && refusal(spec, c.role, c.team != nullptr, c.is_dm) == Refusal::None;
}

std::string names_of(const CommandSpec& spec) {
    std::string out = "`!" + spec.name + "`";
    for (const auto& a : spec.aliases) out += ", `!" + a + "`";
    return out;
}

void cmd_hulp(CommandContext& c) {
    const auto& reg = c.s.registry;
    if (!c.cmd.args.empty()) {
        std::string want = c.cmd.args[0];
        if (!want.empty() && (want[0] == '!' || want[0] == '/')) want.erase(0, 1);
        std::transform(want.begin(), want.end(), want.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        const CommandSpec* spec = reg.find(want);
        if (!spec) {
            auto hint = reg.suggest(want, c.lang);
            c.reply_text(hint ? "core.help_unknown_hint" : "core.help_unknown",
                         {{"cmd", "!" + md_echo(want)}, {"hint", hint ? "!" + *hint : ""}});
            return;
        }
        std::string md = c.text("core.help_one", {{"names", names_of(*spec)},
                                                  {"summary", c.text(spec->summary_key)},
                                                  {"usage", c.text(spec->usage_key)},
                                                  {"examples", c.text(spec->examples_key)}});
        if (spec->min_role != Role::Member)
            md += "\n\n" + c.text(spec->min_role == Role::Admin ? "core.help_admin_only"
                                                                : "core.help_leader_only");
        c.reply(md);
        return;
    }
    std::string md = c.text("core.help_title") + "\n\n";
    for (const auto* spec : reg.all()) {
        if (!usable_here(*spec, c)) continue;
        // The first alias is the English name (hulp/help, besluit/decision, casus/case): an
        // English team sees the commands it can type in its own language.
        const std::string& shown =
            c.lang == "en" && !spec->aliases.empty() ? spec->aliases.front() : spec->name;
        md += "- `!" + shown + "` — " + c.text(spec->summary_key) + "\n";
    }
    md += "\n" + c.text(c.team ? "core.help_footer_team"
                               : (c.is_dm ? "core.help_footer_dm" : "core.help_footer_room"));
    c.reply(md);
}

void cmd_ping(CommandContext& c) {
    std::int64_t ms = c.s.now_ms() - c.event.origin_server_ts;
    if (ms < 0) ms = 0;  // clocks of server and bot may differ slightly
    c.reply_text("core.pong", {{"ms", std::to_string(ms)}});
}

}  // namespace

void CoreFeature::add_commands(Registry& r) {
    r.add({.name = "hulp",
           .aliases = {"help"},
           .summary_key = "core.help_summary",
           .usage_key = "core.help_usage",
           .examples_key = "core.help_examples",
           .handler = cmd_hulp});
    r.add({.name = "ping",
           .summary_key = "core.ping_summary",
           .usage_key = "core.ping_usage",
           .examples_key = "core.ping_examples",
           .handler = cmd_ping});
}

}  // namespace dialoog::commands
