#pragma once
// Gap filling: a /sync timeline marked `limited` left out events between the previous batch
// and this one (Matrix spec, Client-Server API, "Syncing": limited timelines and prev_batch).
// The missing events are fetched with /messages and put in front of the timeline, so that no
// command in the gap goes unanswered.

#include <optional>
#include <string>
#include <utility>  // Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/awaitable.hpp>

#include "bot/net/matrix_client.hpp"
#include "matrix/events.hpp"

namespace dialoog::net {

/// True when a joined room's timeline in `resp` is limited and can be filled (has prev_batch).
bool has_gaps(const matrix::SyncResponse& resp);

/// For each joined room of `resp` whose timeline is limited: pages backwards from its
/// prev_batch to `since` (the position the batch was requested from), at most 10 pages of 100
/// events, and prepends the events not already in the timeline (oldest first). Returns the
/// first error when a gap stayed (partly) open: a failed /messages call (retry_after_ms set
/// for 429) or an unreadable page (Errcode::BadJson); the events found are kept either way.
asio::awaitable<std::optional<ApiError>> fill_gaps(MatrixClient& api, matrix::SyncResponse& resp,
                                                   const std::string& since);

}  // namespace dialoog::net
