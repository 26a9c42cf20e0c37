#pragma once
// Test harness for pure handler tests: an in-memory database, a manual clock, a config from
// YAML text, the features' texts/commands/jobs, and helpers that push events through the real
// SyncProcessor and read back what landed in the outbox. No network, no sleeping.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bot/engine/job_runner.hpp"
#include "bot/engine/sync_processor.hpp"
#include "commands/catalogue.hpp"
#include "commands/context.hpp"
#include "commands/dispatcher.hpp"
#include "commands/feature.hpp"
#include "commands/registry.hpp"
#include "common/clock.hpp"
#include "config/config.hpp"
#include "storage/database.hpp"
#include "storage/handled_events.hpp"
#include "storage/migrations.hpp"
#include "storage/outbox.hpp"

namespace dialoog::testing {

/// "@bot:hs" and friends used by default.
inline const std::string kBot = "@bot:hs";

/// A minimal valid config; `extra` is appended (e.g. a teams: block).
inline std::string base_config(const std::string& extra = "") {
    return "homeserver: http://127.0.0.1:8008\n"
           "bot:\n  user_id: \"@bot:hs\"\n  device_id: TEST\n"
           "storage: \":memory:\"\n"
           "admins: [\"@admin:hs\"]\n"
           "invites:\n  allow: [\"@*:hs\"]\n" +
           extra;
}

/// One message seen in the outbox (pending rows, in order).
struct SentMessage {
    std::string kind;  // send | dm | redact | join | leave | account_data
    std::string room_id;
    std::string target_user;
    nlohmann::json content;
    std::string body() const { return content.value("body", ""); }
    std::string txn_id;
};

class Harness {
  public:
    /// `features`: the features under test (the core feature is always included first).
    /// `config_yaml`: full config text (use base_config()). Throws when the config is invalid,
    /// printing its errors.
    Harness(std::vector<std::unique_ptr<commands::Feature>> features,
            const std::string& config_yaml,
            UtcMs start = UtcMs{std::chrono::milliseconds{1'795'000'000'000}});

    /// Creates a joined room with `members` (bot included automatically) and power levels
    /// (user -> level). Processed like a sync with the bot joined.
    void join_room(const std::string& room_id, const std::vector<std::string>& members,
                   const std::map<std::string, int>& power = {});
    /// Marks `room_id` as a DM with `user` (as if the bot had created it).
    void make_dm(const std::string& room_id, const std::string& user);

    /// Sends an m.room.message (m.text) from `sender`; returns its event id. Runs the sync
    /// processor on a one-event batch. `content_extra` is merged into content.
    std::string send(const std::string& room_id, const std::string& sender, const std::string& body,
                     const nlohmann::json& content_extra = nlohmann::json::object());
    /// Sends `body` in the thread with root `thread_root`.
    std::string send_in_thread(const std::string& room_id, const std::string& sender,
                               const std::string& body, const std::string& thread_root);
    /// Pushes any event (type, content) from `sender`.
    std::string send_event(const std::string& room_id, const std::string& sender,
                           const std::string& type, const nlohmann::json& content,
                           std::optional<std::string> state_key = std::nullopt);
    /// Re-delivers an earlier event id (duplicate across syncs).
    void redeliver(const std::string& room_id, const std::string& event_id,
                   const std::string& sender, const std::string& body);

    /// Runs due jobs at the current clock time.
    engine::JobStats fire_jobs();
    /// Advances the clock and fires due jobs.
    void advance(std::chrono::milliseconds d);

    /// All pending outbox rows, oldest first; `take()` also marks them sent.
    std::vector<SentMessage> pending();
    std::vector<SentMessage> take();
    /// Bodies of pending sends to `room_id` (marks all pending rows sent).
    std::vector<std::string> take_bodies(const std::string& room_id);
    /// The last reply (any room); fails the test if none.
    std::string last_body();

    storage::Database& db() { return *db_; }
    commands::Services& services() { return *services_; }
    ManualClock& clock() { return clock_; }
    const config::Config& cfg() const { return *cfg_; }

  private:
    std::string next_event_id();
    void push(matrix::SyncResponse resp);

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
    int event_seq_ = 0;
    int batch_seq_ = 0;
};

}  // namespace dialoog::testing
