#include "commands/casus/client_voices.hpp"

#include "storage/inbreng/inputs.hpp"

namespace dialoog::casus {

bool inbreng_available(storage::Database& db) {
    auto st = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='inbreng_input'");
    return st.step();
}

std::optional<std::string> linked_input_text(storage::Database& db, std::int64_t id,
                                             const std::string& team) {
    if (!inbreng_available(db)) return std::nullopt;
    return inbreng::inbreng_text(db, id, team);
}

}  // namespace dialoog::casus
