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
    if (!spec.listed) return false;
    if (static_cast<int>(c.role) < static_cast<int>(spec.min_role)) return false;
    if (spec.where == Where::TeamRoom && !c.team) return false;
    if (spec.where == Where::Dm && !c.is_dm) return false;
    return true;
}

std::string names_of(const CommandSpec& spec) {
    std::string out = "`!" + spec.name + "`";
    for (const auto& a : spec.aliases) out += ", `!" + a + "`";
    return out;
}

void help(CommandContext& c) {
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

void ping(CommandContext& c) {
    std::int64_t ms = c.s.now_ms() - c.event.origin_server_ts;
    if (ms < 0) ms = 0;  // clocks of server and bot may differ slightly
    c.reply_text("core.pong", {{"ms", std::to_string(ms)}});
}

}  // namespace

void CoreFeature::add_commands(Registry& r) {
    r.add(CommandSpec{"hulp",
                      {"help"},
                      "core",
                      Role::Member,
                      Where::Anywhere,
                      "core.help_summary",
                      "core.help_usage",
                      "core.help_examples",
                      true,
                      help});
    r.add(CommandSpec{"ping",
                      {},
                      "core",
                      Role::Member,
                      Where::Anywhere,
                      "core.ping_summary",
                      "core.ping_usage",
                      "core.ping_examples",
                      true,
                      ping});
}

}  // namespace dialoog::commands
