#pragma once
// The plugin interface: features are plugins (docs/architecture.md, "Writing a feature").
// The core knows no feature by name: main() builds the list, and the engine calls these hooks.

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "commands/client_voices.hpp"
#include "commands/decision_log.hpp"
#include "commands/digest_contributor.hpp"
#include "config/config.hpp"
#include "storage/migrations.hpp"

namespace dialoog::commands {

class Catalogue;
class Registry;
class JobRegistry;
struct MessageContext;
struct ReactionContext;
struct Services;

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

    // What a feature offers the others, through Services (null when it offers nothing). A
    // feature never includes another feature's headers nor reads its tables.

    /// Its part of the weekly digest and the export.
    virtual DigestContributor* digest() { return nullptr; }
    /// The team's decision log (one feature keeps it).
    virtual DecisionLog* decision_log() { return nullptr; }
    /// Stored client stories (one feature keeps them).
    virtual ClientVoices* client_voices() { return nullptr; }
};

}  // namespace dialoog::commands
