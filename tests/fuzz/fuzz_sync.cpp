// libFuzzer target for /sync handling: parses the input as a sync response and, when it
// parses, runs it through the real SyncProcessor + Dispatcher (core feature) on an in-memory
// database, twice (the second run must add no outbox rows: exactly once).
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "bot/engine/sync_processor.hpp"
#include "commands/core/core_feature.hpp"
#include "commands/dispatcher.hpp"
#include "config/config.hpp"
#include "storage/handled_events.hpp"
#include "storage/kv_store.hpp"
#include "storage/migrations.hpp"

using namespace dialoog;

namespace {
struct World {
    ManualClock clock{from_epoch_ms(1'795'000'000'000)};
    commands::CoreFeature core;
    commands::Catalogue texts;
    commands::Registry registry;
    commands::JobRegistry jobs;
    std::shared_ptr<const config::Config> cfg;
    World() {
        core.add_texts(texts);
        core.add_commands(registry);
        ::setenv("DIALOOGBOT_ACCESS_TOKEN", "t", 1);
        cfg = config::load_config_text(
                  "homeserver: http://127.0.0.1:8008\nbot:\n  user_id: \"@bot:hs\"\nstorage: x\n"
                  "admins: [\"@admin:hs\"]\ninvites:\n  allow: [\"@*:hs\"]\nteams:\n"
                  "  - name: T\n    room: \"!a:hs\"\n    leaders: [\"@l:hs\"]\n",
                  {})
                  .config;
        if (!cfg) std::abort();
    }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static World w;
    auto parsed =
        matrix::parse_sync_response(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!parsed) return 0;
    storage::Database db(":memory:");
    storage::migrate_core(db);
    commands::Services s{db,
                         w.cfg,
                         w.texts,
                         w.registry,
                         w.jobs,
                         w.clock,
                         storage::HandledEvents::load_or_create_key(db),
                         {&w.core}};
    commands::Dispatcher d(s);
    engine::SyncProcessor p(s, d);
    storage::KvStore(db).set("next_batch", "s0");
    p.process(parsed.value(), false);
    auto rows = db.scalar_int("SELECT COUNT(*) FROM outbox");
    p.process(parsed.value(), false);
    if (db.scalar_int("SELECT COUNT(*) FROM outbox") != rows) std::abort();
    return 0;
}
