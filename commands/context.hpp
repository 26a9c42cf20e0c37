#pragma once
// What a handler sees: the services (database, config, texts, clock), the effects writer,
// and the event with its room, team, caller role and language.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands/catalogue.hpp"
#include "commands/client_voices.hpp"
#include "commands/command_parser.hpp"
#include "commands/decision_log.hpp"
#include "commands/digest_contributor.hpp"
#include "commands/effects.hpp"
#include "commands/roles.hpp"
#include "common/clock.hpp"
#include "config/config.hpp"
#include "matrix/events.hpp"
#include "storage/database.hpp"
#include "storage/jobs.hpp"
#include "storage/rooms.hpp"

namespace dialoog::commands {

class Registry;
class JobRegistry;
class Feature;

/// Long-lived services shared by all handlers of one bot (one database connection).
struct Services {
    storage::Database& db;
    std::shared_ptr<const config::Config> config;
    const Catalogue& texts;
    const Registry& registry;
    const JobRegistry& jobs;
    const Clock& clock;
    std::string mark_key;  // raw secret for txn_ids (never logged)
    std::vector<Feature*> features;

    const config::Config& cfg() const { return *config; }
    std::int64_t now_ms() const { return to_epoch_ms(clock.now()); }

    /// The decision log a feature offers; null when no built-in feature keeps one.
    DecisionLog* decision_log() const;
    /// The stored client stories a feature offers; null when no built-in feature keeps them.
    ClientVoices* client_voices() const;
    /// A feature's part of the digest and the export, with the feature's name (for logs).
    struct DigestPart {
        std::string_view feature;
        DigestContributor* contributor = nullptr;
    };
    /// Every feature's digest part, in digest_order() (equal orders by feature name).
    std::vector<DigestPart> digest_parts() const;
};

/// Shared by command, message and reaction contexts.
struct EventContext {
    Services& s;
    Effects& fx;
    const matrix::Event& event;
    const storage::RoomRow& room;
    const config::TeamConfig* team = nullptr;  // null outside team rooms
    Role role = Role::Member;
    std::string lang = "nl";
    bool is_dm = false;

    std::string text(std::string_view key, const TextArgs& args = {}) const {
        return s.texts.get(lang, key, args);
    }
    /// Answers the event: in its thread when it is in one, else as a rich reply.
    void reply(std::string_view markdown, const std::vector<std::string>& mentions = {}) {
        fx.notice(room.room_id, markdown, matrix::reply_relation(event), mentions);
    }
    void reply_text(std::string_view key, const TextArgs& args = {}) { reply(text(key, args)); }
    /// Answers the event with an uploaded file (m.file), where reply() would post.
    void reply_file(std::string_view filename, std::string_view content_type,
                    std::string_view data) {
        fx.file(room.room_id, filename, content_type, data, matrix::reply_relation(event));
    }
};

struct CommandContext : EventContext {
    ParsedCommand cmd;
};

struct MessageContext : EventContext {
    std::string body;  // reply fallback stripped
};

struct ReactionContext : EventContext {
    std::string relates_to;  // the event reacted to
    std::string key;         // the emoji
};

/// A scheduled job being fired. Reschedule it with `reschedule`; otherwise it is removed.
struct JobContext {
    Services& s;
    Effects& fx;
    const storage::Job& job;
    nlohmann::json payload;
    bool rescheduled = false;
    void reschedule(std::int64_t due_at_ms) {
        storage::Jobs(s.db).upsert(job.kind, job.key, due_at_ms, payload.dump());
        rescheduled = true;
    }
};

/// Job kinds -> handlers.
class JobRegistry {
  public:
    using Handler = std::function<void(JobContext&)>;
    void add(std::string kind, Handler h) { handlers_[std::move(kind)] = std::move(h); }
    const Handler* find(std::string_view kind) const {
        auto it = handlers_.find(std::string(kind));
        return it == handlers_.end() ? nullptr : &it->second;
    }

  private:
    std::map<std::string, Handler> handlers_;
};

}  // namespace dialoog::commands
