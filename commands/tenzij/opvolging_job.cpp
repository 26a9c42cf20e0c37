#include "commands/tenzij/opvolging_job.hpp"

#include <spdlog/spdlog.h>

#include "commands/tenzij/besluit_commands.hpp"
#include "commands/tenzij/besluit_format.hpp"
#include "commands/tenzij/besluit_log.hpp"
#include "storage/tenzij/besluiten.hpp"

namespace dialoog::tenzij {

namespace {
constexpr std::int64_t kSecondReminderAfterMs = 3LL * 24 * 3600 * 1000;
}

void fire_opvolging(commands::JobContext& jc) {
    const std::int64_t id = jc.payload.value("besluit", std::int64_t{0});
    const int stage = jc.payload.value("stage", 1);
    auto b = Besluiten(jc.s.db).get(id);
    if (!b || b->status != "open") return;  // closed meanwhile: nothing to remind
    const config::TeamConfig* team = jc.s.cfg().team_by_name(b->team);
    if (!team) {
        spdlog::warn("besluit #{}: its team is no longer in the config; reminder dropped", id);
        return;
    }
    const std::int64_t now = jc.s.now_ms();
    if (stage >= 2 &&
        Besluiten(jc.s.db).has_opvolging_since(id, b->last_reminded_ms.value_or(b->due_ms)))
        return;  // followed up after the first reminder
    const std::string& lang = team->language.empty() ? jc.s.cfg().language : team->language;
    auto args =
        besluit_args(*b, team_zone(team, jc.s.cfg()), lang, jc.s.texts, "tenzij.tenzij_line");
    std::string md =
        jc.s.texts.get(lang, stage >= 2 ? "tenzij.reminder_again" : "tenzij.reminder", args);
    jc.fx.notice(team->room, md, {}, {b->owner});
    Besluiten(jc.s.db).mark_reminded(id, now);
    if (stage < 2) {
        jc.payload["stage"] = 2;
        jc.reschedule(now + kSecondReminderAfterMs);
    }
}

}  // namespace dialoog::tenzij
