#include "commands/tenzij/tenzij_digest.hpp"

#include <algorithm>

#include "commands/tenzij/besluit_commands.hpp"
#include "commands/tenzij/besluit_format.hpp"
#include "storage/tenzij/besluiten.hpp"
#include "storage/tenzij/nudges.hpp"

namespace dialoog::tenzij {

namespace {
constexpr std::int64_t kWeekMs = 7LL * 24 * 3600 * 1000;
constexpr std::size_t kMaxOtherOpen = 15;
}  // namespace

std::string tenzij_digest(commands::Services& s, const commands::DigestRequest& req) {
    if (!req.team) return {};
    const std::string lang = req.lang.empty() ? "nl" : req.lang;
    const auto& texts = s.texts;
    auto t = [&](std::string_view key, const commands::TextArgs& a = {}) {
        return texts.get(lang, key, a);
    };
    const auto& team = *req.team;
    const auto* tz = team_zone(&team, s.cfg());
    // "Now" for this digest: the present, but never outside the week it is about, so a digest
    // of an earlier week reads as it would have at its end.
    const std::int64_t ref = std::clamp(s.now_ms(), req.week_start_ms, req.week_end_ms);

    auto tally = Nudges(s.db).tally(team.name, req.week_start_ms, req.week_end_ms);
    auto all = Besluiten(s.db).list(team.name, BesluitFilter::Alle, "", 100000);
    std::int64_t created = 0;
    std::vector<const Besluit*> overdue, due_soon, other_open, outcomes;
    for (const auto& b : all) {
        if (b.created_ms >= req.week_start_ms && b.created_ms < req.week_end_ms) ++created;
        if (b.outcome_ms && *b.outcome_ms >= req.week_start_ms && *b.outcome_ms < req.week_end_ms)
            outcomes.push_back(&b);
        if (b.status != "open" || b.created_ms >= req.week_end_ms) continue;
        if (b.due_ms < ref) {
            // Overdue until something is logged after the follow-up date.
            if (!Besluiten(s.db).has_opvolging_since(b.id, b.due_ms))
                overdue.push_back(&b);
            else
                other_open.push_back(&b);
        } else if (b.due_ms < ref + kWeekMs) {
            due_soon.push_back(&b);
        } else {
            other_open.push_back(&b);
        }
    }
    auto notes = Besluiten(s.db).opvolgingen_between(team.name, req.week_start_ms, req.week_end_ms);
    std::erase_if(notes, [](const Opvolging& o) { return o.kind == "uitkomst"; });

    std::string md = t("tenzij.digest_title");
    if (tally.given == 0 && created == 0 && overdue.empty() && due_soon.empty() &&
        other_open.empty() && notes.empty() && outcomes.empty())
        return md + "\n\n" + t("tenzij.digest_nothing");

    auto item = [&](const Besluit& b) {
        return "\n- " + t("tenzij.digest_item", besluit_args(b, tz, lang, texts));
    };
    std::string lines;
    if (tally.given > 0)
        lines += "\n- " +
                 t("tenzij.digest_nudges", {{"given", std::to_string(tally.given)},
                                            {"with_besluit", std::to_string(tally.with_besluit)}});
    if (created > 0) lines += "\n- " + t("tenzij.digest_new", {{"n", std::to_string(created)}});
    if (!lines.empty()) md += "\n" + lines;
    if (!overdue.empty()) {
        md += "\n\n" + t("tenzij.digest_overdue") + "\n";
        for (const auto* b : overdue) md += item(*b);
    }
    if (!due_soon.empty()) {
        md += "\n\n" + t("tenzij.digest_due") + "\n";
        for (const auto* b : due_soon) md += item(*b);
    }
    if (!other_open.empty()) {
        md += "\n\n" + t("tenzij.digest_open", {{"n", std::to_string(other_open.size())}}) + "\n";
        for (std::size_t i = 0; i < other_open.size() && i < kMaxOtherOpen; ++i)
            md += item(*other_open[i]);
        if (other_open.size() > kMaxOtherOpen)
            md += "\n\n" +
                  t("tenzij.list_more", {{"n", std::to_string(other_open.size() - kMaxOtherOpen)}});
    }
    if (!notes.empty()) {
        md += "\n\n" + t("tenzij.digest_notes") + "\n";
        for (const auto& n : notes)
            md += "\n- " + t("tenzij.digest_note_item", {{"id", std::to_string(n.besluit_id)},
                                                         {"kind", t("tenzij.kind_" + n.kind)},
                                                         {"text", commands::md_escape(n.text)}});
    }
    if (!outcomes.empty()) {
        md += "\n\n" + t("tenzij.digest_outcomes") + "\n";
        for (const auto* b : outcomes)
            md += "\n- " + t("tenzij.digest_outcome_item",
                             {{"id", std::to_string(b->id)},
                              {"description", commands::md_escape(b->description)},
                              {"outcome", commands::md_escape(b->outcome.value_or(""))}});
    }
    return md;
}

std::vector<commands::DigestFigure> tenzij_figures(commands::Services& s,
                                                   const commands::DigestRequest& req) {
    if (!req.team) return {};
    const auto& team = req.team->name;
    const auto tally = Nudges(s.db).tally(team, req.week_start_ms, req.week_end_ms);
    std::int64_t created = 0, open_at_end = 0, outcomes = 0;
    for (const auto& b : Besluiten(s.db).list(team, BesluitFilter::Alle, "", 100000)) {
        const bool in_week = b.created_ms >= req.week_start_ms && b.created_ms < req.week_end_ms;
        if (in_week) ++created;
        if (b.outcome_ms && *b.outcome_ms >= req.week_start_ms && *b.outcome_ms < req.week_end_ms)
            ++outcomes;
        if (b.created_ms < req.week_end_ms &&
            (b.status == "open" || (b.closed_ms && *b.closed_ms >= req.week_end_ms)))
            ++open_at_end;
    }
    auto notes = Besluiten(s.db).opvolgingen_between(team, req.week_start_ms, req.week_end_ms);
    std::erase_if(notes, [](const Opvolging& o) { return o.kind == "uitkomst"; });
    return {
        {"tenzij_vragen", tally.given, false},
        {"tenzij_vragen_met_besluit", tally.with_besluit, false},
        {"besluiten_nieuw", created, false},
        {"besluiten_open_einde_week", open_at_end, false},
        {"opvolgingen", static_cast<std::int64_t>(notes.size()), false},
        {"uitkomsten", outcomes, false},
    };
}

}  // namespace dialoog::tenzij
