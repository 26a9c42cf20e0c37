#pragma once
// "Alles kan, tenzij…": nudges on door-closing messages in team rooms, and the decision log
// (besluit) with follow-up reminders. The detector itself is nudge_detector.hpp.

#include "commands/digest/figures.hpp"
#include "commands/feature.hpp"
#include "commands/tenzij/nudge_detector.hpp"

namespace dialoog::tenzij {

class TenzijFeature final : public commands::Feature, public digest::DigestFigureSource {
  public:
    std::string_view name() const override { return "tenzij"; }
    std::vector<storage::Migration> migrations() const override;
    void add_texts(commands::Catalogue&) const override;
    void add_commands(commands::Registry&) override;
    void add_jobs(commands::JobRegistry&) override;
    std::vector<config::SectionSchema> config_sections() const override;
    void on_message(commands::MessageContext&) override;
    std::string digest_section(commands::Services&, const commands::DigestRequest&) override;
    std::vector<digest::DigestFigure> digest_figures(commands::Services&,
                                                     const commands::DigestRequest&) override;
};

}  // namespace dialoog::tenzij
