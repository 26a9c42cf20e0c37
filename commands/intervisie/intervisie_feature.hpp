#pragma once
// Intervision prompts: a reflective question posted weekly in each team room
// (team YAML `intervisie:`, default Monday 09:00), no repeats in a team until the library is
// exhausted, `!vraag` (leaders) for the next one now, and the number of distinct people who
// replied in each prompt's thread (only the number is kept) for the weekly digest.

#include "commands/digest_contributor.hpp"
#include "commands/feature.hpp"

namespace dialoog::intervisie {

class IntervisieFeature final : public commands::Feature, public commands::DigestContributor {
  public:
    std::string_view name() const override { return "intervisie"; }
    std::vector<storage::Migration> migrations() const override;
    void add_texts(commands::Catalogue&) const override;
    void add_commands(commands::Registry&) override;
    void add_jobs(commands::JobRegistry&) override;
    std::vector<config::SectionSchema> config_sections() const override;
    void on_start(commands::Services&) override;
    void on_message(commands::MessageContext&) override;
    void on_own_message(commands::MessageContext&) override;
    commands::DigestContributor* digest() override { return this; }

    /// After the case discussions: the week's intervision prompts.
    int digest_order() const override { return 20; }
    std::string digest_section(commands::Services&, const commands::DigestRequest&) override;
    /// intervisie_vragen (prompts posted in the week), intervisie_reacties (people who
    /// replied to them, summed over the prompts; only the number is kept).
    std::vector<commands::DigestFigure> digest_figures(commands::Services&,
                                                       const commands::DigestRequest&) override;
};

}  // namespace dialoog::intervisie
