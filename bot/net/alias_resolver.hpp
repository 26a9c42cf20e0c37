#pragma once
// Team rooms may be configured by alias (#team:example.org); the bot works with room ids. This
// resolves the aliases through the room directory (Matrix spec, Client-Server API, "Room
// directory", GET /directory/room/{room_alias}).

#include <memory>
#include <utility>  // Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/awaitable.hpp>

#include "bot/net/matrix_client.hpp"
#include "config/config.hpp"

namespace dialoog::net {

/// A copy of `cfg` in which each team room given as an alias is replaced by its room id; an
/// alias that does not resolve stays (logged: that team's features stay off until a later
/// try succeeds). nullptr when `cfg` names no alias, so there is nothing to replace.
asio::awaitable<std::shared_ptr<const config::Config>> resolve_team_aliases(
    MatrixClient& api, std::shared_ptr<const config::Config> cfg);

}  // namespace dialoog::net
