// /sync handling and command overhead (benchmarks, never timed tests).
//
// The fixture is a /sync response generated here, deterministically: 10,000 timeline events
// over 100 rooms (100 per room), rooms 0-49 are team rooms; 1,000 events (10 %) are `!ping`
// commands, all in team rooms (every 5th event there); the rest are Dutch m.text chat and, every
// 10th, an m.reaction. A separate setup response (untimed) joins the 100 rooms with their state
// (create, power levels, the bot and 5 members each), so the timed response is a steady-state
// sync, the kind the bot gets all day.
//
// BM_SyncHandling: raw JSON text -> parse_sync_response -> SyncProcessor::process (the real
// one: one transaction per batch, a savepoint and a handled mark per event, outbox rows, the
// features' hooks) on an on-disk SQLite database in a temp dir, opened by storage::Database
// with the production pragmas (WAL, synchronous=FULL). Each iteration starts from a fresh
// database (untimed). Arguments: features (0 = core only, 1 = every feature of the binary,
// bot/features.cpp) and batches (1 = the 10,000 events in one response; 100 = 100 responses of
// 100 events each, so 100 transactions and fsyncs).
// BM_ParseSync: the parse alone. BM_CommandOverhead*: a parsed `!ping` event to its outbox row,
// per event, with p50/p99 as counters.
//
// `sync_bench --write-fixture DIR` writes DIR/sync_setup.json and DIR/sync_fixture.json (the
// same bytes the benchmark parses) for the matrix-nio peer (bench/peers/nio_bot.py) and exits.
#include <benchmark/benchmark.h>

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bot/engine/sync_processor.hpp"
#include "bot/features.hpp"
#include "commands/catalogue.hpp"
#include "commands/context.hpp"
#include "commands/core/core_feature.hpp"
#include "commands/dispatcher.hpp"
#include "commands/feature.hpp"
#include "commands/registry.hpp"
#include "common/clock.hpp"
#include "config/config.hpp"
#include "matrix/events.hpp"
#include "storage/database.hpp"
#include "storage/handled_events.hpp"
#include "storage/kv_store.hpp"
#include "storage/migrations.hpp"
#include "storage/rooms.hpp"

namespace {

using namespace dialoog;
using nlohmann::json;

constexpr std::int64_t kNow = 1'795'000'000'000;  // 2026-11-18, UTC ms
constexpr int kRooms = 100;
constexpr int kTeamRooms = 50;
constexpr int kEventsPerRoom = 100;
constexpr int kEvents = kRooms * kEventsPerRoom;
constexpr int kMembers = 5;
const std::string kHs = "bench.example";
const std::string kBot = "@bot:bench.example";

std::string room_id(int r) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "!room%03d:", r);
    return buf + kHs;
}
std::string member(int r, int k) {
    return "@u" + std::to_string(r * kMembers + k) + ":" + kHs;
}

// Ordinary team-room chat, no command and nothing the nudge detector looks for.
const char* const kChat[] = {
    "Goedemorgen allemaal, ik ben vandaag vanaf tien uur op kantoor.",
    "Wie kan donderdag de intake van half twee overnemen?",
    "Dank je, dat regel ik na de lunch.",
    "De nieuwe werkinstructie staat in de gedeelde map, graag even lezen voor vrijdag.",
    "Ik heb net een goed gesprek gehad met een werkgever uit de zorg, ze zoeken nog mensen.",
    "Zullen we de casus van vorige week volgende keer nog even nabespreken?",
    "Prima, ik zet het op de agenda.",
    "Is er iemand die ervaring heeft met een proefplaatsing bij de gemeente?",
    "Top, dank voor het meedenken!",
    "Ik ben morgen de hele dag op huisbezoek, bel me gerust als er iets is.",
    "Kunnen we het teamoverleg een half uur later laten beginnen?",
    "Leuk om te horen dat het traject zo goed loopt.",
};

