#pragma once
// Stored client input (inbreng): the scrubbed text, team, theme tags and ISO week, nothing that
// points back to the client or the representative who sent it (data minimisation).
// Other features read a story through commands::ClientVoices, which InbrengFeature offers.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace dialoog::inbreng {

/// One stored input. `tags` are lowercase keys ("systeem", free tags), in the order given.
struct Input {
    std::int64_t id = 0;
    std::string team;
    std::string week;  // "2026-W49"
    std::vector<std::string> tags;
    std::string text;
};

/// What is written when a submitter confirms.
struct NewInput {
    std::string team;
    std::string week;
    std::int64_t week_monday_days = 0;  // days since 1970-01-01 of the week's Monday
    std::vector<std::string> tags;
    std::string text;
    std::string code_hash;
};

/// "a,b" <-> {"a","b"} (tags never contain commas: see themes.hpp).
std::string join_tags(const std::vector<std::string>& tags);
std::vector<std::string> split_tags(std::string_view joined);

class Inputs {
  public:
    explicit Inputs(storage::Database& db) : db_(db) {}

    /// Inserts and returns the new id.
    std::int64_t insert(const NewInput& in);
    /// The input with `id` if it belongs to `team` (a team only ever sees its own inputs).
    std::optional<Input> get(std::int64_t id, std::string_view team);
    /// The team's most recent inputs (highest id first), optionally only those with `tag`.
    std::vector<Input> recent(std::string_view team, int limit,
                              std::optional<std::string_view> tag = std::nullopt);
    /// Every input of `team` in one ISO week ("2026-W49"), oldest first.
    std::vector<Input> of_week(std::string_view team, std::string_view week);
    /// Every input of `team`, oldest first (the admin export).
    std::vector<Input> all_of_team(std::string_view team);
    /// True when a row carries this withdrawal-code hash (codes must be unique).
    bool code_hash_exists(std::string_view code_hash);
    /// Deletes the input whose withdrawal-code hash is `code_hash`; returns true if one was.
    bool remove_by_code_hash(std::string_view code_hash);
    /// Deletes inputs whose week started `retention_days` or more days before `today_days`
    /// (so nothing is kept longer than retention_days after its submission). Returns how many.
    int purge_older_than(std::int64_t today_days, int retention_days);

  private:
    storage::Database& db_;
};

}  // namespace dialoog::inbreng
