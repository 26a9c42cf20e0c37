#pragma once
// Intake of client input in a private chat: `!inbreng <tekst>` or the short
// dialogue that `!inbreng` starts (text, team, theme), the preview of exactly what would be
// stored, and the end of every intake: stored on "ja"/👍, discarded on "nee", "stop" or expiry.
// Whatever the end, the pending row is deleted and the submitter's story messages are redacted.

#include <string_view>

#include "commands/context.hpp"

namespace dialoog::inbreng {

/// Job kind and key prefix of a pending intake's expiry.
inline constexpr std::string_view kExpireJobKind = "inbreng.expire";

/// `!inbreng [tekst]` outside team rooms (the feature routes team rooms and `intrekken`).
void sub_intake(commands::CommandContext& c);
/// A plain message: an answer in a running dialogue. Other messages are left alone.
void intake_message(commands::MessageContext& m);
/// A 👍 on the preview (any event of that chat) confirms.
void intake_reaction(commands::ReactionContext& r);
/// The expiry job of one pending intake.
void intake_expire_job(commands::JobContext& jc);
/// Discards every pending intake whose timeout has passed (the daily sweep; normally the
/// per-intake job has done it already). Returns how many.
int discard_expired_intakes(commands::Services& s, commands::Effects& fx);

}  // namespace dialoog::inbreng
