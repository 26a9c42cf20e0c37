#include "commands/inbreng/housekeeping.hpp"

#include <spdlog/spdlog.h>

#include "commands/inbreng/intake_config.hpp"
#include "commands/inbreng/intake_flow.hpp"
#include "commands/inbreng/local_calendar.hpp"
#include "storage/inbreng/flood_counter.hpp"
#include "storage/inbreng/inputs.hpp"
#include "storage/jobs.hpp"

namespace dialoog::inbreng {

namespace {
constexpr int kHousekeepingHour = 3;
}

void ensure_daily_job(commands::Services& s) {
    storage::Jobs jobs(s.db);
    if (jobs.get(kDailyJobKey)) return;
    jobs.upsert(kDailyJobKind, kDailyJobKey,
                to_epoch_ms(next_local_hour(s.clock.now(), s.cfg().tz, kHousekeepingHour)));
}

void daily_housekeeping_job(commands::JobContext& jc) {
    auto& s = jc.s;
    const auto& cfg = s.cfg();
    auto now = s.clock.now();
    const auto& ic = cfg.section(kIntakeSection);
    int purged = Inputs(s.db).purge_older_than(local_days(now, cfg.tz), ic.retention_days);
    FloodCounter(s.db).rotate(local_date(now, cfg.tz));
    int expired = discard_expired_intakes(s, jc.fx);
    // Counts only: never a text, a sender or a room.
    if (purged > 0 || expired > 0)
        spdlog::info("inbreng: {} input(s) past retention deleted, {} stale intake(s) discarded",
                     purged, expired);
    jc.reschedule(to_epoch_ms(next_local_hour(now, cfg.tz, kHousekeepingHour)));
}

}  // namespace dialoog::inbreng
