#pragma once
// Repository of recurring case-discussion series (reeks): weekly rules in local time.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace dialoog::casus {

struct Reeks {
    std::int64_t id = 0;
    std::string team;
    std::string room_id;
    int weekday = 0;  // 0 = Sunday .. 6 = Saturday (date::weekday::c_encoding)
    int minute_of_day = 0;
    int every_weeks = 1;
    int anchor_year = 1970;
    int anchor_week = 1;
    std::string method;
    std::string title;
    std::string source = "chat";  // chat | yaml
    std::optional<std::string> yaml_key;
    bool active = true;
    std::string created_by;
    std::int64_t created_at = 0;
};

class SeriesStore {
  public:
    explicit SeriesStore(storage::Database& db) : db_(db) {}
    std::int64_t insert(const Reeks& r);
    std::optional<Reeks> get(std::int64_t id);
    std::vector<Reeks> active(std::string_view team);
    std::vector<Reeks> all_active();
    std::optional<Reeks> by_yaml_key(std::string_view team, std::string_view yaml_key);
    void set_active(std::int64_t id, bool active);

  private:
    storage::Database& db_;
};

}  // namespace dialoog::casus
