// Weekly digest generation for 1,000 teams on a seeded database: composing every leader's
// digest, and firing all 1,000 digest jobs (compose + Markdown to HTML + outbox rows + the
// sent record) in one job-runner pass, as the bot does at Monday 08:30.
// The sections come from two bench features that query seeded tables the way the real ones
// do (an indexed range scan per team and week), so the numbers include SQLite work.
#include <benchmark/benchmark.h>

#include <date/tz.h>

#include <memory>
#include <string>
#include <vector>

#include "bot/engine/job_runner.hpp"
#include "commands/catalogue.hpp"
#include "commands/context.hpp"
#include "commands/digest/compose.hpp"
#include "commands/digest/digest_config.hpp"
#include "commands/digest/digest_feature.hpp"
#include "commands/digest_contributor.hpp"
#include "commands/registry.hpp"
#include "storage/digest/digest_jobs.hpp"
#include "storage/handled_events.hpp"
#include "storage/jobs.hpp"
#include "storage/migrations.hpp"

namespace {

using namespace dialoog;

constexpr int kTeams = 1000;

UtcMs local(int y, unsigned m, unsigned d, int hh, int mm) {
    auto* tz = date::locate_zone("Europe/Amsterdam");
    auto t = date::local_days{date::year{y} / date::month{m} / date::day{d}} +
             std::chrono::hours{hh} + std::chrono::minutes{mm};
    return std::chrono::time_point_cast<std::chrono::milliseconds>(tz->to_sys(t));
}

class BenchSessions final : public commands::Feature, public commands::DigestContributor {
  public:
    std::string_view name() const override { return "bench_sessions"; }
    commands::DigestContributor* digest() override { return this; }
    int digest_order() const override { return 10; }
    std::vector<storage::Migration> migrations() const override {
        return {{1,
                 "CREATE TABLE bench_sessions(team TEXT NOT NULL, at INTEGER NOT NULL, title "
                 "TEXT NOT NULL, participants INTEGER NOT NULL);"
                 "CREATE INDEX bench_sessions_team_at ON bench_sessions(team, at);"}};
    }
    std::string digest_section(commands::Services& s, const commands::DigestRequest& r) override {
        auto st = s.db.prepare(
            "SELECT title, participants FROM bench_sessions WHERE team=? AND at>=? AND at<? "
            "ORDER BY at");
        st.bind(1, r.team->name).bind(2, r.week_start_ms).bind(3, r.week_end_ms);
        std::string md = "### Casusbesprekingen\n\n| Titel | Deelnemers |\n|---|---|\n";
        int n = 0;
        while (st.step()) {
            md += "| " + commands::md_escape(st.column_text(0)) + " | " +
                  std::to_string(st.column_int(1)) + " |\n";
            ++n;
        }
        return n ? md : "### Casusbesprekingen\n\n_niets deze week_\n";
    }
};

class BenchInput final : public commands::Feature, public commands::DigestContributor {
  public:
    std::string_view name() const override { return "bench_input"; }
    commands::DigestContributor* digest() override { return this; }
    int digest_order() const override { return 20; }
    std::vector<storage::Migration> migrations() const override {
        return {{1,
                 "CREATE TABLE bench_input(team TEXT NOT NULL, at INTEGER NOT NULL, theme "
                 "INTEGER NOT NULL, text TEXT NOT NULL);"
                 "CREATE INDEX bench_input_team_at ON bench_input(team, at);"}};
    }
    std::string digest_section(commands::Services& s, const commands::DigestRequest& r) override {
        auto st = s.db.prepare(
            "SELECT theme, COUNT(*) FROM bench_input WHERE team=? AND at>=? AND at<? GROUP BY "
            "theme ORDER BY theme");
        st.bind(1, r.team->name).bind(2, r.week_start_ms).bind(3, r.week_end_ms);
        std::string md = "### Cliëntinbreng\n\n";
        std::int64_t total = 0;
        std::string rows;
        while (st.step()) {
            auto n = st.column_int(1);
            total += n;
            rows += "- thema " + std::to_string(st.column_int(0)) + ": " +
                    (n < 5 ? std::string("< 5") : std::to_string(n)) + "\n";
        }
        return md + "Ontvangen: " + std::to_string(total) + "\n\n" + (total >= 5 ? rows : "");
    }
};

struct Seeded {
    ManualClock clock{local(2026, 12, 7, 8, 30)};
    std::vector<std::unique_ptr<commands::Feature>> features;
    commands::Catalogue texts;
    commands::Registry registry;
    commands::JobRegistry jobs;
    std::shared_ptr<const config::Config> cfg;
    std::unique_ptr<storage::Database> db;
    std::unique_ptr<commands::Services> s;

