// Follow-up reminders as scheduled jobs: on the date with a mention, once more after three
// days unless something was logged, never for closed decisions, once across a restart, and
// for decisions other features add through the decision log (record_besluit).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "bot/engine/job_runner.hpp"
#include "commands/tenzij/besluit_log.hpp"
#include "commands/tenzij/tenzij_feature.hpp"
#include "storage/handled_events.hpp"
#include "storage/jobs.hpp"
#include "storage/tenzij/besluiten.hpp"
#include "support/harness.hpp"

using namespace dialoog;
using namespace dialoog::testing;
using nlohmann::json;

namespace {

const std::string kRoom = "!team:hs";
const std::string kMember = "@anna:hs";
constexpr auto kDays = [](int n) { return std::chrono::hours(24 * n); };

std::vector<std::unique_ptr<commands::Feature>> tenzij_only() {
    std::vector<std::unique_ptr<commands::Feature>> v;
    v.push_back(std::make_unique<tenzij::TenzijFeature>());
    return v;
}

std::string yaml_config() {
    return base_config(
        "teams:\n  - name: Team Noord\n    room: \"!team:hs\"\n    leaders: [\"@leider:hs\"]\n"
        "    timezone: Europe/Amsterdam\n");
}

std::vector<SentMessage> sends(Harness& h) {
    std::vector<SentMessage> out;
    for (auto& m : h.take())
        if (m.kind == "send") out.push_back(m);
    return out;
}

struct Fixture {
    Fixture() : h(tenzij_only(), yaml_config()) {
        h.join_room(kRoom, {"@leider:hs", kMember, "@bob:hs"});
        h.take();
    }
    Harness h;
};

}  // namespace

TEST(TenzijReminder, OnTheDateThenOnceMoreAfterThreeDays) {
    Fixture f;
    f.h.send(kRoom, kMember, "!besluit Werkgever bellen tenzij hij zelf belt eigenaar @bob:hs");
    f.h.take();
    f.h.advance(kDays(13));
    EXPECT_TRUE(sends(f.h).empty());
    f.h.advance(kDays(1) + std::chrono::hours(12));  // past 09:00 on day 14
    auto first = sends(f.h);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].room_id, kRoom);
    EXPECT_EQ(first[0].content["m.mentions"]["user_ids"], json::array({"@bob:hs"}));
    EXPECT_NE(first[0].body().find("@bob:hs"), std::string::npos);
    EXPECT_NE(first[0].body().find("#1"), std::string::npos);
    EXPECT_NE(first[0].body().find("hij zelf belt"), std::string::npos);
    auto b = tenzij::Besluiten(f.h.db()).get(1);
    EXPECT_EQ(b->reminders_sent, 1);

    f.h.advance(kDays(2));
    EXPECT_TRUE(sends(f.h).empty());
    f.h.advance(kDays(1));
    auto second = sends(f.h);
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].content["m.mentions"]["user_ids"], json::array({"@bob:hs"}));
    EXPECT_NE(second[0].body().find("weekoverzicht"), std::string::npos);
    EXPECT_FALSE(storage::Jobs(f.h.db()).get("besluit:1:opvolging"));
    f.h.advance(kDays(30));
    EXPECT_TRUE(sends(f.h).empty());
}

TEST(TenzijReminder, NoSecondReminderWhenSomethingWasLogged) {
    Fixture f;
    f.h.send(kRoom, kMember, "!besluit Bellen opvolging over 2 dagen");
    f.h.take();
    f.h.advance(kDays(2) + std::chrono::hours(1));
    EXPECT_EQ(sends(f.h).size(), 1u);
    f.h.send(kRoom, kMember, "!opvolging 1 Gebeld, wacht op antwoord");
    f.h.take();
    f.h.advance(kDays(4));
    EXPECT_TRUE(sends(f.h).empty());
}

TEST(TenzijReminder, ClosedDecisionsAreNotReminded) {
    Fixture f;
    f.h.send(kRoom, kMember, "!besluit Bellen opvolging over 2 dagen");
    f.h.send(kRoom, kMember, "!besluit 1 afgerond Gebeld en geregeld");
    f.h.take();
    f.h.advance(kDays(10));
    EXPECT_TRUE(sends(f.h).empty());
    EXPECT_EQ(f.h.db().scalar_int("SELECT COUNT(*) FROM jobs"), 0);
}

