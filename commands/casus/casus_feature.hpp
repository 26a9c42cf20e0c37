#pragma once
// Case discussions (casusbespreking): planning with <wanneer>, methods as data,
// inbrenger/gespreksleider rotation, running a session step by step in a thread, lessons and
// actions, recurring series, and the casus part of the weekly digest.

#include "commands/digest_contributor.hpp"
#include "commands/feature.hpp"

namespace dialoog::casus {

class CasusFeature final : public commands::Feature, public commands::DigestContributor {
  public:
    std::string_view name() const override { return "casus"; }
    std::vector<storage::Migration> migrations() const override;
    void add_texts(commands::Catalogue&) const override;
    void add_commands(commands::Registry&) override;
    void add_jobs(commands::JobRegistry&) override;
    std::vector<config::SectionSchema> config_sections() const override;
    void on_start(commands::Services&) override;
    void on_message(commands::MessageContext&) override;
    void on_own_message(commands::MessageContext&) override;
    commands::DigestContributor* digest() override { return this; }

    /// First in the digest: the case discussions of the week.
    int digest_order() const override { return 10; }
    std::string digest_section(commands::Services&, const commands::DigestRequest&) override;
    /// casus_gehouden, casus_gepland, casus_gemist, casus_deelnemers, casus_lessen,
    /// casus_acties.
    std::vector<commands::DigestFigure> digest_figures(commands::Services&,
                                                       const commands::DigestRequest&) override;
};

}  // namespace dialoog::casus
