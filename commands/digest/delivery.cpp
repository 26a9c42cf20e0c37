#include "commands/digest/delivery.hpp"

#include <algorithm>
#include <set>

#include "commands/digest/compose.hpp"
#include "commands/digest/digest_config.hpp"
#include "commands/digest/digest_weeks.hpp"
#include "storage/digest/digest_jobs.hpp"
#include "storage/digest/sent_log.hpp"
#include "storage/jobs.hpp"

namespace dialoog::digest {

namespace {

using nlohmann::json;

constexpr std::int64_t kKeepSentMs = 400LL * 24 * 3600 * 1000;

// What a job was planned from; a difference means the config changed.
json plan_payload(const LeaderSchedule& ls) {
    return json{{"leader", ls.leader},
                {"weekday", ls.rule.weekday.iso_encoding()},
                {"minutes", ls.rule.time_of_day.count()},
                {"timezone", ls.timezone}};
}

std::string job_key(std::string_view leader) {
    return kDigestJobPrefix + std::string(leader);
}

}  // namespace

std::int64_t spread_offset_ms(std::string_view leader, std::int64_t spread_ms) {
    if (spread_ms <= 0) return 0;
    // FNV-1a: stable across runs and installations, so tests and operators can predict it.
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : leader) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    // Whole seconds read better in logs and outbox rows; the last slot is spread_ms itself.
    auto slots = static_cast<std::uint64_t>(spread_ms / 1000 + 1);
    return static_cast<std::int64_t>(h % slots) * 1000;
}

void plan_digest_jobs(commands::Services& s) {
    storage::Jobs jobs(s.db);
    const auto now = s.clock.now();
    std::set<std::string> wanted;
    for (const auto& leader : digest_leaders(s.cfg())) {
        auto ls = leader_schedule(s.cfg(), leader);
        if (!ls) continue;
        std::string key = job_key(leader);
        wanted.insert(key);
        json payload = plan_payload(*ls);
        auto existing = jobs.get(key);
        if (existing && existing->kind == kDigestJobKind) {
            auto old = json::parse(existing->payload, nullptr, false);
            if (old.is_object()) old.erase("due");
            if (old == payload) continue;
        }
        std::int64_t due = to_epoch_ms(wanneer::next_occurrence(ls->rule, ls->tz, now));
        // An overdue job keeps its due time: the digest that fell due is still sent.
        if (existing && existing->kind == kDigestJobKind && existing->due_at <= to_epoch_ms(now))
            due = existing->due_at;
        payload["due"] = due;
        jobs.upsert(kDigestJobKind, key, due, payload.dump());
    }
    for (const auto& key : digest_job_keys(s.db))
        if (!wanted.count(key)) jobs.remove(key);
    if (!jobs.get(kPlanJobKey))
        jobs.upsert(kPlanJobKind, kPlanJobKey, to_epoch_ms(now) + kPlanEveryMs);
}

void fire_plan_job(commands::JobContext& jc) {
    plan_digest_jobs(jc.s);
    jc.reschedule(jc.s.now_ms() + kPlanEveryMs);
}

void fire_digest_job(commands::JobContext& jc) {
    auto& s = jc.s;
    std::string leader = jc.payload.value("leader", "");
    if (leader.empty() && jc.job.key.rfind(kDigestJobPrefix, 0) == 0)
        leader = jc.job.key.substr(std::string_view(kDigestJobPrefix).size());
    auto ls = leader_schedule(s.cfg(), leader);
    if (!ls) return;  // no longer a leader: the job is removed

    const UtcMs now = s.clock.now();
    // The planned instant: the job runner retries a failed job 15 minutes later with the same
    // payload, and that retry must still cover the week the planned firing covered.
    std::int64_t planned = jc.payload.value("due", jc.job.due_at);
    if (planned > jc.job.due_at) planned = jc.job.due_at;
    const UtcMs fired = latest_firing(ls->rule, ls->tz, from_epoch_ms(planned), now);
    const IsoWeek week = covered_week(fired, ls->tz);
    const std::string week_text = wanneer::format_iso_week(week);

    DigestSentLog sent(s.db, s.mark_key);
    if (!sent.was_sent(leader, week_text)) {
        // Our own cause: txn_ids derive from (leader, week), not from the job's due time.
        commands::Effects fx(s.db, s.clock, s.mark_key, "digest:" + leader + ":" + week_text);
        std::string md = compose_digest(s, *ls, week, DigestKind::Weekly);
        // Offset from now (not from the due time): after downtime, overdue digests are spread too.
        fx.dm(leader, md, to_epoch_ms(now) + spread_offset_ms(leader, digest_spread_ms(s.cfg())));
        sent.mark_sent(leader, week_text, to_epoch_ms(now));
        sent.prune(to_epoch_ms(now) - kKeepSentMs);
    }
    const std::int64_t next = to_epoch_ms(wanneer::next_occurrence(ls->rule, ls->tz, now));
    jc.payload = plan_payload(*ls);
    jc.payload["due"] = next;
    jc.reschedule(next);
}

}  // namespace dialoog::digest