/// One response with, per room, events [from, to) of its timeline.
std::string timeline_response(int batch, int from, int to) {
    json join = json::object();
    for (int r = 0; r < kRooms; ++r) {
        json events = json::array();
        for (int j = from; j < to; ++j) {
            const int seq = r * kEventsPerRoom + j;  // unique over the fixture
            const std::int64_t ts = kNow - static_cast<std::int64_t>(kEvents - seq) * 50;
            json ev = {{"event_id", "$e" + std::to_string(seq) + ":" + kHs},
                       {"sender", member(r, (j * 7 + r) % kMembers)},
                       {"origin_server_ts", ts},
                       {"unsigned", {{"age", kNow - ts}}}};
            if (r < kTeamRooms && j % 5 == 0) {
                ev["type"] = "m.room.message";
                ev["content"] = {{"msgtype", "m.text"}, {"body", "!ping"}};
            } else if (j % 10 == 3) {
                ev["type"] = "m.reaction";
                ev["content"] = {{"m.relates_to",
                                  {{"rel_type", "m.annotation"},
                                   {"event_id", "$e" + std::to_string(seq - 1) + ":" + kHs},
                                   {"key", "\xF0\x9F\x91\x8D"}}}};
            } else {
                ev["type"] = "m.room.message";
                ev["content"] = {{"msgtype", "m.text"},
                                 {"body", kChat[(seq * 2654435761u) % std::size(kChat)]}};
            }
            events.push_back(std::move(ev));
        }
        join[room_id(r)] = {
            {"timeline",
             {{"events", std::move(events)},
              {"limited", false},
              {"prev_batch", "p" + std::to_string(batch) + "_" + std::to_string(r)}}},
            {"state", {{"events", json::array()}}},
            {"ephemeral", {{"events", json::array()}}},
            {"account_data", {{"events", json::array()}}}};
    }
    json resp = {
        {"next_batch", "s" + std::to_string(batch + 2)},
        {"rooms",
         {{"join", std::move(join)}, {"invite", json::object()}, {"leave", json::object()}}}};
    return resp.dump();
}

/// The untimed setup: every room joined with its state.
std::string setup_response() {
    json join = json::object();
    for (int r = 0; r < kRooms; ++r) {
        json state = json::array();
        int n = 0;
        auto add = [&](const std::string& type, const std::string& key, json content,
                       const std::string& sender) {
            state.push_back(
                {{"type", type},
                 {"state_key", key},
                 {"sender", sender},
                 {"event_id", "$s" + std::to_string(r) + "_" + std::to_string(n++) + ":" + kHs},
                 {"origin_server_ts", kNow - 86'400'000},
                 {"content", std::move(content)}});
        };
        add("m.room.create", "", {{"room_version", "10"}}, member(r, 0));
        add("m.room.power_levels", "", {{"users", {{member(r, 0), 100}}}, {"users_default", 0}},
            member(r, 0));
        add("m.room.member", kBot, {{"membership", "join"}}, kBot);
        for (int k = 0; k < kMembers; ++k)
            add("m.room.member", member(r, k), {{"membership", "join"}}, member(r, k));
        join[room_id(r)] = {{"state", {{"events", std::move(state)}}},
                            {"timeline", {{"events", json::array()}, {"limited", false}}}};
    }
    json resp = {{"next_batch", "s1"}, {"rooms", {{"join", std::move(join)}}}};
    return resp.dump();
}

/// The timed responses: `batches` responses that together hold the 10,000 events.
const std::vector<std::string>& fixture(int batches) {
    static std::map<int, std::vector<std::string>> cache;
    auto& v = cache[batches];
    if (v.empty()) {
        const int per = kEventsPerRoom / batches;
        for (int b = 0; b < batches; ++b) v.push_back(timeline_response(b, b * per, (b + 1) * per));
    }
    return v;
}

std::string config_yaml() {
    std::string y =
        "homeserver: http://127.0.0.1:8008\n"
        "bot:\n  user_id: \"" +
        kBot +
        "\"\n  device_id: BENCH\n"
        "storage: \"bench.db\"\n"
        "admins: [\"@admin:" +
        kHs +
        "\"]\n"
        "invites:\n  allow: [\"@*:" +
        kHs +
        "\"]\n"
        "teams:\n";
    for (int r = 0; r < kTeamRooms; ++r)
        y += "  - name: Team " + std::to_string(r) + "\n    room: \"" + room_id(r) +
             "\"\n    leaders: [\"" + member(r, 0) + "\"]\n";
    return y;
}

/// Everything the processor needs, on a database file in a temp dir (like bot/net/bot.cpp).
class World {
  public:
    World(bool all, const std::string& path) : clock_(from_epoch_ms(kNow)) {
        if (all) {
            features_ = all_features();
        } else {
            features_.push_back(std::make_unique<commands::CoreFeature>());
        }
        std::vector<config::SectionSchema> sections;
        for (auto& f : features_) {
            f->add_texts(texts_);
            f->add_commands(registry_);
            f->add_jobs(jobs_);
            for (auto& s : f->config_sections()) sections.push_back(std::move(s));
        }
        auto res = config::load_config_text(config_yaml(), sections, "<bench>");
        if (!res.config) {
            std::string all_errors;
            for (const auto& e : res.errors) all_errors += e.to_string() + "\n";
            throw std::runtime_error("bench config invalid:\n" + all_errors);
        }
        cfg_ = res.config;
        db_ = std::make_unique<storage::Database>(path);
        storage::migrate_core(*db_);
        std::vector<commands::Feature*> fs;
        for (auto& f : features_) {
            storage::migrate_owner(*db_, f->name(), f->migrations());
            fs.push_back(f.get());
        }
        services_.reset(new commands::Services{*db_, cfg_, texts_, registry_, jobs_, clock_,
                                               storage::HandledEvents::load_or_create_key(*db_),
                                               fs});
        dispatcher_ = std::make_unique<commands::Dispatcher>(*services_);
        processor_ = std::make_unique<engine::SyncProcessor>(*services_, *dispatcher_);
        {
            storage::Transaction tx(*db_);
            for (auto* f : fs) f->on_start(*services_);
            tx.commit();
        }
        // Not a first start (a first start does not replay the backlog).
        storage::KvStore(*db_).set("next_batch", "s0");
        auto setup = matrix::parse_sync_response(setup_response());
        processor_->process(setup.value(), false);
    }

