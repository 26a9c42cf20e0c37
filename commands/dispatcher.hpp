#pragma once
// From one timeline event to the right handler: ignores the bot's own
// events, every m.notice, edits; strips reply fallbacks; parses `body`; checks where the
// command may be used and the caller's role; hands plain messages and reactions to features.

#include "commands/context.hpp"
#include "commands/registry.hpp"

namespace dialoog::commands {

class Dispatcher {
  public:
    explicit Dispatcher(Services& s) : s_(s) {}
    /// Handles one event of a joined room. Handler exceptions propagate: the caller rolls back
    /// the event's savepoint and answers with an error id.
    void handle(const matrix::Event& ev, const storage::RoomRow& room, Effects& fx);
    /// True when `ev` would be answered as a command (used for catch-up statistics and tests).
    bool is_command(const matrix::Event& ev) const;
    /// Language for `room`: the team's, else the config default.
    std::string language_for(const config::TeamConfig* team) const;
    /// True when `room` is a direct chat between the bot and one person.
    bool is_dm(const storage::RoomRow& room) const;

  private:
    Services& s_;
};

}  // namespace dialoog::commands
