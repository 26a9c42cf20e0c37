#include "commands/intervisie/intervisie_feature.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "commands/context.hpp"
#include "commands/intervisie/prompts.hpp"
#include "commands/marked_post.hpp"
#include "commands/registry.hpp"
#include "common/keyed_hash.hpp"
#include "storage/intervisie/migrations.hpp"
#include "storage/intervisie/prompt_posts.hpp"
#include "storage/jobs.hpp"

namespace dialoog::intervisie {

using namespace commands;

std::vector<TextEntry> intervisie_texts();

namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
/// Replies are counted for a week; then the hashes that made the count distinct are deleted.
constexpr std::int64_t kCountWindowMs = 7 * kDayMs;
/// A weekly prompt more than a day late (bot down) is skipped, not posted out of context.
constexpr std::int64_t kStaleAfterMs = kDayMs;
constexpr const char* kJobKind = "intervisie.prompt";

std::string job_key(const std::string& team) {
    return "intervisie:" + team;
}

std::string lang_of(const config::TeamConfig& team) {
    return team.language.empty() ? "nl" : team.language;
}

/// Posts the next prompt of `team` (no repeat within a cycle) and records it.
void post_next_prompt(Services& s, Effects& fx, const config::TeamConfig& team,
                      const std::string& room_id) {
    PromptPosts posts(s.db);
    const auto& library = s.cfg().section(kPromptsSection);
    if (library.empty()) return;
    int cycle = std::max(1, posts.current_cycle(team.name));
    auto used = posts.used_in_cycle(team.name, cycle);
    std::vector<const Prompt*> open;
    for (const auto& p : library)
        if (!used.count(p.id)) open.push_back(&p);
    if (open.empty()) {  // library exhausted: a new cycle starts
        ++cycle;
        for (const auto& p : library) open.push_back(&p);
    }
    // A fixed shuffle per team and cycle: teams do not all get the same question the same week.
    auto order = [&](const Prompt* p) {
        return hmac_hex("intervisie-volgorde",
                        team.name + "\n" + std::to_string(cycle) + "\n" + p->id);
    };
    const auto* pick = *std::min_element(open.begin(), open.end(),
                                         [&](auto* a, auto* b) { return order(a) < order(b); });
    const std::int64_t now = s.now_ms();
    PromptPost post;
    post.team = team.name;
    post.room_id = room_id;
    post.prompt_id = pick->id;
    post.cycle = cycle;
    post.posted_at = now;
    post.id = posts.insert(post);
    const std::string lang = lang_of(team);
    post_marked(
        fx, room_id,
        s.texts.get(lang, "intervisie.post", {{"prompt", prompt_text(*pick, lang, s.texts)}}),
        "intervisie:" + std::to_string(post.id));
    posts.forget_repliers_before(now - kCountWindowMs);
}

void job_prompt(JobContext& jc) {
    const std::string team_name = jc.payload.value("team", "");
    const auto* team = jc.s.cfg().team_by_name(team_name);
    if (!team) return;  // team removed: the job lapses
    const auto& rule = team->section(kIntervisieSection).schedule;
    if (!rule) return;  // switched off
    const std::int64_t now = jc.s.now_ms();
    if (now - jc.job.due_at <= kStaleAfterMs) post_next_prompt(jc.s, jc.fx, *team, team->room);
    // From the due instant, so the series keeps its local wall-clock time across DST.
    const std::int64_t base = std::max(jc.job.due_at, now);
    jc.reschedule(
        wanneer::next_occurrence(*rule, team->tz, wanneer::UtcMs{std::chrono::milliseconds{base}})
            .time_since_epoch()
            .count());
}

void cmd_vraag(CommandContext& c) {
    post_next_prompt(c.s, c.fx, *c.team, c.room.room_id);
}

}  // namespace

std::vector<storage::Migration> IntervisieFeature::migrations() const {
    return intervisie_migrations();
}

void IntervisieFeature::add_texts(Catalogue& c) const {
    c.add(intervisie_texts());
}

