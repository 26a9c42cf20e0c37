#include "commands/inbreng/inbreng_feature.hpp"

#include "commands/catalogue.hpp"
#include "commands/context.hpp"
#include "commands/inbreng/digest_section.hpp"
#include "commands/inbreng/housekeeping.hpp"
#include "commands/inbreng/intake_config.hpp"
#include "commands/inbreng/intake_flow.hpp"
#include "commands/inbreng/team_view.hpp"
#include "commands/inbreng/withdrawal.hpp"
#include "commands/registry.hpp"
#include "storage/inbreng/inputs.hpp"
#include "storage/inbreng/migrations.hpp"

namespace dialoog::inbreng {

std::vector<commands::TextEntry> inbreng_texts();

namespace {

void cmd_inbreng(commands::CommandContext& c) {
    std::string sub = c.cmd.args.empty() ? "" : c.cmd.args[0];
    for (auto& ch : sub)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    if (sub == "intrekken" || sub == "withdraw") {
        sub_intrekken(c);
        return;
    }
    if (c.team) {
        sub_team_view(c);
        return;
    }
    bool team_word = sub == "lijst" || sub == "list" ||
                     (c.cmd.args.size() == 1 && commands::parse_item_id(c.cmd.args[0]));
    if (team_word) {
        c.fx.notice(c.room.room_id, c.text("inbreng.only_team_room"), {}, {}, 0, true);
        return;
    }
    sub_intake(c);
}

}  // namespace

std::vector<storage::Migration> InbrengFeature::migrations() const {
    return inbreng_migrations();
}

void InbrengFeature::add_texts(commands::Catalogue& c) const {
    c.add(inbreng_texts());
}

void InbrengFeature::add_commands(commands::Registry& r) {
    r.add({.name = "inbreng",
           .aliases = {"input"},
           .where = commands::Where::Anywhere,  // the handler decides per kind of room
           .summary_key = "inbreng.summary",
           .usage_key = "inbreng.usage",
           .examples_key = "inbreng.examples",
           .handler = cmd_inbreng});
}

void InbrengFeature::add_jobs(commands::JobRegistry& j) {
    j.add(std::string(kExpireJobKind), intake_expire_job);
    j.add(std::string(kDailyJobKind), daily_housekeeping_job);
}

std::vector<config::SectionSchema> InbrengFeature::config_sections() const {
    return {intake_section()};
}

bool InbrengFeature::accepts_invite(const std::string& inviter, bool is_direct) const {
    if (!is_direct || !services_) return false;
    return services_->cfg().section(kIntakeSection).allowed(inviter);
}

void InbrengFeature::on_start(commands::Services& s) {
    services_ = &s;
    // Deleted rows (a pending intake, yesterday's flood key) are overwritten on disk, not just
    // unlinked: free pages must not keep what the tables no longer hold.
    s.db.set_secure_delete(true);
    ensure_daily_job(s);
}

void InbrengFeature::on_message(commands::MessageContext& m) {
    intake_message(m);
}

void InbrengFeature::on_reaction(commands::ReactionContext& r) {
    intake_reaction(r);
}

std::string InbrengFeature::digest_section(commands::Services& s,
                                           const commands::DigestRequest& req) {
    return inbreng_digest_section(s, req);
}

std::vector<commands::DigestFigure> InbrengFeature::digest_figures(
    commands::Services& s, const commands::DigestRequest& req) {
    return inbreng_figures(s, req);
}

std::optional<std::string> InbrengFeature::story_text(commands::Services& s, std::int64_t id,
                                                      const std::string& team) {
    auto in = Inputs(s.db).get(id, team);
    if (!in) return std::nullopt;
    return in->text;
}

}  // namespace dialoog::inbreng
