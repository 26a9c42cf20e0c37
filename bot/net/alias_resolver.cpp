#include "bot/net/alias_resolver.hpp"

#include <spdlog/spdlog.h>

#include <string>

namespace dialoog::net {

asio::awaitable<std::shared_ptr<const config::Config>> resolve_team_aliases(
    MatrixClient& api, std::shared_ptr<const config::Config> cfg) {
    bool any = false;
    for (const auto& t : cfg->teams) any = any || (!t.room.empty() && t.room[0] == '#');
    if (!any) co_return nullptr;
    auto copy = std::make_shared<config::Config>(*cfg);
    for (auto& t : copy->teams) {
        if (t.room.empty() || t.room[0] != '#') continue;
        auto r = co_await api.resolve_alias(t.room);
        if (r) {
            spdlog::info("team {}: alias {} is room {}", t.name, t.room, r->room_id);
            t.room = r->room_id;
        } else {
            spdlog::warn(
                "team {}: cannot resolve room alias {} ({}); the team's features stay "
                "off until it resolves",
                t.name, t.room, r.error().errcode);
        }
    }
    co_return copy;
}

}  // namespace dialoog::net
