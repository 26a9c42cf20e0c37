#include "commands/casus/casus_feature.hpp"

#include "commands/casus/casus_commands.hpp"
#include "commands/casus/casus_config.hpp"
#include "commands/casus/casus_digest.hpp"
#include "commands/casus/methods.hpp"
#include "commands/casus/plan_args.hpp"
#include "commands/casus/series_ops.hpp"
#include "commands/casus/session_ops.hpp"
#include "commands/marked_post.hpp"
#include "commands/registry.hpp"
#include "storage/casus/migrations.hpp"

namespace dialoog::casus {

using namespace commands;

std::vector<TextEntry> casus_texts();
std::vector<TextEntry> casus_method_texts();

std::vector<storage::Migration> CasusFeature::migrations() const {
    return casus_migrations();
}

void CasusFeature::add_texts(Catalogue& c) const {
    c.add(casus_texts());
    c.add(casus_method_texts());
}

void CasusFeature::add_commands(Registry& r) {
    // Every casus command: team rooms only, for members; texts "casus.<key>_summary" etc.
    const auto add = [&r](std::string name, std::string english, const std::string& key,
                          void (*handler)(CommandContext&)) {
        r.add({.name = std::move(name),
               .aliases = {std::move(english)},
               .where = Where::TeamRoom,
               .summary_key = "casus." + key + "_summary",
               .usage_key = "casus." + key + "_usage_line",
               .examples_key = "casus." + key + "_examples",
               .handler = handler});
    };
    add("casus", "case", "casus", cmd_casus);
    add("methodes", "methods", "methodes", cmd_methodes);
    add("volgende", "next", "volgende", cmd_volgende);
    add("pauze", "pause", "pauze", cmd_pauze);
    add("verder", "resume", "verder", cmd_verder);
    add("les", "lesson", "les", cmd_les);
    add("actie", "action", "actie", cmd_actie);
}

namespace {

/// The session and team of a casus job, or nullopt when either is gone.
struct JobTarget {
    Session session;
    const config::TeamConfig* team;
};
std::optional<JobTarget> target_of(JobContext& jc) {
    const std::int64_t id = jc.payload.value("id", std::int64_t{0});
    auto s = Sessions(jc.s.db).get(id);
    if (!s) return std::nullopt;
    const auto* team = jc.s.cfg().team_by_name(s->team);
    if (!team) return std::nullopt;  // team removed from the YAML: its jobs lapse
    return JobTarget{*s, team};
}

void job_start(JobContext& jc) {
    auto t = target_of(jc);
    if (!t) return;
    Scope sc = make_scope(jc.s, jc.fx, *t->team);
    start_session(sc, t->session);
}

void job_reminder(JobContext& jc) {
    auto t = target_of(jc);
    if (!t) return;
    Scope sc = make_scope(jc.s, jc.fx, *t->team);
    auto& s = t->session;
    if (s.status != "planned" || sc.now >= s.start_at) return;
    // Unanswered proposals count as no by the reminder; the next in line is asked first.
    expire_proposals(sc, s);
    const std::int64_t minutes = (s.start_at - sc.now + 30'000) / 60'000;
    sc.fx.notice(s.room_id,
                 sc.t("casus.reminder", {{"id", std::to_string(s.id)},
                                         {"title", md_escape(s.title)},
                                         {"when", sc.when(s.start_at)},
                                         {"in", format_minutes(minutes, sc.lang, jc.s.texts)},
                                         {"roles", roles_line(sc, s)}}),
                 {}, role_mentions(s));
}

void job_voorstel(JobContext& jc) {
    auto t = target_of(jc);
    if (!t) return;
    Scope sc = make_scope(jc.s, jc.fx, *t->team);
    expire_proposals(sc, t->session);
}

void job_step(JobContext& jc) {
    auto t = target_of(jc);
    if (!t || t->session.status != "running" || t->session.paused_remaining_ms) return;
    Scope sc = make_scope(jc.s, jc.fx, *t->team);
    advance_step(sc, t->session);
}

}  // namespace

void CasusFeature::add_jobs(JobRegistry& j) {
    j.add("casus.start", job_start);
    j.add("casus.reminder", job_reminder);
    j.add("casus.voorstel", job_voorstel);
    j.add("casus.step", job_step);
}

std::vector<config::SectionSchema> CasusFeature::config_sections() const {
    return {
        config::SectionSchema::of(kMethodsSection, parse_methods_section),
        config::SectionSchema::of(kCasusSection, parse_casus_section),
    };
}

void CasusFeature::on_start(Services& s) {
    sync_series(s);
}

void CasusFeature::on_message(MessageContext& mc) {
    if (!mc.team) return;
    auto root = mc.event.thread_root();
    if (!root) return;
    auto session = Sessions(mc.s.db).by_root(*root);
    if (session && session->team == mc.team->name)
        note_participant(mc.s, *session, mc.event.sender);
}

void CasusFeature::on_own_message(MessageContext& mc) {
    auto ref = ref_of(mc.event);
    if (!ref || ref->rfind("casus:", 0) != 0) return;
    auto id = commands::parse_item_id(std::string_view(*ref).substr(6));
    if (!id) return;
    Sessions repo(mc.s.db);
    auto s = repo.get(*id);
    if (!s || s->root_event_id) return;  // unknown, or already known (a re-delivered echo)
    s->root_event_id = mc.event.event_id;
    repo.update(*s);
    const auto* team = mc.s.cfg().team_by_name(s->team);
    if (!team) return;
    // The thread exists now: post the first step in it.
    if (s->status == "running" && s->current_step == 0 && !s->paused_remaining_ms) {
        Scope sc = make_scope(mc.s, mc.fx, *team);
        advance_step(sc, *s);
    }
}

std::string CasusFeature::digest_section(Services& s, const DigestRequest& req) {
    return casus_digest(s, req);
}

std::vector<DigestFigure> CasusFeature::digest_figures(Services& s, const DigestRequest& req) {
    return casus_figures(s, req);
}

}  // namespace dialoog::casus
