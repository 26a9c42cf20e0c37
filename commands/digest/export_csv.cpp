#include "commands/digest/export_csv.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "commands/digest/compose.hpp"
#include "commands/digest/digest_config.hpp"
#include "commands/digest_contributor.hpp"
#include "common/csv.hpp"

namespace dialoog::digest {

namespace {

std::string figure_cell(const commands::DigestFigure& f) {
    if (f.small_count_rule && f.value > 0 && f.value < 5) return "< 5";
    return std::to_string(f.value);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::string quarter_label(Quarter q, std::string_view lang) {
    return std::to_string(q.year) + (lang == "en" ? "-Q" : "-K") + std::to_string(q.q);
}

std::string export_filename(std::string_view label, std::string_view lang) {
    return std::string(lang == "en" ? "dialoogbot-figures-" : "dialoogbot-cijfers-") +
           std::string(label) + ".csv";
}

std::optional<ExportPeriod> parse_export_period(std::string_view text, IsoWeek current) {
    const Quarter now_q = quarter_of(current);
    std::string t = lower(text);
    Quarter q = now_q;
    if (t.empty() || t == "kwartaal" || t == "quarter" || t == "dit" || t == "this") {
        q = now_q;
    } else if (t == "vorige" || t == "vorig" || t == "previous" || t == "last") {
        q = previous_quarter(now_q);
    } else if (auto p = parse_quarter(t, now_q)) {
        q = *p;
    } else {
        return std::nullopt;
    }
    ExportPeriod out{q, weeks_of_quarter(q, current)};
    if (out.weeks.empty()) return std::nullopt;  // a quarter in the future
    return out;
}

std::string digest_export_csv(commands::Services& s, const std::string& leader,
                              const std::string& period) {
    auto ls = leader_schedule(s.cfg(), leader);
    if (!ls) return {};
    auto p = parse_export_period(period, wanneer::iso_week_of(s.clock.now(), ls->tz));
    if (!p) return {};

    struct Row {
        std::string team;
        IsoWeek week;
        std::map<std::string, std::string> cells;
    };
    std::vector<std::string> columns;  // first-seen order = digest order
    std::vector<Row> rows;
    for (const config::TeamConfig* team : ls->teams) {
        for (IsoWeek w : p->weeks) {
            Row row{team->name, w, {}};
            auto req = digest_request(*team, ls->lang, w);
            for (const auto& part : s.digest_parts()) {
                for (const auto& fig : part.contributor->digest_figures(s, req)) {
                    if (std::find(columns.begin(), columns.end(), fig.column) == columns.end())
                        columns.push_back(fig.column);
                    row.cells[fig.column] = figure_cell(fig);
                }
            }
            rows.push_back(std::move(row));
        }
    }
    std::string out = "team,week,week_start,week_end";
    for (const auto& c : columns) out += "," + csv_field(c);
    out += "\n";
    for (const auto& r : rows) {
        out += csv_field(r.team) + "," + wanneer::format_iso_week(r.week) + "," +
               iso_date(week_monday(r.week)) + "," + iso_date(week_sunday(r.week));
        for (const auto& c : columns) {
            auto it = r.cells.find(c);
            out += "," + (it == r.cells.end() ? std::string() : it->second);
        }
        out += "\n";
    }
    return out;
}

}  // namespace dialoog::digest
