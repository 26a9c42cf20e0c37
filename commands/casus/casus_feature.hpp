#pragma once
// Case discussions (casusbespreking): planning with <wanneer>, methods as data,
// inbrenger/gespreksleider rotation, running a session step by step in a thread, lessons and
// actions, recurring series, and the casus part of the weekly digest.

#include "commands/digest/figures.hpp"
#include "commands/feature.hpp"

namespace dialoog::commands {

class CasusFeature final : public Feature, public digest::DigestFigureSource {
  public:
    std::string_view name() const override { return "casus"; }
    std::vector<storage::Migration> migrations() const override;
    void add_texts(Catalogue&) const override;
    void add_commands(Registry&) override;
    void add_jobs(JobRegistry&) override;
    std::vector<config::SectionSchema> config_sections() const override;
    void on_start(Services&) override;
    void on_message(MessageContext&) override;
    void on_own_message(MessageContext&) override;
    std::string digest_section(Services&, const DigestRequest&) override;
    std::vector<digest::DigestFigure> digest_figures(Services&, const DigestRequest&) override;
};

}  // namespace dialoog::commands
