#include "commands/digest/compose.hpp"

#include <spdlog/spdlog.h>

#include "commands/catalogue.hpp"
#include "common/error_id.hpp"

namespace dialoog::digest {

namespace {

std::string day_text(const commands::Catalogue& texts, const std::string& lang, CalendarDay d,
                     bool with_year) {
    commands::TextArgs args{{"day", std::to_string(d.day)},
                            {"month", texts.get(lang, "digest.month_" + std::to_string(d.month))},
                            {"year", std::to_string(d.year)}};
    return texts.get(lang, with_year ? "digest.date_full" : "digest.date_short", args);
}

// Trailing blank lines of a section would pile up between sections.
std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && s[i] == '\n') ++i;
    return s.substr(i);
}

}  // namespace

commands::DigestRequest digest_request(const config::TeamConfig& team, const std::string& lang,
                                       IsoWeek week) {
    commands::DigestRequest req;
    req.team = &team;
    req.lang = lang;
    if (auto b = wanneer::iso_week_bounds(week, team.tz)) {
        req.week_start_ms = to_epoch_ms(b->first);
        req.week_end_ms = to_epoch_ms(b->second);
    }
    return req;
}

std::string week_range_text(const commands::Catalogue& texts, const std::string& lang,
                            IsoWeek week) {
    auto mon = week_monday(week);
    auto sun = week_sunday(week);
    return texts.get(lang, "digest.date_range",
                     {{"from", day_text(texts, lang, mon, mon.year != sun.year)},
                      {"to", day_text(texts, lang, sun, true)}});
}

std::string compose_digest(commands::Services& s, const LeaderSchedule& ls, IsoWeek week,
                           DigestKind kind) {
    const auto& texts = s.texts;
    const std::string& lang = ls.lang;
    commands::TextArgs week_args{{"num", std::to_string(week.week)},
                                 {"year", std::to_string(week.year)},
                                 {"range", week_range_text(texts, lang, week)}};
    const bool so_far = kind == DigestKind::SoFar;
    std::string md = texts.get(lang, so_far ? "digest.title_so_far" : "digest.title", week_args);
    md += "\n\n";
    md += texts.get(lang,
                    so_far ? "digest.intro_so_far"
                           : (ls.teams.size() == 1 ? "digest.intro_one" : "digest.intro_many"),
                    week_args);
    for (const config::TeamConfig* team : ls.teams) {
        md += "\n\n" +
              texts.get(lang, "digest.team_heading", {{"team", commands::md_escape(team->name)}});
        auto req = digest_request(*team, lang, week);
        bool any = false;
        for (const auto& part : s.digest_parts()) {
            std::string section;
            // A savepoint keeps a failing section from leaving anything behind.
            storage::Savepoint sp(s.db, "digest_section");
            try {
                section = trimmed(part.contributor->digest_section(s, req));
                sp.release();
            } catch (const std::exception& e) {
                sp.rollback();
                auto id = new_error_id();
                spdlog::error("error {}: digest section of feature {} failed: {}", id, part.feature,
                              e.what());
                section = texts.get(lang, "digest.section_failed",
                                    {{"feature", std::string(part.feature)}, {"id", id}});
            }
            if (section.empty()) continue;  // the feature has no section
            md += "\n\n" + section;
            any = true;
        }
        if (!any) md += "\n\n" + texts.get(lang, "digest.team_empty");
    }
    md += "\n\n" + texts.get(lang, "digest.footer") + "\n";
    return md;
}

}  // namespace dialoog::digest
