#pragma once
// Repository of posted intervision prompts (intervisie_post) and their distinct-replier
// counting. Only the number of repliers is kept for long; the keyed hashes used to count
// distinct people are deleted after a week.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace dialoog::intervisie {

struct PromptPost {
    std::int64_t id = 0;
    std::string team;
    std::string room_id;
    std::string prompt_id;
    int cycle = 0;
    std::int64_t posted_at = 0;
    std::optional<std::string> root_event_id;
    int replies = 0;
};

class PromptPosts {
  public:
    explicit PromptPosts(storage::Database& db) : db_(db) {}
    std::int64_t insert(const PromptPost& p);
    std::optional<PromptPost> get(std::int64_t id);
    std::optional<PromptPost> by_root(std::string_view root_event_id);
    void set_root(std::int64_t id, std::string_view root_event_id);
    /// The current cycle of `team` (0 when nothing was posted) and the prompt ids used in it.
    int current_cycle(std::string_view team);
    std::set<std::string> used_in_cycle(std::string_view team, int cycle);
    /// Records a replier (keyed hash) and updates the post's count; returns the count.
    int add_replier(std::int64_t post_id, std::string_view sender_hash);
    /// Deletes replier hashes of posts posted at or before `cutoff` (counts stay).
    void forget_repliers_before(std::int64_t cutoff);
    std::vector<PromptPost> between(std::string_view team, std::int64_t from, std::int64_t to);

  private:
    storage::Database& db_;
};

}  // namespace dialoog::intervisie