TEST(TenzijReminder, InsertFromAnotherFeatureGetsReminders) {
    Fixture f;
    const std::int64_t now = f.h.services().now_ms();
    tenzij::NewBesluit nb;
    nb.team = "Team Noord";
    nb.description = "Cliënt uitnodigen voor een vervolggesprek";
    nb.owner = kMember;
    nb.due_ms = now + 5LL * 24 * 3600 * 1000;
    nb.source = "casus:7";
    nb.created_ms = now;
    std::int64_t id = tenzij::record_besluit(f.h.db(), nb);
    EXPECT_EQ(id, 1);
    auto job = storage::Jobs(f.h.db()).get("besluit:1:opvolging");
    ASSERT_TRUE(job);
    EXPECT_EQ(job->due_at, nb.due_ms);

    f.h.send(kRoom, kMember, "!besluiten");
    EXPECT_NE(f.h.last_body().find("vervolggesprek"), std::string::npos);
    f.h.send(kRoom, kMember, "!besluit 1");
    EXPECT_NE(f.h.last_body().find("casusbespreking #7"), std::string::npos);

    f.h.advance(kDays(5));
    auto first = sends(f.h);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].content["m.mentions"]["user_ids"], json::array({kMember}));
    f.h.advance(kDays(3));
    EXPECT_EQ(sends(f.h).size(), 1u);
}

// A "restart": a new process opens the same database file with fresh services and fires the
// jobs it finds there, each exactly once.
TEST(TenzijReminder, RemindersAfterARestartFireOnce) {
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "test-token", 0);
    auto path = (std::filesystem::temp_directory_path() /
                 ("tenzij_restart_" + std::to_string(::getpid()) + ".db"))
                    .string();
    std::filesystem::remove(path);
    const std::int64_t start = 1'795'000'000'000;
    const std::int64_t due = start + 2LL * 24 * 3600 * 1000;

    struct Process {
        explicit Process(const std::string& path, std::int64_t now)
            : clock(UtcMs{std::chrono::milliseconds{now}}), db(path) {
            auto f = std::make_unique<tenzij::TenzijFeature>();
            f->add_texts(texts);
            f->add_commands(registry);
            f->add_jobs(jobs);
            auto res = config::load_config_text(yaml_config(), f->config_sections(), "<test>");
            if (!res.config) throw std::runtime_error("config");
            cfg = res.config;
            storage::migrate_core(db);
            storage::migrate_owner(db, f->name(), f->migrations());
            feature = std::move(f);
            services.reset(new commands::Services{db,
                                                  cfg,
                                                  texts,
                                                  registry,
                                                  jobs,
                                                  clock,
                                                  storage::HandledEvents::load_or_create_key(db),
                                                  {feature.get()}});
            storage::Rooms(db).set_membership(kRoom, "join", now);
        }
        std::int64_t sent() { return db.scalar_int("SELECT COUNT(*) FROM outbox"); }
        engine::JobStats fire_at(std::int64_t ms) {
            clock.set(UtcMs{std::chrono::milliseconds{ms}});
            return engine::run_due_jobs(*services, ms);
        }
        ManualClock clock;
        storage::Database db;
        commands::Catalogue texts;
        commands::Registry registry;
        commands::JobRegistry jobs;
        std::shared_ptr<const config::Config> cfg;
        std::unique_ptr<commands::Feature> feature;
        std::unique_ptr<commands::Services> services;
    };

    {
        Process p(path, start);
        storage::Transaction tx(p.db);
        tenzij::record_besluit(p.db, {"Team Noord", "Bellen", std::nullopt, kMember, due, "chat",
                                      start, std::nullopt});
        tx.commit();
        EXPECT_EQ(p.fire_at(due - 1).fired, 0);
    }  // the process stops before the date
    {
        Process p(path, due + 1000);
        EXPECT_EQ(p.fire_at(due + 1000).fired, 1);
        EXPECT_EQ(p.sent(), 1);
        EXPECT_EQ(p.fire_at(due + 2000).fired, 0);
        EXPECT_EQ(p.sent(), 1);
    }
    {
        Process p(path, due + 5000);
        EXPECT_EQ(p.fire_at(due + 5000).fired, 0);  // already reminded: not again
        EXPECT_EQ(p.sent(), 1);
        EXPECT_EQ(p.fire_at(due + 1000 + 3LL * 24 * 3600 * 1000).fired, 1);
        EXPECT_EQ(p.sent(), 2);
        EXPECT_EQ(p.fire_at(due + 10LL * 24 * 3600 * 1000).fired, 0);
        EXPECT_EQ(p.sent(), 2);
    }
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
}
