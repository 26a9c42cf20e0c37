// Weekly delivery: one job per leader at the first team's weekday/time in its zone, one DM per
// leader with a section per team, exactly once per (leader, week) across repeats, restarts and
// downtime, re-planning on config changes, pacing, and the 60,000-byte split.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <set>

#include "commands/core/core_feature.hpp"
#include "commands/digest/delivery.hpp"
#include "commands/digest/digest_config.hpp"
#include "digest_test_fakes.hpp"
#include "matrix/content.hpp"
#include "storage/digest/digest_jobs.hpp"
#include "storage/handled_events.hpp"
#include "storage/jobs.hpp"

using namespace dialoog;
using namespace dialoog::testing;
using namespace dialoog::testing::digest_fakes;

namespace {

const char* kTeams =
    "teams:\n"
    "  - name: Team Noord\n"
    "    room: \"!noord:hs\"\n"
    "    leaders: [\"@lea:hs\"]\n"
    "  - name: Team Zuid\n"
    "    room: \"!zuid:hs\"\n"
    "    leaders: [\"@lea:hs\", \"@piet:hs\"]\n"
    "    timezone: Europe/London\n"
    "    digest: {weekday: vrijdag, time: \"16:00\"}\n"
    "  - name: Team Oost\n"
    "    room: \"!oost:hs\"\n"
    "    leaders: [\"@olga:hs\"]\n";

UtcMs wednesday() {
    return local_time("Europe/Amsterdam", 2026, 12, 2, 12, 0);
}
UtcMs monday_0830() {
    return local_time("Europe/Amsterdam", 2026, 12, 7, 8, 30);
}

std::unique_ptr<Harness> make(const std::string& extra = "",
                              std::vector<std::unique_ptr<commands::Feature>> more = {},
                              UtcMs start = wednesday(), const std::string& teams = kTeams) {
    auto fs = features(std::make_unique<digest::DigestFeature>(), std::make_unique<FakeSessions>());
    for (auto& f : more) fs.push_back(std::move(f));
    return std::make_unique<Harness>(std::move(fs), base_config(teams + extra), start);
}

std::int64_t due_of(Harness& h, const std::string& leader) {
    auto job = storage::Jobs(h.db()).get("digest:" + leader);
    EXPECT_TRUE(job) << leader;
    return job ? job->due_at : 0;
}

std::vector<SentMessage> dms_to(const std::vector<SentMessage>& all, const std::string& user) {
    std::vector<SentMessage> out;
    for (const auto& m : all)
        if (m.kind == "dm" && m.target_user == user) out.push_back(m);
    return out;
}

std::int64_t not_before_of(Harness& h, const std::string& txn_id) {
    auto st = h.db().prepare("SELECT not_before FROM outbox WHERE txn_id=?");
    st.bind(1, txn_id);
    return st.step() ? st.column_int(0) : -1;
}

std::shared_ptr<const config::Config> load(const std::string& yaml) {
    auto res = config::load_config_text(yaml, digest::digest_config_sections(), "<test>");
    if (!res.config)
        for (const auto& e : res.errors) ADD_FAILURE() << e.to_string();
    return res.config;
}

}  // namespace

TEST(DigestDelivery, PlansOneJobPerLeaderAtFirstTeamsSchedule) {
    auto h = make();
    EXPECT_EQ(digest::digest_job_keys(h->db()).size(), 3u);
    EXPECT_TRUE(storage::Jobs(h->db()).get(digest::kPlanJobKey));
    // Lea leads Noord (first, Monday 08:30 Amsterdam) and Zuid (Friday 16:00 London).
    EXPECT_EQ(due_of(*h, "@lea:hs"), ms(monday_0830()));
    EXPECT_EQ(due_of(*h, "@piet:hs"), ms(local_time("Europe/London", 2026, 12, 4, 16, 0)));
    EXPECT_EQ(due_of(*h, "@olga:hs"), ms(monday_0830()));
}

