#include "commands/casus/casus_digest.hpp"

#include "commands/casus/scope.hpp"
#include "commands/casus/when_text.hpp"
#include "storage/casus/sessions.hpp"

namespace dialoog::casus {

namespace {

/// How the digest and the export group a session by its status.
enum class Group { Held, Planned, Missed, Other };

Group group_of(const std::string& status) {
    if (status == "done") return Group::Held;
    if (status == "planned" || status == "running") return Group::Planned;
    if (status == "missed") return Group::Missed;
    return Group::Other;  // cancelled
}

}  // namespace

std::string casus_digest(commands::Services& s, const commands::DigestRequest& req) {
    if (!req.team) return {};
    const std::string lang = req.lang.empty() ? "nl" : req.lang;
    const auto& texts = s.texts;
    auto t = [&](std::string_view key, const commands::TextArgs& a = {}) {
        return texts.get(lang, key, a);
    };
    const auto& library = s.cfg().section(kMethodsSection);
    auto method_title = [&](const std::string& id) {
        const Method* m = find_method(library, id);
        return m ? resolve(m->title, lang, texts) : id;
    };
    Sessions repo(s.db);
    const auto& team = *req.team;
    auto sessions = repo.between(team.name, req.week_start_ms, req.week_end_ms);
    auto lessons = repo.lessons_between(team.name, req.week_start_ms, req.week_end_ms);
    auto actions = repo.actions_between(team.name, req.week_start_ms, req.week_end_ms);

    std::string md = t("casus.digest_title");
    std::string held, planned, missed;
    for (const auto& x : sessions) {
        const std::string when = format_when(x.start_at, team.tz, lang, texts, req.week_start_ms);
        const commands::TextArgs a = {{"id", std::to_string(x.id)},
                                      {"title", commands::md_escape(x.title)},
                                      {"when", when},
                                      {"method", method_title(x.method)},
                                      {"participants", std::to_string(x.participants.value_or(0))}};
        switch (group_of(x.status)) {
            case Group::Held:
                held += "\n- " + t("casus.digest_held_item", a);
                break;
            case Group::Planned:
                planned += "\n- " + t("casus.digest_planned_item", a);
                break;
            case Group::Missed:
                missed += "\n- " + t("casus.digest_missed_item", a);
                break;
            case Group::Other:
                break;
        }
    }
    if (held.empty() && planned.empty() && missed.empty() && lessons.empty() && actions.empty())
        return md + "\n\n" + t("casus.digest_nothing");
    if (!held.empty()) md += "\n\n" + t("casus.digest_held") + "\n" + held;
    if (!planned.empty()) md += "\n\n" + t("casus.digest_planned") + "\n" + planned;
    if (!missed.empty()) md += "\n\n" + t("casus.digest_missed") + "\n" + missed;
    if (!lessons.empty()) {
        md += "\n\n" + t("casus.digest_lessons") + "\n";
        for (const auto& l : lessons)
            md += "\n- " + t("casus.digest_lesson_item", {{"id", std::to_string(l.casus_id)},
                                                          {"text", commands::md_escape(l.text)}});
    }
    if (!actions.empty()) {
        md += "\n\n" + t("casus.digest_actions") + "\n";
        for (const auto& a : actions)
            md += "\n- " + t("casus.digest_action_item",
                             {{"id", std::to_string(a.casus_id)},
                              {"text", commands::md_escape(a.text)},
                              {"owner", user_md(a.owner)},
                              {"due", a.due_at ? format_day(*a.due_at, team.tz, lang, texts)
                                               : t("casus.no_date")}});
    }
    return md;
}

std::vector<commands::DigestFigure> casus_figures(commands::Services& s,
                                                  const commands::DigestRequest& req) {
    if (!req.team) return {};
    Sessions repo(s.db);
    const auto& team = req.team->name;
    std::int64_t held = 0, planned = 0, missed = 0, participants = 0;
    for (const auto& x : repo.between(team, req.week_start_ms, req.week_end_ms)) {
        switch (group_of(x.status)) {
            case Group::Held:
                ++held;
                participants += x.participants.value_or(0);
                break;
            case Group::Planned:
                ++planned;
                break;
            case Group::Missed:
                ++missed;
                break;
            case Group::Other:
                break;
        }
    }
    const auto lessons = repo.lessons_between(team, req.week_start_ms, req.week_end_ms).size();
    const auto actions = repo.actions_between(team, req.week_start_ms, req.week_end_ms).size();
    return {{"casus_gehouden", held},
            {"casus_gepland", planned},
            {"casus_gemist", missed},
            {"casus_deelnemers", participants},
            {"casus_lessen", static_cast<std::int64_t>(lessons)},
            {"casus_acties", static_cast<std::int64_t>(actions)}};
}

}  // namespace dialoog::casus
