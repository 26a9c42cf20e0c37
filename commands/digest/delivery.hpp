#pragma once
// Weekly delivery: one job per leader, key "digest:<leader>", due at
// the leader's weekday and time in their timezone. Firing it sends the digest of the last
// completed ISO week in the DM with the leader (fx.dm), once per (leader, week):
//   - digest_sent records (leader hash, week) in the same transaction as the outbox rows;
//   - the effects' cause is "digest:<leader>:<week>", so the txn_ids derive from leader and
//     week, whatever the job's due time was (a re-planned job repeats the same txn_ids);
//   - a job that fell due while the bot was down is simply overdue: it fires once, for the
//     latest firing it missed, and is rescheduled after now.
// Pacing: each leader's rows get not_before = firing time + a fixed offset within
// digest.spread, so a thousand leaders are not all sent in the same second.

#include <cstdint>
#include <string_view>

#include "commands/context.hpp"

namespace dialoog::digest {

/// Makes the jobs match the config: creates missing ones, moves changed schedules (an overdue
/// job stays overdue, so a digest due during downtime is still sent), removes jobs of users no
/// longer leading a team. Runs in on_start's transaction, and hourly from the "digest.plan"
/// job: a config reloaded on SIGHUP swaps Services::config without calling on_start again.
void plan_digest_jobs(commands::Services& s);

/// The handler of kind "digest.plan" (key "digest-plan"): plan_digest_jobs, again in an hour.
void fire_plan_job(commands::JobContext& jc);

inline constexpr const char* kPlanJobKind = "digest.plan";
inline constexpr const char* kPlanJobKey = "digest-plan";
inline constexpr std::int64_t kPlanEveryMs = 60 * 60 * 1000;

/// The handler of kind "digest.send".
void fire_digest_job(commands::JobContext& jc);

/// The fixed offset of `leader`'s sends within a window of `spread_ms` (0 <= offset <= spread).
std::int64_t spread_offset_ms(std::string_view leader, std::int64_t spread_ms);

}  // namespace dialoog::digest