void IntervisieFeature::add_commands(Registry& r) {
    r.add({.name = "vraag",
           .aliases = {"prompt"},
           .min_role = Role::Leader,
           .where = Where::TeamRoom,
           .summary_key = "intervisie.vraag_summary",
           .usage_key = "intervisie.vraag_usage_line",
           .examples_key = "intervisie.vraag_examples",
           .handler = cmd_vraag});
}

void IntervisieFeature::add_jobs(JobRegistry& j) {
    j.add(kJobKind, job_prompt);
}

std::vector<config::SectionSchema> IntervisieFeature::config_sections() const {
    return {
        config::SectionSchema::of(kPromptsSection, parse_prompts_section),
        config::SectionSchema::of(kIntervisieSection, parse_team_section),
    };
}

void IntervisieFeature::on_start(Services& s) {
    storage::Jobs jobs(s.db);
    const std::int64_t now = s.now_ms();
    for (const auto& team : s.cfg().teams) {
        const std::string key = job_key(team.name);
        const auto& rule = team.section(kIntervisieSection).schedule;
        if (!rule) {
            jobs.remove(key);
            continue;
        }
        const std::string text = wanneer::format_weekly_rule(*rule);
        // Keep a job whose rule is unchanged (it may be overdue: it fires now); else replace.
        if (auto job = jobs.get(key)) {
            auto payload = nlohmann::json::parse(job->payload, nullptr, false);
            if (payload.is_object() && payload.value("rule", "") == text) continue;
        }
        const auto next = wanneer::next_occurrence(*rule, team.tz,
                                                   wanneer::UtcMs{std::chrono::milliseconds{now}});
        jobs.upsert(kJobKind, key, next.time_since_epoch().count(),
                    nlohmann::json{{"team", team.name}, {"rule", text}}.dump());
    }
}

void IntervisieFeature::on_message(MessageContext& mc) {
    if (!mc.team) return;
    auto root = mc.event.thread_root();
    if (!root) return;
    PromptPosts posts(mc.s.db);
    auto post = posts.by_root(*root);
    if (!post || post->team != mc.team->name) return;
    if (mc.s.now_ms() - post->posted_at >= kCountWindowMs) return;
    posts.add_replier(
        post->id, hmac_hex(mc.s.mark_key, "intervisie-reactie:" + std::to_string(post->id) + ":" +
                                              mc.event.sender));
}

void IntervisieFeature::on_own_message(MessageContext& mc) {
    auto ref = ref_of(mc.event);
    if (!ref || ref->rfind("intervisie:", 0) != 0) return;
    if (auto id = commands::parse_item_id(std::string_view(*ref).substr(11)))
        PromptPosts(mc.s.db).set_root(*id, mc.event.event_id);
}

std::string IntervisieFeature::digest_section(Services& s, const DigestRequest& req) {
    if (!req.team) return {};
    const std::string lang = req.lang.empty() ? "nl" : req.lang;
    auto posts = PromptPosts(s.db).between(req.team->name, req.week_start_ms, req.week_end_ms);
    std::string md = s.texts.get(lang, "intervisie.digest_title");
    if (posts.empty()) return md + "\n\n" + s.texts.get(lang, "intervisie.digest_nothing");
    const auto& library = s.cfg().section(kPromptsSection);
    md += "\n";
    for (const auto& p : posts) {
        auto it = std::find_if(library.begin(), library.end(),
                               [&](const Prompt& x) { return x.id == p.prompt_id; });
        const std::string text =
            it == library.end() ? p.prompt_id : prompt_text(*it, lang, s.texts);
        md += "\n- " +
              s.texts.get(lang,
                          p.replies == 1 ? "intervisie.digest_item_one" : "intervisie.digest_item",
                          {{"prompt", text}, {"replies", std::to_string(p.replies)}});
    }
    return md;
}

std::vector<DigestFigure> IntervisieFeature::digest_figures(Services& s, const DigestRequest& req) {
    if (!req.team) return {};
    auto posts = PromptPosts(s.db).between(req.team->name, req.week_start_ms, req.week_end_ms);
    std::int64_t replies = 0;
    for (const auto& p : posts) replies += p.replies;
    return {{"intervisie_vragen", static_cast<std::int64_t>(posts.size())},
            {"intervisie_reacties", replies}};
}

}  // namespace dialoog::intervisie
