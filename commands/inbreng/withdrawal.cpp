#include "commands/inbreng/withdrawal.hpp"

#include "commands/inbreng/intake_config.hpp"
#include "commands/inbreng/withdrawal_code.hpp"
#include "storage/inbreng/inputs.hpp"

namespace dialoog::inbreng {

void sub_intrekken(commands::CommandContext& c) {
    auto say = [&](std::string_view key, const commands::TextArgs& args = {}) {
        // purge_after_send and no reply relation, as in the intake chat.
        c.fx.notice(c.room.room_id, c.text(key, args), {}, {}, 0, /*purge_after_send=*/true);
    };
    std::string typed;
    for (std::size_t i = 1; i < c.cmd.args.size(); ++i) typed += c.cmd.args[i];
    auto code = normalise_withdrawal_code(typed);
    if (c.team || !c.is_dm) {
        // In a shared room the answer would show who sent which input, and the code is now
        // readable by everyone there: anyone could withdraw the story with it (found by a
        // newcomer's probe). A valid code is therefore used up at once, as its owner asked;
        // the message is redacted, the room hears only that codes belong in a private chat,
        // and the outcome goes to the sender's own DM.
        if (!code) {
            say("inbreng.withdraw_dm_only");
            return;
        }
        c.fx.redact(c.room.room_id, c.event.event_id, c.text("inbreng.redact_reason"));
        say("inbreng.withdraw_code_exposed");
        if (Inputs(c.s.db).remove_by_code_hash(withdrawal_code_hash(*code)))
            c.fx.dm(c.event.sender, c.text("inbreng.withdrawn_exposed"), 0,
                    /*purge_after_send=*/true);
        return;
    }
    if (!code) {
        say("inbreng.withdraw_usage");
        return;
    }
    if (Inputs(c.s.db).remove_by_code_hash(withdrawal_code_hash(*code))) {
        say("inbreng.withdrawn");
    } else {
        const auto& ic = c.s.cfg().section(kIntakeSection);
        say("inbreng.withdraw_unknown", {{"days", std::to_string(ic.retention_days)}});
    }
}

}  // namespace dialoog::inbreng
