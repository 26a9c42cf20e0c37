#pragma once
// The weekly digest for team leaders, in a DM. Composes the other features'
// digest_section()s per team of the leader; delivers them weekly (delivery.hpp); answers
// `!overzicht` (overzicht_command.hpp); exports figures (export_csv.hpp).

#include "commands/feature.hpp"

namespace dialoog::digest {

class DigestFeature final : public commands::Feature {
  public:
    std::string_view name() const override { return "digest"; }
    std::vector<storage::Migration> migrations() const override;
    void add_texts(commands::Catalogue&) const override;
    void add_commands(commands::Registry&) override;
    void add_jobs(commands::JobRegistry&) override;
    std::vector<config::SectionSchema> config_sections() const override;
    /// Reconciles the per-leader jobs with the config (create, move, remove).
    void on_start(commands::Services&) override;
};

}  // namespace dialoog::digest
