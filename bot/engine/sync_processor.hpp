#pragma once
// The exactly-once core (docs/architecture.md, "Exactly once"). One SQLite
// transaction per /sync batch, a savepoint per event:
//   - an event already in handled_events is skipped;
//   - otherwise its handler runs and the handled mark, state changes and outbox rows are
//     written in the savepoint;
//   - a handler that throws is rolled back, logged with an error id, answered with a generic
//     message, and still marked handled (a poison event must not loop);
//   - next_batch is saved in the same transaction.
// A crash anywhere re-delivers at most the uncommitted batch, whose marks absorb repeats.
// Pure: no network, no Asio; the caller brings the parsed response (gaps already filled).

#include <cstdint>
#include <string>

#include "commands/context.hpp"
#include "commands/dispatcher.hpp"
#include "matrix/events.hpp"

namespace dialoog::engine {

struct BatchStats {
    int events = 0;        // timeline events seen
    int handled = 0;       // dispatched to a handler
    int duplicates = 0;    // skipped: handled before
    int too_old = 0;       // skipped: older than catch_up_max_age
    int failed = 0;        // handler threw
    int invites = 0;       // invites acted on
    int not_replayed = 0;  // first start: backlog not replayed
};

class SyncProcessor {
  public:
    SyncProcessor(commands::Services& s, commands::Dispatcher& d);
    /// Processes one batch. `initial` is true for the very first sync of a fresh database:
    /// then only room state and pending invites are handled, not the backlog.
    /// Throws storage::DbError only when the transaction itself cannot commit (disk full); then
    /// nothing of the batch is kept and the caller retries the same `since`.
    BatchStats process(const matrix::SyncResponse& resp, bool initial);

    /// The saved sync position, if any.
    std::optional<std::string> next_batch();

  private:
    void handle_invite(const matrix::InvitedRoom& inv, BatchStats& st);
    void handle_join(const matrix::JoinedRoom& jr, bool initial, BatchStats& st);
    void handle_leave(const matrix::LeftRoom& lr, bool initial);
    void apply_state(const matrix::Event& ev);
    void handle_timeline_event(const matrix::Event& ev, const std::string& room_id, BatchStats& st);

    commands::Services& s_;
    commands::Dispatcher& d_;
    int savepoint_seq_ = 0;
};

}  // namespace dialoog::engine
