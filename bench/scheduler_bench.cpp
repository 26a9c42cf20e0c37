// The scheduler's data path with 100,000 scheduled jobs (benchmarks, not timed
// tests): writing them at start-up, opening the database and finding the next due job (what
// the single Asio timer waits for), taking a batch of due jobs, and computing the next local
// occurrence of a weekly rule in a DST zone.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <variant>

#include "lib/wanneer/recurrence.hpp"
#include "storage/database.hpp"
#include "storage/jobs.hpp"
#include "storage/migrations.hpp"

namespace {

using dialoog::storage::Database;
using dialoog::storage::Jobs;
using dialoog::storage::Transaction;

constexpr std::int64_t kNow = 1'795'000'000'000;  // 2026-11-18, UTC ms
constexpr int kJobs = 100'000;

/// Spreads `n` jobs over the next 90 days with a fixed LCG (comparable runs).
void fill(Database& db, int n) {
    Transaction tx(db);
    Jobs jobs(db);
    std::uint64_t x = 42;
    for (int i = 0; i < n; ++i) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        const std::int64_t due = kNow + static_cast<std::int64_t>((x >> 33) % (90LL * 86'400'000));
        jobs.upsert("casus.reminder", "casus:" + std::to_string(i) + ":reminder:3600000", due,
                    "{\"id\":" + std::to_string(i) + "}");
    }
    tx.commit();
}

/// A database file with kJobs jobs, created once per process.
const std::string& populated_file() {
    static const std::string path = [] {
        std::string p = (std::filesystem::temp_directory_path() /
                         ("dialoog_scheduler_bench_" + std::to_string(::getpid()) + ".db"))
                            .string();
        std::filesystem::remove(p);
        Database db(p);
        dialoog::storage::migrate_core(db);
        fill(db, kJobs);
        return p;
    }();
    return path;
}

void BM_WriteJobsAtStartup(benchmark::State& state) {
    for (auto _ : state) {
        state.PauseTiming();
        Database db(":memory:");
        dialoog::storage::migrate_core(db);
        state.ResumeTiming();
        fill(db, static_cast<int>(state.range(0)));
        benchmark::DoNotOptimize(db.scalar_int("SELECT COUNT(*) FROM jobs"));
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_WriteJobsAtStartup)->Arg(kJobs)->Unit(benchmark::kMillisecond);

void BM_OpenAndFindNextDue(benchmark::State& state) {
    const std::string& path = populated_file();
    for (auto _ : state) {
        Database db(path);
        dialoog::storage::migrate_core(db);
        auto next = Jobs(db).next_due_at();
        benchmark::DoNotOptimize(next);
    }
}
BENCHMARK(BM_OpenAndFindNextDue)->Unit(benchmark::kMicrosecond);

void BM_NextDueAt(benchmark::State& state) {
    Database db(populated_file());
    Jobs jobs(db);
    for (auto _ : state) {
        auto next = jobs.next_due_at();
        benchmark::DoNotOptimize(next);
    }
}
BENCHMARK(BM_NextDueAt);

void BM_DueBatch(benchmark::State& state) {
    Database db(populated_file());
    Jobs jobs(db);
    const std::int64_t now = kNow + 86'400'000;  // a day's worth is due (~1,100 jobs)
    for (auto _ : state) {
        auto due = jobs.due(now, 200);
        benchmark::DoNotOptimize(due);
    }
    state.SetItemsProcessed(state.iterations() * 200);
}
BENCHMARK(BM_DueBatch)->Unit(benchmark::kMicrosecond);

void BM_NextWeeklyOccurrence(benchmark::State& state) {
    const auto* tz = dialoog::wanneer::find_time_zone("Europe/Amsterdam");
    auto rule = std::get<dialoog::wanneer::WeeklyRule>(
        dialoog::wanneer::parse_weekly_rule("dinsdag 09:00 elke 2 weken"));
    dialoog::wanneer::UtcMs t{std::chrono::milliseconds{kNow}};
    for (auto _ : state) {
        t = dialoog::wanneer::next_occurrence(rule, tz, t);
        benchmark::DoNotOptimize(t);
        if (t.time_since_epoch().count() > kNow + 5LL * 365 * 86'400'000)
            t = dialoog::wanneer::UtcMs{std::chrono::milliseconds{kNow}};
    }
}
BENCHMARK(BM_NextWeeklyOccurrence);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::filesystem::remove(populated_file());
    std::filesystem::remove(populated_file() + "-wal");
    std::filesystem::remove(populated_file() + "-shm");
    return 0;
}