TEST(DigestDelivery, LeaderOverrideSetsDayTimeZoneAndLanguage) {
    auto h = make(
        "digest:\n  leaders:\n    \"@lea:hs\": {weekday: woensdag, time: \"07:15\", timezone: "
        "Europe/London, language: en}\n");
    EXPECT_EQ(due_of(*h, "@lea:hs"), ms(local_time("Europe/London", 2026, 12, 9, 7, 15)));
    h->clock().set(local_time("Europe/London", 2026, 12, 9, 7, 15));
    h->fire_jobs();
    auto dm = dms_to(h->take(), "@lea:hs");
    ASSERT_EQ(dm.size(), 1u);
    EXPECT_NE(dm[0].body().find("Weekly overview, week 49 of 2026"), std::string::npos);
}

TEST(DigestDelivery, OneDmPerLeaderWithASectionPerTeam) {
    auto h = make();
    h->clock().set(monday_0830());
    h->fire_jobs();
    auto all = h->take();
    auto lea = dms_to(all, "@lea:hs");
    ASSERT_EQ(lea.size(), 1u);
    const auto body = lea[0].body();
    EXPECT_NE(body.find("Weekoverzicht week 49, 2026"), std::string::npos);
    auto noord = body.find("Team Noord");
    auto zuid = body.find("Team Zuid");
    ASSERT_NE(noord, std::string::npos);
    ASSERT_NE(zuid, std::string::npos);
    EXPECT_LT(noord, zuid);
    EXPECT_EQ(body.find("Oost"), std::string::npos);
    EXPECT_EQ(lea[0].content["msgtype"], "m.notice");
    EXPECT_NE(lea[0].content["formatted_body"].get<std::string>().find("<h2>Team Zuid</h2>"),
              std::string::npos);
    ASSERT_EQ(dms_to(all, "@olga:hs").size(), 1u);
    // Piet's digest (Team Zuid only, Friday 16:00 London) fell due on the way: sent once.
    auto piet = dms_to(all, "@piet:hs");
    ASSERT_EQ(piet.size(), 1u);
    EXPECT_EQ(piet[0].body().find("Noord"), std::string::npos);
    EXPECT_NE(piet[0].body().find("Team Zuid"), std::string::npos);
    // Rescheduled for the next Monday 08:30.
    EXPECT_EQ(due_of(*h, "@lea:hs"), ms(local_time("Europe/Amsterdam", 2026, 12, 14, 8, 30)));
}

TEST(DigestDelivery, WeeklyTimeStaysLocalAcrossDst) {
    auto h = make("", {}, local_time("Europe/Amsterdam", 2026, 3, 20, 12, 0));
    EXPECT_EQ(due_of(*h, "@lea:hs"), ms(local_time("Europe/Amsterdam", 2026, 3, 23, 8, 30)));
    h->clock().set(local_time("Europe/Amsterdam", 2026, 3, 23, 8, 30));
    h->fire_jobs();
    // 08:30 CEST after the change: 6 days and 23 hours later.
    EXPECT_EQ(due_of(*h, "@lea:hs"), ms(local_time("Europe/Amsterdam", 2026, 3, 30, 8, 30)));
    h->take();
    h->clock().set(local_time("Europe/Amsterdam", 2026, 3, 30, 8, 30));
    h->fire_jobs();
    auto lea = dms_to(h->take(), "@lea:hs");
    ASSERT_EQ(lea.size(), 1u);
    EXPECT_NE(lea[0].body().find("week 13 (23 maart t/m 29 maart 2026)"), std::string::npos);
}

TEST(DigestDelivery, YearEndSendsWeek53) {
    auto h = make("", {}, local_time("Europe/Amsterdam", 2026, 12, 30, 12, 0));
    EXPECT_EQ(due_of(*h, "@lea:hs"), ms(local_time("Europe/Amsterdam", 2027, 1, 4, 8, 30)));
    h->clock().set(local_time("Europe/Amsterdam", 2027, 1, 4, 8, 30));
    h->fire_jobs();
    auto lea = dms_to(h->take(), "@lea:hs");
    ASSERT_EQ(lea.size(), 1u);
    EXPECT_NE(lea[0].body().find("Weekoverzicht week 53, 2026"), std::string::npos);
    EXPECT_NE(lea[0].body().find("28 december 2026 t/m 3 januari 2027"), std::string::npos);
}

