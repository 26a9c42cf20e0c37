#pragma once
// Flood protection for intake: how many inputs one submitter stored today, counted under a
// keyed hash (HMAC-SHA256) of the sender with a random key that belongs to one local day. On
// the next day the key and all counts are deleted, so yesterday's marks can no longer be tied
// to anyone, not even by recomputing them.

#include <string>
#include <string_view>

#include "storage/database.hpp"

namespace dialoog::inbreng {

class FloodCounter {
  public:
    explicit FloodCounter(storage::Database& db) : db_(db) {}

    /// Makes the key belong to `day` ("2026-11-19", local date): on another day than the
    /// stored one, the old key and every count are deleted and a fresh random key is made.
    void rotate(std::string_view day);
    /// Inputs counted today for `sender` (rotates first).
    int count(std::string_view day, std::string_view sender);
    /// Counts one more input for `sender` today (rotates first).
    void add(std::string_view day, std::string_view sender);

  private:
    std::string mark(std::string_view day, std::string_view sender);
    storage::Database& db_;
};

}  // namespace dialoog::inbreng
