#include "commands/tenzij/nudge_command.hpp"

#include "commands/tenzij/nudger.hpp"
#include "commands/tenzij/tenzij_config.hpp"
#include "storage/tenzij/nudges.hpp"

namespace dialoog::tenzij {

void cmd_nudge(commands::CommandContext& c) {
    const std::string& who = c.event.sender;
    if (c.cmd.args.empty()) {
        c.reply_text(Nudges(c.s.db).opted_out(who) ? "tenzij.nudge_status_off"
                                                   : "tenzij.nudge_status_on");
        return;
    }
    std::string a = c.cmd.args[0];
    for (char& ch : a)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    if (a == "uit" || a == "off") {
        Nudges(c.s.db).set_opt_out(who, true, c.s.now_ms());
        c.reply_text("tenzij.nudge_off");
    } else if (a == "aan" || a == "on") {
        Nudges(c.s.db).set_opt_out(who, false, c.s.now_ms());
        const auto& settings = c.s.cfg().section(kNudgeSection);
        c.reply_text("tenzij.nudge_on",
                     {{"window", window_text(settings.window_ms, c.lang, c.s.texts)}});
    } else {
        c.reply_text("tenzij.nudge_bad_arg", {{"arg", commands::md_echo(c.cmd.args[0])}});
    }
}

}  // namespace dialoog::tenzij