    engine::SyncProcessor& processor() { return *processor_; }
    commands::Services& services() { return *services_; }
    commands::Dispatcher& dispatcher() { return *dispatcher_; }
    storage::Database& db() { return *db_; }

  private:
    ManualClock clock_;
    std::vector<std::unique_ptr<commands::Feature>> features_;
    commands::Catalogue texts_;
    commands::Registry registry_;
    commands::JobRegistry jobs_;
    std::shared_ptr<const config::Config> cfg_;
    std::unique_ptr<storage::Database> db_;
    std::unique_ptr<commands::Services> services_;
    std::unique_ptr<commands::Dispatcher> dispatcher_;
    std::unique_ptr<engine::SyncProcessor> processor_;
};

/// A temp dir for this process, removed at exit.
const std::filesystem::path& temp_dir() {
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() /
                 ("dialoog_sync_bench_" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

std::string fresh_db_path(const std::string& name) {
    auto p = temp_dir() / name;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix);
    return p.string();
}

using Clk = std::chrono::steady_clock;
double seconds_since(Clk::time_point t0) {
    return std::chrono::duration<double>(Clk::now() - t0).count();
}

void BM_SyncHandling(benchmark::State& state) {
    const bool all = state.range(0) != 0;
    const int batches = static_cast<int>(state.range(1));
    const auto& texts = fixture(batches);
    std::size_t bytes = 0;
    for (const auto& t : texts) bytes += t.size();
    engine::BatchStats total;
    std::int64_t outbox_rows = 0;
    for (auto _ : state) {
        World w(all, fresh_db_path("sync.db"));
        total = {};
        const auto t0 = Clk::now();
        for (const auto& text : texts) {
            auto parsed = matrix::parse_sync_response(text);
            auto st = w.processor().process(parsed.value(), false);
            total.events += st.events;
            total.handled += st.handled;
            total.duplicates += st.duplicates;
            total.failed += st.failed;
        }
        state.SetIterationTime(seconds_since(t0));
        outbox_rows = w.db().scalar_int("SELECT COUNT(*) FROM outbox");
        const auto handled = w.db().scalar_int("SELECT COUNT(*) FROM handled_events");
        if (total.events != kEvents || handled != kEvents || total.failed != 0 ||
            outbox_rows < kEvents / 10) {
            state.SkipWithError("unexpected result: not every event handled or answered");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations() * kEvents);
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
    state.counters["events"] = total.events;
    state.counters["handled"] = total.handled;
    state.counters["outbox_rows"] = static_cast<double>(outbox_rows);
}
BENCHMARK(BM_SyncHandling)
    ->ArgNames({"all_features", "batches"})
    ->Args({0, 1})
    ->Args({1, 1})
    ->Args({1, 100})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);

void BM_ParseSync(benchmark::State& state) {
    const std::string& text = fixture(1).front();
    for (auto _ : state) {
        auto parsed = matrix::parse_sync_response(text);
        benchmark::DoNotOptimize(parsed);
    }
    state.SetItemsProcessed(state.iterations() * kEvents);
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ParseSync)->Unit(benchmark::kMillisecond)->UseRealTime();

/// A `!ping` event from a member of team room 0, parsed, with a fresh event id.
matrix::Event ping_event(int n) {
    matrix::Event ev;
    ev.event_id = "$ping" + std::to_string(n) + ":" + kHs;
    ev.type = "m.room.message";
    ev.sender = member(0, 1);
    ev.room_id = room_id(0);
    ev.origin_server_ts = kNow - 200;
    ev.content = {{"msgtype", "m.text"}, {"body", "!ping"}};
    return ev;
}

void report_percentiles(benchmark::State& state, std::vector<double>& us, const char* what) {
    if (us.empty()) return;
    std::sort(us.begin(), us.end());
    auto at = [&](double q) {
        return us[static_cast<std::size_t>(q * static_cast<double>(us.size() - 1))];
    };
    state.counters["p50_us"] = at(0.50);
    state.counters["p99_us"] = at(0.99);
    state.counters["max_us"] = us.back();
    std::fprintf(stderr, "%s: n=%zu p50=%.1f us p99=%.1f us max=%.1f us\n", what, us.size(),
                 at(0.50), at(0.99), us.back());
}

/// The whole path of a live sync carrying one `!ping`: process() of a one-event response, i.e.
/// BEGIN IMMEDIATE, savepoint, dispatch, outbox row, handled mark, next_batch, COMMIT (fsync).
void BM_CommandOverheadBatch(benchmark::State& state) {
    const bool all = state.range(0) != 0;
    World w(all, fresh_db_path("cmd_batch.db"));
    std::vector<double> us;
    us.reserve(static_cast<std::size_t>(state.max_iterations));
    int n = 0;
    const auto rows0 = w.db().scalar_int("SELECT COUNT(*) FROM outbox");
    for (auto _ : state) {
        matrix::SyncResponse resp;
        resp.next_batch = "c" + std::to_string(n);
        matrix::JoinedRoom jr;
        jr.room_id = room_id(0);
        jr.timeline.push_back(ping_event(n++));
        resp.join.push_back(std::move(jr));
        const auto t0 = Clk::now();
        w.processor().process(resp, false);
        const double s = seconds_since(t0);
        state.SetIterationTime(s);
        us.push_back(s * 1e6);
    }
    if (w.db().scalar_int("SELECT COUNT(*) FROM outbox") - rows0 != n)
        state.SkipWithError("not one outbox row per !ping");
    report_percentiles(state, us,
                       all ? "command overhead, one-event batch, all features"
                           : "command overhead, one-event batch, core");
}
BENCHMARK(BM_CommandOverheadBatch)
    ->ArgName("all_features")
    ->Arg(0)
    ->Arg(1)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond)
    ->Iterations(1000);

