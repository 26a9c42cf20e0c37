#include "commands/tenzij/vragen.hpp"

namespace dialoog::tenzij {

namespace {
constexpr std::size_t kPerNudge = 3;
}

const std::vector<std::string>& nudge_question_keys() {
    static const std::vector<std::string> keys = {"tenzij.q_ja", "tenzij.q_nodig", "tenzij.q_wie",
                                                  "tenzij.q_verhaal", "tenzij.q_nee"};
    return keys;
}

std::vector<std::string> questions_for(std::int64_t n) {
    const auto& keys = nudge_question_keys();
    const std::size_t size = keys.size();
    // Step 3 through 5 questions: each start appears once per 5 nudges, and two consecutive
    // nudges share at most one question.
    std::size_t start = static_cast<std::size_t>((n < 0 ? 0 : n) * kPerNudge % size);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < kPerNudge; ++i) out.push_back(keys[(start + i) % size]);
    return out;
}

std::string questions_md(std::int64_t n, const std::string& lang,
                         const commands::Catalogue& texts) {
    std::string md;
    for (const auto& key : questions_for(n)) {
        if (!md.empty()) md += "\n";
        md += "- " + texts.get(lang, key);
    }
    return md;
}

}  // namespace dialoog::tenzij
