#pragma once
// Anonymised client input: client representatives send stories in a private chat,
// see the scrubbed version, and confirm; teams read them in their room and in the digest.
// Nothing stored links an input to the client or to the representative (data minimisation).
//
// Files: intake_flow (DM dialogue, confirm, discard), intake_room (where intake may run),
// withdrawal (!inbreng intrekken), team_view (lijst, show), digest_section, housekeeping
// (retention, flood key, stale intakes), intake_config (YAML), themes, texts.cpp; storage in
// storage/inbreng/.

#include "commands/client_voices.hpp"
#include "commands/digest_contributor.hpp"
#include "commands/feature.hpp"

namespace dialoog::inbreng {

class InbrengFeature final : public commands::Feature,
                             public commands::DigestContributor,
                             public commands::ClientVoices {
  public:
    std::string_view name() const override { return "inbreng"; }
    std::vector<storage::Migration> migrations() const override;
    void add_texts(commands::Catalogue&) const override;
    void add_commands(commands::Registry&) override;
    void add_jobs(commands::JobRegistry&) override;
    std::vector<config::SectionSchema> config_sections() const override;
    bool accepts_invite(const std::string& inviter, bool is_direct) const override;
    void on_start(commands::Services&) override;
    void on_message(commands::MessageContext&) override;
    void on_reaction(commands::ReactionContext&) override;
    commands::DigestContributor* digest() override { return this; }
    commands::ClientVoices* client_voices() override { return this; }

    /// After case discussions and intervision: the client stories that came in.
    int digest_order() const override { return 30; }
    std::string digest_section(commands::Services&, const commands::DigestRequest&) override;
    std::vector<commands::DigestFigure> digest_figures(commands::Services&,
                                                       const commands::DigestRequest&) override;
    std::optional<std::string> story_text(commands::Services& s, std::int64_t id,
                                          const std::string& team) override;

  private:
    // accepts_invite() gets no config: the services seen in on_start give the current one
    // (a SIGHUP reload replaces Services::config in place).
    commands::Services* services_ = nullptr;
};

}  // namespace dialoog::inbreng
