#include "commands/inbreng/withdrawal.hpp"

#include "commands/inbreng/intake_config.hpp"
#include "commands/inbreng/withdrawal_code.hpp"
#include "storage/inbreng/inputs.hpp"

namespace dialoog::inbreng {

void withdraw_command(commands::CommandContext& c) {
    auto say = [&](std::string_view key, const commands::TextArgs& args = {}) {
        // purge_after_send and no reply relation, as in the intake chat.
        c.fx.notice(c.room.room_id, c.text(key, args), {}, {}, 0, /*purge_after_send=*/true);
    };
    if (c.team || !c.is_dm) {
        // In a shared room the answer would show who sent which input.
        say("inbreng.withdraw_dm_only");
        return;
    }
    std::string typed;
    for (std::size_t i = 1; i < c.cmd.args.size(); ++i) typed += c.cmd.args[i];
    auto code = normalise_withdrawal_code(typed);
    if (!code) {
        say("inbreng.withdraw_usage");
        return;
    }
    if (Inputs(c.s.db).remove_by_code_hash(withdrawal_code_hash(*code))) {
        say("inbreng.withdrawn");
    } else {
        auto ic = read_intake_config(c.s.cfg());
        say("inbreng.withdraw_unknown", {{"days", std::to_string(ic.retention_days)}});
    }
}

}  // namespace dialoog::inbreng
