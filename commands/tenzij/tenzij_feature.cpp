#include "commands/tenzij/tenzij_feature.hpp"

#include "commands/catalogue.hpp"
#include "commands/context.hpp"
#include "commands/registry.hpp"
#include "commands/tenzij/besluit_commands.hpp"
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
    using commands::CommandSpec;
    using commands::Role;
    using commands::Where;
    r.add(CommandSpec{"besluit",
                      {"decision"},
                      "tenzij",
                      Role::Member,
                      Where::TeamRoom,
                      "tenzij.besluit_summary",
                      "tenzij.besluit_usage",
                      "tenzij.besluit_examples",
                      true,
                      besluit_command});
    r.add(CommandSpec{"besluiten",
                      {"decisions"},
                      "tenzij",
                      Role::Member,
                      Where::TeamRoom,
                      "tenzij.besluiten_summary",
                      "tenzij.besluiten_usage",
                      "tenzij.besluiten_examples",
                      true,
                      besluiten_command});
    r.add(CommandSpec{"opvolging",
                      {"followup"},
                      "tenzij",
                      Role::Member,
                      Where::TeamRoom,
                      "tenzij.opvolging_summary",
                      "tenzij.opvolging_usage",
                      "tenzij.opvolging_examples",
                      true,
                      opvolging_command});
    r.add(CommandSpec{"nudge",
                      {},
                      "tenzij",
                      Role::Member,
                      Where::Anywhere,
                      "tenzij.nudge_summary",
                      "tenzij.nudge_usage",
                      "tenzij.nudge_examples",
                      true,
                      nudge_command});
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

std::vector<digest::DigestFigure> TenzijFeature::digest_figures(
    commands::Services& s, const commands::DigestRequest& req) {
    return tenzij_figures(s, req);
}

}  // namespace dialoog::tenzij
