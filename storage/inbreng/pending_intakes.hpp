#pragma once
// Intakes waiting for the submitter's answer. The only table where a sender is stored next to
// a (scrubbed) text; a row lives from the first !inbreng until "ja", "nee" or expiry.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace dialoog::inbreng {

/// Where a dialogue stands: waiting for the text, the team, the theme, or the "ja".
enum class Stage { Text, Team, Theme, Confirm };

std::string_view to_string(Stage s);
Stage stage_from(std::string_view s);

struct PendingIntake {
    std::int64_t id = 0;
    std::string sender;
    std::string room_id;
    Stage stage = Stage::Text;
    std::string scrubbed;
    std::optional<std::string> team;
    std::vector<std::string> tags;
    std::vector<std::string> event_ids;  // the submitter's messages that carried the story
    std::int64_t updated_at = 0;
};

class PendingIntakes {
  public:
    explicit PendingIntakes(storage::Database& db) : db_(db) {}

    std::optional<PendingIntake> by_sender(std::string_view sender);
    std::optional<PendingIntake> by_id(std::int64_t id);
    /// Inserts (id == 0) or updates the row; returns its id. One row per sender: inserting for
    /// a sender who has one replaces it.
    std::int64_t save(PendingIntake& p);
    void remove(std::int64_t id);
    std::int64_t count();
    /// Ids of the intakes not updated since `cutoff_ms` (UTC ms) or earlier, oldest id first.
    std::vector<std::int64_t> idle_since(std::int64_t cutoff_ms);

  private:
    storage::Database& db_;
};

}  // namespace dialoog::inbreng
