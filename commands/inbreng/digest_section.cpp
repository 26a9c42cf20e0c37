#include "commands/inbreng/digest_section.hpp"

#include <map>

#include "commands/catalogue.hpp"
#include "commands/inbreng/intake_config.hpp"
#include "commands/inbreng/local_calendar.hpp"
#include "commands/inbreng/md_quote.hpp"
#include "commands/inbreng/themes.hpp"
#include "storage/inbreng/inputs.hpp"

namespace dialoog::inbreng {

namespace {

/// Texts quoted in the digest are shortened to this many bytes.
constexpr std::size_t kDigestTextBytes = 600;

std::string count_text(int n) {
    return n < kMinShownCount ? "< 5" : std::to_string(n);
}

}  // namespace

std::string inbreng_digest_section(commands::Services& s, const commands::DigestRequest& req) {
    if (!req.team) return {};
    auto text = [&](std::string_view key, const commands::TextArgs& args = {}) {
        return s.texts.get(req.lang, key, args);
    };
    const auto& ic = s.cfg().section(kIntakeSection);
    auto week = week_of(from_epoch_ms(req.week_start_ms), req.team->tz).week;
    auto inputs = Inputs(s.db).of_week(req.team->name, week);

    std::string md = text("inbreng.digest_title", {{"week", week}}) + "\n\n";
    if (inputs.empty()) return md + text("inbreng.digest_empty");
    const int total = static_cast<int>(inputs.size());
    md += text(total == 1 ? "inbreng.digest_total_one" : "inbreng.digest_total",
               {{"n", std::to_string(total)}}) +
          "\n\n";
    int shown = 0;
    for (const auto& in : inputs) {
        if (shown >= ic.digest_max_texts) break;
        md += "**#" + std::to_string(in.id) + "**\n\n" +
              md_quote(shorten(in.text, kDigestTextBytes)) + "\n\n";
        ++shown;
    }
    if (total > shown)
        md += text("inbreng.digest_more", {{"n", std::to_string(total - shown)}}) + "\n\n";
    if (total >= kMinShownCount) {
        // Structural themes always (so an absent one is not told apart from a rare one), then
        // free tags and inputs without a theme as they occur.
        std::map<std::string, int> free_tags;
        std::map<std::string, int> themes;
        int untagged = 0;
        for (const auto& in : inputs) {
            if (in.tags.empty()) ++untagged;
            for (const auto& t : in.tags) ++(is_structural_theme(t) ? themes[t] : free_tags[t]);
        }
        md += text("inbreng.digest_per_theme") + "\n\n";
        for (auto key : kThemeKeys)
            md += "- `" + std::string(key) + "` (" + text(theme_text_key(key)) +
                  "): " + count_text(themes[std::string(key)]) + "\n";
        for (const auto& [t, n] : free_tags) md += "- `" + t + "`: " + count_text(n) + "\n";
        if (untagged > 0)
            md += "- " + text("inbreng.no_theme") + ": " + count_text(untagged) + "\n";
    }
    while (!md.empty() && md.back() == '\n') md.pop_back();
    return md;
}

std::vector<commands::DigestFigure> inbreng_figures(commands::Services& s,
                                                    const commands::DigestRequest& req) {
    if (!req.team) return {};
    auto week = week_of(from_epoch_ms(req.week_start_ms), req.team->tz).week;
    auto inputs = Inputs(s.db).of_week(req.team->name, week);
    std::vector<commands::DigestFigure> out;
    out.push_back({"inbreng_ontvangen", static_cast<std::int64_t>(inputs.size()), true});
    for (auto key : kThemeKeys) {
        std::int64_t n = 0;
        for (const auto& in : inputs)
            for (const auto& t : in.tags)
                if (t == key) ++n;
        out.push_back({"inbreng_thema_" + std::string(key), n, true});
    }
    return out;
}

}  // namespace dialoog::inbreng
