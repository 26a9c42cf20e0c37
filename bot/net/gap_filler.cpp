#include "bot/net/gap_filler.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <vector>

namespace dialoog::net {

bool has_gaps(const matrix::SyncResponse& resp) {
    for (const auto& jr : resp.join)
        if (jr.limited && jr.prev_batch) return true;
    return false;
}

asio::awaitable<std::optional<ApiError>> fill_gaps(MatrixClient& api, matrix::SyncResponse& resp,
                                                   const std::string& since) {
    std::optional<ApiError> failure;
    for (auto& jr : resp.join) {
        if (!jr.limited || !jr.prev_batch) continue;
        std::vector<matrix::Event> older;  // newest first while paging
        std::string from = *jr.prev_batch;
        bool ok = true;
        for (int page = 0; page < 10; ++page) {
            auto r = co_await api.messages_backwards(jr.room_id, from, since, 100);
            if (!r) {
                ok = false;
                spdlog::warn("room {}: could not fill a sync gap ({} {})", jr.room_id,
                             r.error().http_status, r.error().errcode);
                if (!failure) failure = r.error();
                break;
            }
            auto pageres = matrix::parse_messages_response(r.value(), jr.room_id);
            if (!pageres) {
                ok = false;
                spdlog::warn("room {}: unusable /messages page while filling a sync gap",
                             jr.room_id);
                if (!failure) failure = pageres.error();
                break;
            }
            if (pageres->chunk.empty()) break;
            for (auto& ev : pageres->chunk) older.push_back(std::move(ev));
            if (!pageres->end || *pageres->end == from) break;
            from = *pageres->end;
        }
        if (older.empty()) continue;
        std::reverse(older.begin(), older.end());
        // Keep only events not already in the timeline.
        std::vector<matrix::Event> merged;
        for (auto& ev : older) {
            bool dup = false;
            for (const auto& t : jr.timeline) dup = dup || t.event_id == ev.event_id;
            if (!dup) merged.push_back(std::move(ev));
        }
        spdlog::info("room {}: filled a sync gap with {} events{}", jr.room_id, merged.size(),
                     ok ? "" : " (partly)");
        for (auto& t : jr.timeline) merged.push_back(std::move(t));
        jr.timeline = std::move(merged);
    }
    co_return failure;
}

}  // namespace dialoog::net
