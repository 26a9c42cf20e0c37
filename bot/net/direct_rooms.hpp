#pragma once
// The DM room for a user (docs/architecture.md, fx.dm): the one the bot knows, when both are
// still in it, else a new one made with /createRoom and recorded the way Matrix clients find
// it, in the bot's `m.direct` account data (Matrix spec, Client-Server API, "Direct
// Messaging").

#include <string>
#include <utility>  // Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/awaitable.hpp>

#include "bot/net/matrix_client.hpp"
#include "commands/context.hpp"

namespace dialoog::net {

class DirectRooms {
  public:
    /// `api` creates rooms; `services` gives the database, the bot's user id and the clock.
    DirectRooms(commands::Services& services, MatrixClient& api) : services_(services), api_(api) {}

    /// The room_id to send a DM to `user_id` in. A known DM room (storage::Rooms::dm_room) is
    /// used while the bot's membership is "join" and the user has not left or been banned.
    /// Otherwise a room is created (CreateRoomRequest::direct_chat) and, in one transaction,
    /// recorded in rooms, room_members and dm_rooms, with an outbox row that writes the whole
    /// m.direct map. Fails with the /createRoom error (nothing is recorded then).
    asio::awaitable<ApiResult<std::string>> room_for(std::string user_id);

  private:
    /// The known DM room with `user_id`, when the bot and the user are both still in it.
    std::optional<std::string> usable_room(const std::string& user_id);
    /// Records a room just created for `user_id` and queues the new m.direct content.
    void record_created(const std::string& room_id, const std::string& user_id);

    commands::Services& services_;
    MatrixClient& api_;
};

}  // namespace dialoog::net
