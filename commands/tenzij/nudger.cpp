#include "commands/tenzij/nudger.hpp"

#include <algorithm>

#include "commands/tenzij/vragen.hpp"
#include "storage/tenzij/nudges.hpp"

namespace dialoog::tenzij {

namespace {

bool eligible(const config::TeamConfig& team, const std::string& sender) {
    if (team.nudge_all_members) return true;
    return std::find(team.leaders.begin(), team.leaders.end(), sender) != team.leaders.end();
}

}  // namespace

bool maybe_nudge(commands::MessageContext& m, const NudgeDetector& detector,
                 const NudgeSettings& settings) {
    if (!m.team || m.is_dm) return false;
    const std::string& sender = m.event.sender;
    if (sender == m.s.cfg().bot.user_id) return false;  // the core filters these; be sure
    if (!eligible(*m.team, sender)) return false;
    auto& db = m.s.db;
    const std::int64_t now = m.s.now_ms();
    // Cheap checks before the detector.
    if (Nudges(db).opted_out(sender)) return false;
    if (Nudges(db).nudged_since(m.room.room_id, sender, now - settings.window_ms + 1)) return false;
    auto match = detector.detect(m.body);
    if (!match) return false;

    // Thread on the message; if it already sits in a thread, stay in that thread (a thread
    // cannot branch off an event that is itself in a thread).
    std::string root = m.event.thread_root().value_or(m.event.event_id);
    std::int64_t n = Nudges(db).count(m.team->name);
    NewNudge row{m.team->name, m.room.room_id,    sender, m.event.event_id,
                 root,         match->pattern_id, now};
    if (!Nudges(db).insert(row)) return false;  // this event was nudged already

    matrix::Relation rel;
    rel.thread_root = root;
    rel.in_reply_to = m.event.event_id;
    rel.is_falling_back = false;
    std::string md = m.text("tenzij.nudge", {{"questions", questions_md(n, m.lang, m.s.texts)}});
    m.fx.notice(m.room.room_id, md, rel);
    return true;
}

std::string window_text(std::int64_t window_ms, const std::string& lang,
                        const commands::Catalogue& texts) {
    constexpr std::int64_t kHour = 3'600'000;
    if (window_ms % kHour == 0)
        return texts.get(lang, "tenzij.hours", {{"n", std::to_string(window_ms / kHour)}});
    return texts.get(lang, "tenzij.minutes",
                     {{"n", std::to_string(std::max<std::int64_t>(1, window_ms / 60'000))}});
}

}  // namespace dialoog::tenzij