/// The per-event part inside an open batch transaction, the steps of
/// SyncProcessor::handle_timeline_event: handled check, savepoint, room lookup, dispatch
/// (parse, role, handler, outbox row), handled mark, release. The commit (and its fsync) is
/// paid once per batch and left out; every 100 events the transaction is committed untimed.
void BM_CommandOverheadInBatch(benchmark::State& state) {
    const bool all = state.range(0) != 0;
    World w(all, fresh_db_path("cmd_inbatch.db"));
    auto& s = w.services();
    std::vector<double> us;
    us.reserve(static_cast<std::size_t>(state.max_iterations));
    int n = 0;
    const auto rows0 = w.db().scalar_int("SELECT COUNT(*) FROM outbox");
    auto tx = std::make_unique<storage::Transaction>(w.db());
    for (auto _ : state) {
        const matrix::Event ev = ping_event(n++);
        const auto t0 = Clk::now();
        storage::HandledEvents handled(s.db, s.mark_key);
        if (!handled.seen(ev.event_id)) {
            storage::Savepoint sp(s.db, "ev" + std::to_string(n));
            auto room = storage::Rooms(s.db).get(ev.room_id);
            commands::Effects fx(s.db, s.clock, s.mark_key, ev.event_id);
            w.dispatcher().handle(ev, *room, fx);
            handled.mark(ev.event_id, s.now_ms());
            sp.release();
        }
        const double sec = seconds_since(t0);
        state.SetIterationTime(sec);
        us.push_back(sec * 1e6);
        if (n % 100 == 0) {
            tx->commit();
            tx = std::make_unique<storage::Transaction>(w.db());
        }
    }
    tx->commit();
    if (w.db().scalar_int("SELECT COUNT(*) FROM outbox") - rows0 != n)
        state.SkipWithError("not one outbox row per !ping");
    report_percentiles(
        state, us,
        all ? "command overhead, in a batch, all features" : "command overhead, in a batch, core");
}
BENCHMARK(BM_CommandOverheadInBatch)
    ->ArgName("all_features")
    ->Arg(0)
    ->Arg(1)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond)
    ->Iterations(5000);

int write_fixture(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "sync_setup.json", std::ios::binary) << setup_response();
    std::ofstream(dir / "sync_fixture.json", std::ios::binary) << fixture(1).front();
    std::printf("wrote %s and %s (%d events, %d rooms)\n", (dir / "sync_setup.json").c_str(),
                (dir / "sync_fixture.json").c_str(), kEvents, kRooms);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--write-fixture") == 0) return write_fixture(argv[i + 1]);
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "bench-token", 0);  // the config needs a token source
    spdlog::set_level(spdlog::level::warn);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::error_code ec;
    std::filesystem::remove_all(temp_dir(), ec);
    return 0;
}
