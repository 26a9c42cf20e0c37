#pragma once
// Intervision prompts: a reflective question posted weekly in each team room
// (team YAML `intervisie:`, default Monday 09:00), no repeats in a team until the library is
// exhausted, `!vraag` (leaders) for the next one now, and the number of distinct people who
// replied in each prompt's thread (only the number is kept) for the weekly digest.

#include "commands/digest/figures.hpp"
#include "commands/feature.hpp"

namespace dialoog::commands {

class IntervisieFeature final : public Feature, public digest::DigestFigureSource {
  public:
    std::string_view name() const override { return "intervisie"; }
    std::vector<storage::Migration> migrations() const override;
    void add_texts(Catalogue&) const override;
    void add_commands(Registry&) override;
    void add_jobs(JobRegistry&) override;
    std::vector<config::SectionSchema> config_sections() const override;
    void on_start(Services&) override;
    void on_message(MessageContext&) override;
    void on_own_message(MessageContext&) override;
    std::string digest_section(Services&, const DigestRequest&) override;
    /// intervisie_vragen (prompts posted in the week), intervisie_reacties (people who
    /// replied to them, summed over the prompts; only the number is kept).
    std::vector<digest::DigestFigure> digest_figures(Services&, const DigestRequest&) override;
};

}  // namespace dialoog::commands
