#include "commands/casus/session_ops.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "commands/casus/casus_config.hpp"
#include "commands/marked_post.hpp"
#include "common/keyed_hash.hpp"
#include "storage/casus/series.hpp"
#include "storage/jobs.hpp"
#include "storage/rooms.hpp"

namespace dialoog::casus {

using nlohmann::json;

std::string job_prefix(std::int64_t id) {
    return "casus:" + std::to_string(id) + ":";
}
std::string root_ref(std::int64_t id) {
    return "casus:" + std::to_string(id);
}

namespace {

std::int64_t proposal_deadline(std::int64_t asked, std::int64_t start) {
    std::int64_t d = asked + kProposalTimeoutMs;
    // "No answer within 24 h or by the 24 h reminder counts as no."
    const std::int64_t reminder = start - 24LL * 3600 * 1000;
    if (reminder > asked) d = std::min(d, reminder);
    return std::min(d, start);
}

std::string proposal_key(std::int64_t id, std::string_view rol) {
    return job_prefix(id) + "voorstel:" + std::string(rol);
}

std::string id_str(std::int64_t id) {
    return std::to_string(id);
}

/// `text` as a Markdown block quote (every line quoted, user text escaped).
std::string block_quote(const std::string& text) {
    std::string out = "> ";
    for (char ch : commands::md_escape(text)) {
        out += ch;
        if (ch == '\n') out += "> ";
    }
    return out;
}

/// Posts each linked client input of `s` in the thread, one message per input, in id order.
void post_client_voices(Scope& sc, const Session& s, const matrix::Relation& rel) {
    const auto linked = Sessions(sc.s.db).linked_inbreng(s.id);
    if (linked.empty()) {
        sc.fx.notice(s.room_id, sc.t("casus.voices_none", {{"id", id_str(s.id)}}), rel);
        return;
    }
    auto* voices = sc.s.client_voices();
    int n = 0;
    for (auto id : linked) {
        ++n;
        auto text = voices ? voices->story_text(sc.s, id, s.team) : std::nullopt;
        sc.fx.notice(s.room_id,
                     text ? sc.t("casus.voice", {{"n", std::to_string(n)},
                                                 {"total", std::to_string(linked.size())},
                                                 {"id", id_str(id)},
                                                 {"text", block_quote(*text)}})
                          : sc.t("casus.voice_gone", {{"id", id_str(id)}}),
                     rel);
    }
}

}  // namespace

void schedule_session(Scope& sc, const Session& s) {
    storage::Jobs jobs(sc.s.db);
    jobs.remove_prefix(job_prefix(s.id) + "reminder:");
    const json payload = {{"id", s.id}};
    jobs.upsert("casus.start", job_prefix(s.id) + "start", s.start_at, payload.dump());
    for (std::int64_t before : sc.team.section(kCasusSection).reminders_ms) {
        const std::int64_t due = s.start_at - before;
        if (due <= sc.now) continue;  // a reminder already past is not sent late
        jobs.upsert("casus.reminder", job_prefix(s.id) + "reminder:" + std::to_string(before), due,
                    json{{"id", s.id}, {"before", before}}.dump());
    }
    // Open proposals get a deadline that fits the (new) start.
    Sessions repo(sc.s.db);
    for (auto p : repo.proposals(s.id)) {
        if (p.answer != "open") continue;
        p.deadline_at = proposal_deadline(p.asked_at, s.start_at);
        repo.add_proposal(p);
        jobs.upsert("casus.voorstel", proposal_key(s.id, p.rol), p.deadline_at,
                    json{{"id", s.id}, {"rol", p.rol}}.dump());
    }
}

void unschedule_session(commands::Services& s, std::int64_t id) {
    storage::Jobs(s.db).remove_prefix(job_prefix(id));
}

std::optional<std::string>& role_user(Session& s, std::string_view rol) {
    return rol == kRolLeider ? s.gespreksleider : s.inbrenger;
}

std::string& role_state(Session& s, std::string_view rol) {
    return rol == kRolLeider ? s.gespreksleider_state : s.inbrenger_state;
}

std::optional<std::string> next_candidate(Scope& sc, const Session& s, std::string_view rol) {
    Sessions repo(sc.s.db);
    std::set<std::string> excluded;
    excluded.insert(sc.s.cfg().bot.user_id);
    for (const auto& u : repo.paused(sc.team.name, sc.now)) excluded.insert(u);
    for (const auto& p : repo.proposals(s.id))
        if (p.rol == rol && (p.answer == "nee" || p.answer == "timeout"))
            excluded.insert(p.user_id);
    const auto& other = rol == kRolLeider ? s.inbrenger : s.gespreksleider;
    const auto& other_state = rol == kRolLeider ? s.inbrenger_state : s.gespreksleider_state;
    if (other && other_state != "none") excluded.insert(*other);

    std::map<std::string, std::int64_t> last;
    for (const auto& [user, at] : repo.last_in_role(sc.team.name, rol)) last[user] = at;

    std::optional<std::string> best;
    std::int64_t best_at = 0;
    for (const auto& m : storage::Rooms(sc.s.db).joined_members(s.room_id)) {
        if (excluded.count(m)) continue;
        auto it = last.find(m);
        // Never in the role: first in line. Ties go to the lowest user id (members are sorted).
        const std::int64_t at = it == last.end() ? INT64_MIN : it->second;
        if (!best || at < best_at) {
            best = m;
            best_at = at;
        }
    }
    return best;
}

namespace {

std::string ask(Scope& sc, Session& s, std::string_view rol, const std::string& user,
                std::vector<std::string>& mentions) {
    role_user(s, rol) = user;
    role_state(s, rol) = "proposed";
    const std::int64_t deadline = proposal_deadline(sc.now, s.start_at);
    Sessions(sc.s.db).add_proposal(
        Proposal{s.id, std::string(rol), user, sc.now, deadline, "open"});
    storage::Jobs(sc.s.db).upsert("casus.voorstel", proposal_key(s.id, rol), deadline,
                                  json{{"id", s.id}, {"rol", rol}}.dump());
    mentions.push_back(user);
    return sc.t("casus.ask." + std::string(rol),
                {{"user", user_md(user)}, {"id", id_str(s.id)}, {"when", sc.when(s.start_at)}});
}

}  // namespace

std::string propose(Scope& sc, Session& s, std::string_view rol,
                    std::vector<std::string>& mentions) {
    if (auto cand = next_candidate(sc, s, rol)) return ask(sc, s, rol, *cand, mentions);
    role_user(s, rol).reset();
    role_state(s, rol) = "none";
    storage::Jobs(sc.s.db).remove(proposal_key(s.id, rol));
    return sc.t("casus.nobody." + std::string(rol), {{"id", id_str(s.id)}});
}

std::string propose_user(Scope& sc, Session& s, std::string_view rol, const std::string& user,
                         std::vector<std::string>& mentions) {
    return ask(sc, s, rol, user, mentions);
}

void expire_proposals(Scope& sc, Session& s) {
    Sessions repo(sc.s.db);
    storage::Jobs jobs(sc.s.db);
    for (const auto& p : repo.proposals(s.id)) {
        if (p.answer != "open" || p.deadline_at > sc.now) continue;
        repo.answer_proposal(s.id, p.rol, p.user_id, "timeout");
        jobs.remove(proposal_key(s.id, p.rol));
        if (role_user(s, p.rol) != p.user_id || role_state(s, p.rol) != "proposed") continue;
        if (s.status != "planned" || sc.now >= s.start_at) continue;
        std::vector<std::string> mentions;
        std::string next = propose(sc, s, p.rol, mentions);
        sc.fx.notice(s.room_id,
                     sc.t("casus.timeout_next", {{"user", user_md(p.user_id)},
                                                 {"id", id_str(s.id)},
                                                 {"role", sc.t("casus.role." + p.rol)},
                                                 {"next", next}}),
                     {}, mentions);
    }
    repo.update(s);
}

namespace {

std::string person(const Scope& sc, const std::optional<std::string>& user,
                   const std::string& state) {
    if (!user || state == "none") return sc.t("casus.person_none");
    if (state == "proposed") return sc.t("casus.person_proposed", {{"user", user_md(*user)}});
    return user_md(*user);
}

}  // namespace

std::string roles_line(const Scope& sc, const Session& s) {
    const Method& m = sc.method(s.method);
    return sc.t("casus.roles_line",
                {{"inbrenger", person(sc, s.inbrenger, s.inbrenger_state)},
                 {"leider", person(sc, s.gespreksleider, s.gespreksleider_state)},
                 {"method", sc.method_title(m)},
                 {"duration", format_minutes(m.total_minutes(), sc.lang, sc.s.texts)}});
}

std::vector<std::string> role_mentions(const Session& s) {
    std::vector<std::string> out;
    if (s.inbrenger && s.inbrenger_state != "none") out.push_back(*s.inbrenger);
    if (s.gespreksleider && s.gespreksleider_state != "none" && s.gespreksleider != s.inbrenger)
        out.push_back(*s.gespreksleider);
    return out;
}

void start_session(Scope& sc, Session& s) {
    if (s.status != "planned") return;
    Sessions repo(sc.s.db);
    const std::int64_t late = sc.now - s.start_at;
    if (late >= kMissedAfterMs) {
        // Missed while the bot was down: reported, never dropped silently.
        s.status = "missed";
        repo.update(s);
        unschedule_session(sc.s, s.id);
        sc.fx.notice(s.room_id, sc.t("casus.missed", {{"id", id_str(s.id)},
                                                      {"title", commands::md_escape(s.title)},
                                                      {"when", sc.when(s.start_at)}}));
        if (s.reeks_id) plan_next_of_series(sc, *s.reeks_id, s.start_at);
        return;
    }
    unschedule_session(sc.s, s.id);
    s.status = "running";
    s.started_at = sc.now;
    s.current_step = 0;
    s.step_started_at = sc.now;
    s.paused_remaining_ms.reset();
    std::string md = sc.t("casus.root", {{"id", id_str(s.id)},
                                         {"title", commands::md_escape(s.title)},
                                         {"roles", roles_line(sc, s)}});
    auto linked = repo.linked_inbreng(s.id);
    if (!linked.empty()) {
        std::string ids;
        for (auto i : linked) ids += (ids.empty() ? "#" : ", #") + std::to_string(i);
        md += "\n\n" + sc.t("casus.root_inbreng", {{"ids", ids}});
    }
    if (late >= 60'000)
        md += "\n\n" + sc.t("casus.started_late", {{"minutes", std::to_string(late / 60'000)}});
    md += "\n\n" + sc.t("casus.root_help");
    commands::post_marked(sc.fx, s.room_id, md, root_ref(s.id), {}, role_mentions(s));
    // Step 1 follows as soon as /sync echoes the root (its event id is the thread root); this
    // job posts it unthreaded if the echo never comes.
    storage::Jobs(sc.s.db).upsert("casus.step", job_prefix(s.id) + "step", sc.now + kEchoFallbackMs,
                                  json{{"id", s.id}}.dump());
    repo.update(s);
    if (s.reeks_id) plan_next_of_series(sc, *s.reeks_id, s.start_at);
}

void advance_step(Scope& sc, Session& s) {
    const Method& m = sc.method(s.method);
    const int total = static_cast<int>(m.steps.size());
    matrix::Relation rel;
    if (s.root_event_id) {
        rel.thread_root = *s.root_event_id;
        rel.is_falling_back = true;
    }
    storage::Jobs jobs(sc.s.db);
    const std::string key = job_prefix(s.id) + "step";
    if (s.current_step >= total) {
        if (s.current_step == total) {
            sc.fx.notice(s.room_id, sc.t("casus.steps_done", {{"id", id_str(s.id)}}), rel);
            s.current_step = total + 1;
        }
        jobs.remove(key);
        s.paused_remaining_ms.reset();
        Sessions(sc.s.db).update(s);
        return;
    }
    const int n = s.current_step + 1;
    const MethodStep& step = m.steps[static_cast<std::size_t>(n - 1)];
    const std::int64_t end = sc.now + static_cast<std::int64_t>(step.minutes) * 60'000;
    std::string md =
        sc.t("casus.step", {{"n", std::to_string(n)},
                            {"total", std::to_string(total)},
                            {"name", resolve(step.name, sc.lang, sc.s.texts)},
                            {"duration", format_minutes(step.minutes, sc.lang, sc.s.texts)},
                            {"text", resolve(step.instruction, sc.lang, sc.s.texts)}});
    if (!step.roles.empty()) {
        std::string roles;
        for (const auto& r : step.roles) {
            std::string part = sc.t("casus.role." + r);
            if (r == kRolInbrenger && s.inbrenger && s.inbrenger_state != "none")
                part += " (" + user_md(*s.inbrenger) + ")";
            if ((r == kRolLeider || r == "tijdbewaker") && s.gespreksleider &&
                s.gespreksleider_state != "none")
                part += " (" + user_md(*s.gespreksleider) + ")";
            roles += (roles.empty() ? "" : ", ") + part;
        }
        md += "\n\n" + sc.t("casus.step_roles", {{"roles", roles}});
    }
    md += "\n\n" + sc.t(n < total ? "casus.step_next" : "casus.step_last",
                        {{"time", format_clock(end, sc.team.tz)}});
    sc.fx.notice(s.room_id, md, rel);
    if (step.client_voices) post_client_voices(sc, s, rel);
    s.current_step = n;
    s.step_started_at = sc.now;
    s.paused_remaining_ms.reset();
    jobs.upsert("casus.step", key, end, json{{"id", s.id}}.dump());
    Sessions(sc.s.db).update(s);
}

void close_session(Scope& sc, Session& s) {
    Sessions repo(sc.s.db);
    const std::int64_t participants = repo.participant_count(s.id);
    const std::int64_t minutes = (sc.now - s.started_at.value_or(s.start_at)) / 60'000;
    const Method& m = sc.method(s.method);
    std::string md =
        sc.t("casus.summary_title",
             {{"id", id_str(s.id)}, {"title", commands::md_escape(s.title)}}) +
        "\n\n" +
        sc.t("casus.summary_meta", {{"method", sc.method_title(m)},
                                    {"duration", format_minutes(minutes, sc.lang, sc.s.texts)},
                                    {"participants", std::to_string(participants)}});
    md += "\n\n" + sc.t("casus.summary_lessons") + "\n";
    auto lessons = repo.lessons(s.id);
    if (lessons.empty()) md += "\n" + sc.t("casus.summary_no_lessons") + "\n";
    for (const auto& l : lessons) md += "\n- " + commands::md_escape(l.text);
    md += "\n\n" + sc.t("casus.summary_actions") + "\n";
    auto actions = repo.actions(s.id);
    if (actions.empty()) md += "\n" + sc.t("casus.summary_no_actions");
    for (const auto& a : actions)
        md +=
            "\n- " + sc.t("casus.summary_action",
                          {{"text", commands::md_escape(a.text)},
                           {"owner", user_md(a.owner)},
                           {"due", a.due_at ? format_day(*a.due_at, sc.team.tz, sc.lang, sc.s.texts)
                                            : sc.t("casus.no_date")}});
    s.status = "done";
    s.ended_at = sc.now;
    s.participants = participants;
    s.summary = md;
    s.paused_remaining_ms.reset();
    repo.update(s);
    // Only the number of participants is kept; the hashes that counted them go.
    repo.forget_participants(s.id);
    unschedule_session(sc.s, s.id);
    sc.fx.notice(s.room_id, md);
}

void plan_next_of_series(Scope& sc, std::int64_t reeks_id, std::int64_t after_ms) {
    SeriesStore series(sc.s.db);
    auto r = series.get(reeks_id);
    if (!r || !r->active) return;
    Sessions repo(sc.s.db);
    if (repo.planned_of_reeks(reeks_id)) return;
    wanneer::WeeklyRule rule;
    rule.weekday = date::weekday{static_cast<unsigned>(r->weekday)};
    rule.time_of_day = std::chrono::minutes{r->minute_of_day};
    rule.every_weeks = static_cast<unsigned>(std::max(1, r->every_weeks));
    rule.anchor = wanneer::IsoWeek{r->anchor_year, static_cast<unsigned>(r->anchor_week)};
    const std::int64_t base = std::max(after_ms, sc.now);
    const auto next =
        wanneer::next_occurrence(rule, sc.team.tz, wanneer::UtcMs{std::chrono::milliseconds{base}});
    Session s;
    s.team = r->team;
    s.room_id = r->room_id;
    s.title = r->title.empty() ? sc.t("casus.default_title") : r->title;
    s.method = sc.method(r->method).id;
    s.start_at = next.time_since_epoch().count();
    s.reeks_id = r->id;
    s.created_by = r->created_by;
    s.created_at = sc.now;
    s.id = repo.insert(s);
    std::vector<std::string> mentions;
    std::string lines = propose(sc, s, kRolInbrenger, mentions);
    lines += "\n" + propose(sc, s, kRolLeider, mentions);
    repo.update(s);
    schedule_session(sc, s);
    sc.fx.notice(s.room_id,
                 sc.t("casus.reeks_next", {{"reeks", id_str(r->id)},
                                           {"id", id_str(s.id)},
                                           {"title", commands::md_escape(s.title)},
                                           {"when", sc.when(s.start_at)}}) +
                     "\n\n" + lines,
                 {}, mentions);
}

void note_participant(commands::Services& s, const Session& session, std::string_view sender) {
    if (session.status != "running") return;
    Sessions(s.db).add_participant(
        session.id,
        hmac_hex(s.mark_key, "casus-deelnemer:" + id_str(session.id) + ":" + std::string(sender)));
}

}  // namespace dialoog::casus