TEST(DigestDelivery, FiringTwiceForTheSameWeekSendsOnce) {
    auto h = make();
    h->clock().set(monday_0830());
    h->fire_jobs();
    auto first = dms_to(h->pending(), "@lea:hs");
    ASSERT_EQ(first.size(), 1u);
    // The job fires again for the same week (e.g. a restored backup, a moved job).
    storage::Jobs(h->db()).upsert(digest::kDigestJobKind, "digest:@lea:hs", ms(monday_0830()),
                                  storage::Jobs(h->db()).get("digest:@lea:hs")->payload);
    h->fire_jobs();
    EXPECT_EQ(dms_to(h->pending(), "@lea:hs").size(), 1u);
    h->clock().advance(std::chrono::hours{2});
    storage::Jobs(h->db()).upsert(digest::kDigestJobKind, "digest:@lea:hs",
                                  ms(monday_0830()) + 60'000, "{\"leader\":\"@lea:hs\"}");
    h->fire_jobs();
    EXPECT_EQ(dms_to(h->pending(), "@lea:hs").size(), 1u);
}

TEST(DigestDelivery, TxnIdDerivesFromLeaderAndWeek) {
    auto h = make();
    h->clock().set(monday_0830());
    h->fire_jobs();
    auto first = dms_to(h->pending(), "@lea:hs");
    ASSERT_EQ(first.size(), 1u);
    // Even without the sent record, a second firing for the same week (other due time) writes
    // the same txn_id, which the outbox ignores.
    h->db().exec("DELETE FROM digest_sent");
    storage::Jobs(h->db()).upsert(digest::kDigestJobKind, "digest:@lea:hs",
                                  ms(monday_0830()) + 5 * 60'000, "{\"leader\":\"@lea:hs\"}");
    h->clock().advance(std::chrono::minutes{10});
    h->fire_jobs();
    auto again = dms_to(h->pending(), "@lea:hs");
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].txn_id, first[0].txn_id);
    // The sent table stores no Matrix id.
    EXPECT_EQ(h->db().scalar_int("SELECT COUNT(*) FROM digest_sent WHERE leader_hash LIKE '%@%'"),
              0);
}

TEST(DigestDelivery, OverdueDigestAfterDowntimeSentOnce) {
    auto h = make();
    // The bot was down from Wednesday to the next Wednesday: Monday 08:30 passed.
    h->clock().set(local_time("Europe/Amsterdam", 2026, 12, 9, 10, 0));
    h->fire_jobs();
    auto all = h->take();
    auto lea = dms_to(all, "@lea:hs");
    ASSERT_EQ(lea.size(), 1u);
    EXPECT_NE(lea[0].body().find("week 49"), std::string::npos);
    // Piet's Friday 4 December digest (covering week 48) also fell due.
    auto piet = dms_to(all, "@piet:hs");
    ASSERT_EQ(piet.size(), 1u);
    EXPECT_NE(piet[0].body().find("week 48"), std::string::npos);
    h->fire_jobs();
    h->clock().advance(std::chrono::hours{1});
    h->fire_jobs();
    EXPECT_TRUE(h->take().empty());
    EXPECT_EQ(due_of(*h, "@lea:hs"), ms(local_time("Europe/Amsterdam", 2026, 12, 14, 8, 30)));
}

TEST(DigestDelivery, LongDowntimeSendsOnlyTheLatestWeek) {
    auto h = make();
    h->clock().set(local_time("Europe/Amsterdam", 2026, 12, 23, 12, 0));
    h->fire_jobs();
    auto lea = dms_to(h->take(), "@lea:hs");
    ASSERT_EQ(lea.size(), 1u);
    EXPECT_NE(lea[0].body().find("week 51"), std::string::npos);
    EXPECT_EQ(due_of(*h, "@lea:hs"), ms(local_time("Europe/Amsterdam", 2026, 12, 28, 8, 30)));
}

