#include "commands/tenzij/tenzij_feature.hpp"

#include "commands/catalogue.hpp"
#include "commands/context.hpp"
#include "commands/registry.hpp"
#include "commands/tenzij/besluit_commands.hpp"
#include "commands/tenzij/besluit_log.hpp"
#include "commands/tenzij/nudge_command.hpp"
#include "commands/tenzij/nudger.hpp"
#include "commands/tenzij/opvolging_job.hpp"
#include "commands/tenzij/tenzij_config.hpp"
#include "commands/tenzij/tenzij_digest.hpp"
#include "storage/tenzij/besluiten.hpp"
#include "storage/tenzij/migrations.hpp"

namespace dialoog::tenzij {

std::vector<commands::TextEntry> tenzij_texts();

std::vector<storage::Migration> TenzijFeature::migrations() const {
    return tenzij_migrations();
}

void TenzijFeature::add_texts(commands::Catalogue& c) const {
    c.add(tenzij_texts());
}

void TenzijFeature::add_commands(commands::Registry& r) {
    using commands::Where;
    r.add({.name = "besluit",
           .aliases = {"decision"},
           .where = Where::TeamRoom,
           .summary_key = "tenzij.besluit_summary",
           .usage_key = "tenzij.besluit_usage",
           .examples_key = "tenzij.besluit_examples",
           .handler = cmd_besluit});
    r.add({.name = "besluiten",
           .aliases = {"decisions"},
           .where = Where::TeamRoom,
           .summary_key = "tenzij.besluiten_summary",
           .usage_key = "tenzij.besluiten_usage",
           .examples_key = "tenzij.besluiten_examples",
           .handler = cmd_besluiten});
    r.add({.name = "opvolging",
           .aliases = {"followup"},
           .where = Where::TeamRoom,
           .summary_key = "tenzij.opvolging_summary",
           .usage_key = "tenzij.opvolging_usage",
           .examples_key = "tenzij.opvolging_examples",
           .handler = cmd_opvolging});
    r.add({.name = "nudge",
           .summary_key = "tenzij.nudge_summary",
           .usage_key = "tenzij.nudge_usage",
           .examples_key = "tenzij.nudge_examples",
           .handler = cmd_nudge});
}

void TenzijFeature::add_jobs(commands::JobRegistry& j) {
    j.add(std::string(kOpvolgingJobKind), fire_opvolging);
}

std::vector<config::SectionSchema> TenzijFeature::config_sections() const {
    return {nudge_section_schema()};
}

void TenzijFeature::on_message(commands::MessageContext& m) {
    if (!m.team || m.is_dm) return;
    // Compiled once per config load (parse_nudge_section), not per message.
    const auto& settings = m.s.cfg().section(kNudgeSection);
    if (!settings.detector) return;
    maybe_nudge(m, *settings.detector, settings);
}

std::string TenzijFeature::digest_section(commands::Services& s,
                                          const commands::DigestRequest& req) {
    return tenzij_digest(s, req);
}

std::vector<commands::DigestFigure> TenzijFeature::digest_figures(
    commands::Services& s, const commands::DigestRequest& req) {
    return tenzij_figures(s, req);
}

std::int64_t TenzijFeature::record(commands::Services& s, const commands::DecisionDraft& d) {
    NewBesluit b;
    b.team = d.team;
    b.description = d.description;
    b.owner = d.owner;
    b.due_ms = d.due_ms;
    b.source = d.source;
    b.created_ms = d.created_ms;
    return record_besluit(s.db, b);
}

}  // namespace dialoog::tenzij
