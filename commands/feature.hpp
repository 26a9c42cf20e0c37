#pragma once
// The plugin interface: features are plugins (docs/architecture.md, "Writing a feature").
// The core knows no feature by name: main() builds the list, and the engine calls these hooks.

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "storage/migrations.hpp"

namespace dialoog::commands {

class Catalogue;
class Registry;
class JobRegistry;
struct MessageContext;
struct ReactionContext;
struct Services;

/// What a feature contributes to a leader's weekly digest for one team and one ISO week.
struct DigestRequest {
    const config::TeamConfig* team = nullptr;
    std::string lang;
    std::int64_t week_start_ms = 0;  // Monday 00:00 local, as UTC ms
    std::int64_t week_end_ms = 0;    // next Monday 00:00 local, as UTC ms
};

class Feature {
  public:
    virtual ~Feature() = default;
    /// Short id used for schema versions and logs, e.g. "casus".
    virtual std::string_view name() const = 0;
    virtual std::vector<storage::Migration> migrations() const { return {}; }
    virtual void add_texts(Catalogue&) const {}
    virtual void add_commands(Registry&) {}
    virtual void add_jobs(JobRegistry&) {}
    virtual std::vector<config::SectionSchema> config_sections() const { return {}; }
    /// True when this feature wants the bot to accept an invite from `inviter` that the
    /// core's invites.allow does not cover (e.g. intake DMs from client representatives).
    virtual bool accepts_invite(const std::string& /*inviter*/, bool /*is_direct*/) const {
        return false;
    }
    /// After migrations, in a transaction: e.g. make sure recurring jobs exist.
    virtual void on_start(Services&) {}
    /// Every m.room.message that is not a command, in a joined room, inside its savepoint.
    virtual void on_message(MessageContext&) {}
    /// Every m.reaction in a joined room.
    virtual void on_reaction(ReactionContext&) {}
    /// The bot's own m.room.message events as they come back in /sync. The only way to learn
    /// the event id of a message the outbox sent (e.g. a thread root the feature marked with a
    /// custom content key). Never answer here: it would loop.
    virtual void on_own_message(MessageContext&) {}
    /// The feature's Markdown section of a digest (heading included); empty when none.
    virtual std::string digest_section(Services&, const DigestRequest&) { return {}; }
};

}  // namespace dialoog::commands
