#pragma once
// "Alles kan, tenzij…": nudges on door-closing messages in team rooms, and the decision log
// (besluit) with follow-up reminders. The detector itself is nudge_detector.hpp.

#include "commands/digest_contributor.hpp"
#include "commands/feature.hpp"
#include "commands/tenzij/nudge_detector.hpp"

namespace dialoog::tenzij {

class TenzijFeature final : public commands::Feature,
                            public commands::DigestContributor,
                            public commands::DecisionLog {
  public:
    std::string_view name() const override { return "tenzij"; }
    std::vector<storage::Migration> migrations() const override;
    void add_texts(commands::Catalogue&) const override;
    void add_commands(commands::Registry&) override;
    void add_jobs(commands::JobRegistry&) override;
    std::vector<config::SectionSchema> config_sections() const override;
    void on_message(commands::MessageContext&) override;
    commands::DigestContributor* digest() override { return this; }
    commands::DecisionLog* decision_log() override { return this; }

    /// Last of the features' sections: nudges and the decision log.
    int digest_order() const override { return 40; }
    std::string digest_section(commands::Services&, const commands::DigestRequest&) override;
    std::vector<commands::DigestFigure> digest_figures(commands::Services&,
                                                       const commands::DigestRequest&) override;
    /// Records a decision another feature made (e.g. a case discussion's action) with its
    /// follow-up reminders, as `!besluit` would.
    std::int64_t record(commands::Services& s, const commands::DecisionDraft& d) override;
};

}  // namespace dialoog::tenzij
