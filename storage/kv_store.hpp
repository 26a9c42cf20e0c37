#pragma once
// Small key-value table for the bot's own state: next_batch, the event-mark key, timestamps.

#include <optional>
#include <string>
#include <string_view>

#include "storage/database.hpp"

namespace dialoog::storage {

/// Reads and writes rows of the `kv` table. Keys used by the core: "next_batch",
/// "event_mark_key" (hex), "last_sync_ms", "first_sync_done".
class KvStore {
  public:
    explicit KvStore(Database& db) : db_(db) {}
    std::optional<std::string> get(std::string_view key);
    void set(std::string_view key, std::string_view value);
    void erase(std::string_view key);

  private:
    Database& db_;
};

}  // namespace dialoog::storage
