#include "bot/tools/status.hpp"

#include <filesystem>
#include <iostream>

#include "lib/wanneer/wanneer.hpp"
#include "storage/backup.hpp"
#include "storage/database.hpp"
#include "storage/jobs.hpp"
#include "storage/kv_store.hpp"
#include "storage/migrations.hpp"
#include "storage/outbox.hpp"
#include "storage/rooms.hpp"

namespace dialoog::tools {

std::string utc_ms_text(std::int64_t ms) {
    return wanneer::format_utc_iso(wanneer::UtcMs{std::chrono::milliseconds{ms}});
}

int print_status(const config::Config& cfg, std::ostream& out) {
    if (cfg.storage.empty() || !std::filesystem::is_regular_file(cfg.storage)) {
        // Reading the status must not create an empty database (and report it as "never").
        out << "no database at \"" << cfg.storage
            << "\": the bot creates it on its first start (check storage: in the config)\n";
        return 1;
    }
    try {
        storage::Database db(cfg.storage);
        storage::migrate_core(db);
        storage::KvStore kv(db);
        out << "database: " << cfg.storage << "\n";
        auto last = kv.get("last_sync_ms");
        out << "last sync: " << (last ? utc_ms_text(std::stoll(*last)) : std::string("never"))
            << "\n";
        out << "sync position saved: " << (kv.get("next_batch") ? "yes" : "no") << "\n";
        out << "\nrooms:\n";
        for (const auto& r : storage::Rooms(db).all()) {
            const auto* team = cfg.team_for_room(r.room_id);
            out << "  " << r.room_id << "  " << r.membership << (r.encrypted ? "  encrypted" : "")
                << (r.is_direct ? "  direct" : "") << (team ? "  team: " + team->name : "") << "\n";
        }
        out << "\nteams:\n";
        for (const auto& t : cfg.teams) {
            auto row = storage::Rooms(db).get(t.room);
            out << "  " << t.name << "  room " << t.room << "  "
                << (row ? row->membership : std::string("not joined")) << "  leaders "
                << t.leaders.size() << "  " << t.language << " " << t.timezone << "\n";
        }
        storage::Outbox outbox(db);
        auto c = outbox.counts();
        out << "\noutbox: " << c.pending << " pending, " << c.failed << " failed, " << c.sent
            << " sent (kept 24 h)\n";
        for (const auto& f : outbox.failed_rows(20))
            out << "  failed #" << f.id << " " << storage::to_string(f.kind) << " "
                << f.room_id.value_or(f.target_user.value_or("")) << " created "
                << utc_ms_text(f.created_at) << " attempts " << f.attempts << "\n";
        out << "\nnext scheduled jobs:\n";
        for (const auto& j : storage::Jobs(db).upcoming(10))
            out << "  " << utc_ms_text(j.due_at) << "  " << j.kind << "  " << j.key << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "cannot read the database: " << e.what() << "\n";
        return 1;
    }
}

int backup_database(const std::string& db_path, const std::string& out_path) {
    try {
        storage::backup_database(db_path, out_path);
        std::cout << "backup written to " << out_path << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "backup failed: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace dialoog::tools