    Seeded() {
        ::setenv("DIALOOGBOT_ACCESS_TOKEN", "bench", 0);
        features.push_back(std::make_unique<digest::DigestFeature>());
        features.push_back(std::make_unique<BenchSessions>());
        features.push_back(std::make_unique<BenchInput>());
        std::vector<config::SectionSchema> sections;
        std::vector<commands::Feature*> fs;
        for (auto& f : features) {
            f->add_texts(texts);
            f->add_commands(registry);
            f->add_jobs(jobs);
            for (auto& sec : f->config_sections()) sections.push_back(sec);
            fs.push_back(f.get());
        }
        std::string yaml =
            "homeserver: http://127.0.0.1:8008\nbot:\n  user_id: \"@bot:hs\"\nstorage: x\n"
            "teams:\n";
        for (int i = 0; i < kTeams; ++i)
            yaml += "  - {name: Team " + std::to_string(i) + ", room: \"!t" + std::to_string(i) +
                    ":hs\", leaders: [\"@leider" + std::to_string(i) + ":hs\"]}\n";
        auto res = config::load_config_text(yaml, sections, "<bench>");
        if (!res.config) throw std::runtime_error("bench config invalid");
        cfg = res.config;
        db = std::make_unique<storage::Database>(":memory:");
        storage::migrate_core(*db);
        for (auto& f : features) storage::migrate_owner(*db, f->name(), f->migrations());
        s.reset(new commands::Services{*db, cfg, texts, registry, jobs, clock,
                                       storage::HandledEvents::load_or_create_key(*db), fs});
        seed();
        clock.set(local(2026, 12, 2, 12, 0));
        storage::Transaction tx(*db);
        for (auto* f : fs) f->on_start(*s);
        tx.commit();
    }

    // Ten weeks of history per team: 3 sessions and 0-9 client inputs a week.
    void seed() {
        storage::Transaction tx(*db);
        auto ses = db->prepare("INSERT INTO bench_sessions VALUES(?,?,?,?)");
        auto inp = db->prepare("INSERT INTO bench_input VALUES(?,?,?,?)");
        std::uint64_t lcg = 42;
        auto next = [&] {
            return (lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL) >> 33;
        };
        const std::int64_t start = to_epoch_ms(local(2026, 9, 28, 0, 0));
        const std::int64_t week = 7LL * 24 * 3600 * 1000;
        for (int t = 0; t < kTeams; ++t) {
            std::string team = "Team " + std::to_string(t);
            for (int w = 0; w < 10; ++w) {
                for (int k = 0; k < 3; ++k) {
                    ses.bind(1, team)
                        .bind(2, start + w * week + static_cast<std::int64_t>(next() % week))
                        .bind(3,
                              "Casus " + std::to_string(next() % 1000) + ": terugval na plaatsing")
                        .bind(4, static_cast<std::int64_t>(4 + next() % 5))
                        .run();
                }
                int inputs = static_cast<int>(next() % 10);
                for (int k = 0; k < inputs; ++k) {
                    inp.bind(1, team)
                        .bind(2, start + w * week + static_cast<std::int64_t>(next() % week))
                        .bind(3, static_cast<std::int64_t>(1 + next() % 4))
                        .bind(4, "Geanonimiseerd verhaal van een cliënt over de regels.")
                        .run();
                }
            }
        }
        tx.commit();
    }
};

Seeded& seeded() {
    static Seeded s;
    return s;
}

void BM_DigestComposeThousandTeams(benchmark::State& state) {
    auto& b = seeded();
    std::vector<digest::LeaderSchedule> leaders;
    for (const auto& l : digest::digest_leaders(*b.cfg))
        leaders.push_back(*digest::leader_schedule(*b.cfg, l));
    std::size_t bytes = 0;
    for (auto _ : state) {
        for (const auto& ls : leaders) {
            auto md = digest::compose_digest(*b.s, ls, {2026, 49});
            bytes += md.size();
            benchmark::DoNotOptimize(md);
        }
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(leaders.size()));
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_DigestComposeThousandTeams)->Unit(benchmark::kMillisecond);

void BM_DigestOneLeaderOfThousandTeams(benchmark::State& state) {
    auto& b = seeded();
    auto ls = *digest::leader_schedule(*b.cfg, "@leider0:hs");
    ls.teams.clear();
    for (const auto& t : b.cfg->teams) ls.teams.push_back(&t);
    for (auto _ : state) {
        auto md = digest::compose_digest(*b.s, ls, {2026, 49});
        benchmark::DoNotOptimize(md);
    }
    state.SetItemsProcessed(state.iterations() * kTeams);
}
BENCHMARK(BM_DigestOneLeaderOfThousandTeams)->Unit(benchmark::kMillisecond);

void BM_DigestFireThousandJobs(benchmark::State& state) {
    auto& b = seeded();
    const auto due = to_epoch_ms(local(2026, 12, 7, 8, 30));
    for (auto _ : state) {
        state.PauseTiming();
        b.db->exec("DELETE FROM outbox; DELETE FROM digest_sent;");
        {
            auto st = b.db->prepare("UPDATE jobs SET due_at=? WHERE kind=?");
            st.bind(1, due).bind(2, digest::kDigestJobKind).run();
        }
        b.clock.set(from_epoch_ms(due));
        state.ResumeTiming();
        auto stats = engine::run_due_jobs(*b.s, due, kTeams);
        if (stats.fired != kTeams) state.SkipWithError("not every job fired");
    }
    state.SetItemsProcessed(state.iterations() * kTeams);
}
BENCHMARK(BM_DigestFireThousandJobs)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