TEST(DigestDelivery, SpreadsSendsOverTheWindow) {
    std::string teams = "teams:\n";
    for (int i = 0; i < 30; ++i)
        teams += "  - name: Team " + std::to_string(i) + "\n    room: \"!t" + std::to_string(i) +
                 ":hs\"\n    leaders: [\"@leider" + std::to_string(i) + ":hs\"]\n";
    auto h = make("digest:\n  spread: 2m\n", {}, wednesday(), teams);
    h->clock().set(monday_0830());
    h->fire_jobs();
    std::set<std::int64_t> offsets;
    int n = 0;
    for (const auto& m : h->pending()) {
        if (m.kind != "dm") continue;
        ++n;
        auto nb = not_before_of(*h, m.txn_id);
        EXPECT_GE(nb, ms(monday_0830()));
        EXPECT_LE(nb, ms(monday_0830()) + 120'000);
        EXPECT_EQ(nb, ms(monday_0830()) + digest::spread_offset_ms(m.target_user, 120'000));
        offsets.insert(nb);
    }
    EXPECT_EQ(n, 30);
    EXPECT_GT(offsets.size(), 15u);  // not all in the same second
    EXPECT_EQ(digest::spread_offset_ms("@x:hs", 0), 0);
}

TEST(DigestDelivery, LargeDigestSplitIntoOrderedParts) {
    std::vector<std::unique_ptr<commands::Feature>> more;
    more.push_back(std::make_unique<Huge>(150'000));
    auto h = make("", std::move(more));
    h->clock().set(monday_0830());
    h->fire_jobs();
    auto lea = dms_to(h->pending(), "@lea:hs");
    ASSERT_GE(lea.size(), 3u);
    std::string joined;
    for (const auto& m : lea) {
        EXPECT_LE(matrix::message_bytes(m.body(), m.content["formatted_body"].get<std::string>()),
                  matrix::kMaxEventBytes);
        EXPECT_LE(m.content.dump().size() + matrix::kEnvelopeAllowance, 65536u);
        joined += m.body() + "\n";
    }
    EXPECT_LT(joined.find("Weekoverzicht"), joined.find("Alinea 1:"));
    EXPECT_LT(joined.find("Alinea 1:"), joined.find("Alinea 500:"));
    // Both teams' huge sections and the footer arrive, in order.
    auto first_end = joined.find("EINDE");
    ASSERT_NE(first_end, std::string::npos);
    EXPECT_NE(joined.find("EINDE", first_end + 1), std::string::npos);
    EXPECT_LT(joined.find("Team Zuid"), joined.find("!overzicht vorige"));
    // One lane per leader: the rows are sent in id order; all share one not_before.
    for (const auto& m : lea)
        EXPECT_EQ(not_before_of(*h, m.txn_id), not_before_of(*h, lea[0].txn_id));
}

TEST(DigestDelivery, ConfigChangeReplansJobs) {
    auto h = make();
    auto& base = h->services();
    auto replan = [&](const std::string& teams_yaml) {
        auto cfg = load(base_config(teams_yaml));
        ASSERT_TRUE(cfg);
        commands::Services s2{base.db,   cfg,        base.texts,    base.registry,
                              base.jobs, base.clock, base.mark_key, base.features};
        storage::Transaction tx(base.db);
        digest::DigestFeature().on_start(s2);
        tx.commit();
    };
    // Lea's first team moves to Thursday 09:00; Olga is no longer a leader; Karin is new.
    replan(
        "teams:\n"
        "  - name: Team Noord\n    room: \"!noord:hs\"\n    leaders: [\"@lea:hs\"]\n"
        "    digest: {weekday: donderdag, time: \"9:00\"}\n"
        "  - name: Team Oost\n    room: \"!oost:hs\"\n    leaders: [\"@karin:hs\"]\n");
    EXPECT_EQ(due_of(*h, "@lea:hs"), ms(local_time("Europe/Amsterdam", 2026, 12, 3, 9, 0)));
    EXPECT_EQ(due_of(*h, "@karin:hs"), ms(monday_0830()));
    EXPECT_FALSE(storage::Jobs(h->db()).get("digest:@olga:hs"));
    EXPECT_FALSE(storage::Jobs(h->db()).get("digest:@piet:hs"));
    EXPECT_EQ(digest::digest_job_keys(h->db()).size(), 2u);
    // The same config again changes nothing.
    auto before = due_of(*h, "@lea:hs");
    h->clock().advance(std::chrono::hours{3});
    replan(
        "teams:\n"
        "  - name: Team Noord\n    room: \"!noord:hs\"\n    leaders: [\"@lea:hs\"]\n"
        "    digest: {weekday: donderdag, time: \"9:00\"}\n"
        "  - name: Team Oost\n    room: \"!oost:hs\"\n    leaders: [\"@karin:hs\"]\n");
    EXPECT_EQ(due_of(*h, "@lea:hs"), before);
}

TEST(DigestDelivery, OverdueJobKeepsItsDueTimeWhenReplanned) {
    auto h = make();
    auto& base = h->services();
    // Down over Monday 08:30; started again with a new schedule for Lea.
    h->clock().set(local_time("Europe/Amsterdam", 2026, 12, 8, 10, 0));
    auto cfg = load(base_config(
        "teams:\n  - name: Team Noord\n    room: \"!noord:hs\"\n    leaders: [\"@lea:hs\"]\n"
        "    digest: {weekday: vrijdag, time: \"17:00\"}\n"));
    commands::Services s2{base.db,   cfg,        base.texts,    base.registry,
                          base.jobs, base.clock, base.mark_key, base.features};
    {
        storage::Transaction tx(base.db);
        digest::DigestFeature().on_start(s2);
        tx.commit();
    }
    EXPECT_EQ(due_of(*h, "@lea:hs"), ms(monday_0830()));
    engine::run_due_jobs(s2, ms(h->clock().now()));
    auto lea = dms_to(h->take(), "@lea:hs");
    ASSERT_EQ(lea.size(), 1u);
    EXPECT_NE(lea[0].body().find("week 49"), std::string::npos);
    EXPECT_EQ(due_of(*h, "@lea:hs"), ms(local_time("Europe/Amsterdam", 2026, 12, 11, 17, 0)));
}

TEST(DigestDelivery, ReloadedConfigReplannedWithinAnHour) {
    auto h = make();
    // What a SIGHUP reload does: swap the config in place, without on_start.
    h->services().config = load(base_config(
        "teams:\n  - name: Team Noord\n    room: \"!noord:hs\"\n    leaders: [\"@lea:hs\"]\n"
        "    digest: {weekday: dinsdag, time: \"10:00\"}\n"));
    h->advance(std::chrono::minutes{61});
    EXPECT_EQ(due_of(*h, "@lea:hs"), ms(local_time("Europe/Amsterdam", 2026, 12, 8, 10, 0)));
    EXPECT_EQ(digest::digest_job_keys(h->db()).size(), 1u);
    h->advance(std::chrono::minutes{61});
    EXPECT_TRUE(storage::Jobs(h->db()).get(digest::kPlanJobKey));
}

TEST(DigestDelivery, RetriedJobCoversThePlannedWeek) {
    auto h = make("", {}, wednesday(),
                  "teams:\n  - name: Team Noord\n    room: \"!noord:hs\"\n    leaders: "
                  "[\"@lea:hs\"]\n    digest: {weekday: zondag, time: \"23:50\"}\n");
    auto job = storage::Jobs(h->db()).get("digest:@lea:hs");
    ASSERT_TRUE(job);
    EXPECT_EQ(job->due_at, ms(local_time("Europe/Amsterdam", 2026, 12, 6, 23, 50)));
    // The firing failed; the job runner retries 15 minutes later with the same payload, which
    // is already Monday of the next week.
    storage::Jobs(h->db()).upsert(job->kind, job->key, job->due_at + 15 * 60'000, job->payload);
    h->clock().set(local_time("Europe/Amsterdam", 2026, 12, 7, 0, 5));
    h->fire_jobs();
    auto lea = dms_to(h->take(), "@lea:hs");
    ASSERT_EQ(lea.size(), 1u);
    EXPECT_NE(lea[0].body().find("week 48"), std::string::npos);
}

TEST(DigestDelivery, JobOfFormerLeaderIsDropped) {
    auto h = make();
    // A job for someone who is no longer a leader (config changed without on_start).
    storage::Jobs(h->db()).upsert(digest::kDigestJobKind, "digest:@weg:hs", ms(monday_0830()),
                                  "{\"leader\":\"@weg:hs\"}");
    h->clock().set(monday_0830());
    h->fire_jobs();
    EXPECT_TRUE(dms_to(h->take(), "@weg:hs").empty());
    EXPECT_FALSE(storage::Jobs(h->db()).get("digest:@weg:hs"));
}

// --- restart on the same database file -------------------------------------------------------

namespace {

/// A bot without network on a database file: what main() builds, minus the sender.
struct FileBot {
    std::vector<std::unique_ptr<commands::Feature>> features;
    commands::Catalogue texts;
    commands::Registry registry;
    commands::JobRegistry jobs;
    std::shared_ptr<const config::Config> cfg;
    std::unique_ptr<storage::Database> db;
    std::unique_ptr<commands::Services> s;

    FileBot(const std::string& path, const std::string& yaml, const Clock& clock) {
        ::setenv("DIALOOGBOT_ACCESS_TOKEN", "test-token", 0);
        features.push_back(std::make_unique<commands::CoreFeature>());
        features.push_back(std::make_unique<digest::DigestFeature>());
        features.push_back(std::make_unique<FakeSessions>());
        std::vector<config::SectionSchema> sections;
        std::vector<commands::Feature*> fs;
        for (auto& f : features) {
            f->add_texts(texts);
            f->add_commands(registry);
            f->add_jobs(jobs);
            for (auto& sec : f->config_sections()) sections.push_back(sec);
            fs.push_back(f.get());
        }
        cfg = config::load_config_text(yaml, sections, "<test>").config;
        db = std::make_unique<storage::Database>(path);
        storage::migrate_core(*db);
        for (auto& f : features) storage::migrate_owner(*db, f->name(), f->migrations());
        s.reset(new commands::Services{*db, cfg, texts, registry, jobs, clock,
                                       storage::HandledEvents::load_or_create_key(*db), fs});
        storage::Transaction tx(*db);
        for (auto* f : fs) f->on_start(*s);
        tx.commit();
    }
    std::int64_t digest_rows() {
        return db->scalar_int("SELECT COUNT(*) FROM outbox WHERE kind='dm'");
    }
};

struct TempDb {
    std::string path;
    TempDb() {
        path = (std::filesystem::temp_directory_path() /
                ("digest_test_" + std::to_string(::getpid()) + ".db"))
                   .string();
        cleanup();
    }
    ~TempDb() { cleanup(); }
    void cleanup() {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    }
};

}  // namespace

TEST(DigestExactlyOnce, RestartOnTheSameDatabaseSendsOnce) {
    TempDb file;
    ManualClock clock(wednesday());
    const std::string yaml = base_config(kTeams);
    {
        FileBot bot(file.path, yaml, clock);
        clock.set(monday_0830());
        engine::run_due_jobs(*bot.s, ms(clock.now()));
        // Lea and Olga (Monday) plus Piet (Friday, overdue); the sender has not run (killed).
        EXPECT_EQ(bot.digest_rows(), 3);
    }
    {
        // Restarted a minute later: nothing new, the queued rows are still there once.
        clock.advance(std::chrono::minutes{1});
        FileBot bot(file.path, yaml, clock);
        engine::run_due_jobs(*bot.s, ms(clock.now()));
        EXPECT_EQ(bot.digest_rows(), 3);
        EXPECT_EQ(bot.db->scalar_int("SELECT COUNT(*) FROM digest_sent"), 3);
    }
}

TEST(DigestExactlyOnce, KilledBeforeTheDueTimeSendsWhenBack) {
    TempDb file;
    ManualClock clock(wednesday());
    const std::string yaml = base_config(kTeams);
    { FileBot bot(file.path, yaml, clock); }
    // Down from Wednesday until Tuesday: the Monday digests are overdue, sent once.
    clock.set(local_time("Europe/Amsterdam", 2026, 12, 8, 9, 0));
    for (int run = 0; run < 2; ++run) {
        FileBot bot(file.path, yaml, clock);
        engine::run_due_jobs(*bot.s, ms(clock.now()));
        // Piet's Friday (week 48) plus Lea's and Olga's Monday (week 49).
        EXPECT_EQ(bot.digest_rows(), 3) << "run " << run;
        clock.advance(std::chrono::minutes{5});
    }
}
